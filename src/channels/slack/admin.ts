/**
 * @module channels/slack/admin
 * `/exportcheck admin …` in Slack: the shared admin commands answered ephemerally, and `admin faq` as a
 * modal whose submission goes through the shared FAQ editor.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { activateActive, runAdminCommand } from '../../admin/commands.ts';
import { type FaqEditResult, type FaqField, saveFaqEntry } from '../../admin/faq-edit.ts';
import type { SlackDeps } from './deps.ts';
import { faqModal } from './faq-modal.ts';
import { fallbackText } from './mrkdwn.ts';

const adminDeps = (deps: SlackDeps) => ({
  registry: deps.registry,
  screener: deps.screener,
  audit: deps.runtime.audit,
  roles: deps.runtime.roles,
  activate: deps.runtime.activate,
});

export async function runSlackAdmin(
  deps: SlackDeps & { client: WebClient; respond: RespondFn; user: string; triggerId: string; args: string[] },
): Promise<void> {
  const lines = await runAdminCommand(adminDeps(deps), `slack:${deps.user}`, deps.args);
  if (lines) {
    await deps.respond({
      response_type: 'ephemeral',
      text: `\`\`\`${fallbackText(lines.join('\n'), 2900)}\`\`\``,
    });
    return;
  }
  await deps.client.views.open({ trigger_id: deps.triggerId, view: faqModal() });
}

export async function saveFaqFromModal(
  deps: SlackDeps,
  actor: string,
  get: (block: string) => string | undefined,
): Promise<{ ok: true; message: string } | { ok: false; block: string; message: string }> {
  const r: FaqEditResult = await saveFaqEntry(
    { ...adminDeps(deps), workingRulesDir: deps.workingRulesDir },
    actor,
    (f: FaqField) => get(f),
  );
  if (!r.ok) return { ok: false, block: r.field, message: r.message };
  activateActive(adminDeps(deps));
  return { ok: true, message: r.message };
}
