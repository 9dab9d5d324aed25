/**
 * Issue 15 at the service and channel level: "new case" while an officer awaits information is never
 * forwarded to the officer; `chat --jsonl` starts a new conversation per run unless `--session` names one and
 * takes `{"choose", "fact"}`; any sequence of stale choices leaves the facts unchanged (property).
 */
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runJsonlChat } from '../../src/channels/jsonl/chat.ts';
import { converse } from '../../src/conversation/engine.ts';
import { type CaseRecorder, ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { FACT_KEYS } from '../../src/core/facts.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../../src/stores/memory.ts';
import { engineDeps } from '../support/conversation.ts';

function recorder(awaiting: boolean) {
  const given: string[] = [];
  const recorded: { caseId: string; outcome: string; missing: string[] }[] = [];
  const cases: CaseRecorder = {
    async record(input) {
      recorded.push({ caseId: input.caseId, outcome: input.decision.outcome, missing: input.decision.missing });
      return { existed: false };
    },
    async awaitingInfo() {
      return awaiting;
    },
    async giveInfo(_id, _who, text) {
      given.push(text);
      return undefined;
    },
    async correct() {
      throw new Error('no correction in these tests');
    },
    async get() {
      throw new Error('no case reads in these tests');
    },
    listVersions: () => ({}),
  };
  return { cases, given, recorded };
}

describe('the service follows the phase table', () => {
  test('"new case" while an officer awaits information starts a new case and is not forwarded', async () => {
    const r = recorder(true);
    const service = new ConversationService(
      engineDeps(),
      new MemoryConversationStore<ConversationState>(600),
      new MemoryIdempotencyStore(600),
      { cases: r.cases },
    );
    const decided = await service.handle('c1', { text: '北京理工大学に炭素繊維のサンプルを送りたい' });
    expect(decided?.decision?.outcome).toBe('license_required');
    const answer = await service.handle('c1', { text: '用途は民生用の試験です' });
    expect(r.given).toEqual(['用途は民生用の試験です']);
    expect(answer?.say).toContain('担当者に送りました');
    for (const cmd of ['新しい相談', 'new case', 'reset']) {
      const reply = await service.handle('c1', { text: cmd });
      expect(reply?.say).toMatch(/リセットしました|Starting over/);
    }
    expect(r.given).toEqual(['用途は民生用の試験です']);
  });

  test('a hand-off is recorded as officer_review with the open questions', async () => {
    const r = recorder(false);
    const service = new ConversationService(
      engineDeps(),
      new MemoryConversationStore<ConversationState>(600),
      new MemoryIdempotencyStore(600),
      { cases: r.cases },
    );
    await service.handle('c2', { text: '韓国の会社に冷却型赤外線カメラを送りたい' });
    await service.handle('c2', { text: 'まだ決まっていません' });
    const reply = await service.handle('c2', { text: '担当者に任せる' });
    expect(reply?.decision?.outcome).toBe('officer_review');
    expect(r.recorded).toEqual([expect.objectContaining({ outcome: 'officer_review' })]);
    expect(r.recorded[0]!.missing).toContain('counterpartyName');
  });
});

async function jsonl(service: ConversationService, lines: object[], session?: string) {
  let out = '';
  const output = new Writable({
    write(chunk, _enc, cb) {
      out += String(chunk);
      cb();
    },
  });
  await runJsonlChat(service, {
    input: Readable.from(lines.map((l) => `${JSON.stringify(l)}\n`)),
    output,
    ...(session ? { session } : {}),
  });
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { say: string; ask: { fact: string } | null; decision: unknown });
}

describe('chat --jsonl', () => {
  const service = () =>
    new ConversationService(
      engineDeps(),
      new MemoryConversationStore<ConversationState>(600),
      new MemoryIdempotencyStore(600),
    );

  test('every run is a new conversation unless --session names one', async () => {
    const s = service();
    const first = await jsonl(s, [{ text: 'I want to send a cooled infrared camera to a university in Germany' }]);
    expect(first[0]!.ask?.fact).toBe('counterpartyName');
    const fresh = await jsonl(s, [{ text: 'Technical University of Munich' }]);
    expect(fresh[0]!.ask?.fact).not.toBe('listStatus');
    await jsonl(s, [{ text: 'I want to send a cooled infrared camera to a university in Germany' }], 'abc');
    const continued = await jsonl(s, [{ text: 'Technical University of Munich' }], 'abc');
    expect(continued[0]!.ask?.fact).toBe('listStatus');
  });

  test('{"choose","fact"}: a choice for another question changes nothing and the question is asked again', async () => {
    const replies = await jsonl(service(), [
      { text: 'I want to send a cooled infrared camera to a university in Germany' },
      { text: 'Technical University of Munich' },
      { choose: 'no', fact: 'endUseConcern' },
      { choose: 'unknown', fact: 'listStatus' },
    ]);
    expect(replies).toHaveLength(4);
    expect(replies[2]!.ask?.fact).toBe('listStatus');
    expect(replies[2]!.say).toContain('nothing was changed');
    expect(replies[2]!.decision).toBeNull();
    expect(replies[3]!.decision).not.toBeNull();
    // Only the contract's fields go out.
    for (const r of replies) expect(Object.keys(r).sort()).toEqual(['ask', 'decision', 'say']);
  });
});

describe('property: stale choices never set a fact', () => {
  const openings = [
    'I want to send a cooled infrared camera to a university in Germany',
    '北京理工大学に半導体製造装置を送りたい',
    '15項の部品（3万円）をメルボルン大学に送りたい',
    'Our new postdoc from Germany is employed by the university; can she work on our controlled laser project?',
  ];
  const values = ['yes', 'no', 'unknown', 'resident', 'not_controlled', 'controlled', '30000', 'JP', 'shipment'];

  test('any sequence of choices naming a fact not asked (or an old turn) leaves the facts unchanged', async () => {
    const deps = engineDeps();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...openings),
        fc.array(
          fc.record({
            value: fc.constantFrom(...values),
            fact: fc.constantFrom(...FACT_KEYS),
            turnBack: fc.integer({ min: 1, max: 3 }),
            byTurn: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (opening, clicks) => {
          let state = (await converse(deps, undefined, { text: opening }, { lang: 'en', langFixed: true })).state;
          const before = JSON.stringify({ facts: state.facts, pending: state.pending, asked: state.asked });
          for (const c of clicks) {
            // Stale by fact (another question) or by turn (an older card for this question).
            if (!c.byTurn && c.fact === state.asked) continue;
            const input = c.byTurn
              ? { choose: c.value, turn: state.turn - c.turnBack }
              : { choose: c.value, fact: c.fact };
            const r = await converse(deps, state, input, { lang: 'en', langFixed: true });
            state = r.state;
            expect(r.reply.decision).toBeNull();
          }
          expect(JSON.stringify({ facts: state.facts, pending: state.pending, asked: state.asked })).toBe(before);
        },
      ),
      { numRuns: 150, seed: 15 },
    );
  });
});
