/**
 * @module core/decision
 * The decision record of contract §4 and the screening hit the core receives as a derived input.
 */
import type { DecisionOutcome, FactKey, Flag, Outcome } from './facts.ts';

export type MatchType = 'exact' | 'strong' | 'possible';
export type ListKind = 'eul' | 'specified_entity' | 'csl';

/** One screening match, as `export-check screen` prints it, plus what the rules need to read. */
export interface ScreeningHit {
  list: string;
  entry: number;
  name: string;
  matchedOn: string;
  score: number;
  matchType: MatchType;
  kind: ListKind;
  country?: string;
  /** EUL concern types (B/C/M/N, CW for conventional weapons). */
  concerns?: string[];
  /** The list edition's date, for the citation. */
  listDate?: string;
}

export interface Reason {
  id: string;
  citation: string;
  ja: string;
  en: string;
}

/** A rule that was considered for this case type and did not apply, with the facts that decided it. */
export interface Considered {
  id: string;
  outcome: Outcome;
  because: string[];
}

export interface Decision {
  outcome: DecisionOutcome;
  missing: FactKey[];
  reasons: Reason[];
  flags: Flag[];
  screening: ScreeningHit[];
  rulesVersion: string;
  /**
   * Added keys (contract §4 allows extra keys): facts left unasked because every answer gives the same
   * outcome — the open points for the officer — and the rules considered and not applied ("why not").
   */
  open: FactKey[];
  considered: Considered[];
}
