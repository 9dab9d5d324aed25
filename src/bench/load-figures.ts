/**
 * @module bench/load-figures
 * Figures of the Slack load benches that do not depend on how busy the machine is: the bot's CPU time per
 * message, Redis commands per message (INFO commandstats; commands run inside a script count too) and Web API
 * calls per message. On a shared machine the latencies are mostly other processes' time slices; these are not.
 */
import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';

/** Calls per command since the server started (`INFO commandstats`). */
export async function commandCounts(redis: Redis): Promise<Map<string, number>> {
  const info = await redis.info('commandstats');
  const counts = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) counts.set(m[1]!, Number(m[2]));
  return counts;
}

/** CPU time (user + system, ms) a process has used, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s (CLK_TCK)
  } catch {
    return undefined;
  }
}

const perMessage = (before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>, messages: number) =>
  [...after]
    .map(([k, v]) => [k, (v - (before.get(k) ?? 0)) / messages] as const)
    .filter(([k, v]) => v > 0 && k !== 'info')
    .sort((a, b) => b[1] - a[1]);

/** "Redis 6.0/message (get 2.0, eval 1.0, …), Web API 1.0/message (chat.postMessage 1.0)". */
export function describeCounts(
  redis: { before: ReadonlyMap<string, number>; after: ReadonlyMap<string, number> },
  webApi: { before: Record<string, number>; after: Record<string, number> },
  messages: number,
): string {
  const list = (rows: (readonly [string, number])[]) => rows.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const r = perMessage(redis.before, redis.after, messages);
  const w = perMessage(new Map(Object.entries(webApi.before)), new Map(Object.entries(webApi.after)), messages);
  const sum = (rows: (readonly [string, number])[]) => rows.reduce((s, [, v]) => s + v, 0).toFixed(2);
  return `Redis commands/message ${sum(r)} (${list(r)}); Web API calls/message ${sum(w)} (${list(w)})`;
}
