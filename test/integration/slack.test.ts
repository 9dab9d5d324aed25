import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { slackSignedHeaders } from '../../src/bench/slack-request.ts';
import type { Served } from '../../src/cli/serve.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { expectCaseAudit, startTestServer, type TestServer } from '../support/server.ts';
import { blockAction, slackDriver, slackServerEnv } from '../support/slack-driver.ts';

const SECRET = 'test-signing-secret';
let fake: FakeSlack;
let served: Served;
let base: string;
let redis: Redis;
let eventNo = 0;
/** The case the end-to-end test decides, for the tests of failures on the officer's card. */
let decided: { caseId: string; officerTs: string } | undefined;

const slack = slackDriver({ base: () => base, secret: SECRET, fakeUrl: () => fake.url });
const sign = (raw: string, ts?: number) => slackSignedHeaders(SECRET, raw, ts);
const postRaw = slack.post;
const event = (ev: Record<string, unknown>, eventId = `Ev${++eventNo}`, extra: Record<string, string> = {}) =>
  slack.event(ev, eventId, extra);
const interact = slack.interact;
/** The researcher U_R mentions the bot in `channel`, starting the thread `ts`. */
const mention = (channel: string, ts: string, text: string) =>
  event({ type: 'app_mention', channel, user: 'U_R', text: `<@UBOT> ${text}`, ts });

const textOf = (c: { params: Record<string, unknown> }) => String(c.params.text ?? '');

let server: TestServer;

