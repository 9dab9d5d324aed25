/**
 * Listed names made only of ordinary words (common-word-names.ts) through the public screener on a small list:
 * an exact or strong hit on such a name stands only in the entry's country (given, or named by the query);
 * elsewhere, with no country, or for an entry without one it is a possible match, re-ordered below the others.
 * A place or country word, a distinctive word or a CJK part makes the name one body's: it is left alone.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { CommonWordNames } from '../../src/screening/common-word-names.ts';
import type { ScreeningData } from '../../src/screening/data.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Insight Enterprises', country: 'PK' },
      { name: 'Zarvendo Systems', country: 'IR' },
      { name: 'China Insight', country: 'CN' },
      { name: 'Golden Star 金星', country: 'KP' },
      { name: 'Future Partners' },
      { name: 'Insight Enterprises Zarvendo', country: 'IR' },
      { name: 'Insighte Enterprises', country: 'IR' },
      { name: 'Future Dynamics Holding', country: 'PK' },
    ],
    'test-list',
  ),
]);
const found = (name: string, country?: string) =>
  screen(name, country).map((h) => [h.entry, h.matchType, h.score, h.matchedOn]);

describe('a listed name of ordinary words', () => {
  test('when the entry’s country is given, then the hit stands exact', () => {
    expect(found('Insight Enterprises', 'PK')).toEqual([[1, 'exact', 1, 'Insight Enterprises']]);
  });

  test('when another country or none is given, then it is a possible match at the possible score', () => {
    expect(found('Insight Enterprises', 'US')).toEqual([[1, 'possible', 0.85, 'Insight Enterprises']]);
    expect(found('Insight Enterprises')).toContainEqual([1, 'possible', 0.85, 'Insight Enterprises']);
  });

  test('when the query itself names the entry’s country, then it is not held to possible', () => {
    expect(found('Insight Enterprises, Pakistan')[0]?.slice(0, 2)).toEqual([1, 'strong']);
  });

  test('when the entry has no country, then it is possible whatever country is given', () => {
    expect(found('Future Partners', 'PK')).toEqual([[5, 'possible', 0.85, 'Future Partners']]);
    expect(found('Future Partners')).toEqual([[5, 'possible', 0.85, 'Future Partners']]);
  });

  test('when the hit is possible already, then it is kept as it is, its score not capped', () => {
    expect(found('Future Dynamics')).toEqual([[8, 'possible', 0.888, 'Future Dynamics Holding']]);
  });

  test('when a demoted hit was first, then the hits are ordered best first again', () => {
    expect(found('Insight Enterprises').map(([e, t]) => [e, t])).toEqual([
      [7, 'strong'],
      [1, 'possible'],
    ]);
  });
});

describe('a listed name that is not only ordinary words', () => {
  test('when it has a distinctive word, then it stays exact without a country', () => {
    expect(found('Zarvendo Systems')).toEqual([[2, 'exact', 1, 'Zarvendo Systems']]);
    expect(found('Insight Enterprises Zarvendo')).toEqual([[6, 'exact', 1, 'Insight Enterprises Zarvendo']]);
  });

  test('when it has a country or place word, then it stays exact without a country', () => {
    // "china" is weighed as generic by the matcher, but a country word is never ordinary here.
    expect(found('China Insight')).toEqual([[3, 'exact', 1, 'China Insight']]);
  });

  test('when it has a CJK part, then it is left alone', () => {
    expect(found('Golden Star 金星')).toEqual([[4, 'exact', 1, 'Golden Star 金星']]);
  });
});

describe('which names are of ordinary words', () => {
  const data = () => bundledScreeningData()!;
  const names = (d: ScreeningData | undefined) => new CommonWordNames(d, new Lexicon(data()));

  test('when the word map is given, then its dictionary and common words are ordinary, with the generic ones', () => {
    const c = names(data());
    expect(c.isCommonWorded('Phoenix Star')).toBe(true);
    expect(c.isCommonWorded('Insight Enterprises')).toBe(true);
    expect(c.isCommonWorded('Insight Enterprises LLC')).toBe(true);
    expect(c.isCommonWorded('Research Institute')).toBe(true);
    expect(c.isCommonWorded('Zarvendo Research')).toBe(false);
    expect(c.isCommonWorded('Golden Star 金星')).toBe(false);
  });

  test('when there is no word map, then only the generic words are ordinary', () => {
    const c = names(undefined);
    expect(c.isCommonWorded('Research Institute')).toBe(true);
    expect(c.isCommonWorded('Phoenix Star')).toBe(false);
    expect(c.isCommonWorded('Insight Enterprises')).toBe(false);
  });

  test('when a gazetteer place is spelled as an ordinary word, then that word is not ordinary', () => {
    const d = data();
    const places = [...d.gazetteer.places, { ...d.gazetteer.places[0]!, latin: ['Golden  Coast'] }];
    const c = names({ ...d, gazetteer: { ...d.gazetteer, places } });
    expect(c.isCommonWorded('Golden Star')).toBe(false);
    expect(c.isCommonWorded('Phoenix Star')).toBe(true);
    const markers = [...d.gazetteer.nationalMarkers, { country: 'ZZ', names: ['Phoenix'] }];
    expect(
      names({ ...d, gazetteer: { ...d.gazetteer, nationalMarkers: markers } }).isCommonWorded('Phoenix Star'),
    ).toBe(false);
  });
});
