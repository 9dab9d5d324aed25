/**
 * Real researcher openings (test/conversations/researcher-openings.yaml), answered like the scenario each one states:
 * at least 95% correct outcomes and a median of at most 4 questions (issue 15's targets), with no LLM.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { simulate } from '../../src/conversation/simulate.ts';
import { loadGoldenCases } from '../../src/ruleset/golden.ts';
import { engineDeps } from '../support/conversation.ts';
import { GOLDEN_DIR, ROOT } from '../support/fixtures.ts';

const File = z.strictObject({
  openings: z.array(
    z.strictObject({
      id: z.string(),
      like: z.string(),
      lang: z.enum(['ja', 'en']),
      text: z.string().min(5),
      /** Facts that differ from the scenario's, and the outcome they lead to. */
      with: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      want: z.string().optional(),
    }),
  ),
});

test('researcher openings: ≥ 95% correct outcomes, median questions ≤ 4', async () => {
  const { openings } = File.parse(parse(readFileSync(`${ROOT}test/conversations/researcher-openings.yaml`, 'utf8')));
  const golden = new Map(loadGoldenCases(GOLDEN_DIR).cases.map((c) => [c.id, c]));
  const deps = engineDeps();
  const wrong: string[] = [];
  const questions: number[] = [];
  for (const o of openings) {
    const g = golden.get(o.like);
    expect(g?.want, `${o.id}: scenario ${o.like}`).toBeDefined();
    const want = o.want ?? g!.want!.outcome;
    const r = await simulate(deps, o.text, { ...g!.facts, ...o.with }, o.lang);
    questions.push(r.questions.length);
    if (r.decision?.outcome !== want) wrong.push(`${o.id}: ${r.decision?.outcome} ≠ ${want}`);
  }
  expect(openings.length).toBeGreaterThanOrEqual(30);
  expect((openings.length - wrong.length) / openings.length, wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
  questions.sort((a, b) => a - b);
  expect(questions[Math.floor(questions.length / 2)]).toBeLessThanOrEqual(4);
});
