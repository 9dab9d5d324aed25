import { describe, expect, test } from 'vitest';
import { converse } from '../../src/conversation/engine.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { engineDeps, loadScripts } from '../support/conversation.ts';
import { ROOT } from '../support/fixtures.ts';

const scripts = [
  ...loadScripts(`${ROOT}test/conversations/scripts.yaml`),
  ...loadScripts(`${ROOT}test/conversations/turns-and-corrections.yaml`),
];

describe('conversation scripts (test/conversations/scripts.yaml)', () => {
  test('there are at least 30 scripts with unique ids', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(scripts.map((s) => s.id)).size).toBe(scripts.length);
  });

  test.each(scripts.map((s) => [s.id, s.note, s] as const))('%s: %s', async (_id, _note, script) => {
    const deps = engineDeps();
    let state: ConversationState | undefined;
    let lastCase: string | undefined;
    for (const [i, turn] of script.turns.entries()) {
      const input =
        turn.text !== undefined
          ? { text: turn.text }
          : { choose: turn.choose!, ...(turn.fact !== undefined ? { fact: turn.fact } : {}) };
      const r = await converse(deps, state, input, { lang: script.lang ?? 'ja', langFixed: script.lang !== undefined });
      state = r.state;
      const at = `turn ${i + 1} (${JSON.stringify(input).slice(0, 60)})`;
      if (turn.ask !== undefined) expect(r.reply.ask?.fact ?? null, `${at}: asked`).toBe(turn.ask);
      if (turn.outcome) expect(r.reply.decision?.outcome, `${at}: outcome\n${r.reply.say}`).toBe(turn.outcome);
      if (turn.reasons)
        expect(
          r.reply.decision?.reasons.map((x) => x.id),
          `${at}: reasons`,
        ).toEqual(expect.arrayContaining(turn.reasons));
      if (turn.noDecision) expect(r.reply.decision, `${at}: no decision`).toBeNull();
      for (const s of turn.say ?? []) expect(r.reply.say, `${at}: say`).toContain(s);
      for (const [k, v] of Object.entries(turn.facts ?? {}))
        expect(state.facts[k as keyof typeof state.facts]?.value, `${at}: fact ${k}`).toBe(v);
      for (const k of turn.absent ?? [])
        expect(state.facts[k as keyof typeof state.facts], `${at}: fact ${k} must not be set`).toBeUndefined();
      for (const [k, p] of Object.entries(turn.provenance ?? {}))
        expect(state.facts[k as keyof typeof state.facts]?.provenance, `${at}: provenance of ${k}`).toBe(p);
      if (turn.sameCase !== undefined) {
        expect(r.reply.decision, `${at}: a decision to compare the case of`).not.toBeNull();
        if (turn.sameCase) expect(r.reply.decision?.caseId, `${at}: same case`).toBe(lastCase);
        else expect(r.reply.decision?.caseId, `${at}: another case`).not.toBe(lastCase);
      }
      if (r.reply.decision) {
        expect(r.reply.decision.caseId).toMatch(/^EC-TEST-\d{4}$/);
        lastCase = r.reply.decision.caseId;
      }
    }
  });
});
