import { beforeAll, describe, expect, test } from 'vitest';
import type { Screener } from '../../src/app/ports.ts';
import {
  checkEvalSets,
  EVAL_TARGETS,
  type EvalScore,
  type EvalSets,
  foldQuery,
  HOLDOUT2_FILE,
  HOLDOUT3_FILE,
  HOLDOUT4_FILE,
  loadEvalSets,
  loadHoldout,
  loadHoldout2,
  loadHoldout3,
  loadHoldout4,
  productScreener,
  REDTEAM_FILE,
  REDTEAM_KINDS,
  RENDERING_KINDS,
  RenderingCaseSchema,
  readJsonl,
  scoreEvalSets,
  UNLISTED_KINDS,
  UNLISTED2_FILE,
  UNLISTED3_FILE,
  UNLISTED4_FILE,
  UnlistedCaseSchema,
} from '../../src/bench/screening-eval.ts';
import { FRAMES, framedUnlisted } from '../../src/bench/screening-frames.ts';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { buildRenderings, readRenderingsTsv } from '../../src/tools/screening-eval-renderings.ts';
import { readCurated } from '../../src/tools/screening-eval-unlisted.ts';
import { GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

/**
 * Issue 13's targets on the independent sets. Met since the curated short forms and whole-name aliases (recall
 * 99.7%, false positives 0.5%, none exact or strong): from now on a regression fails CI.
 */
const TARGETS_ENFORCED = true;

const sets = loadEvalSets(GOLDEN_DIR);
const { screener, lists } = await productScreener(RULES_DIR);

describe('screening evaluation sets (independent of the lists’ own spellings)', () => {
  test('when the files are loaded, then every line fits the schema and every expect names an existing entry', () => {
    expect(checkEvalSets(sets, lists)).toEqual([]);
    expect(sets.renderings.length).toBeGreaterThanOrEqual(600);
    expect(sets.unlisted.length).toBeGreaterThanOrEqual(1000);
  });

  test('when the renderings generator runs on the hand-written file and the bundled lists, then it gives exactly the stored set', () => {
    const built = buildRenderings(readRenderingsTsv(`${GOLDEN_DIR}/sources/screening-renderings.tsv`), lists);
    expect(built.map((l) => JSON.parse(l))).toEqual(sets.renderings);
  });

  test('when the curated unlisted file is read, then each of its names is in the stored set with and without its country', () => {
    const stored = new Set(sets.unlisted.map((c) => `${c.query}|${c.country}`));
    const missing = readCurated(`${GOLDEN_DIR}/sources/screening-unlisted-curated.tsv`)
      .flatMap((c) => [c, { ...c, country: null }])
      .filter((c) => !stored.has(`${c.query}|${c.country}`))
      .map((c) => `${c.query}|${c.country}`);
    expect(missing).toEqual([]);
  });

  test('when the renderings are counted, then they cover every kind, many entries and several countries', () => {
    const kinds = new Set(sets.renderings.map((c) => c.kind));
    expect([...kinds].sort()).toEqual([...RENDERING_KINDS].sort());
    const entries = new Set(sets.renderings.map((c) => `${c.expect.list}#${c.expect.entry}`));
    expect(entries.size).toBeGreaterThanOrEqual(150);
    const countries = new Set(
      sets.renderings.map(
        (c) => lists.find((l) => l.list === c.expect.list)?.entries.find((e) => e.entry === c.expect.entry)?.country,
      ),
    );
    for (const c of ['CN', 'IR', 'PK', 'RU', 'AE', 'KP', 'IN']) expect([c, countries.has(c)]).toEqual([c, true]);
  });

  test('when the unlisted set is counted, then every kind is there and no query repeats with the same country', () => {
    expect([...new Set(sets.unlisted.map((c) => c.kind))].sort()).toEqual([...UNLISTED_KINDS, ...REDTEAM_KINDS].sort());
    const keys = sets.unlisted.map((c) => `${c.query}|${c.country}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('when the red-team file is loaded, then its 600+ near neighbours are scored with the unlisted set', () => {
    const redteam = readJsonl(`${GOLDEN_DIR}/${REDTEAM_FILE}`, UnlistedCaseSchema);
    expect(redteam.length).toBeGreaterThanOrEqual(600);
    const stored = new Set(sets.unlisted.map((c) => `${c.query}|${c.country}`));
    expect(redteam.filter((c) => !stored.has(`${c.query}|${c.country}`))).toEqual([]);
    for (const k of REDTEAM_KINDS) expect([k, redteam.some((c) => c.kind === k)]).toEqual([k, true]);
  });

  test('when a line is broken, then the error names the file, the line and the field', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'eval-')), 'bad.jsonl');
    writeFileSync(
      file,
      '{"query":"ハルビン工業大学","country":null,"expect":{"list":"jp-eul","entry":541},"kind":"katakana","source":"press"}\n{"query":"x","country":"cn","expect":{"list":"jp-eul","entry":1},"kind":"katakana","source":"press"}\n',
    );
    expect(() => readJsonl(file, RenderingCaseSchema)).toThrow(/bad\.jsonl:2: country:/);
  });

  test('when a screener gives a strong hit on an unlisted name and misses a rendering, then the score counts both', () => {
    const hit = (list: string, entry: number, matchType: ScreeningHit['matchType']): ScreeningHit => ({
      list,
      entry,
      name: 'n',
      matchedOn: 'n',
      score: 0.95,
      matchType,
      kind: 'eul',
    });
    const fake: Screener = {
      screen: (q) =>
        q === 'found' ? [hit('jp-eul', 541, 'exact')] : q === 'innocent' ? [hit('jp-eul', 9, 'strong')] : [],
      versions: () => ({}),
    };
    const s = scoreEvalSets(fake, {
      renderings: [
        { query: 'found', country: null, expect: { list: 'jp-eul', entry: 541 }, kind: 'katakana', source: 's' },
        { query: 'lost', country: null, expect: { list: 'jp-eul', entry: 541 }, kind: 'katakana', source: 's' },
      ],
      unlisted: [
        { query: 'innocent', country: 'SG', kind: 'agency', source: 's' },
        { query: 'quiet', country: null, kind: 'agency', source: 's' },
      ],
    });
    expect(s.recallByKind.katakana).toEqual({ cases: 2, found: 1, recall: 0.5 });
    expect(s.misses.map((m) => m.query)).toEqual(['lost']);
    expect(s.falsePositivesByKind.agency).toEqual({ cases: 2, falsePositives: 1, rate: 0.5, exactOrStrong: 1 });
  });

  test('when the product screener runs over both sets, then every case is scored and every kind reported', () => {
    const s = scoreEvalSets(screener, sets);
    expect(s.recall.cases).toBe(sets.renderings.length);
    expect(s.falsePositives.cases).toBe(sets.unlisted.length);
    expect(Object.keys(s.recallByKind).sort()).toEqual([...RENDERING_KINDS].sort());
    expect(Object.keys(s.falsePositivesByKind).sort()).toEqual([...UNLISTED_KINDS, ...REDTEAM_KINDS].sort());
  });
});

describe('blind hold-out renderings (reported: recall printed, no hard target yet)', () => {
  const holdout = loadHoldout(GOLDEN_DIR);

  test('when the hold-out is loaded, then every line fits the schema, names an existing entry and it spans 300+ entries of many countries', () => {
    expect(checkEvalSets({ renderings: holdout, unlisted: [] }, lists)).toEqual([]);
    const entries = new Set(holdout.map((c) => `${c.expect.list}#${c.expect.entry}`));
    expect(entries.size).toBeGreaterThanOrEqual(300);
    const countries = new Set(holdout.map((c) => c.country));
    for (const c of ['CN', 'HK', 'IR', 'PK', 'RU', 'KP', 'SY', 'AE', 'BY'])
      expect([c, countries.has(c)]).toEqual([c, true]);
    expect([...new Set(holdout.map((c) => c.kind))].sort()).toEqual([...RENDERING_KINDS].sort());
  });

  test('when the product screener runs over the hold-out, then every case is scored and the recall is reported', () => {
    const s = scoreEvalSets(screener, { renderings: holdout, unlisted: [] });
    expect(s.recall.cases).toBe(holdout.length);
    // Reported, not enforced: below issue 13's 97% when written; see src/bench/screening-eval.ts for the numbers.
    console.info(`hold-out recall ${(s.recall.recall * 100).toFixed(1)}% (${s.recall.found}/${s.recall.cases})`);
  });
});

/** The entry a case names, on the bundled lists. */
const entryOf = (r: { list: string; entry: number }) =>
  lists.find((l) => l.list === r.list)?.entries.find((e) => e.entry === r.entry);

/**
 * A hold-out measures spellings the lists do not hold: renderings that are their entry's own list spelling (a
 * copied spelling would flatter the recall), and unlisted names that are a listed one up to case and width
 * (checkEvalSets compares exact strings).
 */
function listSpellingsIn(set: EvalSets): string[] {
  const copied = set.renderings.filter((c) =>
    [c.expect, ...(c.alsoAccept ?? [])].some((r) => {
      const e = entryOf(r);
      return e && [e.name, e.localName ?? '', ...e.aliases].some((n) => n && foldQuery(n) === foldQuery(c.query));
    }),
  );
  const listed = new Set(
    lists.flatMap((l) => l.entries.flatMap((e) => [e.name, e.localName ?? '', ...e.aliases].map(foldQuery))),
  );
  return [...copied, ...set.unlisted.filter((c) => listed.has(foldQuery(c.query)))].map((c) => c.query);
}

/** Counted coverage every hold-out must have: all kinds, the lists and countries, a third without country. */
function expectCoverage(set: EvalSets, minEntries: number, countries: readonly string[]): void {
  const { renderings, unlisted } = set;
  expect([...new Set(renderings.map((c) => c.kind))].sort()).toEqual([...RENDERING_KINDS].sort());
  expect([...new Set(unlisted.map((c) => c.kind))].sort()).toEqual([...UNLISTED_KINDS, ...REDTEAM_KINDS].sort());
  expect(new Set(renderings.map((c) => `${c.expect.list}#${c.expect.entry}`)).size).toBeGreaterThanOrEqual(minEntries);
  expect([...new Set(renderings.map((c) => c.expect.list))].sort()).toEqual(
    [...new Set(lists.map((l) => l.list))].sort(),
  );
  const seen = new Set(renderings.map((c) => entryOf(c.expect)?.country));
  for (const c of countries) expect([c, seen.has(c)]).toEqual([c, true]);
  const withoutCountry = renderings.filter((c) => c.country === null).length / renderings.length;
  expect(withoutCountry).toBeGreaterThan(0.25);
  expect(withoutCountry).toBeLessThan(0.45);
  for (const xs of [renderings, unlisted]) {
    const keys = xs.map((c) => `${foldQuery(c.query)}|${c.country}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  }
}

describe('blind hold-out 2: renderings and unlisted organisations (validated; recall reported, not enforced)', () => {
  const holdout2 = loadHoldout2(GOLDEN_DIR);

  test('when hold-out 2 is loaded, then every line fits the schema, every expect and alsoAccept names an existing entry and no unlisted name is listed', () => {
    expect(checkEvalSets(holdout2, lists, { renderings: HOLDOUT2_FILE, unlisted: UNLISTED2_FILE })).toEqual([]);
    expect(holdout2.renderings.length).toBeGreaterThanOrEqual(450);
    expect(holdout2.unlisted.length).toBeGreaterThanOrEqual(500);
  });

  test('when hold-out 2 is compared with the lists, then no rendering or unlisted name is a spelling the lists hold', () => {
    expect(listSpellingsIn(holdout2)).toEqual([]);
  });

  test('when hold-out 2 is counted, then it covers every kind, 250+ entries, the lists and countries where Japanese universities meet them, and a third without country', () => {
    expectCoverage(holdout2, 250, ['CN', 'HK', 'IR', 'PK', 'RU', 'KP', 'SY', 'AE', 'BY', 'TR']);
  });

  test('when the product screener runs over hold-out 2, then no unlisted organisation gets an exact or strong hit, and recall is reported', () => {
    const s = scoreEvalSets(screener, holdout2);
    expect(s.recall.cases).toBe(holdout2.renderings.length);
    expect(s.falsePositives.cases).toBe(holdout2.unlisted.length);
    // A prohibited answer for an innocent partner is never acceptable; the recall is reported, not enforced.
    expect(s.falsePositives.exactOrStrong).toBe(0);
    console.info(
      `hold-out 2 recall ${(s.recall.recall * 100).toFixed(1)}% (${s.recall.found}/${s.recall.cases}), false positives ${(s.falsePositives.rate * 100).toFixed(1)}% (${s.falsePositives.falsePositives}/${s.falsePositives.cases}), exact/strong ${s.falsePositives.exactOrStrong}`,
    );
  });
});

/**
 * A blind hold-out whose recall is printed by the bench alone (no test scores its renderings, so that nobody
 * tuning the matcher sees it in a test run); its unlisted names are held to the one hard rule.
 */
function blindHoldout(
  n: number,
  set: EvalSets,
  files: { renderings: string; unlisted: string },
  /** Sets its queries must not repeat (hold-out 3 was written so); none for one whose overlap is reported. */
  earlier: EvalSets[] | undefined,
  minEntries: number,
): void {
  describe(`blind hold-out ${n}: renderings and unlisted organisations (validated; its recall is printed by the bench alone)`, () => {
    test(`when hold-out ${n} is loaded, then every line fits the schema, every expect and alsoAccept names an existing entry and no unlisted name is listed`, () => {
      expect(checkEvalSets(set, lists, files)).toEqual([]);
      expect(set.renderings.length).toBeGreaterThanOrEqual(500);
      expect(set.unlisted.length).toBeGreaterThanOrEqual(500);
    });

    test(`when hold-out ${n} is compared with the lists, then no rendering or unlisted name is a spelling the lists hold`, () => {
      expect(listSpellingsIn(set)).toEqual([]);
    });

    test(`when hold-out ${n} is counted, then it covers every kind in roughly the planned shares, ${minEntries}+ entries, every list, the countries Japanese universities meet and a third without country`, () => {
      expectCoverage(set, minEntries, ['CN', 'HK', 'IR', 'PK', 'RU', 'KP', 'SY', 'AE', 'BY', 'TR', 'IN']);
      // Planned shares: english-short 25-30%, inside-longer and katakana 15%, the others 10%; a kind far off
      // would make the total recall a figure about one kind.
      const share = (k: string) => set.renderings.filter((c) => c.kind === k).length / set.renderings.length;
      for (const k of RENDERING_KINDS) expect([k, share(k) >= 0.07 && share(k) <= 0.36]).toEqual([k, true]);
    });

    test.runIf(earlier)(
      `when hold-out ${n} is compared with the earlier sets, then none of its queries is already in them`,
      () => {
        // A query shared with a set the matcher was tuned on would not be blind.
        const seen = new Set(
          (earlier ?? []).flatMap((o) => [...o.renderings, ...o.unlisted].map((c) => foldQuery(c.query))),
        );
        const shared = [...set.renderings, ...set.unlisted].filter((c) => seen.has(foldQuery(c.query)));
        expect(shared.map((c) => c.query)).toEqual([]);
      },
    );

    test(`when the product screener runs over hold-out ${n}'s unlisted organisations, then none gets an exact or strong hit`, () => {
      const s = scoreEvalSets(screener, { renderings: [], unlisted: set.unlisted });
      expect(s.falsePositives.cases).toBe(set.unlisted.length);
      expect(s.falsePositives.exactOrStrong).toBe(0);
    });
  });
}

