/**
 * @module audit/redis-log
 * The audit trail in a Redis Stream. An append is a compare-and-set on the head key (the last seq and
 * hash), so two processes never fork the chain; stream and head share a hash tag, one Cluster slot.
 */
import type { Cluster, Redis } from 'ioredis';
import { type AuditEntry, type AuditInput, nextEntry } from './chain.ts';
import type { AuditLog } from './log.ts';

type Client = Redis | Cluster;

/** Appends only if the head is still the one the new record links to; stream and head change together. */
const APPEND = `local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[2], '*', 'json', ARGV[2])
redis.call('SET', KEYS[1], ARGV[3])
return 1`;

export class RedisAuditLog implements AuditLog {
  private readonly stream: string;
  private readonly head: string;
  private readonly anchorKey: string;

  constructor(
    private readonly redis: Client,
    prefix = 'ec',
  ) {
    this.stream = `${prefix}:{audit}:stream`;
    this.head = `${prefix}:{audit}:head`;
    this.anchorKey = `${prefix}:{audit}:anchor`;
  }

  /** Appends from this process go one at a time; other processes are kept out by the compare-and-set. */
  private queue: Promise<unknown> = Promise.resolve();

  append(input: AuditInput): Promise<AuditEntry> {
    const run = this.queue.then(() => this.appendNow(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendNow(input: AuditInput): Promise<AuditEntry> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = await this.redis.get(this.head);
      const prev = raw ? (JSON.parse(raw) as { seq: number; hash: string }) : undefined;
      const entry = nextEntry(input, prev);
      const head = JSON.stringify({ seq: entry.seq, hash: entry.hash });
      const appended = await this.redis.eval(APPEND, 2, this.head, this.stream, raw ?? '', JSON.stringify(entry), head);
      if (appended === 1) return entry;
    }
    throw new Error('audit append kept conflicting; giving up');
  }

  async read() {
    const entries: (AuditEntry | undefined)[] = [];
    const ids: string[] = [];
    let start = '-';
    for (;;) {
      const page = await this.redis.xrange(this.stream, start, '+', 'COUNT', 1000);
      for (const [id, fields] of page) {
        ids.push(id);
        const json = fields[fields.indexOf('json') + 1];
        try {
          entries.push(json ? (JSON.parse(json) as AuditEntry) : undefined);
        } catch {
          entries.push(undefined);
        }
      }
      if (page.length < 1000) break;
      start = `(${page[page.length - 1]![0]}`;
    }
    const anchor = await this.redis.get(this.anchorKey);
    return { entries, ids, anchor: anchor ? (JSON.parse(anchor) as { seq: number; hash: string }) : undefined };
  }

  async prune(before: Date): Promise<number> {
    const old = await this.redis.xrange(this.stream, '-', String(before.getTime()));
    if (!old.length) return 0;
    const last = JSON.parse(old[old.length - 1]![1][1]!) as AuditEntry;
    await this.redis.set(this.anchorKey, JSON.stringify({ seq: last.seq, hash: last.hash }));
    return this.redis.xtrim(this.stream, 'MINID', String(before.getTime() + 1));
  }
}
