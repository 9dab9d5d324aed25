/**
 * @module app/decide
 * The decide use case: validate the facts, screen the counterparty, evaluate. Expected failures
 * (bad facts) come back as issues with stable codes, never as a decision.
 */
import type { Decision } from '../core/decision.ts';
import type { Issue } from '../core/errors.ts';
import { type EvaluationContext, evaluate } from '../core/evaluate.ts';
import type { Facts } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { validateFacts } from '../core/validate-facts.ts';
import type { Screener } from './ports.ts';

export interface DecideDeps {
  ruleSet: RuleSet;
  screener: Screener;
}

export type DecideResult = { ok: true; decision: Decision; facts: Facts } | { ok: false; issues: Issue[] };

export function decideFacts(deps: DecideDeps, input: unknown, context: EvaluationContext = {}): DecideResult {
  const valid = validateFacts(input, deps.ruleSet);
  if (!valid.ok) return valid;
  const facts = valid.facts;
  const hits =
    facts.counterpartyName === undefined ? [] : deps.screener.screen(facts.counterpartyName, facts.destinationCountry);
  return { ok: true, facts, decision: evaluate(deps.ruleSet, facts, hits, context) };
}
