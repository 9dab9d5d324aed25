/**
 * @module screening/hit-order
 * One hit per entry, the best of its names (the higher score; at equal score an exact match over a fuzzy
 * one; otherwise the name found first), and the hits best first: exact, then strong, then possible, by
 * score, then by list and entry so the order never depends on the index. The matcher and the whole-name
 * aliases (whole-aliases.ts) keep and order their hits here, and mergeHits puts their hits together.
 */
import type { MatchType, ScreeningHit } from '../core/decision.ts';
import type { ListFile } from './list-schema.ts';
import type { IndexedName } from './name-index.ts';

/** The score of a hit held to a possible match, for a person to look at: the guards' and layers' one cap. */
export const POSSIBLE_SCORE = 0.85;

/** `h` held to a possible match: possible, and its score at most POSSIBLE_SCORE. */
export function asPossible(h: ScreeningHit): ScreeningHit {
  return { ...h, matchType: 'possible', score: Math.min(h.score, POSSIBLE_SCORE) };
}

/** What a hit needs of the name it was found by: its entry and its text. */
export type HitName = Pick<IndexedName, 'entryKey' | 'listIndex' | 'entryIndex' | 'text'>;

export interface BestHit {
  score: number;
  exact: boolean;
  name: HitName;
}

/** Exact before strong before possible. */
export const MATCH_RANK = { exact: 2, strong: 1, possible: 0 } as const;

/** Best first: by match type, then score, then list and entry (never by index order). */
export function compareHits(a: ScreeningHit, b: ScreeningHit): number {
  return (
    MATCH_RANK[b.matchType] - MATCH_RANK[a.matchType] ||
    b.score - a.score ||
    a.list.localeCompare(b.list) ||
    a.entry - b.entry
  );
}

/** Keeps `hit` for its entry when it beats the one kept so far. */
export function keepBest(best: Map<string, BestHit>, hit: BestHit): void {
  const key = hit.name.entryKey;
  const prior = best.get(key);
  if (!prior || hit.score > prior.score || (hit.score === prior.score && hit.exact && !prior.exact)) best.set(key, hit);
}

export function orderedHits(
  best: ReadonlyMap<string, BestHit>,
  lists: readonly ListFile[],
  strong: number,
): ScreeningHit[] {
  const hits: ScreeningHit[] = [];
  for (const { score, exact, name } of best.values()) {
    const list = lists[name.listIndex]!;
    const entry = list.entries[name.entryIndex]!;
    const matchType: MatchType = exact ? 'exact' : score >= strong ? 'strong' : 'possible';
    hits.push({
      list: list.list,
      entry: entry.entry,
      name: entry.name,
      matchedOn: name.text,
      score: Math.round(score * 1000) / 1000,
      matchType,
      kind: list.kind,
      ...(entry.country ? { country: entry.country } : {}),
      ...(entry.concerns.length ? { concerns: entry.concerns } : {}),
      listDate: list.date,
    });
  }
  return hits.sort(compareHits);
}

/** Two sets of hits put together: per entry the better one (type, then score), best first. */
export function mergeHits(matched: ScreeningHit[], more: ScreeningHit[]): ScreeningHit[] {
  if (more.length === 0) return matched;
  const byEntry = new Map(matched.map((h) => [`${h.list}#${h.entry}`, h]));
  for (const h of more) {
    const key = `${h.list}#${h.entry}`;
    const prior = byEntry.get(key);
    if (
      !prior ||
      MATCH_RANK[h.matchType] > MATCH_RANK[prior.matchType] ||
      (h.matchType === prior.matchType && h.score > prior.score)
    )
      byEntry.set(key, h);
  }
  return [...byEntry.values()].sort(compareHits);
}
