/**
 * A failover loses nothing: on a cluster of 3 masters with one replica each (its own ports, started here and
 * stopped after; the store suites' cluster has no replicas), the bot keeps recording cases and the audit trail
 * takes records while `CLUSTER FAILOVER` is run on the replica of every master in turn, the `{audit}` one
 * first. Afterwards every acknowledged case and audit record is in the store once, each conversation made
 * one case, and the chain verifies. A turn that could not record said so (APP.STORE_UNAVAILABLE) and was sent
 * again, as the user is told to. Runs in the `cluster` project (vitest.config.ts).
 */
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import type { AuditEntry } from '../../src/audit/chain.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import type { Case } from '../../src/cases/model.ts';
import { createRuntime, type Runtime } from '../../src/cli/wiring.ts';
import { loadConfig } from '../../src/config.ts';
import { createRedisClient, deleteKeys, scanKeys, storeTarget } from '../../src/stores/connect.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { bundled, RULES_DIR } from '../support/fixtures.ts';
import { pollUntil } from '../support/poll.ts';
import {
  clusterNodesSpec,
  clusterPorts,
  haveRedisServer,
  nodeCommand,
  REPLICA_CLUSTER_BASE_PORT,
  replicaInSync,
  roleOf,
  startCluster,
  stopCluster,
  waitForReplicas,
  waitForState,
  // @ts-expect-error plain JavaScript helper shared with .ci/run
} from '../support/redis-cluster.mjs';
import { TEST_AUDIT_KEY } from '../support/server.ts';

const TEXT = '北京理工大学に炭素繊維のサンプルを送ります';
const CANNOT_RECORD = 'APP.STORE_UNAVAILABLE';
const BASE: number = REPLICA_CLUSTER_BASE_PORT;
const PORTS: number[] = clusterPorts(BASE, 1);
const installed: boolean = haveRedisServer();

let redis: RedisClient;
let runtime: Runtime;

/** The masters and their replica, from one node's CLUSTER NODES. */
function shards(): { master: number; replica: number; slots: string[] }[] {
  const lines = (nodeCommand(PORTS.find((p) => roleOf(p)) ?? BASE, 'cluster', 'nodes') ?? '')
    .split('\n')
    .map((l: string) => l.trim().split(' '));
  const port = (addr: string) => Number(/:(\d+)@/.exec(addr)?.[1]);
  return (
    lines
      // A master holds slots: a replica that the asked node has not yet heard of as one shows as a slotless master.
      .filter((f: string[]) => f[2]?.includes('master') && f.length > 8)
      .map((m: string[]) => ({
        master: port(m[1]!),
        replica: port(lines.find((f: string[]) => f[3] === m[0])?.[1] ?? ''),
        slots: m.slice(8),
      }))
  );
}

const holds = (slots: string[], slot: number) =>
  slots.some((r) => {
    const [from, to = from] = r.split('-').map(Number);
    return slot >= from! && slot <= to!;
  });

/** Fails `master` over to its replica and waits until the cluster agrees and the old master follows it. */
async function failOver(shard: { master: number; replica: number }): Promise<void> {
  // A manual failover the master could not join in time is abandoned by Redis (it waits for the replica to catch
  // up, within a time limit); asked again, it goes through. What is tested is what the bot keeps, not that timing.
  for (let attempt = 0; attempt < 5 && roleOf(shard.replica) !== 'master'; attempt++) {
    expect(nodeCommand(shard.replica, 'cluster', 'failover')).toBe('OK');
    await pollUntil(() => roleOf(shard.replica) === 'master', 15_000, 'the replica to take over').catch(
      () => undefined,
    );
  }
  await pollUntil(
    () => roleOf(shard.replica) === 'master' && roleOf(shard.master) === 'slave' && replicaInSync(shard.master),
    60_000,
    `${shard.replica} to take over from ${shard.master}`,
  );
  await waitForState('ok', PORTS, 60_000);
}

/** The user's side of the bot, several at once: each sends its message until it is recorded. */
function researchers(count: number) {
  const acked: { conversation: string; caseId: string }[] = [];
  const refused: string[] = [];
  const wrong: string[] = [];
  let stop = false;
  let n = 0;
  const one = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const conversation = `fo-${process.pid}-${w}-${i}`;
      for (let attempt = 0; ; attempt++) {
        const reply = await runtime.conversation
          .handle(
            conversation,
            { text: TEXT },
            {
              deliveryId: `d-${++n}`,
              requester: { principal: `local:r-${conversation}`, channel: 'terminal' },
            },
          )
          .catch((err: Error) => {
            wrong.push(`${conversation}: threw ${err.message}`);
            return null;
          });
        if (reply?.decision) {
          if (reply.decision.outcome !== 'license_required') wrong.push(`${conversation}: ${reply.decision.outcome}`);
          acked.push({ conversation, caseId: reply.decision.caseId });
          break;
        }
        if (!reply?.say.includes(CANNOT_RECORD)) wrong.push(`${conversation}: ${reply?.say}`);
        refused.push(conversation);
        if (attempt > 100) throw new Error(`${conversation} was never recorded`);
        await new Promise((r) => setTimeout(r, 100)); // as a user would wait before sending again
      }
    }
  };
  const running = Promise.all(Array.from({ length: count }, (_, w) => one(w)));
  return {
    acked,
    refused,
    wrong,
    finish: () => {
      stop = true;
      return running;
    },
  };
}

