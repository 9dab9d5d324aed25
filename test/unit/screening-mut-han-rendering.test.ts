/**
 * The guard on Japanese renderings whose katakana are all places (han-rendering.ts), on hits made by hand: such a
 * rendering is a Han name, and a hard hit on an entity named in Chinese characters must meet one of its Han names
 * (equal, or one of four characters or more at its start) or the name it was found on; otherwise it is capped at
 * possible (0.85). Every condition that leaves a hit alone is pinned next to the one that caps it.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { HanRenderingGuard } from '../../src/screening/han-rendering.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import type { ListEntry } from '../../src/screening/list-schema.ts';
import { perTest } from '../support/per-test.ts';
import { list } from '../support/screening-lists.ts';

const HIT = 'Harbin Institute of Technology';
const entries: Partial<ListEntry>[] = [
  { name: HIT, localName: '哈尔滨工业大学', country: 'CN' },
  { name: HIT, country: 'CN' },
  { name: HIT, localName: '哈尔滨工业大学', country: 'RU' },
  { name: HIT, localName: '哈尔滨工业大学' },
  { name: HIT, aliases: ['ハルビン工業大学'], country: 'CN' },
  { name: HIT, aliases: ['哈尔滨'], country: 'CN' },
  { name: HIT, country: 'CN' },
  { name: HIT, localName: '哈尔滨工业大学', country: 'HK' },
  { name: HIT, localName: '哈尔滨工业大学', country: 'MO' },
  { name: HIT, localName: '哈尔滨工业大学', country: 'TW' },
  { name: HIT, localName: '哈尔滨工业大学', country: 'KP' },
  { name: HIT, aliases: ['哈尔滨工'], country: 'CN' },
  { name: HIT, localName: '哈尔滨工业大学', aliases: ['哈工大'], country: 'CN' },
];
const lists = [list(entries, 'test-list')];
/** Entry 7 has its Han name only as a curated alias. */
const guard = perTest(
  () =>
    new HanRenderingGuard(lists, new Map([['test-list#7', ['哈尔滨工业大学']]]), new Lexicon(bundledScreeningData()!)),
);

function hit(entry: number, matchType: ScreeningHit['matchType'] = 'strong', score = 1, matchedOn = HIT): ScreeningHit {
  return {
    list: 'test-list',
    entry,
    name: HIT,
    matchedOn,
    score,
    matchType,
    kind: 'eul',
    listDate: '2025-01-01',
  };
}
const apply = (query: string, hits: ScreeningHit[]) =>
  guard()
    .apply(query, hits)
    .map((h) => [h.entry, h.matchType, h.score]);

