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

/** One message; a new conversation unless one is named (a user sending again in the same one). */
const say = (text = TEXT, conversation = `cluster-${process.pid}-${++n}`) =>
  runtime.conversation.handle(
    conversation,
    { text },
    {
      deliveryId: `cluster-d-${process.pid}-${++n}`,
      requester: { principal: 'local:researcher', channel: 'terminal' },
    },
  );

/** The coded refusal and nothing else: no decision, no question, no error text or stack trace. */
function expectCannotRecord(reply: Awaited<ReturnType<typeof say>>): void {
  expect(reply?.decision ?? null).toBeNull();
  expect(reply?.ask ?? null).toBeNull();
  expect(reply?.say).toContain('APP.STORE_UNAVAILABLE');
  expect(reply?.say).toContain('許可不要という意味ではありません');
  expect(reply?.say).not.toMatch(/Error|CLUSTERDOWN|MOVED|timed out|\bat \S+:\d+|\.ts\b|ioredis/);
}

/** The cases made for `conversation`, and their `case.recorded` audit records. */
async function recordsOf(conversation: string) {
  const cases = (await runtime.cases.list()).filter((c) => c.requester.conversationId === conversation);
  const ids = new Set(cases.map((c) => c.id));
  const { entries } = await runtime.audit.read();
  const recorded = entries.filter((e) => e?.type === 'case.recorded' && ids.has(e.caseId ?? '')).map((e) => e?.caseId);
  return { cases: cases.map((c) => c.id), recorded };
}

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

    test('then the user is told the case cannot be recorded (no decision, not a clearance), /healthz says unreachable, and once the node is back the same conversation is decided and its case recorded once', async () => {
      const early = `down-early-${process.pid}`;
      const late = `down-late-${process.pid}`;
      stopNode(victim);
      // Before the cluster notices, a turn either records (its keys on live masters) or says it cannot:
      // whichever, never a decision without its case (checked below, once the node is back).
      const first = await say(TEXT, early);
      if (!first?.decision) expectCannotRecord(first);
      // The other masters mark it failed (cluster-node-timeout 2 s): from then on every slot refuses.
      await waitForState('fail', survivors, 60_000);
      const down = await say(TEXT, late);
      expectCannotRecord(down);
      expect(await runtime.storeHealth()).toBe('redis-unreachable');

      startNode(victim);
      await waitForState('ok', ports, 60_000);
      // The client reconnects in the background; the first messages after the restart may still fail.
      const sendUntilRecorded = async (conversation: string, reply: Awaited<ReturnType<typeof say>>) => {
        for (let i = 0; i < 60 && !reply?.decision; i++) {
          await new Promise((r) => setTimeout(r, 500));
          reply = await say(TEXT, conversation);
          if (!reply?.decision) expectCannotRecord(reply);
        }
        expect(reply?.decision?.outcome).toBe('license_required');
        return reply!.decision!.caseId;
      };
      const lateId = await sendUntilRecorded(late, null);
      const earlyId = first?.decision ? first.decision.caseId : await sendUntilRecorded(early, first);
      for (const [conversation, id] of [
        [late, lateId],
        [early, earlyId],
      ] as const) {
        expect(await recordsOf(conversation)).toEqual({ cases: [id], recorded: [id] });
        expect((await runtime.cases.get(id)).status).toBe('open');
      }
      // Sent once more after it is on record: the same case, nothing new.
      const again = await say(TEXT, late);
      expect(again?.decision?.caseId).toBe(lateId);
      expect(await recordsOf(late)).toEqual({ cases: [lateId], recorded: [lateId] });
      expect((await verifyAudit(runtime.audit)).ok).toBe(true);
      expect(await runtime.storeHealth()).toBe('redis');
    });
  });
});
