/**
 * @module admin/rules-commands
 * `export-check rules status|reload|diff|rollback`: admins change the rules without a deploy. Only
 * principals in ADMINS may reload or roll back; every activation, rollback and refusal is an audit record.
 */
import type { Screener } from '../app/ports.ts';
import type { AuditLog } from '../audit/log.ts';
import type { Roles } from '../cases/roles.ts';
import { CodedError, ErrorCode, formatIssue } from '../core/errors.ts';
import type { RuleRegistry, RulesDiff } from '../ruleset/registry.ts';

export function diffLines(d: RulesDiff): string[] {
  return [
    `  + added: ${d.added.join(', ') || 'none'}`,
    `  ~ changed: ${d.changed.join(', ') || 'none'}`,
    `  - removed: ${d.removed.join(', ') || 'none'}`,
    ...(d.faqChanged ? ['  ~ FAQ changed'] : []),
  ];
}

function printDiff(d: RulesDiff, out: (line: string) => void): void {
  for (const line of diffLines(d)) out(line);
}

export async function runRulesAdmin(
  sub: string,
  deps: {
    registry: RuleRegistry;
    screener: Screener;
    audit: AuditLog;
    roles: Roles;
    actor: string;
    now: () => Date;
    /** Where lines go: stdout/stderr for the CLI, a Slack reply for `/exportcheck admin`. */
    out?: (line: string) => void;
    err?: (line: string) => void;
  },
): Promise<number> {
  const { registry, audit, actor } = deps;
  const out = deps.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = deps.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const at = () => deps.now().toISOString();
  if (sub === 'status') {
    const s = registry.status();
    out(`active: ${s.active ?? '(none activated: serving the working folder)'}`);
    out(`previous: ${s.history.join(', ') || 'none'}`);
    return 0;
  }
  if (sub === 'diff') {
    const r = registry.diff();
    if (!r.ok) {
      for (const i of r.issues) err(formatIssue(i));
      return 1;
    }
    out(`working folder vs active ${registry.status().active ?? '(none)'}:`);
    printDiff(r.diff, out);
    return 0;
  }
  if (!deps.roles.isAdmin(actor)) {
    await audit.append({ at: at(), type: 'rules.refused', actor, data: { action: sub, why: 'not an admin' } });
    throw new CodedError(
      ErrorCode.AdminForbidden,
      `${actor} is not an admin; set ADMINS to include it to change rules`,
    );
  }
  if (sub === 'reload') {
    const r = await registry.reloadShared(deps.screener);
    if (!r.ok) {
      for (const i of r.issues) err(formatIssue(i));
      await audit.append({ at: at(), type: 'rules.refused', actor, data: { problems: r.issues.length } });
      process.stderr.write(
        `rules reload: refused (${r.issues.length} problem(s)); ${registry.status().active ?? 'the previous rules'} keeps serving\n`,
      );
      return 1;
    }
    if (r.unchanged) {
      out(`rules reload: ${r.version} is already active`);
      return 0;
    }
    await audit.append({
      at: at(),
      type: 'rules.activated',
      actor,
      data: { version: r.version, previous: r.previous, ...r.diff },
    });
    out(`rules reload: ${r.version} active (was ${r.previous ?? 'none'})`);
    printDiff(r.diff, out);
    return 0;
  }
  if (sub === 'rollback') {
    const r = await registry.rollbackShared();
    if (!r.ok) {
      err(`rules rollback: ${r.message}`);
      return 1;
    }
    await audit.append({ at: at(), type: 'rules.rolled_back', actor, data: { version: r.version, from: r.from } });
    out(`rules rollback: ${r.version} active again (was ${r.from})`);
    return 0;
  }
  err('usage: export-check rules status | diff | reload | rollback');
  return 2;
}
