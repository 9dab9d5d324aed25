/**
 * Katakana renderings of listed non-Chinese entries that had no katakana form (issue 13, dev set kana4): the set is
 * sound data, and its unlisted near neighbours never get an exact or strong hit.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEvalSets,
  DEV_KANA4_FILE,
  DEV_KANA4_UNLISTED_FILE,
  loadDevKana4,
} from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundled, GOLDEN_DIR, hardRefs, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const { lists } = loadLists(`${RULES_DIR}/lists`);

describe('the dev set kana4 is sound data', () => {
  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = loadDevKana4(GOLDEN_DIR);
    expect(set.renderings.length).toBeGreaterThanOrEqual(120);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(120);
    expect(checkEvalSets(set, lists, { renderings: DEV_KANA4_FILE, unlisted: DEV_KANA4_UNLISTED_FILE })).toEqual([]);
  });

  test('when its unlisted organisations are screened, then none is an exact or strong hit', () => {
    const hard = loadDevKana4(GOLDEN_DIR)
      .unlisted.map((c) => [c.query, hardRefs(screener, c.query, c.country ?? undefined)] as const)
      .filter(([, refs]) => refs.length > 0);
    expect(hard).toEqual([]);
  });
});
