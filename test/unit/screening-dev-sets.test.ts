/**
 * Every hand-written dev set of the later rounds (issue 13: kana2, kana3, kana4, kanji3, latin3, zh3, zh4 and the fifth round's ir5 …), checked the same way:
 * its files hold real entries and unlisted names that are neither listed nor one of its renderings, it is the size its
 * helper wrote it at, and none of its unlisted organisations is an exact or strong hit (a `prohibited` or
 * `license_required` for an innocent partner). One table, so a new dev set is one row, not a copied file. The rule
 * tests each set taught sit in its own file (screening-kana3-dev.test.ts …).
 */
import { describe, expect, test } from 'vitest';
import {
  checkEvalSets,
  DEV_KANA2_FILE,
  DEV_KANA2_UNLISTED_FILE,
  DEV_KANA3_FILE,
  DEV_KANA3_UNLISTED_FILE,
  DEV_KANA4_FILE,
  DEV_KANA4_UNLISTED_FILE,
  DEV_KANJI3_FILE,
  DEV_KANJI3_UNLISTED_FILE,
  DEV_LATIN3_FILE,
  DEV_LATIN3_UNLISTED_FILE,
  DEV_ZH3_FILE,
  DEV_ZH3_UNLISTED_FILE,
  DEV_ZH4_FILE,
  DEV_ZH4_UNLISTED_FILE,
  devSetFiles,
  ENTRY_DEV_SETS,
  type EvalSets,
  loadPair,
} from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundled, GOLDEN_DIR, hardRefs, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const { lists } = loadLists(`${RULES_DIR}/lists`);

interface DevSet {
  name: string;
  renderings: string;
  unlisted: string;
  /** The sizes the set was written at: a file cut short by a bad merge fails here. */
  min: { renderings: number; unlisted: number };
}

const DEV_SETS: DevSet[] = [
  {
    name: 'kana2',
    renderings: DEV_KANA2_FILE,
    unlisted: DEV_KANA2_UNLISTED_FILE,
    min: { renderings: 250, unlisted: 120 },
  },
  {
    name: 'kana3',
    renderings: DEV_KANA3_FILE,
    unlisted: DEV_KANA3_UNLISTED_FILE,
    min: { renderings: 250, unlisted: 250 },
  },
  {
    name: 'kana4',
    renderings: DEV_KANA4_FILE,
    unlisted: DEV_KANA4_UNLISTED_FILE,
    min: { renderings: 120, unlisted: 120 },
  },
  {
    name: 'kanji3',
    renderings: DEV_KANJI3_FILE,
    unlisted: DEV_KANJI3_UNLISTED_FILE,
    min: { renderings: 250, unlisted: 250 },
  },
  {
    name: 'latin3',
    renderings: DEV_LATIN3_FILE,
    unlisted: DEV_LATIN3_UNLISTED_FILE,
    min: { renderings: 250, unlisted: 250 },
  },
  { name: 'zh3', renderings: DEV_ZH3_FILE, unlisted: DEV_ZH3_UNLISTED_FILE, min: { renderings: 250, unlisted: 250 } },
  { name: 'zh4', renderings: DEV_ZH4_FILE, unlisted: DEV_ZH4_UNLISTED_FILE, min: { renderings: 120, unlisted: 120 } },
  ...ENTRY_DEV_SETS.map((name) => ({ name, ...devSetFiles(name), min: { renderings: 120, unlisted: 100 } })),
];

describe.each(DEV_SETS)('the dev set $name', ({ renderings, unlisted, min }) => {
  const load = (): EvalSets => loadPair(GOLDEN_DIR, renderings, unlisted);

  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = load();
    expect(set.renderings.length).toBeGreaterThanOrEqual(min.renderings);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(min.unlisted);
    expect(checkEvalSets(set, lists, { renderings, unlisted })).toEqual([]);
  });

  test('when its unlisted organisations are screened, then none is an exact or strong hit', () => {
    const hard = load()
      .unlisted.map((c) => [c.query, hardRefs(screener, c.query, c.country ?? undefined)] as const)
      .filter(([, refs]) => refs.length > 0);
    expect(hard).toEqual([]);
  });
});
