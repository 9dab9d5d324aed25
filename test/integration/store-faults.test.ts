/**
 * Honest under faults, through the real server and its Redis connection settings, with a TCP proxy in
 * front of Redis: connections cut right after a write reached Redis (the client never hears back), Redis
 * killed mid-turn, Redis hung mid-turn. After each, the researcher sends the message again, as told to.
 * Nothing is lost (the case, its audit record, the officers' notice), nothing is duplicated, and every
 * reply is true: a decision only for a case that is on record, otherwise APP.STORE_UNAVAILABLE.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { AuditEntry } from '../../src/audit/chain.ts';
import type { Case } from '../../src/cases/model.ts';
import type { Reply } from '../../src/conversation/types.ts';
import { emptyRedisDb, redisDbUrl } from '../support/redis-db.ts';
import { startServerWith } from '../support/server.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const DB = 7;
const TEXT = '北京理工大学に炭素繊維のサンプルを送ります';
let proxy: TcpProxy;
let redis: Redis;
let served: Awaited<ReturnType<typeof startServerWith>>;
let base: string;
let n = 0;

beforeAll(async () => {
  const target = new URL(inject('redisUrl'));
  redis = await emptyRedisDb(redisDbUrl(inject('redisUrl'), DB));
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
  served = await startServerWith({ REDIS_URL: proxy.url(DB), OFFICERS: 'local:officer' });
  base = `http://127.0.0.1:${served.port}`;
});
afterAll(async () => {
  proxy.up();
  proxy.resume();
  await served.close();
  await proxy.close();
  await redis.flushdb();
  redis.disconnect();
});

const turn = (conversation: string, deliveryId: string): Promise<Reply | null> =>
  served.runtime.conversation.handle(
    conversation,
    { text: TEXT },
    { deliveryId, requester: { principal: `local:r-${conversation}`, channel: 'terminal' } },
  );

/**
 * Scripts go by their hash (EVALSHA), so a text of a script's own source ('XADD' of the audit append,
 * 'cjson.decode' of the case compare-and-set) is on the wire only when the server lacks the script: it forgets
 * them first, the client's EVALSHA is answered NOSCRIPT (nothing written), and the text follows (EVAL), cut.
 */
async function forgetScriptsFor(text: string): Promise<void> {
  if (text === 'XADD' || text === 'cjson.decode') await redis.script('FLUSH');
}

/** What Redis holds for one conversation, read past the proxy. */
async function recordsOf(conversation: string) {
  const cases = (await Promise.all((await redis.keys('ec:{case:*}')).map((k) => redis.get(k))))
    .map((j) => JSON.parse(j!) as Case)
    .filter((c) => c.requester.conversationId === conversation);
  const ids = new Set(cases.map((c) => c.id));
  const audit = (await redis.xrange('ec:{audit}:stream', '-', '+'))
    .map(([, f]) => JSON.parse(f[1]!) as AuditEntry)
    .filter((e) => e.caseId && ids.has(e.caseId));
  const notices = (await redis.lrange('ec:{inbox:officers}', 0, -1))
    .map((j) => JSON.parse(j) as { caseId: string })
    .filter((x) => ids.has(x.caseId));
  return { cases, audit, notices };
}

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function healthy(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await health()).status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the store did not come back');
}

/** The researcher's side: send; if told the case could not be recorded, send again. */
async function sendUntilRecorded(conversation: string, first: Reply | null) {
  const replies = [first];
  if (!first?.decision) replies.push(await turn(conversation, `again-${++n}`));
  const last = replies.at(-1);
  expect(last?.decision?.caseId).toMatch(/^EC-\d{8}-/);
  return { replies, caseId: last!.decision!.caseId };
}

/** Exactly one case, one `case.recorded` record and one officers' notice; every reply was true. */
async function expectExactlyOnce(conversation: string, replies: (Reply | null)[], caseId: string) {
  const { cases, audit, notices } = await recordsOf(conversation);
  expect(cases.map((c) => c.id)).toEqual([caseId]);
  expect(audit.filter((e) => e.type === 'case.recorded').map((e) => e.caseId)).toEqual([caseId]);
  expect(notices.map((x) => x.caseId)).toEqual([caseId]);
  for (const r of replies) {
    if (r?.decision) expect(r.decision.caseId).toBe(caseId);
    else expect(r?.say).toContain('APP.STORE_UNAVAILABLE');
  }
}

