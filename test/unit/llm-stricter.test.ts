/**
 * The LLM can only make a case stricter (issue 15, item 6), against the local fake OpenAI-compatible server:
 * clearing phrasings are never shown under an escalating outcome, fake headers are stripped, a proposed fact
 * never overwrites another and counts only once confirmed, and over a corpus of openings a hostile model never
 * makes the outcome less severe than no model at all.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { converse } from '../../src/conversation/engine.ts';
import { simulateWith } from '../../src/conversation/simulate.ts';
import type { ConversationState, TurnInput } from '../../src/conversation/types.ts';
import { type Outcome, severity } from '../../src/core/facts.ts';
import type { OpenAiLanguageModel } from '../../src/llm/openai.ts';
import { loadGoldenCases } from '../../src/ruleset/golden.ts';
import { engineDeps } from '../support/conversation.ts';
import { type FakeOpenAi, fakeModel, NULL_FACTS, startFakeOpenAi } from '../support/fake-openai.ts';
import { GOLDEN_DIR, ROOT } from '../support/fixtures.ts';

let fake: FakeOpenAi;
let llm: OpenAiLanguageModel;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  llm = fakeModel(fake, 2000);
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.queue.length = 0;
  fake.requests.length = 0;
});

async function play(texts: (string | TurnInput)[], lang: 'ja' | 'en' = 'ja') {
  const deps = engineDeps({ llm });
  let state: ConversationState | undefined;
  let last: Awaited<ReturnType<typeof converse>> | undefined;
  for (const t of texts) {
    last = await converse(deps, state, typeof t === 'string' ? { text: t } : t, { lang, langFixed: true });
    state = last.state;
  }
  return last!;
}

/** Clearing wording, with paraphrases, that must never appear under an escalating outcome. */
const CLEARING = [
  "A licence isn't needed here; go ahead and ship.",
  'No licence is required for this shipment.',
  'No license required.',
  'You do not need an export license.',
  "You don't need a licence for this.",
  'This does not require a permit.',
  'No permit required.',
  'no permit is needed',
  'You can send it.',
  'You can ship it now.',
  'You may proceed.',
  'Feel free to share the data.',
  'You are free to send the samples.',
  "You're all set.",
  'This item is not controlled.',
  "It isn't export-controlled.",
  'The goods are not subject to export control.',
  'The small-value exception applies, so it is exempt.',
  'It is fine to ship.',
  "That's fine, nothing to worry about.",
  "Don't worry about it.",
  'No further action is needed.',
  'No paperwork is required.',
  'Cleared to ship.',
  'Go ahead.',
  'There is no need for a licence.',
  'The licence would not be required.',
  'It needs no licence.',
  '申請不要です。',
  '許可は不要です。',
  '許可はいりません。',
  '許可が必要ありません。',
  '許可を取る必要はありません。',
  '申請する必要はありません。',
  '手続きは不要です。',
  '問題ありません。',
  'そのまま送ってください。',
  '送っても大丈夫です。',
  '輸出しても構いません。',
  '送付できます。',
  '規制の対象外です。',
  '非該当です。',
  '心配いりません。',
  '安心してください。',
  '例外が適用されます。',
  '大丈夫です。',
  '提供していただいて問題ありません。',
  'ご自由にどうぞ。',
  '**No licence needed** — go ahead.',
  'You ’re clear: no licence required.',
] as const;

describe('the model phrasing is shown apart from the fixed outcome and never clears an escalating case', () => {
  test('there are at least 40 clearing phrasings under test', () => {
    expect(CLEARING.length).toBeGreaterThanOrEqual(40);
  });

  test.each(CLEARING.map((p) => [p]))('"%s" is dropped under license_required', async (phrase) => {
    fake.queue.push({ json: NULL_FACTS }, { content: `相手先はリストに載っています。${phrase}` });
    const r = await play(['北京理工大学に炭素繊維のサンプルを送ります']);
    expect(r.reply.decision?.outcome).toBe('license_required');
    expect(r.reply.say).not.toContain(phrase.slice(0, 12));
    expect(r.reply.say).not.toContain('補足');
  });

  test('a fake 【Outcome】 header and markdown headings are stripped; the rest is shown after the fixed outcome', async () => {
    fake.queue.push(
      { json: NULL_FACTS },
      {
        content:
          '【判定】許可申請が必要\n# Outcome\nOutcome: licence required\n相手先がリストに掲載されているため、担当者と申請を準備しましょう。',
      },
    );
    const r = await play(['北京理工大学に炭素繊維のサンプルを送ります']);
    const say = r.reply.say;
    expect(say).toContain('担当者と申請を準備しましょう');
    expect(say.match(/【判定】/g)).toHaveLength(1);
    expect(say).not.toContain('# Outcome');
    expect(say).not.toContain('Outcome: licence required');
    // Apart from the fixed outcome: after the reasons and next steps, labelled as the AI's.
    expect(say.indexOf('補足（AIによる説明')).toBeGreaterThan(say.indexOf('次の手順'));
  });
});

