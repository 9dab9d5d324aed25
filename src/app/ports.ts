/**
 * @module app/ports
 * The small interfaces the use cases need; adapters implement them. Each has an in-memory twin.
 */
import type { ScreeningHit } from '../core/decision.ts';

/** Screens a counterparty name (any script) against the loaded lists. Pure computation over loaded data. */
export interface Screener {
  screen(name: string, country?: string): ScreeningHit[];
  /** Versions of the loaded lists, for the case record and the banner. */
  versions(): Record<string, string>;
}

/** A screener with no lists: every name is clear. Only for tests that are not about screening. */
export const noScreening: Screener = {
  screen: () => [],
  versions: () => ({}),
};
