/**
 * Parent academies after an institute's name (parent-tails.ts) on a small synthetic word list: how many words
 * at the end of a query segment name a parent (longest parent first, stopwords skipped, a plural s optional, a
 * leading "of" with it, never the whole segment), and a listed name stripped of its parent.
 */
import { describe, expect, test } from 'vitest';
import { ParentTails } from '../../src/screening/parent-tails.ts';

const PARENTS = ['Russian Academy of Sciences', 'RAS', 'SB RAS'];
const tails = (parents: string[] = PARENTS) => new ParentTails(parents);
const length = (words: string[], parents?: string[]) => tails(parents).length(words);
const strip = (text: string, parents?: string[]) => tails(parents).strip(text);

describe('a parent at the end of a query segment', () => {
  test('when a segment ends in a parent, then its words are counted, the longest parent first', () => {
    expect(length(['keldysh', 'institute', 'ras'])).toBe(1);
    expect(length(['boreskov', 'institute', 'sb', 'ras'])).toBe(2);
    expect(length(['institute', 'ras'], ['RAS', 'SB RAS'])).toBe(1);
    expect(length(['institute', 'sb', 'ras'], ['RAS', 'SB RAS'])).toBe(2);
  });

  test('when the parent has stopwords or a plural, then they are skipped and the plural s is optional', () => {
    expect(length(['institute', 'of', 'the', 'russian', 'academy', 'of', 'science'])).toBe(6);
    expect(length(['institute', 'russian', 'academy', 'of', 'the', 'sciences'])).toBe(5);
    expect(length(['institute', 'russian', 'academy', 'science'])).toBe(3);
  });

  test('when a leading "of" goes with the parent, then it is counted with it', () => {
    expect(length(['institute', 'of', 'ras'])).toBe(2);
    expect(length(['institute', 'of', 'the', 'ras'])).toBe(3);
  });

  test('when the parent would be the whole segment, or only stopwords are left, then nothing is counted', () => {
    expect(length(['ras'])).toBe(0);
    expect(length(['of', 'ras'])).toBe(0);
    // The longer parent would be all of it; the shorter one leaves "sb" as the name.
    expect(length(['sb', 'ras'])).toBe(1);
    expect(length([])).toBe(0);
  });

  test('when the end is not a parent, or only part of one, then nothing is counted', () => {
    expect(length(['institute', 'ra'])).toBe(0);
    expect(length(['institute', 'ras', 'moscow'])).toBe(0);
    expect(length(['institute', 'academy', 'sciences'])).toBe(0);
    // The end of a parent without its start, the whole segment: nothing, the words run out first.
    expect(length(['academy', 'of', 'sciences'])).toBe(0);
  });

  test('when a parent is only stopwords, or there are no parents, then nothing is counted', () => {
    expect(length(['institute', 'of'], ['the'])).toBe(0);
    expect(length(['institute', 'of', 'the'], ['of the'])).toBe(0);
    expect(length(['institute', 'ras'], [])).toBe(0);
  });
});

describe('a listed name stripped of its parent', () => {
  test('when a listed name ends in a parent, then the name before it is returned', () => {
    expect(strip('Keldysh Institute, Russian Academy of Sciences')).toBe('Keldysh Institute');
    expect(strip('Boreskov Institute SB RAS.')).toBe('Boreskov Institute');
    expect(strip('Institute of the Russian Academy of Sciences')).toBe('Institute');
    expect(strip('Institute of Russian Academy of Sciences')).toBe('Institute');
  });

  test('when it is written in another case, spacing, periods or without the plural, then it is stripped too', () => {
    expect(strip('institute ras')).toBe('institute');
    expect(strip('Institute of the Russian Academy of Science')).toBe('Institute');
    expect(strip('Institute of Russian.Academy  of Sciences')).toBe('Institute');
    expect(strip('Institute at RAS')).toBe('Institute at');
    expect(strip('  Institute RAS')).toBe('Institute');
  });

  test('when the parent is the whole name, not at the end, or only a shorter word, then nothing is stripped', () => {
    expect(strip('Russian Academy of Sciences')).toBeUndefined();
    expect(strip(', RAS')).toBeUndefined();
    expect(strip('RAS Institute')).toBeUndefined();
    expect(strip('Institute RASX')).toBeUndefined();
    // A three-letter word keeps its s: "RA" is not "RAS".
    expect(strip('Institute RA')).toBeUndefined();
    // Nor does a word without a plural take one.
    expect(strip('Institute RASS')).toBeUndefined();
    expect(strip('Institute, Russian Academys of Sciences')).toBeUndefined();
  });

  test('when a parent holds pattern characters, then they are taken literally', () => {
    expect(strip('Institute R.A.S.', ['R.A.S.'])).toBe('Institute');
    expect(strip('Institute RxAxS', ['R.A.S.'])).toBeUndefined();
  });

  test('when a parent is written with spaces around or between its words, then it is the same parent', () => {
    expect(strip('Institute RAS', [' RAS '])).toBe('Institute');
    expect(strip('Institute SB RAS', ['SB  RAS'])).toBe('Institute');
  });

  test('when there are no parents, then nothing is stripped', () => {
    expect(strip('Institute RAS', [])).toBeUndefined();
  });
});
