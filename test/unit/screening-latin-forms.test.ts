/**
 * English short forms and Latin renderings inside longer text (issue 13): an entry's own acronym or words beside
 * one of its names ("VNIIA Dukhov"), its own country in front ("Syrian Army Supply Bureau"), another romanisation
 * of a word (Roselectronics, Ruselectronics), ordinal words (Second, 2nd), Turkish company words (Ticaret,
 * Sanayi, Tasimacilik), Russian organisation forms (PO, RKTs), descriptive words after a name ("KAMAZ truck
 * plant"), a sentence around a generic company name. Each rule's test also pins what it must not find.
 */
import { describe, expect, test } from 'vitest';
import { sameTransliteration, translitKey } from '../../src/screening/token-similarity.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const entries = (hits: ReturnType<ReturnType<typeof screenOver>>) => hits.map((h) => h.entry);
const typeOf = (hits: ReturnType<ReturnType<typeof screenOver>>, entry: number) =>
  hits.find((h) => h.entry === entry)?.matchType;

describe("an entry's own words beside one of its names confirm it", () => {
  const screen = screenOver([
    list(
      [
        { name: 'Federal State Unitary Enterprise Zorkov Automatics Research Institute (VNIIZ)', country: 'RU' },
        { name: 'Army Supply Bureau', country: 'SY' },
        { name: 'PARS REACTORS CONSTRUCTION AND DEVELOPMENT COMPANY', aliases: ['SATRA PARS COMPANY'], country: 'IR' },
      ],
      'test-list',
    ),
  ]);

  test('when the acronym stands beside a word of its long name, then the entry is found', () => {
    expect(typeOf(screen('VNIIZ Zorkov', 'RU'), 1)).toBe('strong');
    // Without the country the bracketed acronym is a short name: at most possible.
    expect(typeOf(screen('VNIIZ Zorkov'), 1)).toBe('possible');
    expect(typeOf(screen('Zorkov Automat Res Inst VNIIZ', 'RU'), 1)).toBe('strong');
  });

  test('when a word of another of its names follows a name, then it does not count against it', () => {
    expect(entries(screen('SATRA Pars Reactors'))).toEqual([3]);
  });

  test('when the acronym stands beside a word that is not its own, then nothing', () => {
    expect(screen('VNIIZ Trading', 'RU')).toEqual([]);
    expect(screen('VNIIZ Moscow Bank', 'RU')).toEqual([]);
  });

  test("when the entity's own country is written in front, then it is found; another country's, then not", () => {
    expect(brief(screen('Syrian Army Supply Bureau'))).toEqual([[2, 'strong', 1]]);
    expect(screen('Iranian Army Supply Bureau')).toEqual([]);
  });
});

describe('another romanisation of a listed word is the same word', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Ruselectronics JSC', country: 'RU' },
        { name: 'Tsentr Kvantovykh Tekhnologiy', country: 'RU' },
        { name: 'Vask Beltimo', country: 'RU' },
      ],
      'test-list',
    ),
  ]);

  test('when Rus-/Ros-, ts/c, kh/h or y/i differ, then the key is one', () => {
    expect(translitKey('roselectronics')).toBe(translitKey('ruselectronics'));
    expect(translitKey('tsentr')).toBe(translitKey('centr'));
    expect(translitKey('korporatsiya')).toBe(translitKey('korporatsia'));
    expect(translitKey('mikhail')).toBe(translitKey('mihail'));
    expect(sameTransliteration('roselectronics', 'ruselectronics', new Set())).toBe(true);
  });

  test('when a word is short or both are dictionary words, then only its spelling counts', () => {
    expect(sameTransliteration('vasc', 'vask', new Set())).toBe(false);
    expect(sameTransliteration('center', 'centre', new Set(['center', 'centre']))).toBe(false);
  });

  test('when the query is another romanisation, then the entry is found, strong in its country', () => {
    expect(typeOf(screen('Roselectronics', 'RU'), 1)).toBe('strong');
    expect(entries(screen('Centr Kvantovyh Tehnologii'))).toEqual([2]);
    expect(screen('Vasc Beltimo')).toEqual([]);
  });
});

describe('ordinal words are numbers', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Second Academy of Natural Sciences', country: 'KP' },
        { name: 'Academy of Mining Sciences', country: 'KP' },
      ],
      'test-list',
    ),
  ]);

  test('when the ordinal is written in digits or abbreviated, then the name is found', () => {
    expect(entries(screen('2nd Academy of Natural Sciences'))).toEqual([1]);
    expect(entries(screen('2nd Acad Natural Sci'))).toEqual([1]);
  });

  test('when the ordinal differs, or the listed name has none, then it is no hard match', () => {
    expect(screen('Third Academy of Natural Sciences')).toEqual([]);
    // An ordinal numbers the name: unlike an amount glued on, it is not context.
    expect(screen('2nd Academy of Mining Sciences').filter((h) => h.matchType !== 'possible')).toEqual([]);
  });
});

