/**
 * @module ruleset/golden
 * Golden cases as data (test/golden/*.yaml): facts → expected outcome, reason ids and missing facts, or an
 * expected error code. Run by `rules check`, by `rules reload` before activating, and by vitest.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { decideFacts } from '../app/decide.ts';
import type { Screener } from '../app/ports.ts';
import { ErrorCode, type Issue } from '../core/errors.ts';
import { NEEDS_FACTS, OUTCOMES } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { readData } from './read-data.ts';

const GoldenCaseSchema = z
  .strictObject({
    id: z.string().min(1),
    note: z.string().optional(),
    facts: z.record(z.string(), z.unknown()),
    /** The requester's lab's answer in the annual survey, as the conversation passes it to the core. */
    survey: z
      .strictObject({
        controlledTechnology: z.boolean(),
        answeredAt: z.string(),
        lab: z.string(),
        campaign: z.string(),
      })
      .optional(),
    want: z
      .strictObject({
        outcome: z.enum([...OUTCOMES, NEEDS_FACTS]),
        reasons: z.array(z.string()).optional(),
        missing: z.array(z.string()).optional(),
        /** Facts left unasked because no answer could change the outcome (the officer's open points). */
        open: z.array(z.string()).optional(),
        flags: z.array(z.string()).optional(),
      })
      .optional(),
    want_error_code: z.string().optional(),
  })
  .refine(
    (c) => (c.want === undefined) !== (c.want_error_code === undefined),
    'give exactly one of want, want_error_code',
  );
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;
export const UNIVERSITY_ANSWERS = 'university-answers.yaml';
const GoldenFileSchema = z.strictObject({ cases: z.array(GoldenCaseSchema).min(1) });

export interface LoadedCase extends GoldenCase {
  file: string;
  path: string;
}

export function loadGoldenCases(dir: string): { cases: LoadedCase[]; issues: Issue[] } {
  const cases: LoadedCase[] = [];
  const issues: Issue[] = [];
  if (!existsSync(dir))
    return {
      cases,
      issues: [{ code: ErrorCode.RulesUnreadable, file: dir, path: '', message: 'golden cases folder not found' }],
    };
  for (const name of readdirSync(dir)
    // The university answers are an evaluation set scored for agreement, not cases that must all pass.
    .filter((f) => f.endsWith('.yaml') && f !== UNIVERSITY_ANSWERS)
    .sort()) {
    const file = join(dir, name);
    const label = relative(process.cwd(), file) || file;
    const data = readData(file, label, GoldenFileSchema);
    if (!data.ok) issues.push(...data.issues);
    else
      data.value.cases.forEach((c, i) => {
        cases.push({ ...c, file: label, path: `cases[${i}]` });
      });
  }
  const seen = new Map<string, string>();
  for (const c of cases) {
    const prior = seen.get(c.id);
    if (prior)
      issues.push({
        code: ErrorCode.RulesInvalid,
        file: c.file,
        path: `${c.path}.id`,
        message: `duplicate case id "${c.id}" (also in ${prior})`,
      });
    seen.set(c.id, c.file);
  }
  return { cases, issues };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** Runs one case; returns the problems (empty when it passes) and the rule ids it fired. */
export function runGoldenCase(
  ruleSet: RuleSet,
  screener: Screener,
  c: LoadedCase,
): { problems: Issue[]; fired: string[] } {
  const problem = (message: string): Issue => ({
    code: ErrorCode.RulesInvalid,
    file: c.file,
    path: `${c.path} (${c.id})`,
    message,
  });
  const result = decideFacts({ ruleSet, screener }, c.facts, c.survey ? { survey: c.survey } : {});
  if (c.want_error_code !== undefined) {
    if (result.ok)
      return {
        problems: [problem(`expected error ${c.want_error_code}, got outcome ${result.decision.outcome}`)],
        fired: [],
      };
    const codes = result.issues.map((i) => i.code);
    return {
      problems: codes.includes(c.want_error_code as Issue['code'])
        ? []
        : [problem(`expected error ${c.want_error_code}, got ${codes.join(', ')}`)],
      fired: [],
    };
  }
  if (!result.ok)
    return {
      problems: [problem(`unexpected error: ${result.issues.map((i) => `${i.code} ${i.path}`).join(', ')}`)],
      fired: [],
    };
  const d = result.decision;
  const want = c.want!;
  const problems: Issue[] = [];
  const ids = d.reasons.map((r) => r.id);
  if (d.outcome !== want.outcome)
    problems.push(
      problem(
        `outcome ${d.outcome}, expected ${want.outcome} (reasons: ${ids.join(', ') || 'none'}; missing: ${d.missing.join(', ') || 'none'})`,
      ),
    );
  if (want.reasons && !sameSet(ids, want.reasons))
    problems.push(problem(`reasons [${ids.join(', ')}], expected [${want.reasons.join(', ')}]`));
  if (want.missing && d.missing.join(',') !== want.missing.join(','))
    problems.push(problem(`missing [${d.missing.join(', ')}], expected [${want.missing.join(', ')}]`));
  if (want.open && d.open.join(',') !== want.open.join(','))
    problems.push(problem(`open [${d.open.join(', ')}], expected [${want.open.join(', ')}]`));
  if (want.flags && !sameSet(d.flags, want.flags))
    problems.push(problem(`flags [${d.flags.join(', ')}], expected [${want.flags.join(', ')}]`));
  return { problems, fired: ids };
}

/** Runs every case and checks that every rule is reached by at least one case. */
export function runGoldenSuite(
  ruleSet: RuleSet,
  screener: Screener,
  dir: string,
): { passed: number; failed: number; issues: Issue[] } {
  const { cases, issues } = loadGoldenCases(dir);
  const reached = new Set<string>();
  let passed = 0;
  let failed = 0;
  for (const c of cases) {
    const r = runGoldenCase(ruleSet, screener, c);
    r.fired.forEach((id) => {
      reached.add(id);
    });
    if (r.problems.length === 0) passed++;
    else {
      failed++;
      issues.push(...r.problems);
    }
  }
  // The fallback is left out: it answers only where the rules leave a gap, and no known case should.
  for (const rule of ruleSet.rules) {
    if (!reached.has(rule.id))
      issues.push({
        code: ErrorCode.RulesInvalid,
        file: 'rules',
        path: rule.id,
        message: 'no golden case reaches this rule',
      });
  }
  return { passed, failed, issues };
}
