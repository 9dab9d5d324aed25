import { describe, expect, test } from 'vitest';
import { loadGoldenCases, runGoldenCase, runGoldenSuite } from '../../src/ruleset/golden.ts';
import { bundled, GOLDEN_DIR } from '../support/fixtures.ts';

const { cases, issues } = loadGoldenCases(GOLDEN_DIR);

describe('golden cases (test/golden/*.yaml)', () => {
  test('the golden files load without problems', () => {
    expect(issues).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(70);
  });

  test('all 40 scenarios of the primer are present', () => {
    const ids = new Set(cases.map((c) => c.id));
    for (let i = 1; i <= 40; i++) expect(ids.has(`S${String(i).padStart(2, '0')}`)).toBe(true);
  });

  test.each(cases.map((c) => [`${c.id}: ${c.note ?? ''}`, c] as const))('%s', (_name, c) => {
    const { ruleSet, screener } = bundled();
    expect(runGoldenCase(ruleSet, screener, c).problems).toEqual([]);
  });

  test('every rule is reached by at least one golden case', () => {
    const { ruleSet, screener } = bundled();
    const suite = runGoldenSuite(ruleSet, screener, GOLDEN_DIR);
    expect(suite.issues.filter((i) => i.message.includes('no golden case'))).toEqual([]);
  });
});
