/**
 * Hong Kong and Macau bodies are listed under their own code or under CN (jp-third-specified lists Hong Kong firms
 * under CN), and a researcher gives either: a country given with the query agrees across them (country-agrees.ts),
 * in the country guard, for short names, for whole-query aliases and for names of common words alike.
 */
import { describe, expect, test } from 'vitest';
import { countryAgrees } from '../../src/screening/country-agrees.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

describe('which given country agrees with a listed one', () => {
  test.each([
    ['CN', 'CN', true],
    ['HK', 'CN', true],
    ['MO', 'CN', true],
    ['CN', 'HK', true],
    ['CN', 'MO', true],
    ['HK', 'HK', true],
    ['HK', 'MO', false],
    ['MO', 'HK', false],
    ['TW', 'CN', false],
    ['CN', 'TW', false],
    ['JP', 'CN', false],
    ['IR', 'HK', false],
  ])('when %s is given for an entity listed under %s, then %s', (given, listed, agrees) => {
    expect(countryAgrees(given, listed)).toBe(agrees);
  });
});

describe('a Hong Kong firm listed under CN', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Zorvexian Trading Limited', country: 'CN' },
        { name: 'Kelvorian Electronics Company Limited', country: 'HK' },
        { name: 'Quorvex', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test('when it is met by a typo with HK given, then it is found as with CN; with another country it is dropped', () => {
    expect(brief(screen('Zorvexien Trading Limited', 'CN'))).toHaveLength(1);
    expect(brief(screen('Zorvexien Trading Limited', 'HK'))).toEqual(brief(screen('Zorvexien Trading Limited', 'CN')));
    expect(brief(screen('Zorvexien Trading Limited', 'MO'))).toEqual(brief(screen('Zorvexien Trading Limited', 'CN')));
    expect(screen('Zorvexien Trading Limited', 'JP')).toEqual([]);
    expect(screen('Zorvexien Trading Limited', 'TW')).toEqual([]);
  });

  test('when a firm listed under HK is given CN, then it is found as with HK', () => {
    expect(brief(screen('Kelvorean Electronics Company Limited', 'HK'))).toHaveLength(1);
    expect(brief(screen('Kelvorean Electronics Company Limited', 'CN'))).toEqual(
      brief(screen('Kelvorean Electronics Company Limited', 'HK')),
    );
  });

  test('when a one-word name is given HK, then it keeps the strength it has in its own country', () => {
    expect(brief(screen('Quorvex', 'HK'))).toEqual(brief(screen('Quorvex', 'CN')));
    expect(brief(screen('Quorvex', 'HK'))[0]?.[1]).toBe('exact');
    expect(brief(screen('Quorvex', 'JP'))[0]?.[1]).toBe('possible');
  });
});