const tunedOn = [sets, { renderings: loadHoldout(GOLDEN_DIR), unlisted: [] }, loadHoldout2(GOLDEN_DIR)];
const holdout3 = loadHoldout3(GOLDEN_DIR);
blindHoldout(3, holdout3, { renderings: HOLDOUT3_FILE, unlisted: UNLISTED3_FILE }, tunedOn, 280);
// Hold-out 4 shares about half its queries with the earlier sets (written blind, the same natural spellings):
// the bench reports it whole and on its unseen queries alone (unseenInEarlierSets).
blindHoldout(4, loadHoldout4(GOLDEN_DIR), { renderings: HOLDOUT4_FILE, unlisted: UNLISTED4_FILE }, undefined, 300);

describe.runIf(TARGETS_ENFORCED)('screening targets on the independent sets (issue 13)', () => {
  // Scored in beforeAll, which a skipped suite never runs.
  let s: EvalScore;
  beforeAll(() => {
    s = scoreEvalSets(screener, sets);
  });

  test(`when the renderings are screened, then each kind's recall is at least ${EVAL_TARGETS.recall * 100}%`, () => {
    // A failure names each kind below target with its recall and first misses, so it says what to fix.
    const below = Object.entries(s.recallByKind)
      .filter(([, k]) => k.recall < EVAL_TARGETS.recall)
      .map(([kind, k]) => ({
        kind,
        recall: Number(k.recall.toFixed(3)),
        misses: s.misses
          .filter((m) => m.kind === kind)
          .slice(0, 5)
          .map((m) => m.query),
      }));
    expect(below).toEqual([]);
    expect(s.recall.recall).toBeGreaterThanOrEqual(EVAL_TARGETS.recall);
  });

  test('when the unlisted organisations are screened, then at most 1% get any hit and none an exact or strong one', () => {
    expect(s.falsePositives.rate).toBeLessThanOrEqual(EVAL_TARGETS.falsePositiveRate);
    expect(s.wrongHits.filter((w) => w.hits.some((h) => / (exact|strong) /.test(h)))).toEqual([]);
    expect(s.falsePositives.exactOrStrong).toBe(EVAL_TARGETS.exactOrStrong);
  });
});

describe('the independent sets inside sentences (src/bench/screening-frames.ts)', () => {
  test('when the unlisted organisations are put in the sentences researchers write, then none gets an exact or strong hit', () => {
    const frames = FRAMES.filter((_, i) => i % 3 === 0);
    expect(frames.flatMap((frame) => framedUnlisted(screener, frame, sets.unlisted).hard)).toEqual([]);
    // Several thousand screenings of sentences: well under a minute, but CI is a loaded 2-core machine.
  }, 240_000);
});
