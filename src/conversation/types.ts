/**
 * @module conversation/types
 * A turn in, a reply out (contract §4 `chat --jsonl`), and the state kept between turns.
 */
import type { Decision } from '../core/decision.ts';
import type { FactKey } from '../core/facts.ts';

export type Lang = 'ja' | 'en';
/** Where a fact came from: typed as an answer, a button, the keyword extractor, or the LLM. */
export type Provenance = 'user' | 'button' | 'extractor' | 'llm';

export interface FactEntry {
  value: string | number;
  provenance: Provenance;
}

export type TurnInput = { text: string } | { choose: string };

export interface AskOption {
  value: string;
  label: string;
}

export interface Ask {
  /** A contract fact key, or `survey.<question id>` while the annual survey is being answered. */
  fact: FactKey | `survey.${string}`;
  /** null for free text (names, countries, descriptions, numbers). */
  options: AskOption[] | null;
}

export type CaseDecision = Decision & { caseId: string };

export interface Reply {
  say: string;
  ask: Ask | null;
  decision: CaseDecision | null;
}

export interface ConversationState {
  v: 1;
  lang: Lang;
  /** Set by --lang or a user setting: then detection does not switch the language. */
  langFixed: boolean;
  facts: Partial<Record<FactKey, FactEntry>>;
  /** The fact the last reply asked for, if any. */
  asked: FactKey | null;
  /** The case id of the last decision, while the user may still correct it. */
  caseId: string | null;
  /** The principal who started this conversation: in a shared thread only they answer and correct. */
  owner?: string;
}

export function newState(lang: Lang, langFixed: boolean): ConversationState {
  return { v: 1, lang, langFixed, facts: {}, asked: null, caseId: null };
}

/** The plain fact values of a state, as the core reads them. */
export function factValues(state: ConversationState): Record<string, string | number> {
  return Object.fromEntries(Object.entries(state.facts).map(([k, e]) => [k, e!.value]));
}
