import { describe, expect, test } from 'vitest';
import { loadUniversityAnswers, scoreUniversityAnswers } from '../../src/ruleset/university-answers.ts';
import { bundled, GOLDEN_DIR } from '../support/fixtures.ts';

describe('published university and METI answers (test/golden/university-answers.yaml)', () => {
  const { answers, issues } = loadUniversityAnswers(GOLDEN_DIR);

  test('the evaluation set loads, with at least 60 answers, each with its source', () => {
    expect(issues).toEqual([]);
    expect(answers.length).toBeGreaterThanOrEqual(60);
    expect(new Set(answers.map((a) => a.id)).size).toBe(answers.length);
  });

  test('the bot agrees with at least 95 % of the published answers', () => {
    const score = scoreUniversityAnswers(bundled(), answers);
    const pct = (100 * score.agreed) / score.total;
    // The agreement is reported so that a change in the rules shows its effect on real answers.
    process.stdout.write(`university answers: ${score.agreed}/${score.total} agree (${pct.toFixed(1)} %)\n`);
    for (const d of score.disagreements)
      process.stdout.write(
        `  ${d.id} published ${d.published}, got ${d.got} [${d.reasons.join(', ')}] — ${d.source}\n`,
      );
    expect(pct).toBeGreaterThanOrEqual(95);
  });
});
