/**
 * @module audit/throttle
 * Refusals must not grow the trail without bound: anyone can send requests that are refused. Per window
 * (a minute), the first refusal of each kind from each source is written in full, up to a cap for all
 * sources together; the rest are counted and written as one summary record per kind when the window ends
 * (on the next refusal, the periodic flush, or close). Everything that is not a refusal passes straight through.
 */
import type { AuditEntry, AuditInput } from './chain.ts';
import type { AuditLog } from './log.ts';

export interface RefusalThrottle extends AuditLog {
  /** Writes the summaries of a finished window. */
  flushDue(): Promise<void>;
  /** Writes every pending summary and stops the timer. */
  close(): Promise<void>;
}

interface Pending {
  count: number;
  actors: Set<string>;
  from: string;
  to: string;
}

const SAMPLE_ACTORS = 10;

export function throttleRefusals(
  inner: AuditLog,
  opts: { now: () => Date; windowMs?: number; perWindow?: number; timer?: boolean },
): RefusalThrottle {
  const windowMs = opts.windowMs ?? 60_000;
  const perWindow = opts.perWindow ?? 20;
  let window = -1;
  let written = 0;
  const seen = new Set<string>();
  const pending = new Map<string, Pending>();

  const flush = async () => {
    const all = [...pending.entries()];
    pending.clear();
    for (const [type, p] of all)
      await inner.append({
        at: p.to,
        type: 'audit.refusals_summarised',
        actor: 'system:audit',
        data: { refusal: type, count: p.count, from: p.from, to: p.to, sampleActors: [...p.actors] },
      });
  };
  const roll = async (now: Date) => {
    const w = Math.floor(now.getTime() / windowMs);
    if (w === window) return;
    await flush();
    window = w;
    written = 0;
    seen.clear();
  };
  const timer = opts.timer === false ? undefined : setInterval(() => void roll(opts.now()).catch(() => {}), windowMs);
  timer?.unref();

  return {
    key: inner.key,
    appendOnce: (input) => inner.appendOnce(input),
    read: () => inner.read(),
    prune: (before) => inner.prune(before),
    async append(input: AuditInput): Promise<AuditEntry> {
      if (!input.type.endsWith('.refused')) return inner.append(input);
      const now = opts.now();
      await roll(now);
      const source = `${input.type}\u0000${input.actor}`;
      if (!seen.has(source) && written < perWindow) {
        seen.add(source);
        written++;
        return inner.append(input);
      }
      const p = pending.get(input.type) ?? { count: 0, actors: new Set(), from: input.at, to: input.at };
      p.count++;
      p.to = input.at;
      if (p.actors.size < SAMPLE_ACTORS) p.actors.add(input.actor);
      pending.set(input.type, p);
      // Not in the chain (yet): only counted; callers never read the entry of a refusal.
      return { ...input, seq: 0, prevHash: '', hash: '' };
    },
    flushDue: () => roll(opts.now()),
    async close() {
      if (timer) clearInterval(timer);
      await flush();
    },
  };
}
