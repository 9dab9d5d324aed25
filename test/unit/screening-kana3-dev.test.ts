/**
 * Katakana renderings of listed non-Chinese entries nobody curated (issue 13, dev set kana3): the classes its misses
 * showed, each fixed as a class — a doubled consonant ッ written where the listed spelling has none, トゥ and ドゥ as
 * a written u, English wor- and -eer as katakana writes them, and METI's 学術生産団体 words typed without the company
 * form — and the near neighbours each fix must leave alone.
 */
import { describe, expect, test } from 'vitest';
import { kanaKeys, latinKeys } from '../../src/screening/phonetic.ts';
import { withoutSokuon } from '../../src/screening/query.ts';
import { bundled, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];

describe('a doubled consonant ッ written or not', () => {
  test('when a katakana query has ッ before a consonant, then it is also read without it', () => {
    expect(withoutSokuon('ラテップ社')).toBe('ラテプ社');
    expect(withoutSokuon('ケルディッシュ応用数学研究所')).toBe('ケルディシュ応用数学研究所');
    // Not before a vowel or at the end, and a query without ッ is left as it is.
    expect(withoutSokuon('アッア')).toBe('アッア');
    expect(withoutSokuon('ヒッ')).toBe('ヒッ');
    expect(withoutSokuon('ラテプ')).toBe('ラテプ');
  });

  test('when the listed local name has no ッ (株式会社ラテプ), then ラテップ finds Ratep, but never exact', () => {
    expect(HARD).toContain(find('ラテップ', 'jp-ru-specified#507', 'RU')?.matchType);
    expect(find('ラテップ', 'jp-ru-specified#507', 'RU')?.matchType).not.toBe('exact');
    expect(find('ラテップ社', 'jp-ru-specified#507', 'RU')).toBeDefined();
  });

  test('when the listed spelling has the ッ itself, then the query as typed still matches it as before', () => {
    expect(find('コッズ航空産業', 'jp-eul#206', 'IR')).toBeDefined();
  });
});

describe('トゥ and ドゥ are a written u', () => {
  test('when a katakana word starts with トゥ, then it meets a listed word starting with u or with o', () => {
    // Tula Arms Plant: トゥーラ is Tula, not "toura".
    expect(find('トゥーラ兵器廠', 'jp-ru-specified#336')).toBeDefined();
    expect(find('トゥーラ・カートリッジ・ワークス', 'jp-ru-specified#474')).toBeDefined();
    // Toosi (K. N. Toosi University of Technology) is written トゥースィー too.
    expect(find('K.N.トゥースィー工業大学', 'jp-eul#151', 'IR')).toBeDefined();
  });
});

describe('English wor- and -eer as katakana writes them', () => {
  test('when a Latin word starts with wor or ends in -eer(s), then one of its keys is the katakana one', () => {
    expect(latinKeys('Works')).toContain(kanaKeys('ワークス')[1]);
    expect(latinKeys('Pioneers')).toContain(kanaKeys('パイオニアズ')[0]);
    expect(latinKeys('Engineers')).toContain(kanaKeys('エンジニアズ')[0]);
    // The word's own key stays first.
    expect(latinKeys('Works')[0]).toBe('arks');
  });

  test('when the query is パラダイス・メディカル・パイオニアズ, then Paradise Medical Pioneers is found', () => {
    expect(find('パラダイス・メディカル・パイオニアズ', 'jp-eul#186', 'IR')).toBeDefined();
  });
});

describe("METI's words for a Russian NPO typed without the company form", () => {
  test.each([
    ['マルス学術生産団体', 'jp-ru-specified#152'], // Research Production Association Mars
    ['カント学術生産企業', 'jp-ru-specified#156'], // Scientific-Production Enterprise Kant
    ['プリマ学術生産企業', 'jp-ru-specified#491'], // Scientific Production Enterprise Prima
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted, 'RU')?.matchType);
  });

  test('when only the generic words are typed, then nothing hard is found', () => {
    expect(hardRefs(screener, '学術生産団体')).toEqual([]);
    expect(hardRefs(screener, '学術生産企業', 'RU')).toEqual([]);
  });
});

describe('a Russian MKB as the press writes it: 機械設計局', () => {
  test.each([
    ['ラドゥガ機械設計局', 'jp-eul#805'], // Raduga Design Bureau
    ['イスクラ機械設計局', 'jp-eul#753'], // Iskra Engineering Design Bureau
    ['ヴィンペル機械設計局', 'jp-eul#834'], // Vympel
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted, 'RU')?.matchType);
  });

  test('when only the words are typed, then nothing is found', () => {
    expect(screener.screen('機械設計局')).toEqual([]);
  });
});
