/**
 * @module ruleset/university-answers
 * The independent evaluation set (test/golden/university-answers.yaml): published answers of Japanese
 * universities and METI, each as facts and the published outcome. Scored for agreement, not pass/fail per
 * case, so that the number says how often the bot answers as a careful office would.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { decideFacts } from '../app/decide.ts';
import type { Screener } from '../app/ports.ts';
import type { Issue } from '../core/errors.ts';
import { OUTCOMES } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { UNIVERSITY_ANSWERS } from './golden.ts';
import { readData } from './read-data.ts';

const AnswerSchema = z.strictObject({
  id: z.string().regex(/^UA\d+$/),
  source: z.string().min(1),
  question: z.string().min(1),
  facts: z.record(z.string(), z.unknown()),
  published: z.enum(OUTCOMES),
});
const AnswersFileSchema = z.strictObject({ answers: z.array(AnswerSchema).min(1) });
export type PublishedAnswer = z.infer<typeof AnswerSchema>;

export interface Agreement {
  total: number;
  agreed: number;
  disagreements: { id: string; source: string; published: string; got: string; reasons: string[] }[];
}

export function loadUniversityAnswers(goldenDir: string): { answers: PublishedAnswer[]; issues: Issue[] } {
  const file = join(goldenDir, UNIVERSITY_ANSWERS);
  const data = readData(file, `test/golden/${UNIVERSITY_ANSWERS}`, AnswersFileSchema);
  return data.ok ? { answers: data.value.answers, issues: [] } : { answers: [], issues: data.issues };
}

export function scoreUniversityAnswers(
  deps: { ruleSet: RuleSet; screener: Screener },
  answers: readonly PublishedAnswer[],
): Agreement {
  const disagreements: Agreement['disagreements'] = [];
  for (const a of answers) {
    const r = decideFacts(deps, a.facts);
    const got = r.ok ? r.decision.outcome : `error ${r.issues.map((i) => i.code).join(',')}`;
    if (got !== a.published)
      disagreements.push({
        id: a.id,
        source: a.source,
        published: a.published,
        got,
        reasons: r.ok ? r.decision.reasons.map((x) => x.id) : [],
      });
  }
  return { total: answers.length, agreed: answers.length - disagreements.length, disagreements };
}
