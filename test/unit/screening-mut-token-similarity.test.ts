/**
 * When one word is a typo of another (token-similarity.ts), rule by rule on word pairs: a similar pair keeps its
 * Jaro-Winkler score only within one edit, two for a word longer than eight letters; two dictionary words only
 * as a plural; a word against a dictionary word one edit however long; which pairs are compared at all; and the
 * weight of a misspelt generic word or legal form.
 */
import { describe, expect, test } from 'vitest';
import { jaroWinkler } from '../../src/screening/jaro-winkler.ts';
import { fuzzyComparable, queryTokenWeight, tokenSimilarity } from '../../src/screening/token-similarity.ts';

const NONE = new Set<string>();
const DICTIONARY = new Set(['electric', 'electronic', 'signal', 'signals', 'instruments']);
const kept = (a: string, b: string, dictionary: ReadonlySet<string> = NONE) =>
  tokenSimilarity(a, b, dictionary) === jaroWinkler(a, b) && jaroWinkler(a, b) > 0;

describe('a typo of a word', () => {
  test('when a word of nine letters has one or two edits, then it keeps its similarity', () => {
    expect(kept('kelvorian', 'kelvoryan')).toBe(true);
    expect(kept('kelvorian', 'kelvoryen')).toBe(true);
    expect(kept('zentharoxy', 'zentharuxa')).toBe(true);
  });

  test('when a word of eight letters has two edits, then it is no typo (0); one edit is', () => {
    expect(tokenSimilarity('zentharo', 'zenthora', NONE)).toBe(0);
    expect(kept('zentharo', 'zentharu')).toBe(true);
  });

  test('when the words are not similar enough, then the similarity is returned as it is, below 0.9', () => {
    expect(tokenSimilarity('signal', 'sigma', NONE)).toBe(jaroWinkler('signal', 'sigma'));
    expect(tokenSimilarity('signal', 'sigma', NONE)).toBeLessThan(0.9);
  });
});

describe('dictionary words', () => {
  test('when both words are dictionary words, then only a plural is kept (Signal/Signals, not Electric/Electronic)', () => {
    expect(tokenSimilarity('electric', 'electronic', DICTIONARY)).toBe(0);
    expect(kept('electric', 'electronic')).toBe(true);
    expect(kept('signal', 'signals', DICTIONARY)).toBe(true);
    expect(kept('signals', 'signal', DICTIONARY)).toBe(true);
  });

  test('when one word is a dictionary word, then one edit is allowed however long the word, two are not', () => {
    expect(kept('instrumnts', 'instruments', DICTIONARY)).toBe(true);
    expect(kept('instruments', 'instrumnts', DICTIONARY)).toBe(true);
    expect(tokenSimilarity('instrumantz', 'instruments', DICTIONARY)).toBe(0);
    expect(tokenSimilarity('instruments', 'instrumantz', DICTIONARY)).toBe(0);
    expect(kept('instrumantz', 'instruments')).toBe(true);
  });
});

describe('Russian institute acronyms', () => {
  test('when two acronyms share the VNII, NII or TsNII opening and differ after it, then they are not typos', () => {
    expect(tokenSimilarity('vniitf', 'vniief', NONE)).toBe(0);
    expect(tokenSimilarity('niiefa', 'niiefo', NONE)).toBe(0);
    expect(tokenSimilarity('tsniimash', 'tsniimosh', NONE)).toBe(0);
    expect(tokenSimilarity('cniimash', 'cniimosh', NONE)).toBe(0);
  });

  test('when only one of them opens so, then the typo rule applies as to any word', () => {
    expect(kept('vniief', 'wniief')).toBe(true);
  });
});

describe('which words are compared fuzzily', () => {
  test('when both have five letters or more, differ in length by two at most and share two first letters, then yes', () => {
    expect(fuzzyComparable('abcde', 'abcdf')).toBe(true);
    expect(fuzzyComparable('abcde', 'abcdefg')).toBe(true);
    expect(fuzzyComparable('abcdefg', 'abcde')).toBe(true);
  });

  test.each([
    ['abcd', 'abcde'],
    ['abcde', 'abcd'],
    ['abcde', 'abcdefgh'],
    ['abcdefgh', 'abcde'],
    ['abcde', 'xbcde'],
    ['abcde', 'axcde'],
  ])('when %s meets %s, then they are not compared', (a, b) => {
    expect(fuzzyComparable(a, b)).toBe(false);
  });
});

describe('the weight of a query word', () => {
  test.each([
    ['interntional', 0.35],
    ['technologi', 0.35],
    ['researh', 0.35],
    ['industrie', 0.35],
    ['incorprated', 0],
    ['limted', 0],
    ['zentharo', 1],
    ['corporashun', 1],
    ['univ', 1],
    ['the', 0],
    ['12', 0.6],
    ['university', 0.35],
  ])('when %s is weighed, then it weighs %d', (word, weight) => {
    expect(queryTokenWeight(word)).toBe(weight);
    // Asked again (the weight is memoised), the same.
    expect(queryTokenWeight(word)).toBe(weight);
  });
});
