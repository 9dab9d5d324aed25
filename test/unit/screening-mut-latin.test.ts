/**
 * A listed name scored word by word (latin-score.ts), through the public screener on a small list: a place after
 * the name is context, a place before it in another part of the query is not in front of it; a one-word name met
 * by a typo is at most possible, met by its spelling exact; titles, funders and numbers the name lacks weigh
 * nothing; the generic words a name adds to the query make it a possible match (its descriptor).
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Kelvorian Instruments' },
      { name: 'Vostrenko', country: 'RU' },
      { name: 'Kelvor Institute' },
      { name: 'Merovan Optics Research Center' },
    ],
    'test-list',
  ),
]);

describe('places around a listed name', () => {
  test('when a place follows the name, then it is context: the name is matched whole', () => {
    expect(brief(screen('Kelvorian Instruments Beijing'))).toEqual([[1, 'strong', 1]]);
  });

  test('when a place stands in another part of the query, then the name is found as that part', () => {
    expect(brief(screen('Beijing, Kelvorian Instruments'))).toEqual([[1, 'strong', 0.95]]);
  });
});

describe('a one-word name', () => {
  test('when it is met by a typo in its country, then it is at most possible; by its spelling, exact', () => {
    expect(brief(screen('Vostrenka', 'RU'))).toEqual([[2, 'possible', 0.8]]);
    expect(brief(screen('Vostrenko', 'RU'))).toEqual([[2, 'exact', 1]]);
  });

  test('when its first letters change, then it is not met at all', () => {
    expect(screen('Vastrenko', 'RU')).toEqual([]);
  });
});

describe('words that weigh nothing or little', () => {
  test('when a title, a funder or a number the name lacks is added, then the name is still strong', () => {
    expect(brief(screen('Prof. Merovan Optics Research Center'))).toEqual([[4, 'strong', 0.95]]);
    expect(brief(screen('JST Merovan Optics Research Center'))).toEqual([[4, 'strong', 0.95]]);
    expect(brief(screen('Merovan Optics Research Center 12'))).toEqual([[4, 'strong', 0.95]]);
  });

  test('when a legal form is added, then the name is exact', () => {
    expect(brief(screen('Merovan Optics Research Center Ltd'))).toEqual([[4, 'exact', 1]]);
  });

  test('when the query holds only the distinctive words, then the generic rest is a descriptor: possible at 0.85', () => {
    expect(brief(screen('Merovan Optics'))).toEqual([[4, 'possible', 0.85]]);
  });

  test('when only the distinctive word agrees and the generic words differ, then it is another institution', () => {
    expect(brief(screen('Kelvor Institute'))).toEqual([[3, 'exact', 1]]);
    expect(screen('Kelvor University')).toEqual([]);
    expect(screen('Kelvor Academy')).toEqual([]);
  });
});
