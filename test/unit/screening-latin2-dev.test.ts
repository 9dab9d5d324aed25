/**
 * English renderings of listed entities (issue 13, the second Latin dev set test/golden/screening-dev-latin2.jsonl):
 * each class of miss found on it and fixed, with an innocent counterpart that must stay clear. The classes: "St" of
 * a street address is no St Petersburg (it made a Chinese university's address name Russia); "Tech." also stands
 * for Technical and "Uni." for University; a possible match of a name that holds its own place is dropped when the text puts it elsewhere,
 * as the matcher's rare-word rule reads it ("Kelvorix Trading, Beijing").
 */
import { describe, expect, test } from 'vitest';
import { checkEvalSets, loadDevLatin2, scoreEvalSets } from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { abbreviationAlternatives, latinWords } from '../../src/screening/normalize.ts';
import { bundled, GOLDEN_DIR, hardRefs, hitRef, RULES_DIR } from '../support/fixtures.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const { screener } = bundled();
const refs = (query: string, country?: string) => screener.screen(query, country).map(hitRef);
const hard = (query: string, country?: string) => hardRefs(screener, query, country);

describe('the St of a street address is no St Petersburg', () => {
  test.each([
    ['Harbin Eng. Univ., 145 Nantong St, Harbin', 'jp-eul#540'],
    ['Nanjing University of Aeronautics and Astronautics, 29 Yudao St', 'jp-eul#555'],
  ])('%s', (query, wanted) => expect(hard(query, 'CN')).toContain(wanted));

  test('St before Petersburg still names Russia: a listed Iranian name there is another body', () => {
    expect(refs('Sharif University of Technology, St Petersburg')).not.toContain('jp-eul#259');
    expect(refs('Sharif University of Technology, 12 Azadi St, Tehran')).toContain('jp-eul#259');
  });

  test('a listed name opening with St. is still found exactly', () => {
    const hit = screener
      .screen('St. Petersburg Marine Bureau of Machine Building Malakhit')
      .find((h) => hitRef(h) === 'jp-eul#816');
    expect(hit?.matchType).toBe('exact');
  });

  test('an innocent university with its street address finds nothing', () => {
    expect(refs('Harbin Medical University, 157 Baojian Rd, Harbin', 'CN')).toEqual([]);
  });
});

describe('abbreviations with more than one reading', () => {
  test('Tech. is also Technical', () => {
    expect(abbreviationAlternatives('tech')).toContain('technical');
    expect(abbreviationAlternatives('pyongyang')).toEqual([]);
    expect(hard('Pyongyang Tech. Univ.', 'KP')).toContain('jp-eul#416');
  });

  test('Uni. with its period is University; Uni- in a name is not', () => {
    expect(latinWords('Sharif Uni. of Technology')).toEqual(['sharif', 'university', 'of', 'technology']);
    expect(hard('Sharif Uni. of Technology', 'IR')).toContain('jp-eul#259');
    expect(refs('Uni-President Enterprises', 'TW')).toEqual([]);
  });

  test('an unlisted Technical University abbreviated stays clear', () => {
    expect(hard('Bauman Moscow State Tech. Univ.', 'RU')).toEqual([]);
  });
});

describe('a possible match of a placed name in a text that puts it elsewhere', () => {
  const screen = screenOver([list([{ name: 'Hong Kong Kelvorix Trading Limited', country: 'HK' }], 'test-list')]);

  test('the partial name alone is possible (the rare-word rule)', () => {
    expect(brief(screen('Kelvorix Trading'))).toEqual([[1, 'possible', 0.8]]);
  });

  test('with another place after a comma, as without the comma, nothing', () => {
    expect(screen('Kelvorix Trading Beijing')).toEqual([]);
    expect(screen('Kelvorix Trading, Beijing')).toEqual([]);
    expect(screen('Kelvorix Trading (Beijing)')).toEqual([]);
  });

  test('with its own place, found', () => {
    expect(brief(screen('Kelvorix Trading, Hong Kong'))[0]?.[0]).toBe(1);
  });
});

describe('the second Latin dev set', () => {
  const sets = loadDevLatin2(GOLDEN_DIR);
  const { lists } = loadLists(`${RULES_DIR}/lists`);

  test('is sound: entries exist, no listed name among the unlisted, no query in both', () => {
    expect(sets.renderings.length).toBeGreaterThanOrEqual(250);
    expect(sets.unlisted.length).toBeGreaterThanOrEqual(150);
    expect(
      checkEvalSets(sets, lists, {
        renderings: 'screening-dev-latin2.jsonl',
        unlisted: 'screening-dev-latin2-unlisted.jsonl',
      }),
    ).toEqual([]);
  });

  test('recall stays at its measured floor, with no exact or strong false positive', () => {
    const s = scoreEvalSets(screener, sets);
    expect(s.recall.recall).toBeGreaterThanOrEqual(0.975);
    expect(s.falsePositives.exactOrStrong).toBe(0);
  });
});
