/**
 * The names a list entry is found by, through the public screener: a bracketed acronym and the name without
 * it, a bracketed long form and the name before it, the head of a long name, junk aliases, a bracketed place,
 * and curated aliases from the screening data.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { list, screenOver } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Harbin Institute of Technology (HIT)', country: 'CN' },
      { name: 'Rostec (Russian Technologies State Corporation)', country: 'RU' },
      {
        name: 'Rzhanov Institute of Semiconductor Physics, Siberian Branch of the Russian Academy of Sciences',
        country: 'RU',
      },
      { name: 'Kelvor Trading (HK)', country: 'HK' },
      { name: 'Brontel Vask Systems', aliases: ['and', 'Systems'] },
      { name: 'Quantiblar Zorvex Holding', aliases: ['QZH', 'QZX'], country: 'CN' },
      { name: 'Zentharo Research Institute of the Kelvorian State Corporation', country: 'RU' },
      { name: 'Mordex Vantrel Optics of the Kelvorian State', country: 'RU' },
      { name: 'Elbrus (ELBRUS)', country: 'RU' },
      { name: 'Dravonel Kitterm Group (DKG 12)', country: 'RU' },
      { name: 'Vostrenko Plant', localName: 'ボストレンコ工場', country: 'RU' },
    ],
    'test-list',
  ),
];
const screen = screenOver(lists);
const found = (hits: ScreeningHit[]) => hits.map((h) => [h.entry, h.matchType, h.score, h.matchedOn]);

describe('a bracketed acronym', () => {
  test('when the acronym alone is screened, then it is exact, even with another country (it is the name’s initials)', () => {
    expect(found(screen('HIT'))).toEqual([[1, 'exact', 1, 'HIT']]);
    expect(found(screen('HIT', 'US'))).toEqual([[1, 'exact', 1, 'HIT']]);
    expect(screen('HITS')).toEqual([]);
  });

  test('when the name is screened without the acronym, or with it unbracketed, then it is exact', () => {
    expect(found(screen('Harbin Institute of Technology'))).toEqual([
      [1, 'exact', 1, 'Harbin Institute of Technology'],
    ]);
    expect(found(screen('Harbin Institute of Technology (HIT)'))).toEqual([
      [1, 'exact', 1, 'Harbin Institute of Technology (HIT)'],
    ]);
    expect(screen('Harbin Institute of Technology HIT')[0]).toMatchObject({ entry: 1, matchType: 'exact' });
  });

  test('when the acronym carries a number, then only that number finds it', () => {
    expect(found(screen('DKG 12'))).toEqual([[10, 'exact', 1, 'DKG 12']]);
    expect(screen('DKG 13')).toEqual([]);
    expect(screen('DKG')).toEqual([]);
    expect(found(screen('Dravonel Kitterm Group'))).toEqual([[10, 'exact', 1, 'Dravonel Kitterm Group']]);
  });

  test('when the bracket holds a place (HK), then the place is no acronym of the entity', () => {
    expect(screen('HK')).toEqual([]);
    expect(screen('HK', 'HK')).toEqual([]);
    expect(found(screen('Kelvor Trading'))).toEqual([[4, 'exact', 1, 'Kelvor Trading']]);
  });

  test('when the bracket repeats a one-word name, then it is still a short name that needs its country', () => {
    expect(found(screen('Elbrus'))).toEqual([[9, 'possible', 0.8, 'Elbrus (ELBRUS)']]);
    expect(found(screen('Elbrus', 'RU'))).toEqual([[9, 'exact', 1, 'Elbrus (ELBRUS)']]);
  });
});

describe('a bracketed long form', () => {
  test('when the long form is screened, then it is exact; the short name before it needs its country', () => {
    expect(found(screen('Russian Technologies State Corporation'))).toEqual([
      [2, 'exact', 1, 'Russian Technologies State Corporation'],
    ]);
    expect(found(screen('Rostec', 'RU'))).toEqual([[2, 'exact', 1, 'Rostec']]);
    expect(screen('Rostec')[0]).toMatchObject({ entry: 2, matchType: 'possible' });
  });
});

describe('the head of a long name', () => {
  test('when the part before a comma or "of the" has two distinctive words, then it names the entity', () => {
    expect(found(screen('Rzhanov Institute of Semiconductor Physics'))).toEqual([
      [3, 'exact', 1, 'Rzhanov Institute of Semiconductor Physics'],
    ]);
    expect(found(screen('Mordex Vantrel Optics'))).toEqual([[8, 'exact', 1, 'Mordex Vantrel Optics']]);
  });

  test('when the head has only one distinctive word, then it does not name the entity', () => {
    // Its rare word still makes it a possible match for a person to look at (rare-words.ts), never more.
    expect(found(screen('Zentharo Research Institute')).map(([, type]) => type)).toEqual(['possible']);
    expect(screen('Siberian Branch of the Russian Academy of Sciences')).toEqual([]);
    expect(found(screen('Mordex Vantrel')).map(([, type]) => type)).toEqual(['possible']);
  });
});

describe('aliases', () => {
  test('when an alias is junk ("and"), then it names nothing; a generic one-word alias needs the country', () => {
    expect(screen('and')).toEqual([]);
    expect(found(screen('Systems'))).toEqual([[5, 'possible', 0.8, 'Systems']]);
  });

  test('when an alias is an acronym of the name, then it is not a short name; any other one is', () => {
    expect(found(screen('QZH', 'US'))).toEqual([[6, 'exact', 1, 'QZH']]);
    expect(found(screen('QZX'))).toEqual([[6, 'possible', 0.8, 'QZX']]);
    expect(found(screen('QZX', 'CN'))).toEqual([[6, 'exact', 1, 'QZX']]);
  });

  test('when a local name is in katakana, then it finds the entry exactly, and the sound finds the Latin name', () => {
    expect(found(screen('ボストレンコ工場'))).toEqual([[11, 'exact', 1, 'ボストレンコ工場']]);
    expect(found(screen('ボストレンコ'))).toEqual([[11, 'possible', 0.85, 'Vostrenko Plant']]);
  });

  test('when the screening data has curated aliases for an entry, then they find it exactly, short or not', () => {
    const data = bundledScreeningData()!;
    const aliases = [
      {
        list: 'jp-eul' as const,
        entry: 4,
        entryName: 'Kelvor Trading (HK)',
        names: [
          { name: 'KVT', note: 'test' },
          { name: '凯沃贸易', note: 'test' },
        ],
      },
    ];
    const curated = createScreener(lists, undefined, {
      ...data,
      aliases,
    });
    // The alias names jp-eul, the entry is on test-list: nothing is attached.
    expect(curated.screen('KVT')).toEqual([]);
    const attached = createScreener([{ ...lists[0]!, list: 'jp-eul' }], undefined, {
      ...data,
      aliases,
    });
    expect(found(attached.screen('KVT'))).toEqual([[4, 'exact', 1, 'KVT']]);
    expect(found(attached.screen('凯沃贸易'))).toEqual([[4, 'exact', 1, '凯沃贸易']]);
    expect(attached.screen('凯沃')).toEqual([]);
  });
});
