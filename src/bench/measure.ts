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
