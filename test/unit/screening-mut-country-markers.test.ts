/**
 * The gazetteer's national markers (country-markers.ts) on a small synthetic gazetteer: which countries a text
 * names, by whole marker and word boundary, in Latin (as typed: width, case, asterisks and punctuation folded)
 * and in folded CJK; and which words are a country's name.
 */
import { describe, expect, test } from 'vitest';
import { CountryMarkers } from '../../src/screening/country-markers.ts';

/** Built in each test, so that the mutation run sees which tests run the constructor. */
const markers = () =>
  new CountryMarkers(
    [
      { country: 'KR', names: ['Republic of Korea', '大韓民國'] },
      { country: 'TW', names: ['Republic of China', '中華民國'] },
      // The shorter marker first: the markers are searched longest first whatever their order here.
      { country: 'CG', names: ['コンゴ'] },
      { country: 'CD', names: ['コンゴ民主共和国'] },
      { country: 'SY', names: ['Syria', 'Syrian Arab Republic'] },
      { country: 'KR', names: ['Korea (South)'] },
    ],
    // The folding the lexicon gives: here only 國 → 国, so that a test can see it was applied.
    (s) => s.replace(/國/gu, '国'),
  );
const named = (latin: string, cjk = '') => [...markers().named(latin, cjk)];

describe('countries named in Latin', () => {
  test('when a text holds a whole marker, then its country is named, every one of them', () => {
    expect(named('Institute, Syrian Arab Republic')).toEqual(['SY']);
    // Two markers sharing their first word are both looked for.
    expect(named('Republic of Korea, Republic of China')).toEqual(['KR', 'TW']);
    expect(named('Republic of China')).toEqual(['TW']);
  });

  test('when a text holds only part of a marker or a longer word, then no country is named', () => {
    expect(named('Syrian Arab')).toEqual([]);
    expect(named('Arab Republic')).toEqual([]);
    expect(named('Republic of Chinas')).toEqual([]);
    expect(named('xsyria trading')).toEqual([]);
    expect(named('korea')).toEqual([]);
    expect(named('')).toEqual([]);
  });

  test('when a marker is typed in full width, upper case, with an asterisk or punctuation, then it is named', () => {
    expect(named('ＳＹＲＩＡ')).toEqual(['SY']);
    expect(named('SYRIA')).toEqual(['SY']);
    expect(named('Sy*ria')).toEqual(['SY']);
    expect(named('Syria*')).toEqual(['SY']);
    expect(named('(Syrian-Arab-Republic)')).toEqual(['SY']);
    expect(named('Syrian  --  Arab Republic')).toEqual(['SY']);
  });
});

describe('countries named in CJK', () => {
  test('when the folded CJK text holds a marker, then its country is named, the markers folded alike', () => {
    expect(named('', '中華民国')).toEqual(['TW']);
    expect(named('', 'ソウルの大韓民国大使館')).toEqual(['KR']);
    // The CJK part is compared as given (already folded by the caller): the unfolded form is not a marker.
    expect(named('', '中華民國')).toEqual([]);
  });

  test('when markers contain one another, then both are named, the longer first', () => {
    expect(named('', 'コンゴ民主共和国')).toEqual(['CD', 'CG']);
    expect(named('', 'コンゴ共和国')).toEqual(['CG']);
  });

  test('when a text has both parts, then the countries of both are named', () => {
    expect(named('Syria', '中華民国')).toEqual(['SY', 'TW']);
  });

  test('when a CJK marker is typed as a Latin text, then it names nothing (CJK markers are not Latin words)', () => {
    const m = markers();
    expect(m.isCountryWord('中華民国')).toBe(false);
    expect(m.isCountryWord('コンゴ')).toBe(false);
    expect(m.countryOfWord('コンゴ')).toBeUndefined();
  });
});

describe('country words', () => {
  test('when a word is a Latin marker, then it is a country word and names its country', () => {
    const m = markers();
    expect(m.isCountryWord('syria')).toBe(true);
    expect(m.isCountryWord('republic of korea')).toBe(true);
    expect(m.countryOfWord('syria')).toBe('SY');
    expect(m.countryOfWord('syrian arab republic')).toBe('SY');
    // A marker ending in punctuation is the words before it.
    expect(m.countryOfWord('korea south')).toBe('KR');
  });

  test('when a word is not a whole marker, then it is not a country word', () => {
    const m = markers();
    expect(m.isCountryWord('republic')).toBe(false);
    expect(m.isCountryWord('Syria')).toBe(false);
    expect(m.countryOfWord('korea')).toBeUndefined();
  });
});

describe('a CJK marker that begins inside a word', () => {
  const withWords = () => new CountryMarkers([{ country: 'JP', names: ['理化学研究所'] }], (s) => s, new Set(['物理']));

  test('when the character before a marker makes a known word with its first one, then that occurrence is no marker', () => {
    expect([...withWords().named('', '核物理化学研究所')]).toEqual([]);
  });

  test('when the marker stands at the start, after another character, or again elsewhere, then it is named', () => {
    expect([...withWords().named('', '理化学研究所')]).toEqual(['JP']);
    expect([...withWords().named('', '北京理化学研究所')]).toEqual(['JP']);
    // The first occurrence ends 物理; the second stands on its own.
    expect([...withWords().named('', '物理化学研究所と理化学研究所')]).toEqual(['JP']);
  });

  test('when no words are given, then every occurrence is a marker, as before', () => {
    const plain = new CountryMarkers([{ country: 'JP', names: ['理化学研究所'] }], (s) => s);
    expect([...plain.named('', '核物理化学研究所')]).toEqual(['JP']);
  });
});
