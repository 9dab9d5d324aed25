import { defineConfig } from 'vitest/config';
import { isOrphanedStoreAbort } from './src/stores/orphaned-aborts.ts';

// Projects: `unit` needs nothing but the repo; `integration` talks to a real redis-server (started by .ci/run
// when REDIS_URL does not answer); `cluster` runs the store suites again on a real local 3-master Redis Cluster
// (started by test/support/redis-global-setup.ts unless REDIS_CLUSTER_NODES names one), after `integration`.
// Budgets are generous on purpose: CI is a loaded 2-core machine, and no test may pass or fail on speed.
const STORE_SUITES = [
  'test/integration/redis-stores.test.ts',
  'test/integration/cases.test.ts',
  'test/integration/survey.test.ts',
  'test/integration/shared-rules.test.ts',
  'test/integration/one-decision.test.ts',
  'test/integration/audit-tamper.test.ts',
  'test/integration/two-instances.test.ts',
  'test/integration/cluster.test.ts',
  'test/integration/case-correction.test.ts',
  // Starts a cluster of its own with replicas (test/support/redis-cluster.mjs), only here.
  'test/integration/cluster-failover.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A Redis server or cluster node the fault tests stop makes ioredis reject commands it queued for itself,
    // which nobody holds (src/stores/orphaned-aborts.ts; serve logs and survives them). That rejection says
    // nothing about our code, whose own failed commands the tests check as APP.STORE_UNAVAILABLE replies.
    onUnhandledError: (err) => !isOrphanedStoreAbort(err),
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: ['test/integration/cluster.test.ts', 'test/integration/cluster-failover.test.ts'],
          globalSetup: ['test/support/redis-global-setup.ts'],
          provide: { redisMode: 'standalone' },
          testTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: STORE_SUITES,
          globalSetup: ['test/support/redis-global-setup.ts'],
          provide: { redisMode: 'cluster' },
          testTimeout: 180_000,
          fileParallelism: false,
          // After `integration`: the fault test stops and restarts a node of the cluster.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
