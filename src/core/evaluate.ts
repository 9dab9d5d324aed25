/**
 * @module core/evaluate
 * Facts in, one decision out. Pure and synchronous: no I/O, no clock, no randomness, so the same facts
 * under the same rules version give the same decision, byte for byte.
 *
 * 1. Every rule is evaluated in three-valued logic (see `conditions.ts`).
 * 2. The outcome is the most severe among the rules that apply.
 * 3. Absent facts behind an undecided rule that could make the outcome more severe are `missing`,
 *    in the order of `rules/facts.yaml`; while any are missing the outcome is `needs_facts`.
 * 4. When nothing applies and nothing is missing, the fallback rule answers `officer_review`:
 *    no facts ever add up to a clearance by default.
 *
 * @example
 * const d = evaluate(ruleSet, { caseType: 'shipment', destinationCountry: 'KP' }, []);
 * d.outcome; // 'prohibited'
 */
import { evalCondition, type TriResult } from './conditions.ts';
import type { Decision, Reason, ScreeningHit } from './decision.ts';
import { type Derived, derive } from './derive.ts';
import {
  ESCALATING_OUTCOMES,
  type FactKey,
  type Facts,
  FLAGS,
  type Flag,
  NEEDS_FACTS,
  type Outcome,
  severity,
} from './facts.ts';
import type { Rule } from './rules-schema.ts';
import type { RuleSet } from './ruleset.ts';
import { renderText } from './template.ts';

export interface RuleTrace {
  rule: Rule;
  result: TriResult;
}

/** Evaluates every rule; exported for `rules check` and the officer's rule path. */
export function traceRules(ruleSet: RuleSet, facts: Facts, derived: Derived): RuleTrace[] {
  return ruleSet.rules.map((rule) => {
    const caseType = facts.caseType;
    if (caseType === undefined) {
      const inner = evalCondition(rule.when, derived, ruleSet);
      if (inner.value === false) return { rule, result: inner };
      return { rule, result: { value: null, absent: new Set<FactKey>(['caseType', ...inner.absent]) } };
    }
    if (!rule.caseTypes.includes(caseType)) return { rule, result: { value: false, absent: new Set() } };
    return { rule, result: evalCondition(rule.when, derived, ruleSet) };
  });
}

/** What the core is told besides the facts: the requester's lab's answer in the annual survey. */
export interface EvaluationContext {
  survey?: { controlledTechnology: boolean; answeredAt: string; lab: string; campaign: string };
}

export function evaluate(
  ruleSet: RuleSet,
  facts: Facts,
  screening: readonly ScreeningHit[],
  context: EvaluationContext = {},
): Decision {
  const derived = derive(ruleSet, facts, screening, context);
  const traces = traceRules(ruleSet, facts, derived);

  const fired = traces.filter((t) => t.result.value === true).map((t) => t.rule);
  const top = fired.reduce((max, r) => Math.max(max, severity(r.outcome)), 0);

  // Once some rule applies, only a question that could escalate the case is worth asking: whether a
  // clearance is "exempt" or "no licence" never justifies another question.
  const worthAsking = (outcome: Outcome) =>
    severity(outcome) > top && (fired.length === 0 || ESCALATING_OUTCOMES.includes(outcome));
  const absent = new Set<FactKey>();
  for (const t of traces) {
    if (t.result.value === null && worthAsking(t.rule.outcome)) for (const k of t.result.absent) absent.add(k);
  }
  const missing = ruleSet.factOrder.filter((k) => absent.has(k));

  const applied = fired.length > 0 || missing.length > 0 ? fired : [ruleSet.fallback];
  const ordered = applied
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => severity(b.rule.outcome) - severity(a.rule.outcome) || a.index - b.index)
    .map((x) => x.rule);

  const flagSet = new Set<Flag>();
  for (const r of applied) for (const f of r.flags ?? []) flagSet.add(f);
  for (const item of derived.items) for (const f of item.flags) flagSet.add(f);

  const reasons: Reason[] = ordered.map((rule) => ({
    id: rule.id,
    citation: rule.citation,
    ja: renderText(rule.text.ja, 'ja', ruleSet, facts, derived, screening, context),
    en: renderText(rule.text.en, 'en', ruleSet, facts, derived, screening, context),
  }));

  return {
    outcome: missing.length > 0 ? NEEDS_FACTS : ordered[0]!.outcome,
    missing,
    reasons,
    flags: FLAGS.filter((f) => flagSet.has(f)),
    screening: [...screening],
    rulesVersion: ruleSet.version,
  };
}
