/**
 * @module bench/run
 * `npm run bench`: decision throughput and latency on one core over ≥1,000 mixed fact sets (from the golden
 * cases, varied), rules load time, and screening latency on the real lists and on a synthetic 50,000-name
 * list made from them, with a plain fuse.js search over the same names as a reference.
 */
import { performance } from 'node:perf_hooks';
import { decideFacts } from '../app/decide.ts';
import type { Config } from '../config.ts';
import { evaluate } from '../core/evaluate.ts';
import { validateFacts } from '../core/validate-facts.ts';
import { loadLists } from '../lists/load-lists.ts';
import { loadGoldenCases } from '../ruleset/golden.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import type { ListFile } from '../screening/list-schema.ts';
import { createScreener } from '../screening/screener.ts';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function timeEach<T>(inputs: readonly T[], fn: (x: T) => unknown): { p50: number; p99: number; perSecond: number } {
  const times: number[] = [];
  const start = performance.now();
  for (const x of inputs) {
    const t = performance.now();
    fn(x);
    times.push(performance.now() - t);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), perSecond: (inputs.length / total) * 1000 };
}

export async function runBench(config: Config): Promise<number> {
  const t0 = performance.now();
  const loaded = loadRuleSet(config.rulesDir);
  const loadMs = performance.now() - t0;
  if (!loaded.ok) return 1;
  const { lists } = loadLists(config.listsDir);
  const t1 = performance.now();
  const screener = createScreener(lists);
  const indexMs = performance.now() - t1;
  const deps = { ruleSet: loaded.ruleSet, screener };

  // ≥1,000 mixed fact sets: every golden case, with its description and counterparty varied so caches do not help.
  const golden = loadGoldenCases(config.goldenDir).cases.filter((c) => c.want);
  const facts = Array.from({ length: 2000 }, (_, i) => {
    const f = { ...golden[i % golden.length]!.facts } as Record<string, unknown>;
    if (typeof f.itemDescription === 'string') f.itemDescription = `${f.itemDescription} #${i}`;
    if (typeof f.counterpartyName === 'string' && i % 3 === 0) f.counterpartyName = `${f.counterpartyName} ${i}`;
    return f;
  });
  for (const f of facts.slice(0, 200)) decideFacts(deps, f); // warm-up
  const d = timeEach(facts, (f) => decideFacts(deps, f));
  // The core alone: facts validated and screening hits computed beforehand, as the core receives them.
  const prepared = facts.flatMap((f) => {
    const v = validateFacts(f, loaded.ruleSet);
    if (!v.ok) return [];
    const hits = v.facts.counterpartyName ? screener.screen(v.facts.counterpartyName, v.facts.destinationCountry) : [];
    return [{ facts: v.facts, hits }];
  });
  const core = timeEach(prepared, (p) => evaluate(loaded.ruleSet, p.facts, p.hits));
  process.stdout.write('## Decisions (one core, screening included)\n');
  process.stdout.write(
    `rules load: ${loadMs.toFixed(1)} ms (${loaded.ruleSet.rules.length + 1} rules, ${loaded.ruleSet.items.length} items)\n`,
  );
  process.stdout.write(
    `core evaluate, ${prepared.length} mixed fact sets: ${Math.round(core.perSecond)} decisions/s, p50 ${fmt(core.p50)}, p99 ${fmt(core.p99)} (target p99 < 1 ms, ≥ 20,000/s)\n`,
  );
  process.stdout.write(
    `end to end (validate + screen + evaluate): ${Math.round(d.perSecond)} decisions/s, p50 ${fmt(d.p50)}, p99 ${fmt(d.p99)}\n\n`,
  );

  const names = lists.flatMap((l) =>
    l.entries.flatMap((e) => [e.name, ...(e.localName ? [e.localName] : []), ...e.aliases]),
  );
  const queries = [
    ...names.filter((_, i) => i % 7 === 0).slice(0, 300),
    ...names
      .filter((_, i) => i % 11 === 0)
      .slice(0, 200)
      .map((n) => n.toLowerCase().replace(/[aeiou]/, '')),
    'Harbin Medical University',
    'Nanjing University',
    'Kyoto University',
    'Tsinghua University',
    'University of Tokyo',
    '北京大学',
  ];
  const heapBefore = process.memoryUsage().heapUsed;
  const real = timeEach(queries, (q) => screener.screen(q));
  process.stdout.write('## Screening\n');
  process.stdout.write(
    `real lists: ${lists.map((l) => `${l.list} ${l.entries.length}`).join(', ')}; ${names.length} names; index build ${indexMs.toFixed(1)} ms\n`,
  );
  process.stdout.write(`${queries.length} queries: p50 ${fmt(real.p50)}, p99 ${fmt(real.p99)} (target p99 < 2 ms)\n`);

  // A synthetic 50,000-name list made from the real names (suffixes and swapped tokens), one entry per name.
  const synthetic: ListFile = {
    ...lists[0]!,
    list: 'synthetic',
    entries: Array.from({ length: 50_000 }, (_, i) => {
      const base = names[i % names.length]!;
      const words = base.split(' ');
      const name =
        i < names.length
          ? base
          : `${words.reverse().join(' ')} ${['Branch', 'Holding', 'Group', 'Office', 'Works'][i % 5]} ${Math.floor(i / names.length)}`;
      return { entry: i + 1, name, aliases: [], concerns: [] };
    }),
  };
  const t2 = performance.now();
  const big = createScreener([synthetic]);
  const bigIndexMs = performance.now() - t2;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const s50k = timeEach(queries, (q) => big.screen(q));
  process.stdout.write(
    `synthetic 50,000 names: index build ${bigIndexMs.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB; p50 ${fmt(s50k.p50)}, p99 ${fmt(s50k.p99)} (target p99 < 20 ms)\n`,
  );

  const { default: Fuse } = await import('fuse.js');
  const fuse = new Fuse(names, { includeScore: true, threshold: 0.3 });
  const f = timeEach(queries.slice(0, 200), (q) => fuse.search(q, { limit: 5 }));
  process.stdout.write(
    `fuse.js reference on the real names (200 queries): p50 ${fmt(f.p50)}, p99 ${fmt(f.p99)} — ours is ${(f.p50 / real.p50).toFixed(0)}× faster at p50\n`,
  );
  return 0;
}
