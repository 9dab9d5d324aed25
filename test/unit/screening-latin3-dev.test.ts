/**
 * English short forms of listed entities (issue 13, dev set latin3): Web of Science address lines, acronyms with a
 * city and country, abbreviations, names inside signatures and sentences — and the look-alikes (the same acronym
 * elsewhere, the same city's other universities) that must stay clear.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEvalSets,
  DEV_LATIN3_FILE,
  DEV_LATIN3_UNLISTED_FILE,
  loadDevLatin3,
} from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundled, GOLDEN_DIR, hardRefs, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const { lists } = loadLists(`${RULES_DIR}/lists`);

describe('the dev set latin3 is sound data', () => {
  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = loadDevLatin3(GOLDEN_DIR);
    expect(set.renderings.length).toBeGreaterThanOrEqual(250);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(250);
    expect(checkEvalSets(set, lists, { renderings: DEV_LATIN3_FILE, unlisted: DEV_LATIN3_UNLISTED_FILE })).toEqual([]);
  });

  test('when its unlisted organisations are screened, then none is an exact or strong hit', () => {
    const hard = loadDevLatin3(GOLDEN_DIR)
      .unlisted.map((c) => [c.query, hardRefs(screener, c.query, c.country ?? undefined)] as const)
      .filter(([, refs]) => refs.length > 0);
    expect(hard).toEqual([]);
  });
});
