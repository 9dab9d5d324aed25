/**
 * Corrections re-decide the same case against a real Redis (and, in the `cluster` project, a Redis Cluster:
 * the case, its settled mark, the inbox and the audit keys of one operation each stay in one hash slot), and
 * through the real command: `chat --jsonl` then `cases show` shows the corrected facts on the same case id.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import { RedisCaseStore, RedisInbox } from '../../src/cases/redis-store.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { RedisConversationStore, RedisIdempotencyStore } from '../../src/stores/redis.ts';
import { caseCorrectionSuite } from '../support/case-correction.ts';
import { cliRunner } from '../support/cli.ts';
import { dropKeys, openTestRedis, useFreshStore } from '../support/test-redis.ts';

let redis: RedisClient;
beforeAll(() => {
  redis = openTestRedis();
});
afterAll(async () => {
  await dropKeys(redis, 'ectest-correct-*');
  redis.disconnect();
});

describe('a correction re-decides the same case (Redis)', () => {
  caseCorrectionSuite(() => {
    const prefix = `ectest-correct-${randomUUID().slice(0, 8)}`;
    return {
      cases: new RedisCaseStore(redis, prefix),
      inbox: new RedisInbox(redis, prefix),
      audit: new RedisAuditLog(redis, { key: 'test-audit-key-0123456789', prefix }),
      conversations: new RedisConversationStore<ConversationState>(redis, 600, prefix),
      idempotency: new RedisIdempotencyStore(redis, 600, prefix),
    };
  });
});

const store = useFreshStore(11);
const run = cliRunner({
  ...store.env,
  OFFICERS: 'local:officer',
  EXPORT_CHECK_USER: 'researcher',
  AUDIT_KEY: 'cli-test-audit-key-0123456789',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-cli-correct-')),
});

test('`chat --jsonl` with a correction after the decision: both decisions carry the same case id, and `cases show` has the corrected facts and the correction in its history', async () => {
  const lines = [
    { text: '来月、北京理工大学に炭素繊維のサンプルを送りたいのですが' },
    { text: '訂正：品目は炭素繊維のプリプレグでした' },
  ];
  const chat = await run(['chat', '--jsonl'], `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  expect(chat.code).toBe(0);
  const [first, second] = chat.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(first.decision.outcome).toBe('license_required');
  const id = first.decision.caseId as string;
  expect(second.decision.caseId).toBe(id);
  expect(second.say).toContain('訂正しました：内容 炭素繊維のサンプル → 炭素繊維のプリプレグ');
  expect(second.say).toContain(`案件 ${id} を訂正後の内容で更新しました`);

  const list = await run(['cases', 'list']);
  expect(
    list.out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('EC-')),
  ).toHaveLength(1);
  const shown = await run(['cases', 'show', id]);
  expect(shown.out).toContain('itemDescription = "炭素繊維のプリプレグ"');
  expect(shown.out).not.toContain('炭素繊維のサンプル"');
  expect(shown.out).toMatch(
    /corrected \(itemDescription: 炭素繊維のサンプル → 炭素繊維のプリプレグ; outcome: license_required → license_required\) by local:researcher/,
  );
  expect((await run(['audit', 'verify'])).code).toBe(0);
});
