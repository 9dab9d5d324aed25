/**
 * @module audit/redis-log
 * The audit trail in a Redis Stream. An append is a compare-and-set on the signed head (the last seq and
 * hash), so two processes never fork the chain, and is idempotent by record id (a retried append after a
 * cut finds its record instead of writing it twice). Stream, head, anchor and the id index share the
 * `{audit}` hash tag: one Cluster slot, so each script touches one slot.
 */
import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import {
  type Anchor,
  type AuditEntry,
  type AuditInput,
  type AuditKey,
  nextEntry,
  type SignedHead,
  type StoredTrail,
  signAnchor,
  signHead,
} from './chain.ts';
import type { AuditLog } from './log.ts';

type Client = Redis | Cluster;

/**
 * 1: appended; 0: the head moved (another writer), try again; a string: this id is already in the trail.
 * Stream, head and id index change together.
 */
const APPEND = `local known = redis.call('HGET', KEYS[3], ARGV[4])
if known then return known end
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return 0 end
redis.call('XADD', KEYS[2], '*', 'json', ARGV[2])
redis.call('SET', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[2])
return 1`;

/** The anchor, the trim and the id index change together. */
const PRUNE = `redis.call('SET', KEYS[2], ARGV[1])
local n = redis.call('XTRIM', KEYS[1], 'MINID', ARGV[2])
for i = 3, #ARGV do redis.call('HDEL', KEYS[3], ARGV[i]) end
return n`;

/** The smallest stream id after `id` ("ms-seq"). */
function nextStreamId(id: string): string {
  const [ms, seq] = id.split('-');
  return `${ms}-${Number(seq ?? 0) + 1}`;
}

export class RedisAuditLog implements AuditLog {
  private readonly stream: string;
  private readonly headKey: string;
  private readonly anchorKey: string;
  private readonly idsKey: string;

  readonly key: AuditKey;

  /** An options object, so a call written for the unkeyed log (`redis, prefix`) fails to compile. */
  constructor(
    private readonly redis: Client,
    opts: { key: AuditKey; prefix?: string },
  ) {
    this.key = opts.key;
    const prefix = opts.prefix ?? 'ec';
    this.stream = `${prefix}:{audit}:stream`;
    this.headKey = `${prefix}:{audit}:head`;
    this.anchorKey = `${prefix}:{audit}:anchor`;
    this.idsKey = `${prefix}:{audit}:ids`;
  }

  /** Appends from this process go one at a time; other processes are kept out by the compare-and-set. */
  private queue: Promise<unknown> = Promise.resolve();

  async append(input: AuditInput): Promise<AuditEntry> {
    return (await this.appendOnce({ ...input, id: input.id ?? randomUUID() })).entry;
  }

  appendOnce(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }> {
    const run = this.queue.then(() => this.appendNow(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async appendNow(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = await this.redis.get(this.headKey);
      const prev = raw ? (JSON.parse(raw) as SignedHead) : undefined;
      const entry = nextEntry(this.key, input, prev);
      const head = JSON.stringify(signHead(this.key, entry));
      const r = await this.redis.eval(
        APPEND,
        3,
        this.headKey,
        this.stream,
        this.idsKey,
        raw ?? '',
        JSON.stringify(entry),
        head,
        input.id,
      );
      if (r === 1) return { entry, fresh: true };
      if (typeof r === 'string') return { entry: JSON.parse(r) as AuditEntry, fresh: false };
    }
    throw new Error('audit append kept conflicting; giving up');
  }

  async read(): Promise<StoredTrail> {
    const [head, anchor] = await Promise.all([this.redis.get(this.headKey), this.redis.get(this.anchorKey)]);
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
    const parse = <T>(json: string | null): T | undefined => {
      if (!json) return undefined;
      try {
        return JSON.parse(json) as T;
      } catch {
        return { seq: -1, hash: '', mac: '' } as T; // unreadable: fails its signature check
      }
    };
    return { entries, ids, anchor: parse<Anchor>(anchor), head: parse<SignedHead>(head) };
  }

  async prune(before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const old = await this.redis.xrange(this.stream, '-', String(before.getTime() - 1), 'COUNT', 1000);
      if (!old.length) return total;
      const entries = old.map(([, fields]) => JSON.parse(fields[fields.indexOf('json') + 1]!) as AuditEntry);
      const last = entries[entries.length - 1]!;
      const anchor = JSON.stringify(signAnchor(this.key, last, before.toISOString()));
      const dropIds = entries.flatMap((e) => (e.id ? [e.id] : []));
      total += Number(
        await this.redis.eval(
          PRUNE,
          3,
          this.stream,
          this.anchorKey,
          this.idsKey,
          anchor,
          nextStreamId(old[old.length - 1]![0]),
          ...dropIds,
        ),
      );
      if (old.length < 1000) return total;
    }
  }
}
