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

/**
 * A typed text, or a chosen option. A choice may name the question it answers (`fact`) and the turn that
 * asked it (`turn`, carried by Slack and Teams buttons): a choice for a question no longer asked changes nothing.
 */
export type TurnInput = { text: string } | { choose: string; fact?: string; turn?: number };

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
  /**
   * The turn number of `ask` (channels put it in every option so a stale click is recognised). Not part of
   * the `chat --jsonl` line, which carries `fact` instead.
   */
  turn?: number;
  /**
   * The decision's headline for cards ("判定: 許可申請が必要"): the catalogue's `reply.outcome_heading` with the
   * outcome's label from outcomes.yaml, never its code — in both languages, since a card follows the channel's
   * language. Not part of the `chat --jsonl` line.
   */
  headline?: Record<Lang, string>;
  /** The bot offers to hand the case to the office now (channels may show a button sending `handoff`). */
  offerHandoff?: boolean;
  /** Set when the decision re-decides this recorded case after a correction: the case is corrected, not made. */
  corrects?: string;
}

/**
 * The conversation's own phase (see conversation/phase.ts for the transitions). `awaiting_information` and
 * `surveying` are phases of the case and the survey, read from their stores by the service.
 */
export type StatePhase = 'idle' | 'asking' | 'confirming' | 'decided';

/** A fact read from the text (or proposed by the LLM) that counts only once the researcher confirms it. */
export interface PendingFact {
  key: FactKey;
  value: string | number;
  provenance: Provenance;
  /** The words it was read from, shown in the confirmation. */
  read: string;
}

export interface ConversationState {
  v: 2;
  lang: Lang;
  /** Set by --lang or a user setting: then detection does not switch the language. */
  langFixed: boolean;
  phase: StatePhase;
  facts: Partial<Record<FactKey, FactEntry>>;
  /** The fact the last reply asked for, if any. */
  asked: FactKey | null;
  /** Counts the questions asked; a choice carrying an older turn is stale. */
  turn: number;
  /** Facts waiting for a one-tap confirmation before they count. */
  pending: PendingFact[];
  /** Free-text facts the researcher said they cannot give (listed for the officer on a hand-off). */
  notKnown: FactKey[];
  /** The case id of the last decision, while the user may still correct it. */
  caseId: string | null;
  /** The case version this conversation last wrote or read: a correction made on older facts is refused. */
  caseVersion?: number;
  /** The principal who started this conversation: in a shared thread only they answer and correct. */
  owner?: string;
}

export function newState(lang: Lang, langFixed: boolean): ConversationState {
  return {
    v: 2,
    lang,
    langFixed,
    phase: 'idle',
    facts: {},
    asked: null,
    turn: 0,
    pending: [],
    notKnown: [],
    caseId: null,
  };
}

/** A state saved by an older version (v1, no phase): the phase follows from what it asked or decided. */
export function upgradeState(
  raw: ConversationState | (Omit<ConversationState, 'v'> & { v: number }),
): ConversationState {
  if (raw.v === 2) return raw as ConversationState;
  const r = raw as Partial<ConversationState>;
  return {
    ...newState(r.lang ?? 'ja', r.langFixed ?? false),
    facts: r.facts ?? {},
    asked: r.asked ?? null,
    caseId: r.caseId ?? null,
    phase: r.asked ? 'asking' : r.caseId ? 'decided' : 'idle',
  };
}

/** The plain fact values of a state, as the core reads them. */
export function factValues(state: ConversationState): Record<string, string | number> {
  return Object.fromEntries(Object.entries(state.facts).map(([k, e]) => [k, e!.value]));
}