describe('a proposed fact never overwrites another and counts only once the researcher confirms it', () => {
  test('a model-proposed yen value under the cap does not open the small-value exception unasked', async () => {
    const opening = '15項の部品をメルボルン大学に送りたい。該当品です。';
    for (let i = 0; i < 4; i++) fake.queue.push({ json: { ...NULL_FACTS, valueJPY: 30000 } });
    let r = await play([opening, { choose: 'no', fact: 'temporaryExport' }]);
    for (let i = 0; i < 6 && r.reply.ask && r.reply.ask.fact !== 'valueJPY'; i++) {
      fake.queue.push({ json: NULL_FACTS });
      r = await converse(
        engineDeps({ llm }),
        r.state,
        { choose: r.reply.ask.options?.at(-1)?.value ?? 'no' },
        {
          lang: 'ja',
          langFixed: true,
        },
      );
    }
    expect(r.reply.decision?.outcome).not.toBe('exempt');
    expect(r.state.facts.valueJPY).toBeUndefined();
  });

  test('a model-proposed organisation never replaces the one the researcher wrote', async () => {
    fake.queue.push({ json: { ...NULL_FACTS, counterpartyName: 'Tsinghua University', destinationCountry: 'CN' } });
    const r = await play(['ハルビン工業大学に炭素繊維のサンプルを送りたい']);
    expect(r.state.facts.counterpartyName).toEqual({ value: 'ハルビン工業大学', provenance: 'extractor' });
    expect(r.state.pending.some((p) => p.key === 'counterpartyName')).toBe(false);
    expect(r.reply.say).not.toContain('Tsinghua');
  });
});

interface Opening {
  id: string;
  text: string;
  lang: 'ja' | 'en';
  facts: Record<string, unknown>;
}

function corpus(): Opening[] {
  const openings = (
    parse(readFileSync(`${ROOT}test/conversations/scenario-openings.yaml`, 'utf8')) as {
      openings: { id: string; ja: string; en: string }[];
    }
  ).openings;
  const golden = new Map(loadGoldenCases(GOLDEN_DIR).cases.map((c) => [c.id, c]));
  return openings.flatMap((o) => {
    const g = golden.get(o.id);
    if (!g?.want) return [];
    return [
      { id: o.id, text: o.ja, lang: 'ja' as const, facts: g.facts },
      { id: o.id, text: o.en, lang: 'en' as const, facts: g.facts },
    ];
  });
}

const rank = (o: string | undefined) => (o && o !== 'needs_facts' ? severity(o as Outcome) : 99);

describe('property: with a hostile model the outcome is never less severe than without a model', () => {
  const openings = corpus();
  const hostile = fc.record({
    caseType: fc.constantFrom(null, 'shipment', 'technology', 'visitor'),
    destinationCountry: fc.constantFrom(null, 'JP', 'US', 'DE'),
    counterpartyName: fc.constantFrom(null, 'Tsinghua University', 'University of Cambridge', '本人'),
    itemDescription: fc.constantFrom(null, '文房具', 'stationery', 'a public paper'),
    valueJPY: fc.constantFrom(null, 1, 30000, 49999),
    listCategory: fc.constantFrom(null, '15', '6'),
  });

  test('over the scenario openings (ja and en)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...openings), hostile, async (o, proposal) => {
        const base = engineDeps();
        const withLlm = engineDeps({ llm });
        const run = async (deps: typeof base, queue: boolean) => {
          let state: ConversationState | undefined;
          return simulateWith(
            deps,
            async (input) => {
              if (queue) fake.queue.push({ json: proposal }, { content: 'No licence is needed, go ahead and ship.' });
              const t = await converse(deps, state, input, { lang: o.lang, langFixed: true });
              state = t.state;
              return t.reply;
            },
            o.text,
            o.facts,
            o.lang,
          );
        };
        const without = await run(base, false);
        fake.queue.length = 0;
        const hostileRun = await run(withLlm, true);
        fake.queue.length = 0;
        expect(
          rank(hostileRun.decision?.outcome),
          `${o.id} ${o.lang} ${JSON.stringify(proposal)}`,
        ).toBeGreaterThanOrEqual(rank(without.decision?.outcome));
      }),
      { numRuns: 40, seed: 15 },
    );
  }, 120_000);
});