describe('Turkish company words and Russian organisation forms', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Ix Medikal Buro Malzemeleri Ticaret Limited Sirketi', country: 'TR' },
        { name: 'Smart Trading Transportation Industry and Trade Limited Company', country: 'TR' },
        { name: 'Production Association Strela', country: 'RU' },
        { name: 'JSC Rocket and Space Centre – Progress', country: 'RU' },
        { name: 'Bee Insaat Mimarlik Anonim Sirketi', country: 'TR' },
      ],
      'test-list',
    ),
  ]);

  test('when the Turkish trade and legal words are left out or abbreviated, then the company is found', () => {
    expect(typeOf(screen('Ix Medikal Buro Malzemeleri'), 1)).toBe('strong');
    expect(entries(screen('Smart Trading Tasimacilik San. ve Tic. Ltd. Sti.'))).toContain(2);
    expect(brief(screen('Bee İnşaat Mimarlık A.Ş.'))).toEqual([[5, 'exact', 1]]);
  });

  test('when PO or RKTs stands for the organisation form, then the listed English name is found', () => {
    expect(typeOf(screen('PO Strela'), 3)).toBe('exact');
    expect(entries(screen('RKTs Progress, Samara'))).toEqual([4]);
  });
});

describe('a listed name before descriptive words or inside a sentence', () => {
  const screen = screenOver([
    list(
      [
        { name: 'KAMAZ Publicly Traded Company', aliases: ['KAMAZ PJSC'], country: 'RU' },
        { name: 'Space and Upper Atmosphere Research Commission (SUPARCO)', country: 'PK' },
        { name: 'Progress', country: 'RU' },
        { name: 'Engineering Center Ltd.', country: 'RU' },
        { name: 'Mobarakeh Steel Company', country: 'IR' },
        { name: 'Ministry of Defence of the Russian Federation', country: 'RU' },
      ],
      'test-list',
    ),
  ]);

  test('when descriptive words and places follow a name, then the name before them is screened', () => {
    expect(typeOf(screen('KAMAZ truck plant, Naberezhnye Chelny, Tatarstan', 'RU'), 1)).toBe('strong');
    expect(typeOf(screen('SUPARCO Headquarters, Sector 28, Gulzar-e-Hijri, Karachi', 'PK'), 2)).toBe('strong');
  });

  test('when the name before them is one dictionary word, then at most possible', () => {
    expect(typeOf(screen('Progress steel plant', 'RU'), 3)).toBe('possible');
  });

  test('when a sentence frames the name, its first word capitalised, then the name is found', () => {
    expect(typeOf(screen('Procurement for the Ministry of Defence of the Russian Federation'), 6)).toBe('strong');
    expect(typeOf(screen('steel supplied by Mobarakeh Steel Company, Esfahan, Iran'), 5)).toBe('strong');
  });

  test('when a generic company name ends in its legal form inside a sentence, then it is found', () => {
    expect(typeOf(screen('order placed with Engineering Center Ltd., Russia'), 4)).toBe('strong');
    expect(screen('samples sent to the Engineering Center, Tokyo')).toEqual([]);
  });
});

describe('an acronym in brackets names the body before it', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Scientific Studies and Research Center (SSRC)', country: 'SY' },
        {
          name: 'National Standards and Calibration Laboratory (NSCL)',
          aliases: ['Scientific Studies and Research Center (SSRC)-NSCL'],
          country: 'SY',
        },
        {
          name: 'Zorvan Academy of Engineering Physics',
          aliases: ["Zorvan Academy of Engineering Physics (ZAEP)'s 902 Institute"],
          country: 'CN',
        },
        { name: 'Iran Marine Industrial Company (SADRA)', country: 'IR' },
      ],
      'test-list',
    ),
  ]);

  test('when more name follows the brackets, then the acronym is not the entry’s unless it spells its name', () => {
    expect(entries(screen('SSRC', 'SY'))).toEqual([1]);
    expect(typeOf(screen('ZAEP', 'CN'), 3)).toBe('exact');
  });

  test('when descriptive words follow an acronym without its country, then a possible match stays possible', () => {
    expect(brief(screen('SADRA shipyard'))).toEqual([[4, 'possible', expect.any(Number)]]);
    expect(screen('Sadra shipyard')).toEqual([]);
  });
});

describe('what the descriptive-tail span leaves alone', () => {
  const screen = screenOver([
    list([{ name: 'KAMAZ Publicly Traded Company', aliases: ['KAMAZ PJSC'], country: 'RU' }], 'test-list'),
  ]);

  test('when descriptive words follow the name, then the hit is strong, never exact', () => {
    expect(typeOf(screen('KAMAZ truck plant', 'RU'), 1)).toBe('strong');
  });

  test('when the words after the name are not descriptive, then the name is not screened alone', () => {
    expect(screen('KAMAZ Trading Partners', 'RU').filter((h) => h.matchType !== 'possible')).toEqual([]);
  });
});

describe("the entity's own country is context only beside a name without a place", () => {
  const screen = screenOver([
    list(
      [
        { name: 'Iran Electronics Industries', country: 'IR' },
        { name: 'Shiraz Electronics Industries', country: 'IR' },
      ],
      'test-list',
    ),
  ]);

  test('when the query names the parent in its city, then the city’s namesake is no hard hit', () => {
    const hits = screen('Iran Electronics Industries, Shiraz');
    expect(typeOf(hits, 1)).toBe('strong');
    expect(typeOf(hits, 2)).not.toBe('strong');
  });
});
