import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadLists } from '../../src/lists/load-lists.ts';
import { CALIBRATION_GRID, calibrateThreshold, scoreScreening } from '../../src/screening/golden-eval.ts';
import { DEFAULT_THRESHOLDS } from '../../src/screening/matcher.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { buildScreeningGolden, parseUnlisted, readScreeningGolden } from '../../src/tools/screening-golden.ts';
import { GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

const { lists } = loadLists(`${RULES_DIR}/lists`);
const cases = readScreeningGolden(`${GOLDEN_DIR}/screening.jsonl`);
// Screened once at the lowest threshold of the grid; a higher threshold only drops the hits scoring below it.
const lowest = createScreener(lists, { ...DEFAULT_THRESHOLDS, possible: Math.min(...CALIBRATION_GRID) });
const hitsByQuery = new Map(cases.map((c) => [c.query, lowest.screen(c.query)]));
const scoreAt = (possible: number) =>
  scoreScreening(cases, (q) => (hitsByQuery.get(q) ?? []).filter((h) => h.score >= possible));

describe('screening golden set (generated from the real lists)', () => {
  test('when the generator runs on the bundled lists, then it gives exactly the stored golden set', () => {
    const unlisted = parseUnlisted(readFileSync(`${GOLDEN_DIR}/sources/unlisted-institutions.txt`, 'utf8'));
    expect(buildScreeningGolden(lists, unlisted)).toEqual(cases);
  });

  test('when every variant is screened at the default thresholds, then recall ≥ 98% and false positives ≤ 2%', () => {
    const s = scoreAt(DEFAULT_THRESHOLDS.possible);
    expect(s.listed).toBeGreaterThan(5000);
    expect(s.unlisted).toBeGreaterThan(150);
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
    expect(s.falsePositiveRate).toBeLessThanOrEqual(0.02);
    for (const [kind, k] of Object.entries(s.recallByKind)) expect([kind, k.recall >= 0.95]).toEqual([kind, true]);
  });

  test('when the threshold is calibrated on the golden set, then it is the default the matcher ships with', () => {
    expect(calibrateThreshold(scoreAt).chosen).toBe(DEFAULT_THRESHOLDS.possible);
  });
});
