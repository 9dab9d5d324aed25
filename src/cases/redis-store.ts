/**
 * @module cases/redis-store
 * Cases in Redis: one JSON value per case under its own hash tag (`ec:{case:<id>}`), updated with a
 * compare-and-set on the case version (one key, one script) so of two officers clicking at once one wins
 * and the other sees the result; a sorted set indexes them by time.
 */
import type { Cluster, Redis } from 'ioredis';
import { redisScript } from '../stores/scripts.ts';
import type { Case } from './model.ts';
import type { CaseStore, Created, Inbox, Notice } from './ports.ts';

type Client = Redis | Cluster;

/** Writes ARGV[2] only if the stored case is still at version ARGV[1] (0: a case from before versions). */
const COMPARE_AND_SET = redisScript(
  `local cur = redis.call('GET', KEYS[1])
if not cur then return -1 end
local v = cjson.decode(cur)['version']
if type(v) ~= 'number' then v = 0 end
if v ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
return 1`,
  1,
);

/** {1, settled} when the case was written; {0, settled, the stored case} when its id was taken. */
const CREATE = redisScript(
  `local settled = tonumber(redis.call('GET', KEYS[2]) or '0')
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then return {1, settled} end
return {0, settled, redis.call('GET', KEYS[1])}`,
  2,
);

const MARK_SETTLED = redisScript(
  `if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`,
  1,
);

export class RedisCaseStore implements CaseStore {
  constructor(
    private readonly redis: Client,
    private readonly prefix = 'ec',
  ) {}

  private key(id: string): string {
    return `${this.prefix}:{case:${id}}`;
  }
  private get index(): string {
    return `${this.prefix}:cases:index`;
  }

  /** The case and its settled mark share a slot: one script writes the one and reads the other. */
  async create(c: Case): Promise<Created> {
    const [r] = await Promise.all([
      CREATE.run(this.redis, [this.key(c.id), `${this.key(c.id)}:settled`], [JSON.stringify(c)]),
      // The index is another slot, written alongside. Indexed either way: a retry after a cut between the two
      // writes still lists the case.
      this.redis.zadd(this.index, 'NX', Date.parse(c.createdAt), c.id),
    ]);
    const [created, settled, json] = r as [1, number] | [0, number, string];
    return created === 1
      ? { created: true, settled }
      : { created: false, existing: JSON.parse(json!) as Case, settled };
  }

  async get(id: string): Promise<Case | undefined> {
    const json = await this.redis.get(this.key(id));
    return json ? (JSON.parse(json) as Case) : undefined;
  }

  /** Compare-and-set in one Lua call: the write happens only if the case is still what `fn` saw. */
  async update(id: string, fn: (c: Case) => Case | undefined): Promise<Case | undefined> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const json = await this.redis.get(this.key(id));
      if (!json) return undefined;
      const c = JSON.parse(json) as Case;
      const changed = fn(c);
      if (!changed) return c;
      const version = c.version ?? 0;
      const next = { ...changed, version: version + 1 };
      const swapped = await COMPARE_AND_SET.run(this.redis, [this.key(id)], [String(version), JSON.stringify(next)]);
      if (swapped === 1) return next;
      if (swapped === -1) return undefined;
    }
    throw new Error(`case ${id} kept changing; update abandoned`);
  }

  async settledVersion(id: string): Promise<number> {
    return Number((await this.redis.get(`${this.key(id)}:settled`)) ?? 0);
  }
  /** Only ever moves forward (one key, one script). */
  async markSettled(id: string, version: number): Promise<void> {
    await MARK_SETTLED.run(this.redis, [`${this.key(id)}:settled`], [String(version)]);
  }

  async list(): Promise<Case[]> {
    const ids = await this.redis.zrevrange(this.index, 0, -1);
    if (!ids.length) return [];
    // One GET per case, issued together (they go out back to back on each connection, without waiting for
    // each other): MGET or one explicit pipeline would cross Cluster slots.
    const results = await Promise.all(ids.map((id) => this.redis.get(this.key(id))));
    return results.flatMap((json) => (typeof json === 'string' ? [JSON.parse(json) as Case] : []));
  }
}

const NOTICE_ID_TTL_SECONDS = 7 * 24 * 3600;
const PUSH_ONCE = redisScript(
  `if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[2]) then redis.call('RPUSH', KEYS[1], ARGV[1]) return 1 end
return 0`,
  2,
);

export class RedisInbox implements Inbox {
  constructor(
    private readonly redis: Client,
    private readonly prefix = 'ec',
  ) {}
  private key(principal: string): string {
    return `${this.prefix}:{inbox:${principal}}`;
  }
  /** With a notice id, a push resent after a cut adds nothing (marker and list share the slot). */
  async push(principal: string, notice: Notice): Promise<void> {
    if (!notice.id) {
      await this.redis.rpush(this.key(principal), JSON.stringify(notice));
      return;
    }
    await PUSH_ONCE.run(
      this.redis,
      [this.key(principal), `${this.key(principal)}:sent:${notice.id}`],
      [JSON.stringify(notice), NOTICE_ID_TTL_SECONDS],
    );
  }
  async drain(principal: string): Promise<Notice[]> {
    const [[, items]] = ((await this.redis
      .multi()
      .lrange(this.key(principal), 0, -1)
      .del(this.key(principal))
      .exec()) ?? [[null, []]]) as [[Error | null, string[]]];
    return (items ?? []).map((j) => JSON.parse(j) as Notice);
  }
}
