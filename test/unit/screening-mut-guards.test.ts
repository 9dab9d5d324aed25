/**
 * The guards (guards.ts) at the conditions the rule-by-rule suite leaves implicit, through the public screener:
 * a country given with the query drops only a fuzzy hit and only on an entity that has a country; Hong Kong and
 * Macau are in China both ways; a place of another country vetoes, a place of the entity's own or an entity
 * without a country does not; a one-word name met by its sound needs its first vowel; and two institutes under
 * one parent body (ロシア科学アカデミー…) are told apart by what follows the parent.
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Kelvor Trading Macau', country: 'MO' },
      { name: 'Vostrel Kelvin Trading', country: 'HK' },
      { name: 'Zentharo Merid Company', country: 'CN' },
      { name: 'Mikron', country: 'RU' },
      { name: 'Quenbrook Aerial' },
      { name: 'Institute of Solid State Physics', localName: 'ロシア科学アカデミー固体物理学研究所', country: 'RU' },
      { name: 'Kelvorian Zentharo Merid Institute 12', country: 'RU' },
    ],
    'test-list',
  ),
]);

describe('the country given with the query', () => {
  test('when the entity has no country, then a fuzzy hit is kept whatever country is given', () => {
    expect(brief(screen('Quenbrok Aerial', 'US'))).toEqual([[5, 'strong', 0.992]]);
  });

  test('when the country is the entity’s, then a one-word name is no longer capped', () => {
    expect(brief(screen('ミクロン'))).toEqual([[4, 'possible', 0.8]]);
    expect(brief(screen('ミクロン', 'RU'))).toEqual([[4, 'strong', 0.978]]);
    expect(screen('ミクロン', 'JP')).toEqual([]);
  });
});

describe('a one-word name met by its sound', () => {
  test('when the katakana starts with another vowel, then it is not the name (マイクロン, オクロン are not Mikron)', () => {
    expect(screen('マイクロン')).toEqual([]);
    expect(screen('オクロン')).toEqual([]);
  });
});

describe('places and countries named in the query', () => {
  test('when China is named, then Hong Kong and Macau entities are still found', () => {
    expect(brief(screen('Kelvor Trading Macau, China'))).toEqual([[1, 'strong', 0.95]]);
    expect(brief(screen('Vostrel Kelvin Trading, China'))).toEqual([[2, 'strong', 0.95]]);
    expect(brief(screen('Vostrel Kelvin Trading, Beijing'))).toEqual([[2, 'strong', 0.95]]);
  });

  test('when Hong Kong or Macau is named, then it counts as China, for Chinese, Hong Kong and Macau entities', () => {
    expect(brief(screen('Zentharo Merid Company, Hong Kong'))).toEqual([[3, 'strong', 0.95]]);
    expect(brief(screen('Zentharo Merid Company, Macau'))).toEqual([[3, 'strong', 0.95]]);
    expect(brief(screen('Kelvor Trading Macau, Hong Kong'))).toEqual([[1, 'strong', 0.95]]);
    expect(brief(screen('Vostrel Kelvin Trading, Macau'))).toEqual([[2, 'strong', 0.95]]);
  });

  test('when a place or country of another country is named, then the entity is not found', () => {
    expect(screen('Zentharo Merid Company, Tokyo')).toEqual([]);
    expect(screen('Zentharo Merid Company, Iran')).toEqual([]);
    expect(screen('Kelvor Trading Macau, Tokyo')).toEqual([]);
  });

  test('when a place of the entity’s own country is named, or the entity has no country, then it is found', () => {
    expect(brief(screen('Zentharo Merid Company, Beijing'))).toEqual([[3, 'strong', 0.95]]);
    expect(brief(screen('Zentharo Merid Company in Chengdu'))).toEqual([[3, 'strong', 0.95]]);
    expect(brief(screen('Quenbrook Aerial, Tokyo'))).toEqual([[5, 'strong', 0.95]]);
  });
});

describe('numbers', () => {
  test('when every word agrees but the number differs, then it is another institute of the series', () => {
    expect(screen('Kelvorian Zentharo Merid Institute 13')).toEqual([]);
    expect(brief(screen('Kelvorian Zentharo Merid Institute 12'))).toEqual([[7, 'exact', 1]]);
    expect(brief(screen('Kelvorian Zentharo Merid Institute'))).toEqual([[7, 'possible', 0.8]]);
  });
});

describe('two institutes under one parent body', () => {
  test('when the query is the listed institute, or leaves characters out of it, then it is found', () => {
    expect(brief(screen('ロシア科学アカデミー固体物理学研究所'))).toEqual([[6, 'exact', 1]]);
    expect(brief(screen('ロシア科学アカデミー固体物理研究所'))).toEqual([[6, 'strong', 0.941]]);
  });

  test('when one character differs after the parent, then it is at most possible (a typo or a variant)', () => {
    expect(brief(screen('ロシア科学アカデミー固休物理学研究所'))).toEqual([[6, 'possible', 0.8]]);
  });

  test('when the part after the parent names another institute, or the parent stands alone, then nothing is found', () => {
    expect(screen('ロシア科学アカデミー一般物理学研究所')).toEqual([]);
    expect(screen('ロシア科学アカデミー')).toEqual([]);
  });
});
