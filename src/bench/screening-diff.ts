/**
 * @module bench/screening-diff
 * Differential check for matcher changes that must not change results (speed work, refactors): dumps every
 * hit (list, entry, match type, score, matched name) for every query of the three screening golden sets, with
 * and without their country, on the real lists (at the shipped threshold and at the calibration grid's
 * lowest) and on the bench's synthetic 50,000-name list; and compares
 * a dump with a saved one, printing the queries whose hits differ.
 *
 *   npx tsx src/bench/screening-diff.ts dump /tmp/perf-baseline.json
 *   npx tsx src/bench/screening-diff.ts check /tmp/perf-baseline.json   (exit 1 on any difference)
 *
 * Keep the saved dump outside the repository: it is a snapshot of one moment's behaviour, not a test.
 * With SCREENING_DIFF_CACHE=DIR the screeners go through the index cache in DIR (screening/index-cache): run
 * it twice, and the second run checks the screeners read back from their snapshots.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScreeningHit } from '../core/decision.ts';
import { loadLists } from '../lists/load-lists.ts';
import { CALIBRATION_GRID } from '../screening/golden-eval.ts';
import { DEFAULT_THRESHOLDS } from '../screening/matcher.ts';
import { createScreener } from '../screening/screener.ts';
import { readScreeningGolden } from '../tools/screening-golden.ts';
import { synthetic50k } from './screening.ts';
import { loadEvalSets } from './screening-eval.ts';

type Dump = Record<string, string[]>;

const label = (h: ScreeningHit) => `${h.list}#${h.entry} ${h.matchType} ${h.score.toFixed(3)} ${h.matchedOn}`;

/** The queries with their country (or none), the golden set's first; and how many are the golden set's. */
function queries(goldenDir: string): { all: [string, string | undefined][]; golden: number } {
  const golden = readScreeningGolden(join(goldenDir, 'screening.jsonl')).map((c) => c.query);
  const sets = loadEvalSets(goldenDir);
  const out: [string, string | undefined][] = golden.map((q) => [q, undefined]);
  for (const c of [...sets.renderings, ...sets.unlisted]) {
    out.push([c.query, undefined]);
    if (c.country) out.push([c.query, c.country]);
  }
  return { all: out, golden: golden.length };
}

function dump(root: string): Dump {
  const { lists } = loadLists(join(root, 'rules/lists'));
  const { all: qs, golden } = queries(join(root, 'test/golden'));
  const out: Dump = {};
  const cacheDir = process.env.SCREENING_DIFF_CACHE;
  const cache = (name: string) => (cacheDir ? { cacheDir: join(cacheDir, name) } : {});
  const real = createScreener(lists, undefined, undefined, cache('real'));
  for (const [q, c] of qs) out[`real|${c ?? ''}|${q}`] = real.screen(q, c).map(label);
  // At the lowest threshold of the calibration grid too: the candidate bounds depend on the threshold.
  const low = createScreener(
    lists,
    { ...DEFAULT_THRESHOLDS, possible: Math.min(...CALIBRATION_GRID) },
    undefined,
    cache('low'),
  );
  for (const [q, c] of qs) out[`low|${c ?? ''}|${q}`] = low.screen(q, c).map(label);
  // The 50k list on the bench's sample (every fifth golden query) and all of the independent sets.
  const big = createScreener([synthetic50k(lists)], undefined, undefined, cache('50k'));
  qs.forEach(([q, c], i) => {
    if (i % 5 === 0 || i >= golden) out[`50k|${c ?? ''}|${q}`] = big.screen(q, c).map(label);
  });
  return out;
}

function compare(base: Dump, now: Dump): string[] {
  const diffs: string[] = [];
  for (const k of new Set([...Object.keys(base), ...Object.keys(now)])) {
    const a = JSON.stringify(base[k] ?? null);
    const b = JSON.stringify(now[k] ?? null);
    if (a !== b) diffs.push(`${k}\n  was ${a}\n  now ${b}`);
  }
  return diffs;
}

async function main(): Promise<number> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== 'dump' && mode !== 'check') || !file) {
    process.stderr.write('usage: screening-diff.ts dump|check FILE\n');
    return 2;
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const now = dump(root);
  if (mode === 'dump') {
    writeFileSync(file, JSON.stringify(now));
    process.stdout.write(`${Object.keys(now).length} queries dumped to ${file}\n`);
    return 0;
  }
  const diffs = compare(JSON.parse(readFileSync(file, 'utf8')) as Dump, now);
  process.stdout.write(
    `${diffs.slice(0, 30).join('\n')}\n${Object.keys(now).length} queries, ${diffs.length} differ\n`,
  );
  return diffs.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = await main();
