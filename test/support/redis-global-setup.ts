/**
 * Vitest globalSetup for the integration projects: hands the tests a REDIS_URL that answers, and the nodes of
 * a Redis Cluster — REDIS_CLUSTER_NODES when set, otherwise a local 3-master cluster started here (and
 * stopped again afterwards if this run started it). `.ci/run` starts redis-server when none answers.
 */
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain JavaScript helper shared with .ci/run
import { clusterNodesSpec, startCluster, stopCluster } from './redis-cluster.mjs';

declare module 'vitest' {
  interface ProvidedContext {
    redisUrl: string;
    /** Which store the Redis suites of this project run on (set per project in vitest.config.ts). */
    redisMode: 'standalone' | 'cluster';
    redisClusterNodes: string;
    /** Whether the cluster was started by this run (so a test may stop and restart one of its nodes). */
    redisClusterOwned: boolean;
  }
}

let started = false;

export default async function setup(project: TestProject): Promise<() => void> {
  project.provide('redisUrl', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const external = process.env.REDIS_CLUSTER_NODES;
  // Only the `cluster` project needs it: running `--project integration` alone starts nothing.
  if (project.name === 'cluster' && !external && !started) started = await startCluster();
  project.provide('redisClusterNodes', external || clusterNodesSpec());
  project.provide('redisClusterOwned', !external);
  return () => {
    if (started) stopCluster();
    started = false;
  };
}
