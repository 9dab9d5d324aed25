/**
 * @module cases/redis-store
 * Cases in Redis: one JSON value per case under its own hash tag (`ec:{case:<id>}`), updated with
 * a compare-and-set script so two officers clicking at once never lose an update; a sorted set indexes them by time.
 */
import type { Cluster, Redis } from 'ioredis';
import type { Case } from './model.ts';
import type { CaseStore, Inbox, Notice } from './ports.ts';

type Client = Redis | Cluster;

const COMPARE_AND_SET = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2]) return 1 end return 0`;

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

  async create(c: Case): Promise<boolean> {
    const ok = await this.redis.set(this.key(c.id), JSON.stringify(c), 'NX');
    if (ok !== 'OK') return false;
    await this.redis.zadd(this.index, Date.parse(c.createdAt), c.id);
    return true;
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
      const next = fn(c);
      if (!next) return c;
      const swapped = await this.redis.eval(COMPARE_AND_SET, 1, this.key(id), json, JSON.stringify(next));
      if (swapped === 1) return next;
    }
    throw new Error(`case ${id} kept changing; update abandoned`);
  }

  async list(): Promise<Case[]> {
    const ids = await this.redis.zrevrange(this.index, 0, -1);
    if (!ids.length) return [];
    // One GET per case, issued together (ioredis pipelines them; on a cluster, one batch per node): MGET or
    // one explicit pipeline would cross Cluster slots.
    const results = await Promise.all(ids.map((id) => this.redis.get(this.key(id))));
    return results.flatMap((json) => (typeof json === 'string' ? [JSON.parse(json) as Case] : []));
  }
}

export class RedisInbox implements Inbox {
  constructor(
    private readonly redis: Client,
    private readonly prefix = 'ec',
  ) {}
  private key(principal: string): string {
    return `${this.prefix}:{inbox:${principal}}`;
  }
  async push(principal: string, notice: Notice): Promise<void> {
    await this.redis.rpush(this.key(principal), JSON.stringify(notice));
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
