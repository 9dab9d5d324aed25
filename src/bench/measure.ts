/**
 * @module bench/measure
 * Latency percentiles and throughput of a function over a set of inputs, run one after another on one core.
 */
import { performance } from 'node:perf_hooks';

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

export function timeEach<T>(
  inputs: readonly T[],
  fn: (x: T) => unknown,
): { p50: number; p99: number; perSecond: number; cpuPerCall: number } {
  const times: number[] = [];
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const x of inputs) {
    const t = performance.now();
    fn(x);
    times.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    perSecond: (inputs.length / total) * 1000,
    // CPU time (ms) per call: on a shared machine wall-clock percentiles include other processes' time slices.
    cpuPerCall: (used.user + used.system) / 1000 / inputs.length,
  };
}

/**
 * timeEach over `rounds` runs, keeping the round with the lowest p99: on a shared machine a round's p99 is
 * mostly other processes' time slices, and the least disturbed round is the closest to one free core.
 */
export function bestRound<T>(rounds: number, inputs: readonly T[], fn: (x: T) => unknown): ReturnType<typeof timeEach> {
  let best = timeEach(inputs, fn);
  for (let r = 1; r < rounds; r++) {
    const t = timeEach(inputs, fn);
    if (t.p99 < best.p99) best = t;
  }
  return best;
}