/** A writer of audit records with known ids; a failed append is retried with the same id until it is acked. */
function auditWriter() {
  const acked: string[] = [];
  let stop = false;
  const running = (async () => {
    for (let i = 0; !stop; i++) {
      const id = `fo-audit-${process.pid}-${i}`;
      for (let attempt = 0; ; attempt++) {
        const ok = await runtime.audit
          .appendOnce({ id, at: new Date().toISOString(), type: 'test.failover', actor: 'local:test' })
          .then(
            () => true,
            () => false,
          );
        if (ok) break;
        if (attempt > 100) throw new Error(`audit record ${id} was never appended`);
        await new Promise((r) => setTimeout(r, 100));
      }
      acked.push(id);
    }
  })();
  return {
    acked,
    finish: () => {
      stop = true;
      return running;
    },
  };
}

if (!installed) console.warn('cluster-failover.test.ts: skipped, redis-server or redis-cli is not installed');

describe.skipIf(!installed)('a failover on a Redis Cluster with replicas', () => {
  beforeAll(async () => {
    await startCluster(BASE, 1);
    // Also when an interrupted run left it running: every replica in sync before anything fails over.
    await waitForReplicas(PORTS, 3);
    const spec: string = clusterNodesSpec(BASE, 1);
    redis = createRedisClient(storeTarget({ REDIS_CLUSTER_NODES: spec })!);
    // A cluster left running by an interrupted run keeps its keys: start from none.
    await deleteKeys(redis, 'ec:*');
    runtime = createRuntime(
      loadConfig({ REDIS_CLUSTER_NODES: spec, RULES_DIR, LOG_LEVEL: 'silent', AUDIT_KEY: TEST_AUDIT_KEY }),
      { ...bundled(), log: silentLogger },
      'ja',
    )!;
  }, 120_000);

  afterAll(async () => {
    await runtime?.close();
    redis?.disconnect();
    stopCluster(BASE, 1);
  });

  test('while cases and audit records are written, every master fails over to its replica; then every acknowledged case and audit record is there once and the chain verifies', async () => {
    expect(redis).toBeInstanceOf(Cluster);
    const auditSlot = Number(nodeCommand(BASE, 'cluster', 'keyslot', 'ec:{audit}:stream'));
    // The node asked may hear of the replicas a moment after they synced (gossip): wait for its view to settle.
    await pollUntil(
      () => {
        const view = shards();
        return view.length === 3 && view.every((s) => PORTS.includes(s.replica));
      },
      30_000,
      'the cluster view to show three masters with their replicas',
    );
    const order = shards().sort((a, b) => Number(holds(b.slots, auditSlot)) - Number(holds(a.slots, auditSlot)));
    expect(order).toHaveLength(3);
    expect(holds(order[0]!.slots, auditSlot)).toBe(true);
    expect(order.every((s) => PORTS.includes(s.replica))).toBe(true);

    const users = researchers(4);
    const trail = auditWriter();
    const progress = async (from: { cases: number; audit: number }, what: string) =>
      pollUntil(
        () => users.acked.length >= from.cases + 8 && trail.acked.length >= from.audit + 8,
        60_000,
        `cases and audit records to be acknowledged ${what}`,
      );
    await progress({ cases: 0, audit: 0 }, 'before the first failover');
    for (const shard of order) {
      await failOver(shard);
      // The client follows the MOVED replies to the new master: writing goes on.
      await progress({ cases: users.acked.length, audit: trail.acked.length }, `after ${shard.replica} took over`);
    }
    await Promise.all([users.finish(), trail.finish()]);
    expect(users.wrong).toEqual([]);

    // Read back through `redis`, a client that sat idle through the failovers (as another instance might):
    // its first commands go to the old masters and must follow their MOVED replies, batched reads too.
    // Every case in the store, by conversation: exactly the acknowledged one for each conversation.
    const stored = (await Promise.all((await scanKeys(redis, 'ec:{case:*}')).map((k) => redis.get(k)))).map(
      (j) => JSON.parse(j!) as Case,
    );
    const byConversation = new Map<string, string[]>();
    for (const c of stored)
      byConversation.set(c.requester.conversationId, [...(byConversation.get(c.requester.conversationId) ?? []), c.id]);
    expect(Object.fromEntries(byConversation)).toEqual(
      Object.fromEntries(users.acked.map((a) => [a.conversation, [a.caseId]])),
    );
    // The case index lists each once.
    const listed = (await runtime.cases.list()).map((c) => c.id);
    expect(listed.sort()).toEqual(users.acked.map((a) => a.caseId).sort());

    // The audit trail: one `case.recorded` per case, each written record once, and the chain verifies.
    const { entries } = await runtime.audit.read();
    const recorded = entries.filter((e): e is AuditEntry => e?.type === 'case.recorded').map((e) => e.caseId);
    expect(recorded.sort()).toEqual(users.acked.map((a) => a.caseId).sort());
    const written = entries.filter((e): e is AuditEntry => e?.type === 'test.failover').map((e) => e.id);
    expect(written.sort()).toEqual([...trail.acked].sort());
    const ids = entries.flatMap((e) => (e?.id ? [e.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    expect(await verifyAudit(runtime.audit)).toMatchObject({ ok: true });
    // Each former replica is a master now, and the cluster is whole.
    expect(order.map((s) => roleOf(s.replica))).toEqual(['master', 'master', 'master']);
  });
});
