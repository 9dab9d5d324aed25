/**
 * @module channels/slack/admin
 * `/exportcheck admin rules status|reload|diff|rollback`, `admin lists status` and `admin faq` (a modal that
 * adds or replaces an FAQ entry). Admins only, by Slack user id; every change and refusal is audited, and a
 * refused update is explained in Slack while the old version keeps serving.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { parse, stringify } from 'yaml';
import { runRulesAdmin } from '../../cli/rules-admin.ts';
import { FaqEntrySchema } from '../../conversation/content.ts';
import { formatIssue } from '../../core/errors.ts';
import { loadRuleSet } from '../../ruleset/load.ts';
import { loadConversationContent } from '../../ruleset/load-content.ts';
import type { SlackDeps } from './app.ts';
import { faqModal } from './blocks.ts';

function activateFromRegistry(deps: SlackDeps): void {
  const dir = deps.registry.activeDir();
  const rules = loadRuleSet(dir);
  const content = loadConversationContent(dir);
  if (rules.ok && content.ok) deps.runtime.activate(rules.ruleSet, content.content);
}

export async function runSlackAdmin(
  deps: SlackDeps & { client: WebClient; respond: RespondFn; user: string; triggerId: string; args: string[] },
): Promise<void> {
  const actor = `slack:${deps.user}`;
  const [area, sub] = deps.args;
  const reply = (lines: string[]) =>
    deps.respond({ response_type: 'ephemeral', text: `\`\`\`${lines.join('\n').slice(0, 2900)}\`\`\`` });
  if (!deps.runtime.roles.isAdmin(actor)) {
    await deps.runtime.audit.append({
      at: new Date().toISOString(),
      type: 'admin.refused',
      actor,
      data: { command: deps.args.join(' ') },
    });
    await deps.respond({
      response_type: 'ephemeral',
      text: 'ADMIN.FORBIDDEN: only export-control admins can use /exportcheck admin.',
    });
    return;
  }
  if (area === 'rules' && sub) {
    const lines: string[] = [];
    const code = await runRulesAdmin(sub, {
      registry: deps.registry,
      screener: deps.screener,
      audit: deps.runtime.audit,
      roles: deps.runtime.roles,
      actor,
      now: () => new Date(),
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    if (code === 0 && (sub === 'reload' || sub === 'rollback')) activateFromRegistry(deps);
    await reply(lines);
    return;
  }
  if (area === 'lists' && sub === 'status') {
    await reply(Object.entries(deps.screener.versions()).map(([k, v]) => `${k}\t${v}`));
    return;
  }
  if (area === 'faq') {
    await deps.client.views.open({ trigger_id: deps.triggerId, view: faqModal() as never });
    return;
  }
  await reply(['usage: /exportcheck admin rules status|reload|diff|rollback | lists status | faq']);
}

/** Adds or replaces one FAQ entry in the working rules, then reloads; a refused reload restores the file. */
export async function saveFaqFromModal(
  deps: SlackDeps,
  actor: string,
  get: (block: string) => string | undefined,
): Promise<{ ok: true; message: string } | { ok: false; block: string; message: string }> {
  if (!deps.runtime.roles.isAdmin(actor)) return { ok: false, block: 'id', message: 'ADMIN.FORBIDDEN: admins only' };
  const list = (s: string | undefined, sep: RegExp) =>
    (s ?? '')
      .split(sep)
      .map((x) => x.trim())
      .filter(Boolean);
  const entry = FaqEntrySchema.safeParse({
    id: get('id')?.trim(),
    keywords: { ja: list(get('keywords_ja'), /[,、]/), en: list(get('keywords_en'), /,/) },
    answer: { ja: get('answer_ja')?.trim(), en: get('answer_en')?.trim() },
    sources: list(get('sources'), /\n/),
  });
  if (!entry.success) {
    const issue = entry.error.issues[0]!;
    const block =
      issue.path[0] === 'answer'
        ? `answer_${String(issue.path[1] ?? 'ja')}`
        : issue.path[0] === 'keywords'
          ? 'keywords_ja'
          : String(issue.path[0] ?? 'id');
    return { ok: false, block, message: issue.message };
  }
  const file = join(deps.workingRulesDir, 'conversation', 'faq.yaml');
  const before = readFileSync(file, 'utf8');
  const data = parse(before) as { faq: { id: string }[] };
  const at = data.faq.findIndex((e) => e.id === entry.data.id);
  if (at >= 0) data.faq[at] = entry.data;
  else data.faq.push(entry.data);
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
  const r = deps.registry.reload(deps.screener);
  if (!r.ok) {
    writeFileSync(file, before);
    await deps.runtime.audit.append({
      at: new Date().toISOString(),
      type: 'faq.refused',
      actor,
      data: { id: entry.data.id },
    });
    return { ok: false, block: 'id', message: r.issues.map(formatIssue).join('; ') };
  }
  await deps.runtime.audit.append({
    at: new Date().toISOString(),
    type: 'faq.changed',
    actor,
    data: { id: entry.data.id, version: r.version, replaced: at >= 0 },
  });
  activateFromRegistry(deps);
  return { ok: true, message: `FAQ ${entry.data.id} saved; rules ${r.version} active.` };
}
