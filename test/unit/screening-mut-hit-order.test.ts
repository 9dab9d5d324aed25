/**
 * One hit per entry and hits best first (hit-order.ts), on hits made by hand: which name of an entry is kept
 * (higher score; at equal score exact over fuzzy; otherwise the first found), how a kept name becomes a hit
 * (match type at the strong threshold, score rounded to three places, country and concerns only when listed),
 * the order (type, score, list, entry), and two sets of hits merged per entry.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { type BestHit, compareHits, keepBest, mergeHits, orderedHits } from '../../src/screening/hit-order.ts';
import { list } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Kelvor Alpha', country: 'RU', concerns: ['M'] },
      { name: 'Kelvor Beta' },
      { name: 'Kelvor Gamma', country: 'IR' },
    ],
    'b-list',
  ),
  list([{ name: 'Kelvor Delta' }], 'a-list'),
];
const name = (listIndex: number, entryIndex: number, text: string) => ({
  entryKey: `${listIndex}:${entryIndex}`,
  listIndex,
  entryIndex,
  text,
});
const kept = (hits: BestHit[]) => {
  const best = new Map<string, BestHit>();
  for (const h of hits) keepBest(best, h);
  return [...best.values()].map((h) => [h.name.text, h.score, h.exact]);
};

describe('the name kept for an entry', () => {
  test('when a later name scores higher, then it replaces the earlier; a lower one does not', () => {
    expect(
      kept([
        { score: 0.85, exact: false, name: name(0, 0, 'a') },
        { score: 0.9, exact: false, name: name(0, 0, 'b') },
        { score: 0.88, exact: false, name: name(0, 0, 'c') },
      ]),
    ).toEqual([['b', 0.9, false]]);
  });

  test('when two names score the same, then an exact one beats a fuzzy one, and otherwise the first stays', () => {
    expect(
      kept([
        { score: 1, exact: false, name: name(0, 0, 'fuzzy') },
        { score: 1, exact: true, name: name(0, 0, 'exact') },
        { score: 1, exact: true, name: name(0, 0, 'later exact') },
        { score: 1, exact: false, name: name(0, 0, 'later fuzzy') },
      ]),
    ).toEqual([['exact', 1, true]]);
    expect(
      kept([
        { score: 0.9, exact: false, name: name(0, 0, 'first') },
        { score: 0.9, exact: false, name: name(0, 0, 'second') },
      ]),
    ).toEqual([['first', 0.9, false]]);
  });

  test('when a higher score is fuzzy, then it beats an exact name of lower score', () => {
    expect(
      kept([
        { score: 0.95, exact: true, name: name(0, 0, 'exact') },
        { score: 0.96, exact: false, name: name(0, 0, 'fuzzy') },
      ]),
    ).toEqual([['fuzzy', 0.96, false]]);
    expect(
      kept([
        { score: 0.96, exact: false, name: name(0, 0, 'fuzzy') },
        { score: 0.95, exact: true, name: name(0, 0, 'exact') },
      ]),
    ).toEqual([['fuzzy', 0.96, false]]);
  });

  test('when names belong to different entries, then each entry keeps its own', () => {
    expect(
      kept([
        { score: 0.9, exact: false, name: name(0, 0, 'a') },
        { score: 0.8, exact: false, name: name(0, 1, 'b') },
      ]),
    ).toEqual([
      ['a', 0.9, false],
      ['b', 0.8, false],
    ]);
  });
});

describe('hits from kept names', () => {
  const hits = (entries: [number, number, number, boolean][], strong = 0.9) =>
    orderedHits(
      new Map(entries.map(([l, e, score, exact]) => [`${l}:${e}`, { score, exact, name: name(l, e, `n${l}${e}`) }])),
      lists,
      strong,
    );

  test('when a name is kept, then its hit says list, entry, name, matched name, type, kind, country, concerns, date', () => {
    expect(hits([[0, 0, 1, true]])).toEqual([
      {
        list: 'b-list',
        entry: 1,
        name: 'Kelvor Alpha',
        matchedOn: 'n00',
        score: 1,
        matchType: 'exact',
        kind: 'eul',
        country: 'RU',
        concerns: ['M'],
        listDate: '2025-01-01',
      },
    ]);
    const [bare] = hits([[0, 1, 0.85, false]]);
    expect(bare).not.toHaveProperty('country');
    expect(bare).not.toHaveProperty('concerns');
  });

  test('when the score is at the strong threshold, then it is strong; just below, possible; exact stays exact', () => {
    expect(hits([[0, 0, 0.9, false]])[0]!.matchType).toBe('strong');
    expect(hits([[0, 0, 0.8999, false]])[0]!.matchType).toBe('possible');
    expect(hits([[0, 0, 0.85, true]])[0]!.matchType).toBe('exact');
    expect(hits([[0, 0, 0.85, false]], 0.85)[0]!.matchType).toBe('strong');
  });

  test('when a score has more than three decimals, then it is rounded to three', () => {
    expect(hits([[0, 0, 0.88888, false]])[0]!.score).toBe(0.889);
    expect(hits([[0, 0, 0.8884, false]])[0]!.score).toBe(0.888);
  });

  test('when hits are ordered, then by type, then score, then list name, then entry number', () => {
    const ordered = hits([
      [0, 2, 0.85, false],
      [0, 1, 0.95, false],
      [0, 0, 0.85, false],
      [1, 0, 0.85, false],
    ]).map((h) => [h.list, h.entry, h.matchType, h.score]);
    expect(ordered).toEqual([
      ['b-list', 2, 'strong', 0.95],
      ['a-list', 1, 'possible', 0.85],
      ['b-list', 1, 'possible', 0.85],
      ['b-list', 3, 'possible', 0.85],
    ]);
  });
});

const hit = (list: string, entry: number, matchType: ScreeningHit['matchType'], score: number): ScreeningHit => ({
  list,
  entry,
  name: `${list} ${entry}`,
  matchedOn: `${matchType} ${score}`,
  score,
  matchType,
  kind: 'eul',
  listDate: '2025-01-01',
});

describe('comparing hits', () => {
  test('when two hits differ, then the better type, the higher score, the earlier list, the lower entry come first', () => {
    expect(compareHits(hit('a', 1, 'exact', 1), hit('a', 1, 'strong', 1))).toBeLessThan(0);
    expect(compareHits(hit('a', 1, 'possible', 0.89), hit('a', 1, 'strong', 0.9))).toBeGreaterThan(0);
    expect(compareHits(hit('a', 1, 'strong', 0.95), hit('a', 1, 'strong', 0.9))).toBeLessThan(0);
    expect(compareHits(hit('b', 1, 'strong', 0.9), hit('a', 2, 'strong', 0.9))).toBeGreaterThan(0);
    expect(compareHits(hit('a', 3, 'strong', 0.9), hit('a', 2, 'strong', 0.9))).toBeGreaterThan(0);
    expect(compareHits(hit('a', 2, 'strong', 0.9), hit('a', 2, 'strong', 0.9))).toBe(0);
  });
});

describe('merging two sets of hits', () => {
  const brief = (hits: ScreeningHit[]) => hits.map((h) => [h.list, h.entry, h.matchType, h.score]);

  test('when nothing is added, then the first set comes back as it was', () => {
    const matched = [hit('a', 2, 'possible', 0.8), hit('a', 1, 'exact', 1)];
    expect(mergeHits(matched, [])).toBe(matched);
  });

  test('when both sets hit an entry, then the better type wins, then the higher score; a tie keeps the first', () => {
    expect(brief(mergeHits([hit('a', 1, 'strong', 0.99)], [hit('a', 1, 'exact', 1)]))).toEqual([['a', 1, 'exact', 1]]);
    expect(brief(mergeHits([hit('a', 1, 'exact', 1)], [hit('a', 1, 'strong', 1)]))).toEqual([['a', 1, 'exact', 1]]);
    expect(brief(mergeHits([hit('a', 1, 'strong', 0.9)], [hit('a', 1, 'strong', 0.95)]))).toEqual([
      ['a', 1, 'strong', 0.95],
    ]);
    expect(brief(mergeHits([hit('a', 1, 'strong', 0.95)], [hit('a', 1, 'strong', 0.9)]))).toEqual([
      ['a', 1, 'strong', 0.95],
    ]);
    expect(brief(mergeHits([hit('a', 1, 'possible', 0.85)], [hit('a', 1, 'strong', 0.9)]))).toEqual([
      ['a', 1, 'strong', 0.9],
    ]);
    expect(brief(mergeHits([hit('a', 1, 'strong', 0.9)], [hit('a', 1, 'possible', 0.95)]))).toEqual([
      ['a', 1, 'strong', 0.9],
    ]);
    const first = hit('a', 1, 'strong', 0.9);
    expect(mergeHits([first], [{ ...hit('a', 1, 'strong', 0.9), matchedOn: 'other' }])[0]).toBe(first);
  });

  test('when the sets hit different entries, then all are kept, best first', () => {
    expect(
      brief(mergeHits([hit('b', 1, 'possible', 0.85), hit('a', 2, 'possible', 0.85)], [hit('a', 1, 'strong', 0.9)])),
    ).toEqual([
      ['a', 1, 'strong', 0.9],
      ['a', 2, 'possible', 0.85],
      ['b', 1, 'possible', 0.85],
    ]);
  });
});
