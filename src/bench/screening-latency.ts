/**
 * @module bench/screening-latency
 * Only the screening latency of `npm run bench`, for working on the matcher's speed: the golden queries and
 * the independent sets' queries on the real lists and on the synthetic 50,000-name list, several rounds, the
 * best round's p50/p99 kept (the machine is shared; the best round is the least disturbed) and the CPU time
 * per query beside it (less sensitive to other processes than wall time).
 *
 *   npm run bench:screening [-- rounds]   (or npx tsx src/bench/screening-latency.ts [rounds])
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Screener } from '../app/ports.ts';
import { loadLists } from '../lists/load-lists.ts';
import { createScreener } from '../screening/screener.ts';
import { readScreeningGolden } from '../tools/screening-golden.ts';
import { fmt, percentile, timeEach } from './measure.ts';
import { synthetic50k } from './screening.ts';
import { loadEvalSets } from './screening-eval.ts';

interface Best {
  p50: number;
  p99: number;
  cpuPerQuery: number;
  /** p50/p99 of each query's fastest time over the rounds: what the code costs, with other load filtered out. */
  minP50: number;
  minP99: number;
}

function bestOf(rounds: number, queries: readonly string[], screener: Screener): Best {
  let best = { p50: Infinity, p99: Infinity, cpuPerQuery: Infinity };
  const fastest = new Array<number>(queries.length).fill(Infinity);
  for (let r = 0; r < rounds; r++) {
    const cpu = process.cpuUsage();
    const t = timeEach(queries, (q) => screener.screen(q));
    const used = process.cpuUsage(cpu);
    const cpuPerQuery = (used.user + used.system) / 1000 / queries.length;
    best = {
      p50: Math.min(best.p50, t.p50),
      p99: Math.min(best.p99, t.p99),
      cpuPerQuery: Math.min(best.cpuPerQuery, cpuPerQuery),
    };
    queries.forEach((q, i) => {
      const t0 = performance.now();
      screener.screen(q);
      fastest[i] = Math.min(fastest[i]!, performance.now() - t0);
    });
  }
  fastest.sort((a, b) => a - b);
  return { ...best, minP50: percentile(fastest, 50), minP99: percentile(fastest, 99) };
}

const line = (what: string, b: Best) =>
  process.stdout.write(
    `${what}: best round p50 ${fmt(b.p50)}, p99 ${fmt(b.p99)}; per-query fastest p50 ${fmt(b.minP50)}, p99 ${fmt(b.minP99)}; CPU ${fmt(b.cpuPerQuery)}/query\n`,
  );

function main(): void {
  const rounds = Number(process.argv[2] ?? 3);
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { lists } = loadLists(join(root, 'rules/lists'));
  const golden = readScreeningGolden(join(root, 'test/golden/screening.jsonl')).map((c) => c.query);
  const sets = loadEvalSets(join(root, 'test/golden'));
  const evalQueries = [...sets.renderings, ...sets.unlisted].map((c) => c.query);
  let t0 = performance.now();
  const real = createScreener(lists);
  process.stdout.write(`real lists index ${(performance.now() - t0).toFixed(0)} ms\n`);
  for (const q of golden.slice(0, 500)) real.screen(q);
  line(`real lists, ${golden.length} golden queries`, bestOf(rounds, golden, real));
  line(`real lists, ${evalQueries.length} renderings and unlisted`, bestOf(rounds, evalQueries, real));
  t0 = performance.now();
  const big = createScreener([synthetic50k(lists)]);
  process.stdout.write(`50,000 names index ${(performance.now() - t0).toFixed(0)} ms\n`);
  const sample = golden.filter((_, i) => i % 5 === 0);
  for (const q of sample.slice(0, 200)) big.screen(q);
  line(`50,000 names, ${sample.length} golden queries`, bestOf(rounds, sample, big));
  line(`50,000 names, ${evalQueries.length} renderings and unlisted`, bestOf(rounds, evalQueries, big));
}

main();
