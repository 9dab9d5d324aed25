import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyAudit } from '../../src/audit/log.ts';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { dataNodes } from '../../src/stores/connect.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { RedisConversationStore, RedisIdempotencyStore, redisKeys } from '../../src/stores/redis.ts';
import { engineDeps } from '../support/conversation.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

const prefix = `ectest-${randomUUID().slice(0, 8)}`;
let redis: RedisClient;

beforeAll(async () => {
  redis = openTestRedis();
  await redis.ping();
});

afterAll(async () => {
  await dropKeys(redis, `${prefix}:*`);
  redis.disconnect();
});

describe('Redis stores against a real redis-server', () => {
  test('when a conversation state is saved, then it loads back equal, expires with its TTL, and deletes', async () => {
    const store = new RedisConversationStore<{ n: number }>(redis, 60, prefix);
    await store.save('slack:T1:C1:1700000000.1', { n: 1 });
    expect(await store.load('slack:T1:C1:1700000000.1')).toEqual({ n: 1 });
    const key = redisKeys.conversation(prefix, 'slack:T1:C1:1700000000.1');
    expect(key).toBe(`${prefix}:{conv:slack:T1:C1:1700000000.1}:state`);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
    await store.delete('slack:T1:C1:1700000000.1');
    expect(await store.load('slack:T1:C1:1700000000.1')).toBeUndefined();
  });

  test('when a state expires, then the next load finds nothing', async () => {
    const store = new RedisConversationStore<{ n: number }>(redis, 1, prefix);
    await store.save('short', { n: 2 });
    await redis.pexpire(redisKeys.conversation(prefix, 'short'), 10);
    await new Promise((r) => setTimeout(r, 30));
    expect(await store.load('short')).toBeUndefined();
  });

  test('when the same delivery id arrives twice, even concurrently, then exactly one is first', async () => {
    const idem = new RedisIdempotencyStore(redis, 60, prefix);
    const results = await Promise.all(Array.from({ length: 10 }, () => idem.firstSeen('Ev123')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await idem.firstSeen('Ev124')).toBe(true);
  });

  test('when the servers have dropped their scripts (SCRIPT FLUSH, a new master), then a script still runs once', async () => {
    const idem = new RedisIdempotencyStore(redis, 60, prefix);
    expect(await idem.firstSeen('EvFlush1')).toBe(true); // sent by its hash (EVALSHA) from now on
    await Promise.all(dataNodes(redis).map((node) => node.script('FLUSH')));
    // NOSCRIPT, then the text (EVAL): the answers are the script's, each delivery first seen exactly once.
    const results = await Promise.all(Array.from({ length: 5 }, () => idem.firstSeen('EvFlush2')));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await idem.firstSeen('EvFlush1')).toBe(false);
  });

  test('when a conversation runs over Redis, then state survives between turns and a repeated delivery is ignored', async () => {
    const service = new ConversationService(
      engineDeps(),
      new RedisConversationStore<ConversationState>(redis, 600, prefix),
      new RedisIdempotencyStore(redis, 600, prefix),
    );
    const first = await service.handle(
      'c1',
      { text: 'ドイツの大学に冷却型赤外線カメラを送りたい' },
      { deliveryId: 'd1' },
    );
    expect(first?.ask?.fact).toBe('counterpartyName');
    expect(
      await service.handle('c1', { text: 'ドイツの大学に冷却型赤外線カメラを送りたい' }, { deliveryId: 'd1' }),
    ).toBeNull();
    const second = await service.handle('c1', { text: 'Technical University of Munich' }, { deliveryId: 'd2' });
    expect(second?.ask?.fact).toBe('listStatus');
    const third = await service.handle('c1', { choose: 'unknown' }, { deliveryId: 'd3' });
    expect(third?.decision?.outcome).toBe('classification_needed');
    expect(third?.decision?.caseId).toMatch(/^EC-TEST-/);
  });
});

describe('the audit chain under concurrent appends (batched per process, compare-and-set across processes)', () => {
  const key = 'test-audit-key-0123456789';
  const record = (id: string) => ({ id, at: '2026-12-01T00:00:00.000Z', type: 'case.created', actor: 'slack:U1' });

  test('two writers appending at once: one unbroken chain, every record once, seq 1…n', async () => {
    const p = `${prefix}-chain`;
    const [a, b] = [new RedisAuditLog(redis, { key, prefix: p }), new RedisAuditLog(redis, { key, prefix: p })];
    const ids = Array.from({ length: 60 }, (_, i) => `r${i}`);
    // Interleaved: each log gets bursts while the other's are in flight, so batches meet a moved head.
    const written = await Promise.all(ids.map((id, i) => (i % 3 === 0 ? a : b).appendOnce(record(id))));
    expect(written.every((w) => w.fresh)).toBe(true);
    const reader = new RedisAuditLog(redis, { key, prefix: p });
    const verified = await verifyAudit(reader);
    expect(verified).toMatchObject({ ok: true, count: 60, seq: 60 });
    const trail = await reader.read();
    expect(trail.entries.map((e) => e?.id).sort()).toEqual([...ids].sort());
    expect(trail.entries.map((e) => e?.seq)).toEqual(ids.map((_, i) => i + 1));
  });

  test('a batch resent after a cut finds its records instead of writing them twice', async () => {
    const p = `${prefix}-resend`;
    const log = new RedisAuditLog(redis, { key, prefix: p });
    const first = await Promise.all(['x1', 'x2', 'x3'].map((id) => log.appendOnce(record(id))));
    // Another process (a fresh log, no cached head) sends the same records again, in one batch, with one new one.
    const other = new RedisAuditLog(redis, { key, prefix: p });
    const again = await Promise.all(['x1', 'x2', 'x3', 'x4'].map((id) => other.appendOnce(record(id))));
    expect(again.map((r) => r.fresh)).toEqual([false, false, false, true]);
    expect(again.slice(0, 3).map((r) => r.entry)).toEqual(first.map((r) => r.entry));
    expect(await verifyAudit(log)).toMatchObject({ ok: true, count: 4 });
  });

  test('the same record appended several times at once (concurrent retries of one event) is written once', async () => {
    const p = `${prefix}-same`;
    const log = new RedisAuditLog(redis, { key, prefix: p });
    // The first goes out alone; the rest queue behind it and leave as one batch holding the same id four times.
    const results = await Promise.all(['y1', 'y2', 'y2', 'y2', 'y2', 'y3'].map((id) => log.appendOnce(record(id))));
    expect(results.map((r) => r.fresh)).toEqual([true, true, false, false, false, true]);
    expect(new Set(results.slice(1, 5).map((r) => r.entry.seq)).size).toBe(1);
    const trail = await log.read();
    expect(trail.entries.map((e) => e?.id)).toEqual(['y1', 'y2', 'y3']);
    expect(await verifyAudit(log)).toMatchObject({ ok: true, count: 3 });
  });
});
