/**
 * A listed name's rare core word (rare-words.ts) through the public Matcher on a small list with the shipped
 * word map: a query spelling the core word out with at least one more of the name's own words is a possible
 * match at the possible threshold, never more by this rule; a short, ordinary, directional or shared word is
 * not rare; a word of the query the name does not hold, or a place the placed name does not hold, refuses it.
 * The Matcher, not the whole screener: the span screener (spans.ts) re-screens parts of the query on its own.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { Matcher } from '../../src/screening/matcher.ts';
import { perTest } from '../support/per-test.ts';
import { list } from '../support/screening-lists.ts';

const matcher = perTest(
  () =>
    new Matcher(
      [
        list(
          [
            { name: 'Hong Kong Kelvorix Trading Limited', country: 'HK' },
            { name: 'Shenzhen Iprogift Technology Co Ltd', country: 'CN' },
            { name: 'Zorvex Optics Research Center', country: 'RU' },
            { name: 'Zorvo Optics Research Center', country: 'RU' },
            { name: 'Quandrel Optics Research', country: 'RU' },
            { name: 'Quandrel Marine Works', country: 'RU' },
            { name: 'Quandrel Aviation Plant', country: 'RU' },
            { name: 'Velmorix Optics Research', country: 'RU' },
            { name: 'Velmorix Marine Works', country: 'RU' },
            { name: 'Northwest Optics Research Center', country: 'RU' },
            { name: 'Phoenix Optics Research Center', country: 'RU' },
            { name: 'Southeastern Optics Research Center', country: 'RU' },
            { name: 'Drevnostix Marine Works', country: 'RU' },
            { name: 'Drevnostix Marine Works', country: 'RU' },
            { name: 'Drevnostix Optics Works', country: 'RU' },
            { name: 'Bridges Optics Research Center', country: 'RU' },
            { name: 'Northwestron Optics Research', country: 'RU' },
            { name: 'Transnortheast Optics Research', country: 'RU' },
            { name: 'Beijing Tarnovix Trading Import Export Machinery Limited', country: 'CN' },
            { name: 'Crystals Optics Research Plant', country: 'RU' },
            { name: 'Kh35quorlin Missile Works Plant', country: 'RU' },
            { name: 'Dravikon35 Missile Works Plant', country: 'RU' },
          ],
          'test-list',
        ),
      ],
      { lexicon: new Lexicon(bundledScreeningData()!) },
    ),
);
const found = (name: string) =>
  matcher()
    .screen(name)
    .map((h) => [h.entry, h.matchType, h.score]);

describe('a rare core word with more of the name', () => {
  test('when the query spells the core word and another word of the name, then it is possible at 0.8', () => {
    expect(found('Zorvex Research Center')).toEqual([[3, 'possible', 0.8]]);
    expect(found('Iprogift Technology')).toEqual([[2, 'possible', 0.8]]);
    expect(found('Iprogift Tech Co Ltd')).toEqual([[2, 'possible', 0.8]]);
    expect(found('Kelvorix Trading')).toEqual([[1, 'possible', 0.8]]);
  });

  test('when the words are in another order, case or with stopwords and brackets, then it is still found', () => {
    expect(found('Research Zorvex')).toEqual([[3, 'possible', 0.8]]);
    expect(found('ZORVEX research')).toEqual([[3, 'possible', 0.8]]);
    expect(found('Zorvex and Research')).toEqual([[3, 'possible', 0.8]]);
  });

  test('when the core word is shared by two entries, then each is found by its own other words', () => {
    expect(found('Velmorix Research')).toEqual([[8, 'possible', 0.8]]);
    expect(found('Velmorix Works')).toEqual([[9, 'possible', 0.8]]);
  });

  test('when the name stands in a later part of the query, after a person or before a city, then it is found', () => {
    // The rare word's own part of the query is the one compared: not the person's part, nor the city's after it.
    expect(found('Prof. Ivanov, Zorvex Research')).toEqual([[3, 'possible', 0.8]]);
    expect(found('Zorvex Research (Moscow)')).toEqual([[3, 'possible', 0.8]]);
  });

  test('when the query has only the core word, then nothing is found', () => {
    expect(found('Zorvex')).toEqual([]);
    expect(found('Iprogift')).toEqual([]);
  });

  test('when the query has a word, number or place the name does not hold, then nothing is found', () => {
    expect(found('Iprogift Electronics')).toEqual([]);
    expect(found('Zorvex Research Institute')).toEqual([]);
    expect(found('Zorvex 12 Center')).toEqual([]);
    expect(found('Zorvex Research Center Moscow')).toEqual([]);
  });

  test('when the name holds a place and the query names another, then nothing is found', () => {
    expect(found('Kelvorix Trading Beijing')).toEqual([]);
    expect(found('Kelvorix Trading, Beijing')).toEqual([]);
    expect(found('Beijing Kelvorix Trading')).toEqual([]);
    // Its own place: the whole name, found by the matcher's scoring, stronger than this rule.
    expect(found('Kelvorix Trading Hong Kong')[0]?.[0]).toBe(1);
  });
});

describe('a placed name and a query place with two spellings', () => {
  test('when the query writes the name own place another way (北京 for Beijing), then it is still found', () => {
    // 北京 reads as both beijing and peking: one of its spellings is the name's own place, so it is no other place.
    expect(found('Tarnovix Trading 北京')).toEqual([[19, 'possible', 0.8]]);
    expect(found('Tarnovix Trading Peking')).toEqual([[19, 'possible', 0.8]]);
    expect(found('Tarnovix Trading 上海')).toEqual([]);
  });
});

describe('a core word that is not all letters, or a plural of a common word', () => {
  test('when the core word holds digits, at its start, end or inside, then it is not rare', () => {
    expect(found('Kh35quorlin Works')).toEqual([]);
    expect(found('Kh35quorlin Missile')).toEqual([]);
    expect(found('Dravikon35 Works')).toEqual([]);
  });

  test('when the core word is a common word with a plural s (crystals), then it is not rare', () => {
    expect(found('Crystals Research')).toEqual([]);
  });
});

describe('a word that only begins or ends like a compass word', () => {
  test('when the core word holds a compass word with more letters, then it is still rare', () => {
    expect(found('Northwestron Research')).toEqual([[17, 'possible', 0.8]]);
    expect(found('Transnortheast Research')).toEqual([[18, 'possible', 0.8]]);
  });
});

describe('a word that is not rare', () => {
  test('when the core word has five letters, then it is not rare', () => {
    expect(found('Zorvo Research Center')).toEqual([]);
  });

  test('when the core word names three entries, then it is not rare', () => {
    expect(found('Quandrel Research')).toEqual([]);
    // Twice in one entry's names counts once for the entry; three entries still.
    expect(found('Drevnostix Marine')).toEqual([]);
    expect(found('Drevnostix Works')).toEqual([]);
  });

  test('when the core word is a dictionary, common, or compass word, then it is not rare', () => {
    expect(found('Phoenix Research Center')).toEqual([]);
    // "Bridges" is the common word "bridge" with a plural s.
    expect(found('Bridges Research Center')).toEqual([]);
    expect(found('Northwest Research Center')).toEqual([]);
    expect(found('Southeastern Research Center')).toEqual([]);
  });
});
