/**
 * @module conversation/phase
 * The conversation's phases and every transition between them, in one table. The engine and the service
 * read a turn's signals, ask `step` what to do, and do only that: no ordered early returns elsewhere.
 *
 *   idle ──opening──▶ asking ⇄ confirming ──complete──▶ decided ──correction──▶ (re-decided)
 *     ▲                  │  └─hand-off─▶ decided                │
 *     └──── reset / new case (from every phase, also awaiting_information and surveying) ─────┘
 *
 * `awaiting_information` (an officer asked this researcher a question) and `surveying` (the annual survey is
 * being answered) belong to the case and the survey stores; the service reads them and uses the same table.
 */
import { HANDOFF, NEW_CASE, RESET } from './lexicon.ts';
import type { StatePhase } from './types.ts';

export type Phase = StatePhase | 'awaiting_information';

export interface Signals {
  kind: 'text' | 'choice';
  /** reset / 「リセット」, new case / 「新しい相談」, hand the case to the office now. */
  command: 'reset' | 'new_case' | 'handoff' | null;
  empty: boolean;
  steering: boolean;
  /** A choice that answers the question being asked now (its fact and turn, when given, match). */
  choiceFits: boolean;
  /** A text that corrects a fact already known (it names the fact, or carries a correction cue). */
  correction: boolean;
  /** A general question the FAQ answers (and not a new request). */
  faq: boolean;
  /** A text that holds facts of its own (a new request after a decision). */
  hasFacts: boolean;
}

export type Step =
  | 'reset'
  | 'new_case'
  | 'handoff'
  | 'greet'
  | 'refuse_steering'
  | 'stale_choice'
  | 'apply_choice'
  | 'apply_correction'
  | 'answer_faq'
  | 'answer'
  | 'open'
  | 'to_officer'
  | 'already_decided';

export function step(phase: Phase, s: Signals): Step {
  // Commands work in every phase; "new case" is never forwarded to an officer as an answer.
  if (s.command === 'reset') return 'reset';
  if (s.command === 'new_case') return 'new_case';
  if (s.kind === 'choice') {
    return (phase === 'asking' || phase === 'confirming') && s.choiceFits ? 'apply_choice' : 'stale_choice';
  }
  if (s.empty) return 'greet';
  if (s.steering) return 'refuse_steering';
  switch (phase) {
    case 'awaiting_information':
      return 'to_officer';
    case 'asking':
    case 'confirming':
      if (s.command === 'handoff') return 'handoff';
      if (s.correction) return 'apply_correction';
      if (s.faq) return 'answer_faq';
      return 'answer';
    case 'decided':
      if (s.correction) return 'apply_correction';
      if (s.faq) return 'answer_faq';
      return s.hasFacts ? 'open' : 'already_decided';
    case 'idle':
      return s.faq ? 'answer_faq' : 'open';
  }
}

/** reset / new case / hand-off, typed (or a `handoff` choice). */
export function readCommand(text: string): Signals['command'] {
  if (RESET.test(text)) return 'reset';
  if (NEW_CASE.test(text)) return 'new_case';
  if (HANDOFF.test(text)) return 'handoff';
  return null;
}
