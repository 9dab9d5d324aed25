import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { isOrphanedStoreAbort } from './src/stores/orphaned-aborts.ts';

// Projects: `unit` needs nothing but the repo; `integration` talks to a real redis-server (started by .ci/run
// when REDIS_URL does not answer); `cluster` runs the store suites again on a real local 3-master Redis Cluster
// (started by test/support/redis-global-setup.ts unless REDIS_CLUSTER_NODES names one), after `integration`.
// Budgets are generous on purpose: CI is a loaded 2-core machine, and no test may pass or fail on speed.
// `isolate: false`: a worker imports the sources and the SDKs once for all its files instead of once per file; that
// import was most of the suite's CPU (Node 20 on the 2-core CI machine: 541 s → 238 s for the whole suite). The
// price is that module state is shared across files: no test may leave a global changed (env, stubs, spies are
// restored where a test sets them); the unit files pass in shuffled order too (--sequence.shuffle.files).
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
    // Vitest's default is one worker fewer than the cores: ONE on the 2-core CI machine, where the unit files then
    // ran one after another beside an idle core. Two workers there, as many as the cores elsewhere.
    maxWorkers: Math.max(2, availableParallelism()),
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A Redis server or cluster node the fault tests stop makes ioredis reject commands it queued for itself,
    // which nobody holds (src/stores/orphaned-aborts.ts; serve logs and survives them). That rejection says
    // nothing about our code, whose own failed commands the tests check as APP.STORE_UNAVAILABLE replies.
    // ioredis' own "Command timed out" on such a command, raised from its timer, is the same noise.
    onUnhandledError: (err) => !isOrphanedStoreAbort(err),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', isolate: false },
      },
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
          isolate: false,
          // A group of its own after `unit` (vitest runs a group's projects together only at one worker count).
          sequence: { groupOrder: 1 },
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
          isolate: false,
          // After `integration`: the fault test stops and restarts a node of the cluster.
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
