/**
 * @module admin/commands
 * The admin commands chat channels share: `rules status|reload|diff|rollback`, `lists status`. Role-checked
 * (ADMINS), audited, and answered as lines of text; after an activation the running bot serves it at once.
 */
import type { Screener } from '../app/ports.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Roles } from '../cases/roles.ts';
import type { ConversationContent } from '../conversation/content.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import type { RuleRegistry } from '../ruleset/registry.ts';
import { runRulesAdmin } from './rules-commands.ts';

export interface AdminDeps {
  registry: RuleRegistry;
  screener: Screener;
  audit: AuditLog;
  roles: Roles;
  activate: (ruleSet: RuleSet, content: ConversationContent) => void;
}

export const ADMIN_USAGE = 'admin rules status|reload|diff|rollback | admin lists status | admin faq';

/** Serves the active snapshot in this process now (other processes follow the pointer file). */
export function activateActive(deps: AdminDeps): void {
  const dir = deps.registry.activeDir();
  const rules = loadRuleSet(dir);
  const content = loadConversationContent(dir);
  if (rules.ok && content.ok) deps.activate(rules.ruleSet, content.content);
}

/** `args` after the word "admin". Returns null for `faq`, which each channel answers with its own form. */
export async function runAdminCommand(
  deps: AdminDeps,
  actor: string,
  args: readonly string[],
): Promise<string[] | null> {
  const [area, sub] = args;
  if (!deps.roles.isAdmin(actor)) {
    await deps.audit.append({
      at: new Date().toISOString(),
      type: 'admin.refused',
      actor,
      data: { command: args.join(' ') },
    });
    return ['ADMIN.FORBIDDEN: only export-control admins can use admin commands.'];
  }
  if (area === 'rules' && sub) {
    const lines: string[] = [];
    const code = await runRulesAdmin(sub, {
      registry: deps.registry,
      screener: deps.screener,
      audit: deps.audit,
      roles: deps.roles,
      actor,
      now: () => new Date(),
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
    });
    if (code === 0 && (sub === 'reload' || sub === 'rollback')) activateActive(deps);
    return lines;
  }
  if (area === 'lists' && sub === 'status')
    return Object.entries(deps.screener.versions()).map(([k, v]) => `${k}\t${v}`);
  if (area === 'faq') return null;
  return [`usage: ${ADMIN_USAGE}`];
}
