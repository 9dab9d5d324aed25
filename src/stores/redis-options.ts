/**
 * @module stores/redis-options
 * The one place the Redis client's fault behaviour is set (single node and Cluster alike): a turn gives up
 * on an unreachable or hung store within about 2 s instead of queueing for ever, and the user is told
 * the case could not be recorded. Commands cut mid-flight are sent again on reconnect; every write they
 * make is idempotent (case create NX, version compare-and-set, audit append by record id).
 */
import type { RedisOptions } from 'ioredis';

export const STORE_TIMEOUT_MS = 2000;

export const REDIS_CLIENT_OPTIONS: RedisOptions = {
  // A hung server (paused, overloaded link): each command fails after this long.
  commandTimeout: STORE_TIMEOUT_MS,
  // A server that accepts no connection: give up on the attempt after this long.
  connectTimeout: STORE_TIMEOUT_MS,
  // A killed server: queued commands fail after one reconnection attempt, not after twenty.
  maxRetriesPerRequest: 1,
  // Commands issued while (re)connecting wait in the queue, bounded by the two settings above.
  enableOfflineQueue: true,
  retryStrategy: (times: number) => Math.min(times * 100, 1000),
};
