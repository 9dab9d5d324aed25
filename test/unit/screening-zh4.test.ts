/**
 * The dev set zh4 (issue 13): Chinese names of the Chinese, Hong Kong and Taiwanese entries with the fewest Chinese
 * names, written entry by entry, beside unlisted near neighbours. Pinned on the bundled lists and aliases.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEvalSets,
  DEV_ZH4_FILE,
  DEV_ZH4_UNLISTED_FILE,
  loadDevZh4,
  scoreEvalSets,
} from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();

describe('the dev set zh4', () => {
  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = loadDevZh4(GOLDEN_DIR);
    expect(set.renderings.length).toBeGreaterThanOrEqual(120);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(120);
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    expect(checkEvalSets(set, lists, { renderings: DEV_ZH4_FILE, unlisted: DEV_ZH4_UNLISTED_FILE })).toEqual([]);
  });

  test('when it is screened, then recall is at least 97% and no unlisted organisation is an exact or strong hit', () => {
    const score = scoreEvalSets(screener, loadDevZh4(GOLDEN_DIR));
    expect(score.recall.recall).toBeGreaterThanOrEqual(0.97);
    expect(score.falsePositives.exactOrStrong).toBe(0);
  });
});