beforeAll(async () => {
  fake = await startFakeSlack();
  server = await startTestServer(
    inject('redisUrl'),
    10,
    slackServerEnv(SECRET, fake.url, {
      OFFICERS: 'slack:U_OFF',
      ADMINS: 'slack:U_ADMIN',
      METRICS_TOKEN: 'metrics-test-token',
    }),
  );
  ({ served, base, redis } = server);
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('Slack over HTTP against a local fake of the Web API', () => {
  test('end to end: a question in a DM → questions with buttons → decision card → officer channel → claim and decide → the researcher sees it → audited', async () => {
    const start = fake.calls.length;
    let res = await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U_R',
      text: 'ドイツの大学に冷却型赤外線カメラを送りたい',
      ts: '100.1',
    });
    expect(res.status).toBe(200);
    const q1 = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'D1' && c.params.thread_ts === '100.1',
      start,
    );
    expect(textOf(q1)).toContain('相手先の機関名');
    // A "checking…" status goes out only when the reply is slow (test/unit/slack-status.test.ts); when it does, it
    // is in the DM's language and in the message's thread.
    const status = fake.calls.slice(start).find((c) => c.method === 'assistant.threads.setStatus');
    if (status) expect(status.params).toMatchObject({ channel_id: 'D1', thread_ts: '100.1', status: '確認中…' });

    let from = fake.calls.length;
    res = await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U_R',
      text: 'Technical University of Munich',
      ts: '100.2',
      thread_ts: '100.1',
    });
    const q2 = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '100.1', from);
    const buttons = (q2.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === 'actions',
    )!.elements!;
    expect(buttons.map((b) => JSON.parse(b.value).v)).toEqual(['controlled', 'not_controlled', 'unknown']);

    from = fake.calls.length;
    const unknown = buttons[2]!;
    res = await interact(
      blockAction(
        'U_R',
        'D1',
        { ts: String(q2.params.ts ?? '1.1'), thread_ts: '100.1' },
        { type: 'button', action_id: unknown.action_id, value: unknown.value },
      ),
    );
    expect(res.status).toBe(200);
    const card = await fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.params.channel === 'D1' &&
        /判定: 該非判定が必要|Outcome: Classification needed/.test(JSON.stringify(c.params.blocks)),
      from,
    );
    const caseId = /Case id: (EC-\d{8}-\w+)|案件番号: (EC-\d{8}-\w+)/.exec(textOf(card))!.slice(1).find(Boolean)!;
    const officerPost = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'C_OFF',
      from,
    );
    expect(JSON.stringify(officerPost.params.blocks)).toContain('ec_claim');
    expect(JSON.stringify(officerPost.params.blocks)).toContain('Technical University of Munich');
    const officerTs =
      (await redis.get(`ec:{case:${caseId}}`)) &&
      JSON.parse((await redis.get(`ec:{case:${caseId}}`))!).refs.slackOfficerTs;
    expect(officerTs).toBeTruthy();

    // A researcher clicking Decide is refused; nothing opens.
    from = fake.calls.length;
    await interact(
      blockAction('U_R', 'C_OFF', { ts: officerTs }, { type: 'button', action_id: 'ec_decide', value: caseId }),
    );
    const refusal = await fake.waitFor((c) => c.method === 'chat.postEphemeral', from);
    expect(textOf(refusal)).toContain('CASE.FORBIDDEN');
    expect(fake.calls.slice(from).some((c) => c.method === 'views.open')).toBe(false);

    // The officer claims: the card is updated in place and the researcher is told in the thread.
    from = fake.calls.length;
    await interact(
      blockAction('U_OFF', 'C_OFF', { ts: officerTs }, { type: 'button', action_id: 'ec_claim', value: caseId }),
    );
    const updated = await fake.waitFor((c) => c.method === 'chat.update' && c.params.ts === officerTs, from);
    expect(JSON.stringify(updated.params.blocks)).toContain('*状況*\\n確認中'); // the status, in the officers' language
    await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'D1' && textOf(c).includes('確認しています'),
      from,
    );

    // Decide opens the modal; its submission decides the case.
    from = fake.calls.length;
    await interact(
      blockAction('U_OFF', 'C_OFF', { ts: officerTs }, { type: 'button', action_id: 'ec_decide', value: caseId }),
    );
    const modal = await fake.waitFor((c) => c.method === 'views.open', from);
    expect(modal.params.view).toMatchObject({
      callback_id: 'ec_decide_modal',
      private_metadata: JSON.stringify({ caseId, revise: false }),
    });

    from = fake.calls.length;
    const submission = {
      type: 'view_submission',
      team: { id: 'T1', domain: 't1' },
      user: { id: 'U_OFF', username: 'officer', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: 'trig-v',
      view: {
        id: 'V1',
        type: 'modal',
        callback_id: 'ec_decide_modal',
        private_metadata: caseId,
        state: {
          values: {
            kind: { value: { type: 'static_select', selected_option: { value: 'classification' } } },
            result: { value: { type: 'static_select', selected_option: { value: 'not_controlled' } } },
            detail: { value: { type: 'plain_text_input', value: null } },
            comment: { value: { type: 'plain_text_input', value: '仕様書で確認' } },
          },
        },
      },
    };
    res = await interact(submission);
    expect(res.status).toBe(200);
    const told = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'D1' && textOf(c).includes('非該当'),
      from,
    );
    expect(told.params.thread_ts).toBe('100.1');
    await fake.waitFor(
      (c) =>
        c.method === 'chat.update' && c.params.ts === officerTs && JSON.stringify(c.params.blocks).includes('判断済み'),
      from,
    );
    // The comment follows the decision: its notice comes after its audit record.
    await fake.waitFor((c) => c.method === 'chat.postMessage' && textOf(c).includes('仕様書で確認'), from);

    const c = await served.runtime.cases.get(caseId);
    expect(c).toMatchObject({
      status: 'decided',
      claimedBy: 'slack:U_OFF',
      officerDecision: { kind: 'classification', result: 'not_controlled' },
    });
    await expectCaseAudit(served, caseId, [
      'case.recorded',
      'case.refused',
      'case.claimed',
      'case.decided',
      'case.commented',
    ]);
    decided = { caseId, officerTs };
  });

  test('a turn whose reply Slack refuses is answered in its thread with APP.INTERNAL, never the error', async () => {
    fake.failOnce('chat.postMessage', 'msg_blocks_too_long');
    const from = fake.calls.length;
    await mention('C5', '500.1', '該非判定とは何ですか？');
    const safe = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.thread_ts === '500.1' && textOf(c).includes('APP.INTERNAL'),
      from,
    );
    expect(textOf(safe)).toContain('判定は出ていません');
    expect(JSON.stringify(fake.calls.slice(from))).not.toContain('msg_blocks_too_long');
  });

  test("an officer's action that fails for a reason other than the role is told privately as APP.INTERNAL", async () => {
    expect(decided).toBeDefined();
    const { caseId, officerTs } = decided!;
    fake.failOnce('views.open', 'expired_trigger_id');
    const from = fake.calls.length;
    await interact(
      blockAction('U_OFF', 'C_OFF', { ts: officerTs }, { type: 'button', action_id: 'ec_revise', value: caseId }),
    );
    const told = await fake.waitFor((c) => c.method === 'chat.postEphemeral', from);
    expect(told.params).toMatchObject({ channel: 'C_OFF', user: 'U_OFF' });
    expect(textOf(told)).toBe('APP.INTERNAL: the action failed; nothing changed.');
    expect((await served.runtime.cases.get(caseId))?.status).toBe('decided');
  });

  test('a signed app_mention in a channel is answered in its thread', async () => {
    const from = fake.calls.length;
    await mention('C1', '200.1', '北朝鮮の大学に学術書籍と文房具を送りたい。');
    const reply = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'C1' && c.params.thread_ts === '200.1',
      from,
    );
    expect(JSON.stringify(reply.params.blocks)).toContain('判定: 禁止'); // the outcome's label in the header, never its code
  });

  test('a forged signature and a stale timestamp are rejected with 401', async () => {
    const raw = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      event_id: 'EvForged',
      event: { type: 'app_mention', channel: 'C1', user: 'U', text: 'x', ts: '1.1' },
    });
    expect((await postRaw(raw, 'application/json', { ...sign(raw), 'x-slack-signature': 'v0=deadbeef' })).status).toBe(
      401,
    );
    expect((await postRaw(raw, 'application/json', sign(raw, Math.floor(Date.now() / 1000) - 600))).status).toBe(401);
  });

  test('url_verification echoes the challenge', async () => {
    const raw = JSON.stringify({ type: 'url_verification', challenge: 'chal-123', token: 'x' });
    const res = await postRaw(raw, 'application/json');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('chal-123');
  });

  test('the same event delivered twice (a Slack retry) is answered once and makes one case', async () => {
    const from = fake.calls.length;
    const ev = {
      type: 'app_mention',
      channel: 'C2',
      user: 'U_R',
      text: '<@UBOT> 北京理工大学に炭素繊維のサンプルを送ります',
      ts: '300.1',
    };
    await event(ev, 'EvDup');
    await event(ev, 'EvDup', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '300.1', from);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '300.1'),
    ).toHaveLength(1);
    const cases = (await served.runtime.cases.list()).filter((c) => c.requester.thread?.ts === '300.1');
    expect(cases).toHaveLength(1);
  });

  test('a malformed payload is refused without harm, and the next request is served', async () => {
    const res = await postRaw('payload=%7Bnot-json', 'application/x-www-form-urlencoded');
    expect(res.status).toBeGreaterThanOrEqual(400);
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, store: 'redis', rules: expect.stringMatching(/^rules-/) });
  });

  test('when the Web API answers ratelimited once, the reply is still posted', async () => {
    fake.rateLimitOnce('chat.postMessage');
    const from = fake.calls.length;
    await mention('C3', '400.1', '該非判定とは何ですか？');
    const reply = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.thread_ts === '400.1',
      from,
      8000,
    );
    expect(textOf(reply)).toContain('該非判定');
  });

  test('/exportcheck admin is for admins only: a researcher is refused (audited), an admin gets the rules status', async () => {
    const command = (user: string, text: string) => slack.slash(user, text, 'C9');
    let from = fake.calls.length;
    expect((await command('U_R', 'admin rules reload')).status).toBe(200);
    const refused = await fake.waitFor((c) => c.method.includes('respond/U_R'), from);
    expect(refused.raw).toContain('ADMIN.FORBIDDEN');
    const { entries } = await served.runtime.audit.read();
    expect(entries.at(-1)).toMatchObject({ type: 'admin.refused', actor: 'slack:U_R' });

    from = fake.calls.length;
    await command('U_ADMIN', 'admin rules status');
    const status = await fake.waitFor((c) => c.method.includes('respond/U_ADMIN'), from);
    expect(status.raw).toContain('active:');

    from = fake.calls.length;
    await command('U_ADMIN', 'admin faq');
    const modal = await fake.waitFor((c) => c.method === 'views.open', from);
    expect(modal.params.view).toMatchObject({ callback_id: 'ec_faq_modal' });
  });

  test('/metrics exposes the counters', async () => {
    const text = await (
      await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer metrics-test-token' } })
    ).text();
    expect(text).toMatch(/export_check_turns_total\{channel="slack"\} \d+/);
    expect(text).toMatch(/export_check_decisions_total\{outcome="prohibited"\} \d+/);
  });
});
