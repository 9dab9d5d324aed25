/**
 * The matcher's own limits and defaults (matcher.ts): a query is read up to 1,000 characters, and a matcher built
 * without the screening data (no word map, no gazetteer) still matches Latin names, exactly and by a typo, but
 * translates nothing.
 */
import { describe, expect, test } from 'vitest';
import { Matcher } from '../../src/screening/matcher.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Kelvorian Instruments', country: 'RU' },
      { name: 'Harbin Institute of Technology', localName: '哈尔滨工业大学', country: 'CN' },
    ],
    'test-list',
  ),
];
const screen = screenOver(lists);

describe('the length of a query', () => {
  test('when the listed name ends within the first 1,000 characters, then it is found; past them, not', () => {
    const within = `${'x'.repeat(975)}, Kelvorian Instruments`;
    const past = `${'x'.repeat(979)}, Kelvorian Instruments`;
    expect(within.length).toBeLessThanOrEqual(1000);
    expect(brief(screen(within))).toEqual([[1, 'strong', 0.95]]);
    expect(past.length).toBeGreaterThan(1000);
    expect(screen(past)).toEqual([]);
  });
});

describe('a matcher without the screening data', () => {
  test('when a Latin name is screened, then it is found exactly, and by a typo', () => {
    const m = new Matcher(lists);
    expect(brief(m.screen('Kelvorian Instruments'))).toEqual([[1, 'exact', 1]]);
    expect(brief(m.screen('Kelvorian Instrumants'))).toEqual([[1, 'strong', 0.986]]);
    expect(brief(m.screen('哈尔滨工业大学'))).toEqual([[2, 'exact', 1]]);
  });

  test('when a Japanese rendering is screened, then nothing is translated, so nothing is found', () => {
    const m = new Matcher(lists, { possible: 0.8, strong: 0.9 });
    expect(m.screen('ハルビン工業大学')).toEqual([]);
    expect(m.screen('ケルボリアン')).toEqual([]);
  });
});
