/**
 * The Redis a store suite runs on: the standalone server, or the local Redis Cluster when the test file runs
 * in the `cluster` project (vitest.config.ts runs the store suites in both).
 */
import type { RedisOptions } from 'ioredis';
import { inject } from 'vitest';
import { createRedisClient, deleteKeys, type StoreTarget, storeTarget } from '../../src/stores/connect.ts';
import type { RedisClient } from '../../src/stores/redis.ts';

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
