/**
 * The Redis a store suite runs on: the standalone server, or the local Redis Cluster when the test file runs
 * in the `cluster` project (vitest.config.ts runs the store suites in both).
 */
import type { RedisOptions } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';
import { createRedisClient, deleteKeys, type StoreTarget, storeTarget } from '../../src/stores/connect.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { useFreshRedisDb } from './redis-db.ts';

export const redisMode = (): 'standalone' | 'cluster' => inject('redisMode') ?? 'standalone';

export function testStoreTarget(): StoreTarget {
  return redisMode() === 'cluster'
    ? storeTarget({ REDIS_CLUSTER_NODES: inject('redisClusterNodes') })!
    : storeTarget({ REDIS_URL: inject('redisUrl') })!;
}

/** The environment a server or CLI process needs to use the same store. */
export function testStoreEnv(): Record<string, string> {
  return redisMode() === 'cluster'
    ? { REDIS_CLUSTER_NODES: inject('redisClusterNodes') }
    : { REDIS_URL: inject('redisUrl') };
}

export function openTestRedis(extra: Partial<RedisOptions> = {}): RedisClient {
  return createRedisClient(testStoreTarget(), extra);
}

/** Removes a test's keys (on every master of a cluster). */
export async function dropKeys(redis: RedisClient, pattern: string): Promise<void> {
  await deleteKeys(redis, pattern);
}

/**
 * A store of its own for a test file that uses the fixed `ec` prefix (servers, the CLI): a fresh database
 * `db` of the standalone server, or the cluster's `ec:*` keys removed before and after (cluster files run
 * one at a time). `env` is what a server or CLI process needs to use it.
 */
export function useFreshStore(db: number): { env: Record<string, string>; redis: () => RedisClient } {
  if (redisMode() !== 'cluster') {
    const fresh = useFreshRedisDb(db);
    return { env: { REDIS_URL: fresh.url }, redis: fresh.redis };
  }
  let client: RedisClient | undefined;
  beforeAll(async () => {
    client = openTestRedis();
    await deleteKeys(client, 'ec:*');
  });
  afterAll(async () => {
    if (client) await deleteKeys(client, 'ec:*');
    client?.disconnect();
  });
  return { env: { REDIS_CLUSTER_NODES: inject('redisClusterNodes') }, redis: () => client! };
}
