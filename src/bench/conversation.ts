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
import { ConversationService } from '../conversation/service.ts';
import { simulateWith } from '../conversation/simulate.ts';
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
