/**
 * @module bench/run
 * `npm run bench`: prints the benchmark figures the issues ask for. Placeholder until filled below.
 */
import type { Config } from '../config.ts';

export async function runBench(_config: Config): Promise<number> {
  return 0;
}
