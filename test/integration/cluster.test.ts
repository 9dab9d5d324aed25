/**
 * What only a Redis Cluster shows: keys spread over every master, the runtime wired from REDIS_CLUSTER_NODES,
 * and a master going down (the user hears "cannot record", never a clearance) and coming back. Runs in the
 * `cluster` project only (vitest.config.ts); the store suites run there too.
 */
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { createRuntime, type Runtime } from '../../src/cli/wiring.ts';
import { loadConfig } from '../../src/config.ts';
import { dataNodes, deleteKeys, scanKeys } from '../../src/stores/connect.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { bundled, RULES_DIR } from '../support/fixtures.ts';
// @ts-expect-error plain JavaScript helper shared with .ci/run
import { clusterPorts, clusterState, startNode, stopNode, waitForState } from '../support/redis-cluster.mjs';
import { TEST_AUDIT_KEY } from '../support/server.ts';
import { openTestRedis, redisMode } from '../support/test-redis.ts';

const TEXT = '北京理工大学に炭素繊維のサンプルを送ります';
let redis: RedisClient;
let runtime: Runtime;
let n = 0;

const say = (text = TEXT) =>
  runtime.conversation.handle(
    `cluster-${process.pid}-${++n}`,
    { text },
    {
      requester: { principal: 'local:researcher', channel: 'terminal' },
    },
  );

beforeAll(async () => {
  redis = openTestRedis();
  await deleteKeys(redis, 'ec:*');
  runtime = createRuntime(
    loadConfig({
      REDIS_CLUSTER_NODES: inject('redisClusterNodes'),
      RULES_DIR,
      LOG_LEVEL: 'silent',
      AUDIT_KEY: TEST_AUDIT_KEY,
    }),
    { ...bundled(), log: silentLogger },
    'ja',
  )!;
});

afterAll(async () => {
  await runtime?.close();
  await deleteKeys(redis, 'ec:*');
  redis.disconnect();
});

describe.runIf(redisMode() === 'cluster')('on a 3-master Redis Cluster', () => {
  test('the cluster has three masters, and keys of different ids land on more than one of them; SCAN sees them all', async () => {
    expect(redis).toBeInstanceOf(Cluster);
    expect(dataNodes(redis)).toHaveLength(3);
    const prefix = `ectest-scan-${process.pid}`;
    await Promise.all(Array.from({ length: 60 }, (_, i) => redis.set(`${prefix}:{k${i}}`, String(i))));
    const keys = await scanKeys(redis, `${prefix}:*`);
    expect(keys.sort()).toEqual(Array.from({ length: 60 }, (_, i) => `${prefix}:{k${i}}`).sort());
    const perNode = await Promise.all(dataNodes(redis).map((node) => node.dbsize()));
    expect(perNode.filter((c) => c > 0).length).toBeGreaterThan(1);
    expect(await deleteKeys(redis, `${prefix}:*`)).toBe(60);
  });

  test('the runtime built from REDIS_CLUSTER_NODES records the case, lists it, and its audit chain verifies', async () => {
    const reply = await say();
    expect(reply?.decision?.outcome).toBe('license_required');
    const id = reply!.decision!.caseId;
    expect((await runtime.cases.list()).map((c) => c.id)).toContain(id);
    expect(await runtime.storeHealth()).toBe('redis');
    const { entries } = await runtime.audit.read();
    expect(entries.filter((e) => e?.caseId === id).map((e) => e?.type)).toEqual(['case.recorded']);
    expect((await verifyAudit(runtime.audit)).ok).toBe(true);
  });

  describe.runIf(inject('redisClusterOwned'))('a master goes down and comes back', () => {
    const ports: number[] = clusterPorts();
    const victim = ports[1]!;
    const survivors = ports.filter((p) => p !== victim);

    afterAll(async () => {
      // Whatever happened in the test, the cluster is whole again for whoever runs next.
      if (clusterState(victim) === undefined) startNode(victim);
      await waitForState('ok', ports, 60_000);
    });

    test('then the user is told the case cannot be recorded (no decision, not a clearance), /healthz says unreachable, and once the node is back the same message is decided and recorded', async () => {
      stopNode(victim);
      // The other masters mark it failed (cluster-node-timeout 2 s): from then on every slot refuses.
      await waitForState('fail', survivors, 60_000);
      const down = await say();
      expect(down?.decision).toBeNull();
      expect(down?.say).toContain('APP.STORE_UNAVAILABLE');
      expect(down?.say).toContain('許可不要という意味ではありません');
      expect(await runtime.storeHealth()).toBe('redis-unreachable');

      startNode(victim);
      await waitForState('ok', ports, 60_000);
      // The client reconnects in the background; the first messages after the restart may still fail.
      let back: Awaited<ReturnType<typeof say>> = null;
      for (let i = 0; i < 60 && !back?.decision; i++) {
        back = await say();
        if (!back?.decision) await new Promise((r) => setTimeout(r, 500));
      }
      expect(back?.decision?.outcome).toBe('license_required');
      const id = back!.decision!.caseId;
      expect((await runtime.cases.get(id)).status).toBe('open');
      expect(await runtime.storeHealth()).toBe('redis');
    });
  });
});
