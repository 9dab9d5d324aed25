/**
 * @module audit/redis-log
 * The audit trail in a Redis Stream. An append is a compare-and-set on the signed head (the last seq and
 * hash), so two processes never fork the chain, and is idempotent by record id (a retried append after a
 * cut finds its record instead of writing it twice). Stream, head, anchor and the id index share the
 * `{audit}` hash tag: one Cluster slot, so each script touches one slot.
 */
import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { redisScript } from '../stores/scripts.ts';
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
 * 1: appended; {0, head}: the head moved (another writer), try again on the head returned; a string: this id
 * is already in the trail. Stream, head and id index change together.
 */
const APPEND = redisScript(
  `local known = redis.call('HGET', KEYS[3], ARGV[4])
if known then return known end
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return {0, head} end
redis.call('XADD', KEYS[2], '*', 'json', ARGV[2])
redis.call('SET', KEYS[1], ARGV[3])
redis.call('HSET', KEYS[3], ARGV[4], ARGV[2])
return 1`,
  3,
);

/**
 * Several records chained by this process in one compare-and-set: ARGV = expected head, then (id, entry, head)
 * per record. 1: all appended; {0, head}: the head moved; -1: one of the ids is already in the trail (a retry
 * after a cut), so the caller appends them one by one with APPEND, which answers each.
 */
const APPEND_MANY = redisScript(
  `for i = 2, #ARGV, 3 do
  if redis.call('HEXISTS', KEYS[3], ARGV[i]) == 1 then return -1 end
end
local head = redis.call('GET', KEYS[1]) or ''
if head ~= ARGV[1] then return {0, head} end
for i = 2, #ARGV, 3 do
  redis.call('XADD', KEYS[2], '*', 'json', ARGV[i + 1])
  redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
end
redis.call('SET', KEYS[1], ARGV[#ARGV])
return 1`,
  3,
);

/** At most this many records in one script call (a burst after a stall is written in a few calls). */
const MAX_BATCH = 64;

/** The anchor, the trim and the id index change together. */
const PRUNE = redisScript(
  `redis.call('SET', KEYS[2], ARGV[1])
local n = redis.call('XTRIM', KEYS[1], 'MINID', ARGV[2])
for i = 3, #ARGV do redis.call('HDEL', KEYS[3], ARGV[i]) end
return n`,
  3,
);

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
  /**
   * The head this process last wrote or saw. An append starts from it instead of reading the head first, so it
   * costs one round trip, not two: appends queue behind each other, and under load each round trip waits its
   * turn in the event loop. When another process moved the head, the script says so and hands back the head.
   */
  private lastHead: string | undefined;

  async append(input: AuditInput): Promise<AuditEntry> {
    return (await this.appendOnce({ ...input, id: input.id ?? randomUUID() })).entry;
  }

  /**
   * Appends waiting behind the one in flight are written together: the chain is one sequence for the whole
   * deployment, so one at a time it would be the ceiling of every process's decisions per second.
   */
  private waiting: {
    input: AuditInput & { id: string };
    resolve: (r: { entry: AuditEntry; fresh: boolean }) => void;
    reject: (err: unknown) => void;
  }[] = [];

  appendOnce(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (this.waiting.length === 1) this.queue = this.queue.then(() => this.writeWaiting());
    });
  }

  private async writeWaiting(): Promise<void> {
    const batch = this.waiting.splice(0, MAX_BATCH);
    if (!batch.length) return;
    if (this.waiting.length) this.queue = this.queue.then(() => this.writeWaiting());
    try {
      const results = batch.length === 1 ? [await this.appendNow(batch[0]!.input)] : await this.appendMany(batch);
      for (const [i, b] of batch.entries()) b.resolve(results[i]!);
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  }

  /** One compare-and-set for the batch; records already in the trail fall back to one at a time. */
  private async appendMany(
    batch: readonly { input: AuditInput & { id: string } }[],
  ): Promise<{ entry: AuditEntry; fresh: boolean }[]> {
    // The same id twice in one batch (concurrent retries of one event) must be written once: the script checks
    // the ids against the trail before writing any, so such a batch goes one by one, where APPEND answers each.
    if (new Set(batch.map((b) => b.input.id)).size < batch.length) return this.oneByOne(batch);
    let raw = this.lastHead ?? (await this.redis.get(this.headKey)) ?? '';
    for (let attempt = 0; attempt < 50; attempt++) {
      let prev: SignedHead | undefined = raw ? (JSON.parse(raw) as SignedHead) : undefined;
      const entries: AuditEntry[] = [];
      const args: string[] = [raw];
      for (const { input } of batch) {
        const entry = nextEntry(this.key, input, prev);
        prev = signHead(this.key, entry);
        entries.push(entry);
        args.push(input.id, JSON.stringify(entry), JSON.stringify(prev));
      }
      const r = await APPEND_MANY.run(this.redis, [this.headKey, this.stream, this.idsKey], args).catch(
        (err: unknown) => {
          this.lastHead = undefined;
          throw err;
        },
      );
      if (r === 1) {
        this.lastHead = args[args.length - 1];
        return entries.map((entry) => ({ entry, fresh: true }));
      }
      if (r === -1) return this.oneByOne(batch);
      raw = Array.isArray(r) && typeof r[1] === 'string' ? r[1] : ((await this.redis.get(this.headKey)) ?? '');
      this.lastHead = raw;
    }
    throw new Error('audit append kept conflicting; giving up');
  }

  private async oneByOne(
    batch: readonly { input: AuditInput & { id: string } }[],
  ): Promise<{ entry: AuditEntry; fresh: boolean }[]> {
    const out: { entry: AuditEntry; fresh: boolean }[] = [];
    for (const { input } of batch) out.push(await this.appendNow(input));
    return out;
  }

  private async appendNow(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }> {
    let raw = this.lastHead ?? (await this.redis.get(this.headKey)) ?? '';
    for (let attempt = 0; attempt < 50; attempt++) {
      const prev = raw ? (JSON.parse(raw) as SignedHead) : undefined;
      const entry = nextEntry(this.key, input, prev);
      const head = JSON.stringify(signHead(this.key, entry));
      const r = await APPEND.run(
        this.redis,
        [this.headKey, this.stream, this.idsKey],
        [raw, JSON.stringify(entry), head, input.id],
      ).catch((err: unknown) => {
        // Cut mid-flight: whether it was written is unknown, so the next append reads the head again.
        this.lastHead = undefined;
        throw err;
      });
      if (r === 1) {
        this.lastHead = head;
        return { entry, fresh: true };
      }
      if (typeof r === 'string') return { entry: JSON.parse(r) as AuditEntry, fresh: false };
      raw = Array.isArray(r) && typeof r[1] === 'string' ? r[1] : ((await this.redis.get(this.headKey)) ?? '');
      this.lastHead = raw;
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
        await PRUNE.run(
          this.redis,
          [this.stream, this.anchorKey, this.idsKey],
          [anchor, nextStreamId(old[old.length - 1]![0]), ...dropIds],
        ),
      );
      if (old.length < 1000) return total;
    }
  }
}