describe('a rendering that does not meet the entry’s Han names', () => {
  test('when ハルビン理工大学 hits an entity named 哈尔滨工业大学, then the hit is capped at possible', () => {
    expect(apply('ハルビン理工大学', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
    expect(apply('ハルビン理工大学', [hit(1, 'exact', 1)])).toEqual([[1, 'possible', 0.85]]);
    expect(apply('ハルビン理工大学', [hit(1, 'strong', 0.9)])).toEqual([[1, 'possible', 0.85]]);
    expect(apply('はるびん理工大学', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
  });

  test.each([8, 9, 10, 11])('when the entity (entry %i) is in HK, MO, TW or KP, then it is capped too', (entry) => {
    expect(apply('ハルビン理工大学', [hit(entry)])).toEqual([[entry, 'possible', 0.85]]);
  });

  test('when the Han name is only a curated alias, then it counts as the entry’s Han name', () => {
    expect(apply('ハルビン理工大学', [hit(7)])).toEqual([[7, 'possible', 0.85]]);
    expect(apply('ハルビン工业大学', [hit(7)])).toEqual([[7, 'strong', 1]]);
  });

  test('when a Han name shorter than four characters opens the rendering, then it does not count', () => {
    expect(apply('ハルビン大学', [hit(6)])).toEqual([[6, 'possible', 0.85]]);
    expect(apply('ハルビン', [hit(6)])).toEqual([[6, 'strong', 1]]);
  });

  test('when only one of several hits misses, then only that one is capped, in place', () => {
    expect(apply('ハルビン理工大学', [hit(2), hit(1), hit(3)])).toEqual([
      [2, 'strong', 1],
      [1, 'possible', 0.85],
      [3, 'strong', 1],
    ]);
  });
});

describe('what leaves a hit alone', () => {
  test('when the rendering is one of the entry’s Han names, or begins with one, then the hit stays', () => {
    expect(apply('ハルビン工业大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(apply('ハルビン工業大学', [hit(1, 'exact', 1)])).toEqual([[1, 'exact', 1]]);
    expect(apply('ハルビン工业大学材料学院', [hit(1, 'strong', 0.95)])).toEqual([[1, 'strong', 0.95]]);
  });

  test('when a Han name of exactly four characters opens the rendering, then the hit stays', () => {
    expect(apply('ハルビン工业大学', [hit(12)])).toEqual([[12, 'strong', 1]]);
  });

  test('when one of several Han names meets the rendering, then the hit stays', () => {
    expect(apply('ハルビン工业大学', [hit(13)])).toEqual([[13, 'strong', 1]]);
    expect(apply('ハルビン理工大学', [hit(13)])).toEqual([[13, 'possible', 0.85]]);
  });

  test('when the hit was found on the name the rendering folds to, then it stays', () => {
    expect(apply('ハルビン理工大学', [hit(1, 'strong', 1, '哈尔滨理工大学')])).toEqual([[1, 'strong', 1]]);
  });

  test('when the hit is possible already, then it is left as it is', () => {
    expect(apply('ハルビン理工大学', [hit(1, 'possible', 0.88)])).toEqual([[1, 'possible', 0.88]]);
  });

  test('when the entity is not named in Chinese characters, or not in a Han country, then the hit stays', () => {
    expect(apply('ハルビン理工大学', [hit(2)])).toEqual([[2, 'strong', 1]]);
    expect(apply('ハルビン理工大学', [hit(3)])).toEqual([[3, 'strong', 1]]);
    expect(apply('ハルビン理工大学', [hit(4)])).toEqual([[4, 'strong', 1]]);
    // A katakana alias is not a Han name.
    expect(apply('ハルビン理工大学', [hit(5)])).toEqual([[5, 'strong', 1]]);
  });

  test('when the query has no kana, Latin words, or katakana that is not a place, then the guard does not apply', () => {
    expect(apply('哈尔滨理工大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(apply('ハルビン理工大学 HUST', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(apply('シャリフ理工大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(apply('の', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(apply('ハルビン理工大学', [])).toEqual([]);
  });
});

describe('a mixed text: Latin words beside a Han name', () => {
  /** The Latin words alone, as the screener would screen them: entry 1 found at `type`, or nothing. */
  const latinFinds =
    (type?: ScreeningHit['matchType'], seen: string[] = []) =>
    (text: string) => {
      seen.push(text.trim());
      return type ? [hit(1, type, type === 'possible' ? 0.85 : 1)] : [];
    };
  const mixed = (query: string, hits: ScreeningHit[], latin = latinFinds()) =>
    guard()
      .apply(query, hits, latin)
      .map((h) => [h.entry, h.matchType, h.score]);

  test('when the Han part names another body and the Latin words alone find nothing, then the hit is capped', () => {
    expect(mixed('ハルビン理工大学（HUST）', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
    expect(mixed('哈尔滨理工大学（HUST）', [hit(1, 'exact', 1)])).toEqual([[1, 'possible', 0.85]]);
    expect(mixed('Harbin理工大学', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
  });

  test('when the Latin words alone find the entry only as possible, then the hit is capped too', () => {
    expect(mixed('Harbin理工大学', [hit(1)], latinFinds('possible'))).toEqual([[1, 'possible', 0.85]]);
  });

  test('when the Latin words alone find the entry strongly, then the Han part is context and the hit stays', () => {
    const seen: string[] = [];
    expect(mixed('Harbin Institute of Technology 材料学院', [hit(1)], latinFinds('strong', seen))).toEqual([
      [1, 'strong', 1],
    ]);
    expect(seen).toEqual(['Harbin Institute of Technology']);
    expect(mixed('HIT 材料学院', [hit(1)], latinFinds('exact'))).toEqual([[1, 'strong', 1]]);
  });

  test('when every Han run is part of one Han name, or the Han part begins with one, then the hit stays', () => {
    expect(mixed('Harbin工業大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(mixed('ハルビン工業大学（HIT）', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(mixed('哈尔滨 HIT 工业大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(mixed('哈尔滨工业大学材料学院 HIT', [hit(1)])).toEqual([[1, 'strong', 1]]);
    // One run outside every name is enough to cap: 理工 is not part of 哈尔滨工业大学.
    expect(mixed('哈尔滨 HIT 理工大学', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
  });

  test('when only one of two Han runs is part of the name, then the hit is capped', () => {
    expect(mixed('哈尔滨工业 HIT 理工', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
    expect(mixed('哈尔滨工业 HIT 大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
  });

  test('when one of several Han names meets the Han part, then the hit stays', () => {
    expect(mixed('哈工大 HIT', [hit(13)])).toEqual([[13, 'strong', 1]]);
    expect(mixed('哈工程 HIT', [hit(13)])).toEqual([[13, 'possible', 0.85]]);
  });

  test('when a Han name opens the Han part, then it counts from four characters on', () => {
    expect(mixed('哈尔滨工程 HIT', [hit(12)])).toEqual([[12, 'strong', 1]]);
    expect(mixed('哈尔滨理工 HIT', [hit(6)])).toEqual([[6, 'possible', 0.85]]);
  });

  test('when the hit was found on the Han part itself, then it stays', () => {
    expect(mixed('Harbin理工大学', [hit(1, 'strong', 1, '理工大学')])).toEqual([[1, 'strong', 1]]);
  });

  test('when the Han part stands between Latin words, then the Latin words alone keep a space between them', () => {
    const seen: string[] = [];
    mixed('Harbin理工大学HIT', [hit(1)], latinFinds(undefined, seen));
    expect(seen).toEqual(['Harbin HIT']);
  });

  test('when a Han run is only a city, then it says where and is not compared', () => {
    expect(mixed('哈尔滨市 HIT', [hit(2), hit(1)])).toEqual([
      [2, 'strong', 1],
      [1, 'strong', 1],
    ]);
    expect(mixed('ハルビン HIT 工業大学', [hit(1)])).toEqual([[1, 'strong', 1]]);
    expect(mixed('北京 HIT 理工大学', [hit(1)])).toEqual([[1, 'possible', 0.85]]);
  });

  test('when the Latin words are only digits, then the text is a Han name and the kana rule decides', () => {
    const seen: string[] = [];
    expect(mixed('哈尔滨第2理工大学', [hit(1)], latinFinds(undefined, seen))).toEqual([[1, 'strong', 1]]);
    expect(seen).toEqual([]);
  });

  test('when the entity has no Han name, the hit is possible, or katakana stays unread, then it is left alone', () => {
    const seen: string[] = [];
    const latin = latinFinds(undefined, seen);
    expect(mixed('Harbin理工大学', [hit(2)], latin)).toEqual([[2, 'strong', 1]]);
    expect(mixed('Harbin理工大学', [hit(1, 'possible', 0.86)], latin)).toEqual([[1, 'possible', 0.86]]);
    expect(mixed('シャリフ理工大学 SUT', [hit(1)], latin)).toEqual([[1, 'strong', 1]]);
    expect(mixed('Harbin Institute of Technology', [hit(1)], latin)).toEqual([[1, 'strong', 1]]);
    expect(seen).toEqual([]);
  });

  test('when several hits need the Latin words alone, then they are screened once', () => {
    const seen: string[] = [];
    expect(mixed('Harbin理工大学', [hit(1), hit(8)], latinFinds(undefined, seen))).toEqual([
      [1, 'possible', 0.85],
      [8, 'possible', 0.85],
    ]);
    expect(seen).toEqual(['Harbin']);
  });
});
