/**
 * The string measures at the edges the listed names rarely reach: two empty strings, and tokens longer than the
 * 64 characters the scratch buffers start with (a long word or a run of joined initials), where the buffers must
 * grow. Values worked out by hand from the definitions.
 */
import { describe, expect, test } from 'vitest';
import { editDistance, jaroWinkler } from '../../src/screening/jaro-winkler.ts';

/** 70 distinct characters: no character can match another position by accident. */
const LONG = Array.from({ length: 70 }, (_, i) => String.fromCharCode(0x100 + i)).join('');
const LAST_CHANGED = `${LONG.slice(0, 69)}z`;
const SWAPPED = `${LONG.slice(0, 40)}${LONG[41]}${LONG[40]}${LONG.slice(42)}`;
/** Swapped past the 64th character, where only a grown buffer records the matches. */
const SWAPPED_LATE = `${LONG.slice(0, 65)}${LONG[66]}${LONG[65]}${LONG.slice(67)}`;

describe('string measures at their edges', () => {
  test('when two empty strings are compared, then they are the same (1) and no edit apart', () => {
    expect(jaroWinkler('', '')).toBe(1);
    expect(editDistance('', '')).toBe(0);
  });

  test('when 70-character tokens differ in their last character, then Jaro-Winkler is 0.994286 and one edit', () => {
    // Jaro (69/70 + 69/70 + 1) / 3 = 0.990476, plus the four-letter prefix bonus 0.4 × (1 − jaro).
    expect(jaroWinkler(LONG, LAST_CHANGED)).toBeCloseTo(0.994286, 6);
    expect(jaroWinkler(LAST_CHANGED, LONG)).toBeCloseTo(0.994286, 6);
    expect(editDistance(LONG, LAST_CHANGED)).toBe(1);
    expect(editDistance(LAST_CHANGED, LONG)).toBe(1);
  });

  test('when two neighbours of a 70-character token are swapped, then it is one transposition and one edit', () => {
    // Jaro (1 + 1 + 69/70) / 3 = 0.995238 (one transposition: two half-transpositions), plus the prefix bonus.
    expect(jaroWinkler(LONG, SWAPPED)).toBeCloseTo(0.997143, 6);
    expect(editDistance(LONG, SWAPPED)).toBe(1);
    expect(jaroWinkler(LONG, SWAPPED_LATE)).toBeCloseTo(0.997143, 6);
    expect(editDistance(LONG, SWAPPED_LATE)).toBe(1);
  });

  test('when a long token meets an empty one or itself, then the distance is its length, or none', () => {
    expect(editDistance('', LONG)).toBe(70);
    expect(editDistance(LONG, '')).toBe(70);
    expect(editDistance(LONG, LONG)).toBe(0);
    expect(jaroWinkler(LONG, LONG)).toBe(1);
    expect(jaroWinkler(LONG, '')).toBe(0);
  });

  test('when short tokens are compared after long ones, then the grown buffers give the same results', () => {
    expect(jaroWinkler(LONG, LAST_CHANGED)).toBeCloseTo(0.994286, 6);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961111, 6);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});
