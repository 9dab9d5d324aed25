/**
 * @module stores/connect
 * The one place a Redis client is built: a single server (`REDIS_URL`) or a Redis Cluster
 * (`REDIS_CLUSTER_NODES`, comma-separated host:port; when set, REDIS_URL is not used). Every client gets the
 * same bounded timeouts, so a dead server or node turns into a failed command (APP.STORE_UNAVAILABLE for the
 * user, never a clearance) within a few seconds instead of a hang.
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../app/ports.ts';
import type { RedisClient } from './redis.ts';
import { REDIS_CLIENT_OPTIONS } from './redis-options.ts';
import type { StoreTarget } from './target.ts';

export { REDIS_CLIENT_OPTIONS } from './redis-options.ts';
export { parseClusterNodes, STORE_UNAVAILABLE_PATTERN, type StoreTarget, storeTarget } from './target.ts';

/** A client for the target, with REDIS_CLIENT_OPTIONS (and `extra` on top, e.g. for tests). */
export function createRedisClient(target: StoreTarget, extra: Partial<RedisOptions> = {}): RedisClient {
  // Auto-pipelining, as on the cluster: the commands of concurrent turns issued in one tick leave in one write
  // (one syscall) instead of one each; under 200 concurrent conversations that halves the bot's write calls.
  if (target.kind === 'standalone')
    return new Redis(target.url, { ...REDIS_CLIENT_OPTIONS, enableAutoPipelining: true, ...extra });
  // The same options per node; the reconnect policy and the offline queue are the cluster client's own.
  const { retryStrategy, enableOfflineQueue, ...nodeOptions } = { ...REDIS_CLIENT_OPTIONS, ...extra };
  return new Cluster(target.nodes, {
    redisOptions: nodeOptions,
    ...(enableOfflineQueue === undefined ? {} : { enableOfflineQueue }),
    // Applies to commands the cluster client itself retries (MOVED, refresh, CLUSTERDOWN).
    maxRedirections: 8,
    retryDelayOnClusterDown: 200,
    retryDelayOnFailover: 200,
    slotsRefreshTimeout: 2000,
    // Keep trying to reach the cluster (a restart, a failover), at most one attempt a second.
    clusterRetryStrategy: (times) => Math.min(100 * times, 1000),
    // A lost node is reconnected in the background; its slots fail fast meanwhile (commandTimeout).
    clusterNodeRetryStrategy: (times: number) => {
      const delay = retryStrategy?.(times);
      return typeof delay === 'number' ? delay : Math.min(100 * times, 1000);
    },
    // No auto-pipelining: after a failover it batches commands for several slots to the old master, whose
    // MOVED replies then differ by slot, and ioredis follows a pipeline's MOVED only when every reply is the
    // same; the batch fails, and keeps failing until a lone command refreshes the slots
    // (test/integration/cluster-failover.test.ts). A command sent alone follows MOVED itself.
    enableAutoPipelining: false,
  });
}

/**
 * A client whose connection errors go to our log (at most one line every 30 s) instead of ioredis'
 * "Unhandled error event" on stderr.
 */
export function connectStore(target: StoreTarget, log: Logger): RedisClient {
  const redis = createRedisClient(target);
  let last = 0;
  redis.on('error', (err: Error) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    log.warn({ code: 'APP.STORE_UNAVAILABLE', err: err.message, store: target.kind }, 'redis unreachable; retrying');
  });
  return redis;
}

/** The servers that hold data: the one server, or every master of the cluster. */
export function dataNodes(client: RedisClient): Redis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/** Whether every server holding data answers (for /healthz): a cluster with one master down does not. */
export async function storeAnswers(client: RedisClient): Promise<boolean> {
  try {
    const nodes = dataNodes(client);
    if (!nodes.length) return false;
    await Promise.all(nodes.map((n) => n.ping()));
    return true;
  } catch {
    return false;
  }
}

/** Every key matching `pattern`, on every master (SCAN on one cluster node sees only its own slots). */
export async function scanKeys(client: RedisClient, pattern: string): Promise<string[]> {
  const out: string[] = [];
  for (const node of dataNodes(client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      out.push(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  return out;
}

/** Deletes every key matching `pattern`, one key per command (a multi-key DEL would cross cluster slots). */
export async function deleteKeys(client: RedisClient, pattern: string): Promise<number> {
  const keys = await scanKeys(client, pattern);
  await Promise.all(keys.map((k) => client.del(k)));
  return keys.length;
}
