import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { decideFacts } from '../../src/app/decide.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import { inboxNotifier, OFFICERS_INBOX } from '../../src/cases/ports.ts';
import { RedisCaseStore, RedisInbox } from '../../src/cases/redis-store.ts';
import { rolesFrom } from '../../src/cases/roles.ts';
import { CaseService } from '../../src/cases/service.ts';
import { type CaseRecorder, ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { createScreener } from '../../src/screening/screener.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { RedisConversationStore, RedisIdempotencyStore } from '../../src/stores/redis.ts';
import { codeOf } from '../support/coded-error.ts';
import { bundledContent, engineDeps } from '../support/conversation.ts';
import { bundled } from '../support/fixtures.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

const catalogue = bundledContent().messages;

let redis: RedisClient;
let prefix: string;
let clock: Date;
let cases: CaseService;
let inbox: RedisInbox;
let audit: RedisAuditLog;
let conversation: ConversationService;

const OFFICER = 'local:officer';
const RESEARCHER = 'local:researcher';
const holidays = new Set(['2026-11-23']); // 勤労感謝の日 (Monday)

beforeAll(() => {
  redis = openTestRedis();
});
afterAll(async () => {
  await dropKeys(redis, 'ectest-cases-*');
  redis.disconnect();
});

beforeEach(() => {
  prefix = `ectest-cases-${randomUUID().slice(0, 8)}`;
  clock = new Date('2026-11-20T07:00:00Z'); // Friday 16:00 JST
  inbox = new RedisInbox(redis, prefix);
  audit = new RedisAuditLog(redis, { key: 'test-audit-key-0123456789', prefix });
  cases = new CaseService({
    store: new RedisCaseStore(redis, prefix),
    audit,
    notifier: inboxNotifier(inbox),
    roles: rolesFrom({ officers: [OFFICER], admins: [] }),
    now: () => clock,
    isHoliday: (d) => holidays.has(d),
    reminders: { afterHours: 8, maxReminders: 2 },
    messages: () => catalogue,
  });
  const recorder: CaseRecorder = {
    record: (i) => cases.record(i),
    awaitingInfo: (id) => cases.awaitingInfo(id),
    correct: (input) => cases.correct(input),
    get: (id) => cases.get(id),
    giveInfo: (id, who, text) => cases.giveInfo(id, who, text),
    listVersions: () => bundled().screener.versions(),
  };
  conversation = new ConversationService(
    engineDeps(),
    new RedisConversationStore<ConversationState>(redis, 600, prefix),
    new RedisIdempotencyStore(redis, 600, prefix),
    { defaultLang: 'ja', cases: recorder },
  );
});

async function escalate(text = '北京理工大学に炭素繊維のサンプルを送ります'): Promise<string> {
  const reply = await conversation.handle(
    'conv-1',
    { text },
    { requester: { principal: RESEARCHER, channel: 'terminal' } },
  );
  expect(reply?.decision?.outcome).toBe('license_required');
  return reply!.decision!.caseId;
}

describe('cases, officers and the audit trail against a real Redis', () => {
  test('when a decision escalates, then it is an open case; an officer claims, decides and closes; the requester hears each step; the audit chain verifies', async () => {
    const id = await escalate();
    const recorded = await cases.get(id);
    expect(recorded).toMatchObject({
      status: 'open',
      requester: { principal: RESEARCHER },
      rulesVersion: expect.stringMatching(/^rules-/),
    });
    expect(recorded.facts.counterpartyName).toEqual({ value: '北京理工大学', provenance: 'extractor' });
    expect(Object.keys(recorded.listVersions)).toContain('jp-eul');
    expect((await inbox.drain(OFFICERS_INBOX)).map((n) => n.caseId)).toEqual([id]);

    expect((await cases.claim(id, OFFICER)).case.status).toBe('claimed');
    expect((await cases.decide(id, OFFICER, { kind: 'license_application' })).case.status).toBe('decided');
    expect((await cases.close(id, OFFICER)).case.status).toBe('closed');
    const told = await inbox.drain(RESEARCHER);
    expect(told.map((n) => n.en)).toEqual([
      expect.stringContaining('being reviewed'),
      expect.stringContaining('licence application is needed'),
      expect.stringContaining('is closed'),
    ]);
    const { entries } = await audit.read();
    expect(entries.map((e) => e?.type)).toEqual(['case.recorded', 'case.claimed', 'case.decided', 'case.closed']);
    expect(await verifyAudit(audit)).toMatchObject({ ok: true, count: 4 });
  });

  test('when a non-officer claims or decides, then it is refused with CASE.FORBIDDEN and the refusal is audited', async () => {
    const id = await escalate();
    expect(await codeOf(cases.claim(id, RESEARCHER))).toBe('CASE.FORBIDDEN');
    expect(await codeOf(cases.decide(id, 'slack:U999', { kind: 'stop' }))).toBe('CASE.FORBIDDEN');
    expect((await cases.get(id)).status).toBe('open');
    const { entries } = await audit.read();
    expect(entries.filter((e) => e?.type === 'case.refused')).toHaveLength(2);
  });

  test('when the same action is delivered twice, then the second changes nothing; an action on a closed case is refused', async () => {
    const id = await escalate();
    expect((await cases.claim(id, OFFICER)).changed).toBe(true);
    expect((await cases.claim(id, OFFICER)).changed).toBe(false);
    const decision = { kind: 'no_license_needed', reason: '明らかガイドラインで用途確認済み' } as const;
    expect((await cases.decide(id, OFFICER, decision)).changed).toBe(true);
    expect((await cases.decide(id, OFFICER, decision)).changed).toBe(false);
    await cases.close(id, OFFICER);
    expect(await codeOf(cases.comment(id, OFFICER, 'late note'))).toBe('CASE.CLOSED');
    expect(await codeOf(cases.decide(id, OFFICER, { kind: 'stop' }))).toBe('CASE.CLOSED');
    const { entries } = await audit.read();
    expect(entries.filter((e) => e?.type === 'case.decided')).toHaveLength(1);
    expect(await codeOf(cases.claim('EC-NOPE', OFFICER))).toBe('CASE.NOT_FOUND');
  });

  test('when the officer asks for more information, then the researcher answers in the same conversation and the case goes back to the officer', async () => {
    const id = await escalate();
    await cases.claim(id, OFFICER);
    await cases.decide(id, OFFICER, { kind: 'more_information', question: '用途を教えてください' });
    expect((await inbox.drain(RESEARCHER)).at(-1)?.ja).toContain('用途を教えてください');
    const reply = await conversation.handle(
      'conv-1',
      { text: '引張強度の比較試験にのみ使います' },
      { requester: { principal: RESEARCHER, channel: 'terminal' } },
    );
    expect(reply?.say).toContain('担当者に送りました');
    const c = await cases.get(id);
    expect(c.status).toBe('claimed');
    expect(c.comments.at(-1)).toMatchObject({ by: RESEARCHER, text: '引張強度の比較試験にのみ使います' });
  });

  test('when a case waits across a weekend and a public holiday, then reminders come after 8 business hours, at most twice', async () => {
    const id = await escalate(); // Friday 16:00 JST
    clock = new Date('2026-11-23T05:00:00Z'); // Monday 14:00 JST, a holiday: 1 business hour so far
    expect(await cases.remindDue()).toEqual([]);
    clock = new Date('2026-11-24T06:59:00Z'); // Tuesday 15:59 JST: 7h59m
    expect(await cases.remindDue()).toEqual([]);
    clock = new Date('2026-11-24T07:00:00Z'); // Tuesday 16:00 JST: 1 h Friday + 7 h Tuesday
    expect(await cases.remindDue()).toEqual([id]);
    expect(await cases.remindDue()).toEqual([]);
    clock = new Date('2026-11-25T07:00:00Z'); // Wednesday 16:00 JST: 1 h Tuesday + 7 h Wednesday
    expect(await cases.remindDue()).toEqual([id]);
    clock = new Date('2026-11-27T06:00:00Z');
    expect(await cases.remindDue()).toEqual([]); // at most 2
    const officerNotices = (await inbox.drain(OFFICERS_INBOX)).map((n) => n.en);
    expect(officerNotices.filter((t) => t.startsWith('Reminder'))).toHaveLength(2);
  });

  test('when one stored audit record is edited, then audit verify fails and names it', async () => {
    const id = await escalate();
    await cases.claim(id, OFFICER);
    await cases.decide(id, OFFICER, { kind: 'stop' });
    expect((await verifyAudit(audit)).ok).toBe(true);
    // Rewrite the stream with the same ids, one record's actor changed (as someone with Redis access could).
    const stream = `${prefix}:{audit}:stream`;
    const all = await redis.xrange(stream, '-', '+');
    await redis.del(stream);
    for (const [sid, fields] of all) {
      const e = JSON.parse(fields[1]!);
      if (e.seq === 2) e.actor = 'local:someone-else';
      await redis.xadd(stream, sid, 'json', JSON.stringify(e));
    }
    const r = await verifyAudit(audit);
    expect(r).toMatchObject({ ok: false, at: 2, problem: 'edited', id: all[1]![0] });
  });

  test('when an audit record is deleted, then verify names the gap', async () => {
    const id = await escalate();
    await cases.claim(id, OFFICER);
    await cases.decide(id, OFFICER, { kind: 'stop' });
    const stream = `${prefix}:{audit}:stream`;
    const all = await redis.xrange(stream, '-', '+');
    await redis.xdel(stream, all[1]![0]);
    expect(await verifyAudit(audit)).toMatchObject({ ok: false, at: 2, problem: 'deleted' });
  });

  test('when a list update adds the counterparty of an open case, then the case is reopened and the officers are told what changed', async () => {
    const reply = await conversation.handle(
      'conv-2',
      { text: 'ドイツの大学に冷却型赤外線カメラを送りたい' },
      { requester: { principal: RESEARCHER, channel: 'terminal' } },
    );
    expect(reply?.ask?.fact).toBe('counterpartyName');
    await conversation.handle(
      'conv-2',
      { text: 'Musterfabrik Optik GmbH' },
      { requester: { principal: RESEARCHER, channel: 'terminal' } },
    );
    const done = await conversation.handle(
      'conv-2',
      { choose: 'unknown' },
      { requester: { principal: RESEARCHER, channel: 'terminal' } },
    );
    const id = done!.decision!.caseId;
    expect(done!.decision!.screening).toEqual([]);
    await inbox.drain(OFFICERS_INBOX);

    const eul = bundled().screener;
    const { ruleSet } = bundled();
    const updated = createScreener([
      {
        list: 'jp-eul',
        kind: 'eul',
        title: 'test edition',
        date: '2026-12-01',
        source: { file: 'test.xlsx', sha256: 'f'.repeat(64), importedBy: 'test' },
        attribution: 'test',
        entries: [{ entry: 836, country: 'DE', name: 'Musterfabrik Optik GmbH', aliases: [], concerns: ['M'] }],
      },
    ]);
    expect(eul.screen('Musterfabrik Optik GmbH')).toEqual([]);
    const reopened = await cases.rescreen((c) => {
      const r = decideFacts(
        { ruleSet, screener: updated },
        Object.fromEntries(Object.entries(c.facts).map(([k, e]) => [k, e.value])),
      );
      return r.ok ? r.decision : undefined;
    });
    expect(reopened.map((c) => c.id)).toEqual([id]);
    const c = await cases.get(id);
    expect(c.status).toBe('open');
    expect(c.decision.screening.map((h) => h.entry)).toEqual([836]);
    expect((await inbox.drain(OFFICERS_INBOX)).map((n) => n.en)).toEqual([
      expect.stringContaining('jp-eul No.836 Musterfabrik Optik GmbH'),
    ]);
    const { entries } = await audit.read();
    expect(entries.at(-1)).toMatchObject({ type: 'case.reopened', actor: 'system:list-update', caseId: id });
  });
});

describe('faults', () => {
  test('when Redis is unreachable, then the user is told the case cannot be recorded, with no decision, and the bot recovers', async () => {
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
      enableOfflineQueue: false,
    });
    const down = new ConversationService(
      engineDeps(),
      new RedisConversationStore<ConversationState>(dead, 600, 'x'),
      new RedisIdempotencyStore(dead, 600, 'x'),
      { defaultLang: 'ja' },
    );
    const reply = await down.handle('c', { text: '北京理工大学に炭素繊維のサンプルを送ります' });
    expect(reply?.decision).toBeNull();
    expect(reply?.say).toContain('APP.STORE_UNAVAILABLE');
    expect(reply?.say).toContain('許可不要という意味ではありません');
    dead.disconnect();
    // The same message on a working store answers normally.
    const id = await escalate();
    expect((await cases.get(id)).status).toBe('open');
  });
});
