/**
 * @module stores/target
 * Which Redis the stores use, read from the configuration without loading the Redis client (the commands
 * that need no store stay quick to start).
 */

/** Where the stores live: one server, or the seed nodes of a cluster. */
export type StoreTarget =
  | { kind: 'standalone'; url: string }
  | { kind: 'cluster'; nodes: { host: string; port: number }[] };

/** `host:port,host:port` (IPv6 as `[::1]:7000`) → nodes; throws on anything else. */
export function parseClusterNodes(spec: string): { host: string; port: number }[] {
  const nodes = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(.+):(\d{1,5})$/.exec(s);
      if (!m || Number(m[2]) > 65535) throw new Error(`not host:port: "${s}"`);
      return { host: m[1]!.replace(/^\[(.*)\]$/, '$1'), port: Number(m[2]) };
    });
  if (!nodes.length) throw new Error('no cluster nodes');
  return nodes;
}

/** The configured store, if any: REDIS_CLUSTER_NODES wins over REDIS_URL (contract §5). */
export function storeTarget(env: {
  REDIS_URL?: string | undefined;
  REDIS_CLUSTER_NODES?: string | undefined;
}): StoreTarget | undefined {
  if (env.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: parseClusterNodes(env.REDIS_CLUSTER_NODES) };
  if (env.REDIS_URL) return { kind: 'standalone', url: env.REDIS_URL };
  return undefined;
}

/** A short description for logs and /healthz, without credentials. */
export function describeTarget(t: StoreTarget | undefined): string {
  if (!t) return 'in-memory';
  return t.kind === 'cluster' ? `redis cluster (${t.nodes.length} seed nodes)` : 'redis';
}

/** Messages of errors that mean "the store did not answer" (for APP.STORE_UNAVAILABLE). */
export const STORE_UNAVAILABLE_PATTERN =
  /max retries per request|ECONNREFUSED|Connection is closed|Command timed out|CLUSTERDOWN|TRYAGAIN|Failed to refresh slots cache|None of startup nodes is available|Cluster isn't ready/i;
