/**
 * @module core/evaluate
 * Facts in, one decision out. Pure and synchronous: no I/O, no clock, no randomness, so the same facts
 * under the same rules version give the same decision, byte for byte.
 *
 * 1. Every rule is evaluated in three-valued logic (see `conditions.ts`).
 * 2. The outcome is the most severe among the rules that apply.
 * 3. Absent facts behind an undecided rule that could make the outcome more severe are `missing`,
 *    in the order of `rules/facts.yaml`; while any are missing the outcome is `needs_facts`.
 * 4. A question is only worth asking when its answer can change the outcome. Before asking, the first
 *    missing fact is tried with every legal value (and, bounded, the next one): when every answer gives
 *    the same outcome — or every answer gives an escalating outcome no milder than "I don't know" would —
 *    the case is decided now and the unasked facts are listed in `open` for the officer.
 * 5. When nothing applies and nothing is missing, the fallback rule answers `officer_review`:
 *    no facts ever add up to a clearance by default.
 *
 * @example
 * const d = evaluate(ruleSet, { caseType: 'shipment', destinationCountry: 'KP' }, []);
 * d.outcome; // 'prohibited'
 */
import { evalCondition, type TriResult } from './conditions.ts';
import type { Considered, Decision, Reason, ScreeningHit } from './decision.ts';
import { type Derived, derive } from './derive.ts';
import { whyNot } from './explain.ts';
import {
  ESCALATING_OUTCOMES,
  enumValues,
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

/** One evaluation of the rules over one fact set. */
interface Pass {
  facts: Facts;
  derived: Derived;
  traces: RuleTrace[];
  fired: Rule[];
  missing: FactKey[];
  /** The outcome when nothing is missing. */
  outcome: Outcome;
}

function pass(ruleSet: RuleSet, facts: Facts, screening: readonly ScreeningHit[], context: EvaluationContext): Pass {
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
  const outcome = fired.length > 0 ? ordered(fired)[0]!.outcome : ruleSet.fallback.outcome;
  return { facts, derived, traces, fired, missing, outcome };
}

function ordered(rules: readonly Rule[]): Rule[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => severity(b.rule.outcome) - severity(a.rule.outcome) || a.index - b.index)
    .map((x) => x.rule);
}

/** How deep the evaluator looks ahead before asking: the first missing fact, then the next one. */
const LOOKAHEAD = 2;

interface Completion {
  outcome: Outcome;
  fired: readonly Rule[];
  /** The facts enumerated on the way to this completion. */
  keys: readonly FactKey[];
  /** Every enumerated fact took "unknown": the conservative answer the contract gives "I don't know". */
  unknownPath: boolean;
}

/** Every way the missing facts can be answered, within LOOKAHEAD enumerated facts; null when one is free text. */
function completions(
  ruleSet: RuleSet,
  p: Pass,
  screening: readonly ScreeningHit[],
  context: EvaluationContext,
  depth: number,
  unknownPath: boolean,
  keys: readonly FactKey[] = [],
): Completion[] | null {
  if (p.missing.length === 0) return [{ outcome: p.outcome, fired: p.fired, unknownPath, keys }];
  if (depth === 0) return null;
  const key = p.missing[0]!;
  const values = enumValues(key);
  if (!values) return null;
  const out: Completion[] = [];
  for (const value of values) {
    const next = pass(ruleSet, { ...p.facts, [key]: value }, screening, context);
    const more = completions(
      ruleSet,
      next,
      screening,
      context,
      depth - 1,
      // A yes/no fact has no "I don't know": no answer to it is the conservative one.
      unknownPath && value === 'unknown',
      [...keys, key],
    );
    if (!more) return null;
    out.push(...more);
  }
  return out;
}

/** The rules to answer with when no answer to the missing facts can change the outcome, or null to ask. */
function decideNow(
  ruleSet: RuleSet,
  p: Pass,
  screening: readonly ScreeningHit[],
  context: EvaluationContext,
): { outcome: Outcome; rules: Rule[]; open: FactKey[] } | null {
  const all = completions(ruleSet, p, screening, context, LOOKAHEAD, true);
  if (!all) return null;
  const open = ruleSet.factOrder.filter((k) => all.some((c) => c.keys.includes(k)));
  // Only the reasons that hold whatever the answer: a reason is never shown for an answer not given.
  const common = all[0]!.fired.filter((r) => all.every((c) => c.fired.includes(r)));
  const conservative = all.find((c) => c.unknownPath);
  if (all.every((c) => c.outcome === all[0]!.outcome)) {
    const outcome = all[0]!.outcome;
    if (common.some((r) => r.outcome === outcome)) return { outcome, rules: common, open };
    // Different rules give the same outcome: answer with those of "I don't know", the assumption that
    // holds whatever the researcher would have said. A yes/no fact has no such answer: ask it.
    return conservative ? { outcome, rules: [...conservative.fired], open } : null;
  }
  // Every answer escalates, and none is milder than "I don't know": decide as the contract decides
  // "I don't know", and leave the rest to the officer.
  const mildest = all.reduce((min, c) => Math.min(min, severity(c.outcome)), Number.POSITIVE_INFINITY);
  if (!conservative || severity(conservative.outcome) !== mildest) return null;
  if (!ESCALATING_OUTCOMES.includes(conservative.outcome)) return null;
  const outcome = conservative.outcome;
  const rules = common.some((r) => r.outcome === outcome) ? common : [...conservative.fired];
  return { outcome, rules, open };
}

function considered(p: Pass, ruleSet: RuleSet): Considered[] {
  if (p.facts.caseType === undefined) return [];
  const caseType = p.facts.caseType;
  return p.traces
    .filter((t) => t.result.value === false && t.rule.caseTypes.includes(caseType))
    .map((t) => ({ id: t.rule.id, outcome: t.rule.outcome, because: whyNot(t.rule.when, p.derived, ruleSet) }));
}

export function evaluate(
  ruleSet: RuleSet,
  facts: Facts,
  screening: readonly ScreeningHit[],
  context: EvaluationContext = {},
): Decision {
  const p = pass(ruleSet, facts, screening, context);
  let outcome: Decision['outcome'];
  let applied: Rule[];
  let missing = p.missing;
  let open: FactKey[] = [];
  const now = missing.length > 0 ? decideNow(ruleSet, p, screening, context) : null;
  if (now) {
    outcome = now.outcome;
    applied = ordered(now.rules);
    open = now.open;
    missing = [];
  } else if (missing.length > 0) {
    outcome = NEEDS_FACTS;
    applied = ordered(p.fired);
  } else {
    applied = p.fired.length > 0 ? ordered(p.fired) : [ruleSet.fallback];
    outcome = applied[0]!.outcome;
  }

  const flagSet = new Set<Flag>();
  for (const r of applied) for (const f of r.flags ?? []) flagSet.add(f);
  for (const item of p.derived.items) for (const f of item.flags) flagSet.add(f);

  const render = (text: string, lang: 'ja' | 'en') =>
    renderText(text, lang, ruleSet, facts, p.derived, screening, context);
  const reasons: Reason[] = applied.map((rule) => ({
    id: rule.id,
    citation: render((facts.caseType && rule.citationFor?.[facts.caseType]) || rule.citation, 'ja'),
    ja: render(rule.text.ja, 'ja'),
    en: render(rule.text.en, 'en'),
  }));

  return {
    outcome,
    missing,
    reasons,
    flags: FLAGS.filter((f) => flagSet.has(f)),
    screening: [...screening],
    rulesVersion: ruleSet.version,
    open,
    considered: considered(p, ruleSet),
  };
}
