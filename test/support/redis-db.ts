/**
 * A Redis database of its own for one integration test file (the CLI and channel tests use the fixed `ec`
 * key prefix, so they are kept apart by database number), emptied before and after the file.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, inject } from 'vitest';

export function redisDbUrl(redisUrl: string, db: number): string {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

export async function emptyRedisDb(url: string): Promise<Redis> {
  const redis = new Redis(url);
  await redis.flushdb();
  return redis;
}

/** Registers the hooks; `redis()` is the open client during the tests. */
export function useFreshRedisDb(db: number): { url: string; redis: () => Redis } {
  const url = redisDbUrl(inject('redisUrl'), db);
  let client: Redis | undefined;
  beforeAll(async () => {
    client = await emptyRedisDb(url);
  });
  afterAll(async () => {
    await client?.flushdb();
    client?.disconnect();
  });
  return { url, redis: () => client! };
}
