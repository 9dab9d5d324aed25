/**
 * @module cli/replay
 * `export-check cases replay ID`: evaluates a case's stored facts and screening hits again under the rules
 * snapshot it was decided with (DATA_DIR/rules-history/<rulesVersion>, or the working or active folder when
 * that is the same version) and says whether the decision is byte-identical; then under the current rules,
 * and what differs. The screening hits are the stored ones: a replay re-runs the rules, not the lists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Case } from '../cases/model.ts';
import type { Config } from '../config.ts';
import type { Decision } from '../core/decision.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { evaluate } from '../core/evaluate.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { validateFacts } from '../core/validate-facts.ts';
import { loadRuleSet } from '../ruleset/load.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** The stored decision without what the conversation added to it (the case id). */
function stored(c: Case): Decision {
  const { caseId: _caseId, ...decision } = c.decision as Decision & { caseId?: string };
  return decision;
}

function redecide(c: Case, ruleSet: RuleSet): Decision | string {
  const facts = Object.fromEntries(Object.entries(c.facts).map(([k, e]) => [k, e.value]));
  const valid = validateFacts(facts, ruleSet);
  if (!valid.ok)
    return `the stored facts are not valid under these rules: ${valid.issues.map((i) => `${i.path} ${i.code}`).join(', ')}`;
  return evaluate(ruleSet, valid.facts, c.decision.screening);
}

/** What differs, key by key, in words an officer reads. */
export function decisionDiff(before: Decision, after: Decision): string[] {
  const lines: string[] = [];
  if (before.outcome !== after.outcome) lines.push(`outcome: ${before.outcome} → ${after.outcome}`);
  const ids = (d: Decision) => d.reasons.map((r) => r.id);
  const added = ids(after).filter((id) => !ids(before).includes(id));
  const removed = ids(before).filter((id) => !ids(after).includes(id));
  if (added.length || removed.length)
    lines.push(`reasons: ${[...added.map((x) => `+${x}`), ...removed.map((x) => `-${x}`)].join(' ')}`);
  for (const r of after.reasons) {
    const old = before.reasons.find((b) => b.id === r.id);
    if (old && JSON.stringify(old) !== JSON.stringify(r)) lines.push(`reason ${r.id}: wording or citation changed`);
  }
  for (const key of ['missing', 'flags', 'open'] as const)
    if (JSON.stringify(before[key] ?? []) !== JSON.stringify(after[key] ?? []))
      lines.push(`${key}: [${(before[key] ?? []).join(', ')}] → [${(after[key] ?? []).join(', ')}]`);
  if (JSON.stringify(before.considered ?? []) !== JSON.stringify(after.considered ?? []))
    lines.push(
      before.considered ? 'considered (why not): changed' : 'considered (why not): not recorded with this case',
    );
  if (before.rulesVersion !== after.rulesVersion)
    lines.push(`rulesVersion: ${before.rulesVersion} → ${after.rulesVersion}`);
  return lines;
}

function snapshotRules(c: Case, config: Config, candidates: readonly string[]): RuleSet | undefined {
  const history = join(config.dataDir, 'rules-history', c.rulesVersion);
  for (const dir of [history, ...candidates]) {
    if (!existsSync(dir)) continue;
    const loaded = loadRuleSet(dir);
    if (loaded.ok && loaded.ruleSet.version === c.rulesVersion) return loaded.ruleSet;
  }
  return undefined;
}

/** Exit 0 when the stored decision replays byte-identical under its rules, 1 when it does not, 2 when it cannot. */
export async function runReplay(
  id: string | undefined,
  cases: { get(id: string): Promise<Case> },
  config: Config,
  current: { ruleSet: RuleSet; dir: string },
): Promise<number> {
  if (!id) throw new CodedError(ErrorCode.CaseInvalidAction, 'cases replay: give the case id');
  const c = await cases.get(id);
  const before = stored(c);
  let code = 2;
  const snapshot = snapshotRules(c, config, [current.dir, config.rulesDir]);
  if (!snapshot)
    out(`${c.id}: the rules snapshot ${c.rulesVersion} is not available here; compared with the current rules only`);
  else {
    const again = redecide(c, snapshot);
    if (typeof again === 'string') out(`${c.id}: under ${c.rulesVersion}: ${again}`);
    else if (JSON.stringify(again) === JSON.stringify(before)) {
      out(`${c.id}: under its rules ${c.rulesVersion}: byte-identical (${before.outcome})`);
      code = 0;
    } else {
      out(`${c.id}: under its rules ${c.rulesVersion}: differs`);
      for (const line of decisionDiff(before, again)) out(`  ${line}`);
      code = 1;
    }
  }
  if (current.ruleSet.version !== c.rulesVersion) {
    const now = redecide(c, current.ruleSet);
    if (typeof now === 'string') out(`under the current rules ${current.ruleSet.version}: ${now}`);
    else {
      const diff = decisionDiff(before, now).filter((l) => !l.startsWith('rulesVersion'));
      out(
        `under the current rules ${current.ruleSet.version}: ${diff.length ? 'differs' : `the same decision (${now.outcome})`}`,
      );
      for (const line of diff) out(`  ${line}`);
    }
  }
  return code;
}
