/**
 * Small synthetic screening lists for the matcher's rule-by-rule tests, screened through the public
 * `createScreener` with the shipped word map and gazetteer, so the tests hold whatever the matcher's insides.
 * A list id of the shipped lists (jp-eul …) also picks up the curated aliases of an entry with a listed name;
 * `test-list` picks up none.
 */
import type { ScreeningHit } from '../../src/core/decision.ts';
import type { ListEntry, ListFile } from '../../src/screening/list-schema.ts';
import type { MatchThresholds } from '../../src/screening/matcher.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { perTest } from './per-test.ts';

export function list(entries: Partial<ListEntry>[], id = 'jp-eul', kind: ListFile['kind'] = 'eul'): ListFile {
  return {
    list: id,
    kind,
    title: id,
    date: '2025-01-01',
    source: { file: 'f', sha256: '0'.repeat(64), importedBy: 'test' },
    attribution: 'test',
    entries: entries.map((e, i) => ({ entry: i + 1, name: `Entry ${i + 1}`, aliases: [], concerns: [], ...e })),
  };
}

/**
 * A screen function over `lists`: name (and country) in, hits out. The screener is built in each test that
 * screens (see per-test.ts), so a suite may call this at module level.
 */
export function screenOver(
  lists: ListFile[],
  thresholds?: MatchThresholds,
): (name: string, country?: string) => ScreeningHit[] {
  const s = perTest(() => createScreener(lists, thresholds));
  return (name, country) => s().screen(name, country);
}

/** Hits as [entry, matchType, score], for compact assertions. */
export const brief = (hits: ScreeningHit[]) => hits.map((h) => [h.entry, h.matchType, h.score] as const);
