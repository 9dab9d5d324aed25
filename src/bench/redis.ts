/**
 * @module bench/redis
 * The Redis the Redis-backed benchmarks use: REDIS_URL or the local default. When it does not answer, the
 * benchmark says so in one line and is skipped, so `npm run bench` works on a machine without Redis.
 */
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';

export async function benchRedis(config: Config, skipped: string): Promise<{ redis: Redis; url: string } | undefined> {
  const url = config.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 1000 });
  try {
    await redis.connect();
    await redis.ping();
    return { redis, url };
  } catch {
    process.stdout.write(`${skipped} (${url} does not answer)\n`);
    redis.disconnect();
    return undefined;
  }
}
