/**
 * @module screening/hit-order
 * One hit per entry, the best of its names (the higher score; at equal score an exact match over a fuzzy
 * one; otherwise the name found first), and the hits best first: exact, then strong, then possible, by
 * score, then by list and entry so the order never depends on the index.
 */
import type { MatchType, ScreeningHit } from '../core/decision.ts';
import type { ListFile } from './list-schema.ts';
import type { IndexedName } from './name-index.ts';

export interface BestHit {
  score: number;
  exact: boolean;
  name: IndexedName;
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
  const rank = { exact: 2, strong: 1, possible: 0 } as const;
  return hits.sort(
    (a, b) =>
      rank[b.matchType] - rank[a.matchType] || b.score - a.score || a.list.localeCompare(b.list) || a.entry - b.entry,
  );
}
