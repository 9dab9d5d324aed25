/**
 * @module bench/conversation
 * Conversation figures for `npm run bench`: per-message handling time without an LLM, in memory and with
 * Redis (when REDIS_URL or the local default answers), and the number of questions to a decision over the
 * 40 scenarios opened as a researcher writes them (test/conversations/scenario-openings.yaml), answered
 * from the scenarios' facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import type { ConversationStore, IdempotencyStore, Screener } from '../app/ports.ts';
import type { Config } from '../config.ts';
import { createEngineDeps, type EngineDeps } from '../conversation/engine.ts';
import { extract, MAX_READ } from '../conversation/extract.ts';
import { ConversationService } from '../conversation/service.ts';
import { simulate, simulateWith } from '../conversation/simulate.ts';
import type { ConversationState, Lang, Reply, TurnInput } from '../conversation/types.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { loadGoldenCases } from '../ruleset/golden.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../stores/memory.ts';
import { RedisConversationStore, RedisIdempotencyStore } from '../stores/redis.ts';
import { percentile } from './measure.ts';
import { benchRedis } from './redis.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (x: number) => `${x.toFixed(2)} ms`;

interface Scenario {
  id: string;
  opening: Record<Lang, string>;
  facts: Record<string, unknown>;
  want: string;
}

function scenarios(config: Config): Scenario[] {
  const openings = (
    parse(readFileSync(join(config.goldenDir, '..', 'conversations', 'scenario-openings.yaml'), 'utf8')) as {
      openings: { id: string; ja: string; en: string }[];
    }
  ).openings;
  const golden = new Map(loadGoldenCases(config.goldenDir).cases.map((c) => [c.id, c]));
  return openings.flatMap((o) => {
    const g = golden.get(o.id);
    return g?.want ? [{ id: o.id, opening: { ja: o.ja, en: o.en }, facts: g.facts, want: g.want.outcome }] : [];
  });
}

async function run(
  deps: EngineDeps,
  list: Scenario[],
  store: ConversationStore<ConversationState>,
  idem: IdempotencyStore,
  rounds: number,
) {
  const service = new ConversationService(deps, store, idem);
  const times: number[] = [];
  const questions: Record<Lang, number[]> = { ja: [], en: [] };
  let matched = 0;
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const s of list) {
      for (const lang of ['ja', 'en'] as const) {
        const id = `bench:${round}:${s.id}:${lang}:${n++}`;
        const turn = async (input: TurnInput): Promise<Reply | null> => {
          const t = performance.now();
          const reply = await service.handle(id, input);
          times.push(performance.now() - t);
          return reply;
        };
        const r = await simulateWith(deps, turn, s.opening[lang], s.facts, lang);
        if (round === 0) {
          questions[lang].push(r.questions.length);
          if (r.decision?.outcome === s.want) matched++;
        }
        await store.delete(id);
      }
    }
  }
  times.sort((a, b) => a - b);
  return { times, questions, matched };
}

/**
 * 8,000-character messages built to defeat backtracking (long digit runs without 円, long CJK runs without an
 * organisation suffix, repeated amounts and capitalised words): each must cost well under 20 ms.
 */
function benchLongMessages(deps: EngineDeps): void {
  const texts = [
    '1'.repeat(8000),
    '北'.repeat(8000),
    'ハ'.repeat(7990) + '大学に送る',
    '単価3万円、'.repeat(1300),
    'Harbin Institute '.repeat(470),
    `${'あ'.repeat(3990)}を${'い'.repeat(3990)}`,
    '¥1,000,000 '.repeat(720),
    `来月${'、'.repeat(7000)}北京理工大学に炭素繊維のサンプルを送りたい`,
  ];
  const times: number[] = [];
  // Round 0 warms the caches and the JIT; each later round changes the text so no cache answers.
  for (let round = 0; round < 6; round++)
    for (const text of texts) {
      const t = performance.now();
      extract(`${text}${' '.repeat(round)}`, deps);
      if (round > 0) times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  out(
    `8,000-character adversarial messages (extractor, ${times.length} runs): p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times[times.length - 1]!)} (target < 20 ms; the extractor reads the first ${MAX_READ} characters)`,
  );
}

/** Realistic openings (test/conversations/researcher-openings.yaml) against the scenario each states. */
async function benchResearcherOpenings(config: Config, deps: EngineDeps): Promise<void> {
  const file = join(config.goldenDir, '..', 'conversations', 'researcher-openings.yaml');
  const openings = (
    parse(readFileSync(file, 'utf8')) as {
      openings: { id: string; like: string; lang: Lang; text: string; with?: Record<string, unknown>; want?: string }[];
    }
  ).openings;
  const golden = new Map(loadGoldenCases(config.goldenDir).cases.map((c) => [c.id, c]));
  let ok = 0;
  const qs: number[] = [];
  for (const o of openings) {
    const g = golden.get(o.like);
    if (!g?.want) continue;
    const r = await simulate(deps, o.text, { ...g.facts, ...o.with }, o.lang);
    qs.push(r.questions.length);
    if (r.decision?.outcome === (o.want ?? g.want.outcome)) ok++;
  }
  out(
    `researcher openings: ${ok}/${openings.length} correct outcomes (target ≥ 95%); questions ${summary(qs)} (target median ≤ 4)`,
  );
}

function summary(xs: number[]): string {
  const sorted = [...xs].sort((a, b) => a - b);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `median ${percentile(sorted, 50)}, mean ${mean.toFixed(1)}, max ${sorted[sorted.length - 1]}`;
}

export async function benchConversation(config: Config, ruleSet: RuleSet, screener: Screener): Promise<void> {
  const content = loadConversationContent(config.rulesDir);
  if (!content.ok) throw new Error('conversation content invalid');
  let caseNo = 0;
  const deps = createEngineDeps({
    ruleSet,
    screener,
    content: content.content,
    newCaseId: () => `EC-BENCH-${++caseNo}`,
  });
  const list = scenarios(config);
  out('## Conversation (no LLM)');
  const warm = await run(deps, list, new MemoryConversationStore(600), new MemoryIdempotencyStore(600), 1);
  const mem = await run(deps, list, new MemoryConversationStore(600), new MemoryIdempotencyStore(600), 3);
  out(
    `questions to a decision over ${list.length} scenarios: ja ${summary(warm.questions.ja)}; en ${summary(warm.questions.en)} (target median ≤ 4); outcomes as labelled: ${warm.matched}/${list.length * 2}`,
  );
  out(
    `per message, in memory (${mem.times.length} messages): p50 ${ms(percentile(mem.times, 50))}, p99 ${ms(percentile(mem.times, 99))} (target p99 < 20 ms)`,
  );
  benchLongMessages(deps);
  await benchResearcherOpenings(config, deps);
  const connected = await benchRedis(config, 'with Redis: skipped');
  if (!connected) return;
  const { redis, url } = connected;
  const prefix = `ecbench-${process.pid}`;
  const r = await run(
    deps,
    list,
    new RedisConversationStore(redis, 600, prefix),
    new RedisIdempotencyStore(redis, 600, prefix),
    3,
  );
  out(
    `per message, with Redis at ${url} (${r.times.length} messages): p50 ${ms(percentile(r.times, 50))}, p99 ${ms(percentile(r.times, 99))} (target p99 < 30 ms)`,
  );
  redis.disconnect();
}
