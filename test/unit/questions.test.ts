import { describe, expect, test } from 'vitest';
import { decideFacts } from '../../src/app/decide.ts';
import { enumValues, type FactKey } from '../../src/core/facts.ts';
import { loadGoldenCases } from '../../src/ruleset/golden.ts';
import { bundled, GOLDEN_DIR } from '../support/fixtures.ts';

describe('questions worth asking', () => {
  test('when the core asks for an enumerated fact, then its answers lead to different outcomes, or to different reasons with no "unknown" answer', () => {
    const deps = bundled();
    const useless: string[] = [];
    const outcome = (facts: Record<string, unknown>) => {
      const r = decideFacts(deps, facts);
      return r.ok ? r.decision : undefined;
    };
    for (const c of loadGoldenCases(GOLDEN_DIR).cases.filter((x) => x.want)) {
      // Every golden fact set, and each with one fact taken away: the states a conversation passes through.
      const variants = [
        c.facts,
        ...Object.keys(c.facts).map((k) => Object.fromEntries(Object.entries(c.facts).filter(([key]) => key !== k))),
      ];
      for (const facts of variants) {
        const d = outcome(facts);
        if (d?.outcome !== 'needs_facts') continue;
        const key = d.missing[0] as FactKey;
        const values = enumValues(key);
        if (!values) continue;
        const decisions = values.map((v) => outcome({ ...facts, [key]: v }));
        const answers = decisions.map((x) => x?.outcome);
        if (!answers.every((a) => a !== 'needs_facts' && a === answers[0])) continue;
        // The same outcome for different reasons (goods vs technology law) is still worth asking when there is
        // no "I don't know" to answer with: no reason would hold for every answer.
        const common = decisions[0]!.reasons.filter((r) =>
          decisions.every((x) => x?.reasons.some((y) => y.id === r.id)),
        );
        if (common.length > 0 || values.includes('unknown'))
          useless.push(`${c.id} asks ${key}: every answer gives ${answers[0]}`);
      }
    }
    expect(useless).toEqual([]);
  }, 120_000);
});
