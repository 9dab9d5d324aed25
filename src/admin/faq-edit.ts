/**
 * @module admin/faq-edit
 * Adds or replaces one FAQ entry in the working rules and reloads; a refused reload restores the file, so a
 * bad entry never serves. Channel-neutral: Slack's modal and Teams' card both submit the same fields.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Screener } from '../app/ports.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Roles } from '../cases/roles.ts';
import { FaqEntrySchema } from '../conversation/content.ts';
import { formatIssue } from '../core/errors.ts';
import type { RuleRegistry } from '../ruleset/registry.ts';

export const FAQ_FIELDS = ['id', 'keywords_ja', 'keywords_en', 'answer_ja', 'answer_en', 'sources'] as const;
export type FaqField = (typeof FAQ_FIELDS)[number];

export type FaqEditResult =
  | { ok: true; message: string; version: string }
  | { ok: false; field: FaqField; message: string };

export async function saveFaqEntry(
  deps: { registry: RuleRegistry; screener: Screener; workingRulesDir: string; audit: AuditLog; roles: Roles },
  actor: string,
  get: (field: FaqField) => string | undefined,
): Promise<FaqEditResult> {
  const at = () => new Date().toISOString();
  if (!deps.roles.isAdmin(actor)) {
    await deps.audit.append({ at: at(), type: 'faq.refused', actor, data: { why: 'not an admin' } });
    return { ok: false, field: 'id', message: 'ADMIN.FORBIDDEN: admins only' };
  }
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
    const [head, sub] = issue.path.map(String);
    const field = (
      head === 'answer' ? `answer_${sub ?? 'ja'}` : head === 'keywords' ? `keywords_${sub ?? 'ja'}` : head
    ) as FaqField;
    return { ok: false, field: FAQ_FIELDS.includes(field) ? field : 'id', message: issue.message };
  }
  const file = join(deps.workingRulesDir, 'conversation', 'faq.yaml');
  const before = readFileSync(file, 'utf8');
  const data = parse(before) as { faq: { id: string }[] };
  const index = data.faq.findIndex((e) => e.id === entry.data.id);
  if (index >= 0) data.faq[index] = entry.data;
  else data.faq.push(entry.data);
  writeFileSync(file, stringify(data, { lineWidth: 0 }));
  const r = await deps.registry.reloadShared(deps.screener);
  if (!r.ok) {
    writeFileSync(file, before);
    await deps.audit.append({
      at: at(),
      type: 'faq.refused',
      actor,
      data: { id: entry.data.id, problems: r.issues.length },
    });
    return { ok: false, field: 'id', message: r.issues.map(formatIssue).join('; ') };
  }
  await deps.audit.append({
    at: at(),
    type: 'faq.changed',
    actor,
    data: { id: entry.data.id, version: r.version, replaced: index >= 0 },
  });
  return { ok: true, message: `FAQ ${entry.data.id} saved; rules ${r.version} active.`, version: r.version };
}
