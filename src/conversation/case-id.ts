/**
 * @module conversation/case-id
 * Case id derivation, in one place because both a decision and a hand-off make a case, and a retried turn
 * must find the case it already made.
 */
import type { Decision } from '../core/decision.ts';
import type { EngineDeps } from './engine-deps.ts';
import { type ConversationState, factValues } from './types.ts';

/**
 * A new case id: derived from the turn's seed (set by the service) and what was decided, so a turn retried
 * after a cut finds the case it already made; random without a seed.
 */
export function caseIdFor(deps: EngineDeps, d: Decision, state: ConversationState): string {
  return deps.turnSeed === undefined
    ? deps.newCaseId()
    : deps.newCaseId(
        `${deps.turnSeed}\n${JSON.stringify([d.outcome, d.reasons.map((r) => r.id), factValues(state), d.rulesVersion])}`,
      );
}