describe('a connection cut right after a write reached Redis', () => {
  test.each([
    ['the delivery id', '{idem:'],
    ['the conversation state read', '{conv:'],
    ['the case create', '{case:'],
    ['the audit append', 'XADD'],
    ['the officers’ notice', '{inbox:officers}'],
  ])('after %s: one case, one audit record, one notice; the reply is true', async (_what, text) => {
    const conversation = `cut-${++n}`;
    await forgetScriptsFor(text);
    const cut = proxy.cutAfter(text);
    const first = await turn(conversation, `d-${n}`);
    await cut;
    await healthy();
    const { replies, caseId } = await sendUntilRecorded(conversation, first);
    await expectExactlyOnce(conversation, replies, caseId);
    // A retry after the case is on record tells the researcher so, and still makes nothing new.
    const again = await turn(conversation, `late-${n}`);
    await expectExactlyOnce(conversation, [...replies, again], caseId);
    expect(again?.say).toContain(`${caseId} として記録済みです`);
  });
});

describe('Redis killed mid-turn', () => {
  test('the turn ends with APP.STORE_UNAVAILABLE, /healthz says degraded; after the restart the retry finds the case it made', async () => {
    const conversation = `killed-${++n}`;
    const killed = proxy.cutAfter('{case:').then(() => proxy.down());
    const first = await turn(conversation, `d-${n}`);
    await killed;
    expect(first?.decision ?? null).toBeNull();
    expect(first?.say).toContain('APP.STORE_UNAVAILABLE');
    expect(first?.say).toContain('許可不要という意味ではありません');
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'degraded', store: 'unreachable', ok: false });

    proxy.up();
    await healthy();
    const { replies, caseId } = await sendUntilRecorded(conversation, first);
    await expectExactlyOnce(conversation, replies, caseId);
    // The case the cut left half made is the one the retry reports, and the researcher is told it is on record.
    expect(replies.at(-1)?.say).toContain(caseId);
  });
});

describe('Redis hung mid-turn', () => {
  test('the turn ends with APP.STORE_UNAVAILABLE while Redis does not answer, /healthz answers degraded; after it resumes, one case', async () => {
    const conversation = `paused-${++n}`;
    await healthy();
    proxy.pause();
    const first = await turn(conversation, `d-${n}`);
    expect(first?.decision ?? null).toBeNull();
    expect(first?.say).toContain('APP.STORE_UNAVAILABLE');
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'degraded', store: 'unreachable' });

    proxy.resume();
    await healthy();
    const { replies, caseId } = await sendUntilRecorded(conversation, first);
    await expectExactlyOnce(conversation, replies, caseId);
  });
});

describe('an officer decision cut after it reached Redis', () => {
  test.each([
    ['the case write', 'cjson.decode'],
    ['the audit append', 'XADD'],
    ['the researcher’s notice', '{inbox:local:r-'],
  ])('after %s: the retried decision is applied, audited and told once', async (_what, text) => {
    const conversation = `decide-${++n}`;
    const caseId = (await turn(conversation, `d-${n}`))!.decision!.caseId;
    await forgetScriptsFor(text);
    const cut = proxy.cutAfter(text);
    const decide = () => served.runtime.cases.decide(caseId, 'local:officer', { kind: 'license_application' });
    const first = await decide().then(
      () => 'applied',
      (err: Error) => err.message,
    );
    await cut;
    await healthy();
    if (first !== 'applied') await decide();
    // And once more, as an officer clicking again would: nothing new.
    expect((await decide()).changed).toBe(false);
    const { audit } = await recordsOf(conversation);
    expect(audit.filter((e) => e.type === 'case.decided')).toHaveLength(1);
    const told = (await redis.lrange(`ec:{inbox:local:r-${conversation}}`, 0, -1)).map((j) => JSON.parse(j).en);
    expect(told.filter((t: string) => t.includes('licence application'))).toHaveLength(1);
    expect((await served.runtime.cases.get(caseId)).status).toBe('decided');
  });
});
