import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
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
