/**
 * Each typo rule of the matcher through the public screener: one edit on a word, two on a long one (more
 * than eight letters), one against an ordinary dictionary word, none between two dictionary words but a
 * plural, only words of five letters or more, at most two letters longer or shorter, the first two letters
 * kept; a misspelt generic word or legal form weighs what the word weighs.
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Kelvorian Instruments' },
      { name: 'Abcdefghijk Systems' },
      { name: 'Nanotrex Lasers' },
      { name: 'Zentharox Merid' },
      { name: 'Zentharo Quovel' },
      { name: 'Kovra Beltimo' },
      { name: 'Vask Beltimo' },
      { name: 'Delta Signals' },
      { name: 'Qarvesto Industries' },
      { name: 'Merovan Trading Company' },
      { name: 'Pioneer Vostrel' },
    ],
    'test-list',
  ),
]);
const entries = (q: string) => screen(q).map((h) => h.entry);

describe('one edit, two on a long word', () => {
  test.each([
    ['Kelvorian Instrumants', 1],
    ['Kelvorian Instrument', 1],
    ['Kelvorians Instruments', 1],
    ['Kelvorian Insturments', 1],
    ['Nanotrx Lasers', 3],
    ['Kovro Beltimo', 6],
    ['Qarvesto Indstries', 9],
    ['Merovan Tradnig Company', 10],
  ])('when %s has one typo, then entry %i is a strong hit', (q, entry) => {
    expect(screen(q)).toMatchObject([{ entry, matchType: 'strong' }]);
    expect(screen(q)[0]!.score).toBeLessThan(1);
  });

  test('when a word longer than eight letters has two typos, then it still matches; three do not', () => {
    expect(brief(screen('Abcdfghjk Systems'))).toEqual([[2, 'strong', 0.98]]);
    expect(brief(screen('Zenthrax Merid'))).toEqual([[4, 'strong', 0.982]]);
    expect(entries('Abcdfhjk Systems')).toEqual([]);
  });

  test('when a word of eight letters has two typos, then it does not match', () => {
    expect(entries('Zenthraa Quovel')).toEqual([]);
    expect(entries('Zentharo Quovel')).toEqual([5]);
  });

  test('when a short word has two typos, then it does not match', () => {
    expect(entries('Nantrx Lasers')).toEqual([]);
  });
});

describe('which words may match fuzzily', () => {
  test('when a word is shorter than five letters, then only its exact spelling matches', () => {
    expect(entries('Vasc Beltimo')).toEqual([]);
    expect(entries('Vask Beltimo')).toEqual([7]);
    expect(entries('Kovro Beltimo')).toEqual([6]);
  });

  test('when the lengths differ by two letters, then it may match; by three, never', () => {
    expect(entries('Nanotrexxx Lasers')).toEqual([3]);
    expect(entries('Nanotrexxxx Lasers')).toEqual([]);
  });

  test('when the first or second letter changes, then it is another word', () => {
    expect(entries('Jelvorian Instruments')).toEqual([]);
    expect(entries('Klevorian Instruments')).toEqual([]);
    expect(entries('Kelvorian Instruments')).toEqual([1]);
  });
});

describe('ordinary dictionary words', () => {
  test('when a typo meets a dictionary word, then one edit is allowed, two are not, however long the word', () => {
    expect(entries('Kelvorian Instrumnts')).toEqual([1]);
    expect(entries('Kelvorian Instrumantz')).toEqual([]);
    expect(entries('Pionear Vostrel')).toEqual([11]);
  });

  test('when two dictionary words differ, then only a plural makes them one (Signal/Signals, not Sigma)', () => {
    expect(entries('Delta Signal')).toEqual([8]);
    expect(entries('Delta Sigma')).toEqual([]);
    const singular = screenOver([list([{ name: 'Delta Signal Vostrel' }], 'test-list')]);
    expect(singular('Delta Signals Vostrel').map((h) => h.matchType)).toEqual(['strong']);
    expect(singular('Delta Sigma Vostrel')).toEqual([]);
  });
});

describe('misspelt generic words and legal forms', () => {
  test('when a generic word is misspelt, then it weighs as the generic word, not as a distinctive one', () => {
    expect(brief(screen('Merovan Interntional Trading Company'))).toEqual([[10, 'possible', 0.872]]);
    expect(brief(screen('Merovan International Trading Company'))).toEqual([[10, 'possible', 0.872]]);
  });

  test('when a long legal form is misspelt, then it weighs nothing, like the legal form', () => {
    expect(brief(screen('Qarvesto Industries Incorprated'))).toEqual([[9, 'strong', 1]]);
    expect(brief(screen('Qarvesto Industries Limted'))).toEqual([[9, 'strong', 1]]);
    expect(brief(screen('Merovan Trading Company Limted'))).toEqual([[10, 'strong', 1]]);
  });

  test('when the distinctive word stands alone, then it is possible; a misspelt generic word does not complete it', () => {
    // "Qarvesto" alone covers the distinctive word; the generic "Industries" left over makes it possible.
    expect(brief(screen('Qarvesto'))).toEqual([[9, 'possible', 0.85]]);
    expect(screen('Qarvesto Universty')).toEqual([]);
  });
});
