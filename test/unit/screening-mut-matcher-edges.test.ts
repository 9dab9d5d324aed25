/**
 * The matcher's own steps (matcher.ts) at the edges the other suites leave implicit, on the matcher itself (the
 * screener's span layer would find a listed name in a part of the query by other means): thresholds passed bare
 * or as options, control characters read as spaces, a part of the query scored on its own only for a name that
 * can tell an institution (a distinctive word, or three words that count), and the rare-word rule under the
 * country given.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { Matcher } from '../../src/screening/matcher.ts';
import { perTest } from '../support/per-test.ts';
import { brief, list } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Kelvorian Instruments', country: 'RU' },
      { name: 'Engineering Center Ltd', country: 'RU' },
      { name: 'Shenzhen Iprogift Technology Co., Ltd', country: 'CN' },
    ],
    'test-list',
  ),
];
const matcher = perTest(() => new Matcher(lists, { lexicon: new Lexicon(bundledScreeningData()!) }));
const screen = (name: string, country?: string) => brief(matcher().screen(name, country));

describe('the thresholds', () => {
  test('when looser thresholds are passed bare or as an option, then a one-word part of a name is found and graded by them', () => {
    // Under the shipped thresholds the distinctive word alone covers too little of the name.
    expect(new Matcher(lists).screen('Kelvorian')).toEqual([]);
    const loose = { possible: 0.5, strong: 0.6 };
    expect(brief(new Matcher(lists, loose).screen('Kelvorian'))).toEqual([[1, 'strong', 0.625]]);
    expect(brief(new Matcher(lists, { thresholds: loose }).screen('Kelvorian'))).toEqual([[1, 'strong', 0.625]]);
    expect(brief(new Matcher(lists, loose).screen('Kelvorian Trading'))).toEqual([[1, 'possible', 0.56]]);
  });
});

describe('control characters', () => {
  test('when a control character stands between two words, then it is a space: the listed spelling, exact', () => {
    expect(screen('Kelvorian\u0007Instruments')).toEqual([[1, 'exact', 1]]);
    expect(screen('Kelvorian\tInstruments')).toEqual([[1, 'exact', 1]]);
  });
});

describe('a part of the query scored on its own', () => {
  test('when a two-word distinctive name is misspelt in one comma part, then that part finds it', () => {
    expect(screen('Kelvorian Instrumants, Zentharo Trading')).toEqual([[1, 'strong', 0.986]]);
  });

  test('when a name of two generic words is one comma part, then it is not found: such a name must be the whole query', () => {
    expect(screen('Engineering Center, Kelvorian Trading')).toEqual([]);
    expect(screen('Engineering Center Ltd')).toEqual([[2, 'exact', 1]]);
  });
});

describe('a rare core word', () => {
  test('when the query spells it with another country given, then the entry is not found; with its own, possible', () => {
    expect(screen('Iprogift Tech')).toEqual([[3, 'possible', 0.8]]);
    expect(screen('Iprogift Tech', 'CN')).toEqual([[3, 'possible', 0.8]]);
    expect(screen('Iprogift Tech', 'RU')).toEqual([]);
  });
});
