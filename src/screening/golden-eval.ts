/**
 * @module screening/golden-eval
 * Recall on the golden set's listed variants and false-positive rate on its unlisted institutions, for any
 * search function: ours at a given threshold, or a reference such as fuse.js.
 */
import { z } from 'zod';

export const VARIANT_KINDS = [
  'alias',
  'case-punct',
  'dropped-letter',
  'legal-swap',
  'cjk-ja',
  'cjk-simplified',
  'unlisted',
] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

export const ScreeningGoldenCaseSchema = z.strictObject({
  query: z.string().min(1),
  kind: z.enum(VARIANT_KINDS),
  /** The listed entry the query must find; absent for unlisted institutions, which must find nothing. */
  expect: z.strictObject({ list: z.string(), entry: z.number().int().positive() }).optional(),
});
export type ScreeningGoldenCase = z.infer<typeof ScreeningGoldenCaseSchema>;

export interface FoundEntry {
  list: string;
  entry: number;
}

export interface ScreeningScore {
  listed: number;
  found: number;
  recall: number;
  unlisted: number;
  falsePositives: number;
  falsePositiveRate: number;
  recallByKind: Record<string, { cases: number; recall: number }>;
  misses: ScreeningGoldenCase[];
  wrongHits: { query: string; hits: FoundEntry[] }[];
}

export function scoreScreening(
  cases: readonly ScreeningGoldenCase[],
  search: (query: string) => readonly FoundEntry[],
): ScreeningScore {
  const byKind = new Map<string, { cases: number; found: number }>();
  const misses: ScreeningGoldenCase[] = [];
  const wrongHits: ScreeningScore['wrongHits'] = [];
  let listed = 0;
  let found = 0;
  let unlisted = 0;
  for (const c of cases) {
    const hits = search(c.query);
    if (!c.expect) {
      unlisted++;
      if (hits.length) wrongHits.push({ query: c.query, hits: hits.map((h) => ({ list: h.list, entry: h.entry })) });
      continue;
    }
    listed++;
    const k = byKind.get(c.kind) ?? { cases: 0, found: 0 };
    k.cases++;
    if (hits.some((h) => h.list === c.expect!.list && h.entry === c.expect!.entry)) {
      found++;
      k.found++;
    } else misses.push(c);
    byKind.set(c.kind, k);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    listed,
    found,
    recall: ratio(found, listed),
    unlisted,
    falsePositives: wrongHits.length,
    falsePositiveRate: unlisted === 0 ? 0 : wrongHits.length / unlisted,
    recallByKind: Object.fromEntries(
      [...byKind].map(([k, v]) => [k, { cases: v.cases, recall: ratio(v.found, v.cases) }]),
    ),
    misses,
    wrongHits,
  };
}

export const CALIBRATION_GRID = [0.7, 0.75, 0.8, 0.85, 0.9] as const;
/** The false-positive budget calibration keeps to: half the 2% target, so a new list cannot tip it over. */
export const CALIBRATION_MAX_FPR = 0.01;

/**
 * The possible-match threshold with the highest recall whose false-positive rate stays within budget; among
 * equal recalls the highest threshold, which asks the officers least. Recall comes first: a missed listed
 * entity is a legal risk, a false positive costs an officer a minute.
 */
export function calibrateThreshold(scoreAt: (possible: number) => ScreeningScore): {
  chosen: number;
  grid: { possible: number; score: ScreeningScore }[];
} {
  const grid = CALIBRATION_GRID.map((possible) => ({ possible, score: scoreAt(possible) }));
  let chosen: (typeof grid)[number] | undefined;
  for (const g of grid) {
    if (g.score.falsePositiveRate > CALIBRATION_MAX_FPR) continue;
    if (!chosen || g.score.recall >= chosen.score.recall) chosen = g;
  }
  return { chosen: chosen?.possible ?? CALIBRATION_GRID[CALIBRATION_GRID.length - 1]!, grid };
}
