/**
 * @module stores/redis
 * Redis (ioredis) implementations of the store ports. Every key carries a hash tag ({…}) around the id
 * it belongs to, so the same code runs on Redis Cluster: a conversation's keys live in one slot, and the
 * bot's processes stay stateless behind a load balancer.
 */
import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { ConversationStore, IdempotencyStore, KeyValueStore } from '../app/ports.ts';
import { redisScript } from './scripts.ts';

export type RedisClient = Redis | Cluster;

export const redisKeys = {
  conversation: (prefix: string, id: string) => `${prefix}:{conv:${id}}:state`,
  delivery: (prefix: string, key: string) => `${prefix}:{idem:${key}}`,
  value: (prefix: string, key: string) => `${prefix}:{kv:${key}}`,
};

export class RedisConversationStore<S> implements ConversationStore<S> {
  constructor(
    private readonly redis: RedisClient,
    private readonly ttlSeconds: number,
    private readonly prefix = 'ec',
  ) {}

  async load(id: string): Promise<S | undefined> {
    const json = await this.redis.get(redisKeys.conversation(this.prefix, id));
    return json === null ? undefined : (JSON.parse(json) as S);
  }

  async save(id: string, state: S): Promise<void> {
    await this.redis.set(redisKeys.conversation(this.prefix, id), JSON.stringify(state), 'EX', this.ttlSeconds);
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(redisKeys.conversation(this.prefix, id));
  }
}

const FIRST_SEEN = redisScript(
  `local v = redis.call('GET', KEYS[1])
if not v then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end
if v == ARGV[1] then return 1 end
return 0`,
  1,
);

export class RedisIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly ttlSeconds: number,
    private readonly prefix = 'ec',
  ) {}

  async firstSeen(key: string): Promise<boolean> {
    // Atomic: of two processes receiving the same retry, exactly one wins. The winner's own token makes a
    // command resent after a cut (ioredis resends what was in flight) still count as first seen.
    const token = randomUUID();
    const r = await FIRST_SEEN.run(this.redis, [redisKeys.delivery(this.prefix, key)], [token, this.ttlSeconds]);
    return r === 1;
  }

  async forget(key: string): Promise<void> {
    await this.redis.del(redisKeys.delivery(this.prefix, key));
  }
}

export class RedisKeyValueStore implements KeyValueStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'ec',
  ) {}
  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(redisKeys.value(this.prefix, key))) ?? undefined;
  }
  async set(key: string, value: string): Promise<void> {
    await this.redis.set(redisKeys.value(this.prefix, key), value);
  }
}
