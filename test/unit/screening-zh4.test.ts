/**
 * The dev set zh4 (issue 13): Chinese names of the Chinese, Hong Kong and Taiwanese entries with the fewest Chinese
 * names, written entry by entry, beside unlisted near neighbours: its recall floor (its soundness and zero hard
 * hits are a row of screening-dev-sets.test.ts). Pinned on the bundled lists and aliases.
 */
import { describe, expect, test } from 'vitest';
import { loadDevZh4, scoreEvalSets } from '../../src/bench/screening-eval.ts';
import { bundled, GOLDEN_DIR } from '../support/fixtures.ts';

const { screener } = bundled();

describe('the dev set zh4', () => {
  test('when it is screened, then recall is at least 97% and no unlisted organisation is an exact or strong hit', () => {
    const score = scoreEvalSets(screener, loadDevZh4(GOLDEN_DIR));
    expect(score.recall.recall).toBeGreaterThanOrEqual(0.97);
    expect(score.falsePositives.exactOrStrong).toBe(0);
  });
});
