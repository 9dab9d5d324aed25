/**
 * @module conversation/advance
 * After the facts changed: decide on them and either ask the next question (or a confirmation), or end in a
 * decision. A reading that waits for confirmation is taken without one only when deciding with it is provably
 * no less severe than deciding without it.
 */
import type { EvaluationContext } from '../core/evaluate.ts';
import { enumValues, type FactKey, isFactKey, severity } from '../core/facts.ts';
import { decided } from './decision-reply.ts';
import { setFact } from './readings.ts';
import { renderUnderstood } from './render.ts';
import { ask, decide, type TurnCtx, type TurnResult } from './turn-context.ts';
import { type ConversationState, factValues, type PendingFact } from './types.ts';

/** A value that keeps the case on its conservative branch, to compare a reading against. */
function conservative(key: FactKey): string | number | undefined {
  if (key === 'valueJPY') return 1e12;
  const values = enumValues(key);
  if (!values) return undefined;
  if (values.includes('unknown')) return 'unknown';
  return values.includes('no') ? 'no' : undefined;
}

/**
 * True when deciding with the readings is complete and no less severe than deciding with the conservative
 * value of each: then confirming them could not change the outcome for the better, and they are taken.
 */
function harmless(c: TurnCtx, ps: readonly PendingFact[]): boolean {
  const facts = factValues(c.state);
  const withIt: Record<string, string | number> = { ...facts };
  const without: Record<string, string | number> = { ...facts };
  for (const p of ps) {
    const alt = conservative(p.key);
    if (alt === undefined) return false;
    withIt[p.key] = p.value;
    without[p.key] = alt;
  }
  const a = decide(c, withIt);
  const b = decide(c, without);
  if (!a.ok || !b.ok) return false;
  if (a.decision.outcome === 'needs_facts' || b.decision.outcome === 'needs_facts') return false;
  return severity(a.decision.outcome) >= severity(b.decision.outcome);
}

/**
 * The readings to confirm before the core's next question: those it still needs, when together they settle
 * the case or leave fewer questions (a laptop carried and brought back needs no recipient).
 */
function confirmFirst(c: TurnCtx, missing: readonly FactKey[]): PendingFact[] {
  const relevant = c.state.pending
    .filter((p) => missing.includes(p.key))
    .sort((a, b) => missing.indexOf(a.key) - missing.indexOf(b.key));
  if (!relevant.length) return [];
  const withAll = decide(c, { ...factValues(c.state), ...Object.fromEntries(relevant.map((p) => [p.key, p.value])) });
  if (!withAll.ok) return [];
  const settles =
    withAll.decision.outcome !== 'needs_facts' || withAll.decision.missing.length < missing.length - relevant.length;
  return settles ? relevant : [];
}

/**
 * The core's order, except that a lab which reported list-controlled technology in the survey is asked for
 * the classification first in technology and visitor cases.
 */
function firstQuestion(missing: readonly FactKey[], state: ConversationState, context: EvaluationContext): FactKey {
  const type = state.facts.caseType?.value;
  if (
    context.survey?.controlledTechnology &&
    (type === 'technology' || type === 'visitor') &&
    missing.includes('listStatus')
  )
    return 'listStatus';
  return missing[0]!;
}

/** Decides on the facts so far: the next question (or confirmation), or the decision with a new case id. */
export async function advance(c: TurnCtx, prefix: (string | undefined)[], showUnderstood = false): Promise<TurnResult> {
  const { deps, state } = c;
  for (let guard = 0; guard < 40; guard++) {
    const result = decide(c, factValues(state));
    if (!result.ok) {
      // A stored fact the schema now refuses (rules changed under a live conversation): forget it and ask again.
      const before = Object.keys(state.facts).length;
      for (const issue of result.issues) {
        const key = issue.path.split('.')[0];
        if (key && isFactKey(key)) delete state.facts[key];
      }
      if (Object.keys(state.facts).length === before) state.facts = {};
      continue;
    }
    const d = result.decision;
    if (d.outcome === 'needs_facts') {
      const early = confirmFirst(c, d.missing);
      if (early.length && harmless(c, early)) {
        for (const p of early) setFact(state, p.key, p.value, p.provenance);
        continue;
      }
      const q = early[0]?.key ?? firstQuestion(d.missing, state, c.context);
      const p = state.pending.find((x) => x.key === q);
      if (p && harmless(c, [p])) {
        setFact(state, q, p.value, p.provenance);
        continue;
      }
      const understood = showUnderstood ? [renderUnderstood(state, deps.ruleSet, deps.content.messages)] : [];
      return ask(c, q, [...prefix, ...understood]);
    }
    return decided(c, d, prefix);
  }
  throw new Error('conversation did not settle');
}
