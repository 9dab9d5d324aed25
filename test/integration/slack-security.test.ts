/**
 * Attacks on /slack/events over HTTP against the running server: a replayed slash command, a timestamp
 * signed for the future, mentions in user text, another user in a shared channel thread, malformed bodies.
 * Each asserts what was refused and that nothing was created or posted.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { eventCallback, slackSignedHeaders } from '../../src/bench/slack-request.ts';
import { expectCoded } from '../support/coded-error.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { slackDriver, slackServerEnv, slashBody } from '../support/slack-driver.ts';

const SECRET = 'security-signing-secret';
let fake: FakeSlack;
let server: TestServer;
let eventNo = 0;

const now = () => Math.floor(Date.now() / 1000);
const sign = (raw: string, ts = now()) => slackSignedHeaders(SECRET, raw, ts);
const slack = slackDriver({ base: () => server.base, secret: SECRET, fakeUrl: () => fake.url });
const postRaw = slack.post;
const eventBody = (ev: Record<string, unknown>) => eventCallback(ev, `EvSec${++eventNo}`);
const event = (ev: Record<string, unknown>) => postRaw(eventBody(ev), 'application/json');
const slash = (user: string, text: string, channel = 'C_LAB') => slashBody(fake.url, user, text, channel);

const posts = (from: number, channel?: string) =>
  fake.calls.slice(from).filter((c) => c.method === 'chat.postMessage' && (!channel || c.params.channel === channel));
const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
  fake = await startFakeSlack();
  server = await startTestServer(
    inject('redisUrl'),
    7,
    slackServerEnv(SECRET, fake.url, {
      OFFICERS: 'slack:U_OFF',
    }),
  );
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('Slack request hygiene', () => {
  test('a replayed slash command (same signed request, five times) makes one root message and one case', async () => {
    const from = fake.calls.length;
    const casesBefore = (await server.served.runtime.cases.list()).length;
    const raw = slash('U_REPLAY', '北朝鮮の大学に学術書籍と文房具を送りたい。', 'C_REPLAY');
    const headers = sign(raw);
    for (let i = 0; i < 5; i++)
      expect((await postRaw(raw, 'application/x-www-form-urlencoded', headers)).status).toBe(200);
    await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'C_REPLAY' && !!c.params.thread_ts,
      from,
    );
    await settle();
    expect(posts(from, 'C_REPLAY').filter((c) => !c.params.thread_ts)).toHaveLength(1);
    expect((await server.served.runtime.cases.list()).length).toBe(casesBefore + 1);
  });

  test('a request signed with a timestamp more than five minutes ahead is refused (401); nothing happens', async () => {
    const from = fake.calls.length;
    const casesBefore = (await server.served.runtime.cases.list()).length;
    const trail = (await server.served.runtime.audit.read()).entries.length;
    for (const ahead of [6 * 60, 3600, 100 * 365 * 24 * 3600]) {
      const raw = slash('U_FUT', `北朝鮮の大学に学術書籍を送りたい ${ahead}`, 'C_FUT');
      await expectCoded(
        await postRaw(raw, 'application/x-www-form-urlencoded', sign(raw, now() + ahead)),
        401,
        'HTTP.UNAUTHORIZED',
      );
      const ev = eventBody({
        type: 'app_mention',
        channel: 'C_FUT',
        user: 'U_FUT',
        text: '<@UBOT> hi',
        ts: `${ahead}.1`,
      });
      await expectCoded(await postRaw(ev, 'application/json', sign(ev, now() + ahead)), 401, 'HTTP.UNAUTHORIZED');
    }
    // A small clock difference is still accepted.
    const raw = slash('U_FUT', '該非判定とは何ですか？', 'C_FUT');
    expect((await postRaw(raw, 'application/x-www-form-urlencoded', sign(raw, now() + 60))).status).toBe(200);
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === 'C_FUT', from);
    await settle();
    expect(posts(from, 'C_FUT')).toHaveLength(2); // the root message and the FAQ answer
    expect((await server.served.runtime.cases.list()).length).toBe(casesBefore);
    expect((await server.served.runtime.audit.read()).entries.length).toBe(trail);
  });

  test('user text is escaped in every field the bot posts, the plain-text fallback included', async () => {
    const from = fake.calls.length;
    const nasty = '<!channel> <@U_BOSS> & <https://evil.test|click> 送り先は <!here> 北朝鮮の大学に学術書籍を送りたい';
    await postRaw(slash('U_ESC', nasty, 'C_ESC'), 'application/x-www-form-urlencoded');
    await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === 'C_ESC' && !!c.params.thread_ts,
      from,
    );
    await settle();
    const sent = fake.calls.slice(from).filter((c) => c.method.startsWith('chat.'));
    expect(sent.length).toBeGreaterThan(1);
    for (const c of sent) {
      // The bot's own mention of the requester is the only markup allowed.
      const text = String(c.params.text ?? '').replace('<@U_ESC>', '');
      expect(text).not.toMatch(/<!channel>|<!here>|<@U_BOSS>|<https:\/\/evil/);
      expect(JSON.stringify(c.params.blocks ?? [])).not.toMatch(/<!channel>|<!here>|<@U_BOSS>|<https:\/\/evil/);
    }
    const root = sent.find((c) => c.params.channel === 'C_ESC' && !c.params.thread_ts)!;
    expect(String(root.params.text)).toContain('&lt;!channel&gt;');
    expect(String(root.params.text)).toContain('&amp;');
  });

  test('malformed requests to /slack/events get coded JSON errors without internals', async () => {
    await expectCoded(
      await postRaw('{"type":', 'application/json', { 'x-slack-signature': 'v0=00' }),
      401,
      'HTTP.UNAUTHORIZED',
    );
    const badJson = '{"type": "event_callback",';
    await expectCoded(await postRaw(badJson, 'application/json'), 400, 'HTTP.BAD_REQUEST');
    await expectCoded(await postRaw('hello', 'text/plain'), 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE');
    const big = `{"type":"event_callback","x":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    await expectCoded(await postRaw(big, 'application/json'), 413, 'HTTP.PAYLOAD_TOO_LARGE');
    await expectCoded(await fetch(`${server.base}/slack/events`), 405, 'HTTP.METHOD_NOT_ALLOWED');
  });

  test("Bolt's own empty answers are coded JSON too (an action no listener acknowledges: 404 after Bolt's wait)", async () => {
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 't1' },
      user: { id: 'U_X', username: 'x', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'x',
      trigger_id: 'trig-x',
      actions: [{ action_id: 'not_ours', block_id: 'b', type: 'button', value: 'v', action_ts: '1.1' }],
    };
    const raw = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await expectCoded(await postRaw(raw, 'application/x-www-form-urlencoded'), 404, 'HTTP.NOT_FOUND');
  });
});

describe('Slack channel threads', () => {
  /** A case started by U_REQ in a channel; its thread is the root message the bot posted. */
  async function startThread(channel: string) {
    const from = fake.calls.length;
    await postRaw(
      slash('U_REQ', 'ドイツの大学に冷却型赤外線カメラを送りたい', channel),
      'application/x-www-form-urlencoded',
    );
    const q1 = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.params.channel === channel && !!c.params.thread_ts,
      from,
    );
    expect(String(q1.params.text)).toContain('相手先の機関名');
    return String(q1.params.thread_ts);
  }
  const stateKey = (channel: string, ts: string) => `ec:{conv:slack:T1:${channel}:${ts}}:state`;

  test('the requester answers in the thread (message.channels) and the conversation goes on', async () => {
    const ts = await startThread('C_T1');
    const from = fake.calls.length;
    await event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C_T1',
      user: 'U_REQ',
      text: 'Technical University of Munich',
      ts: '900.2',
      thread_ts: ts,
    });
    const q2 = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === ts, from);
    expect(JSON.stringify(q2.params.blocks)).toContain('unknown');
  });

  test("another user's answer or correction in the thread is ignored: no reply, facts unchanged", async () => {
    const ts = await startThread('C_T2');
    const state = await server.redis.get(stateKey('C_T2', ts));
    expect(state).toBeTruthy();
    const from = fake.calls.length;
    await event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C_T2',
      user: 'U_OTHER',
      text: 'Bauman Moscow State Technical University',
      ts: '901.2',
      thread_ts: ts,
    });
    await event({
      type: 'message',
      channel_type: 'group',
      channel: 'C_T2',
      user: 'U_OTHER',
      text: 'あ、送り先は北朝鮮でした',
      ts: '901.3',
      thread_ts: ts,
    });
    await event({
      type: 'app_mention',
      channel: 'C_T2',
      user: 'U_OTHER',
      text: '<@UBOT> actually it goes to Iran',
      ts: '901.4',
      thread_ts: ts,
    });
    await settle();
    expect(posts(from, 'C_T2')).toEqual([]);
    expect(await server.redis.get(stateKey('C_T2', ts))).toBe(state);
  });

  test('channel messages outside a conversation thread are ignored', async () => {
    const from = fake.calls.length;
    const casesBefore = (await server.served.runtime.cases.list()).length;
    await event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C_T3',
      user: 'U_X',
      text: '北朝鮮の大学に学術書籍を送りたい',
      ts: '902.1',
    });
    await event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C_T3',
      user: 'U_X',
      text: '北朝鮮の大学に学術書籍を送りたい',
      ts: '902.3',
      thread_ts: '902.2',
    });
    await settle();
    expect(posts(from, 'C_T3')).toEqual([]);
    expect((await server.served.runtime.cases.list()).length).toBe(casesBefore);
    expect(await server.redis.keys('*C_T3*')).toEqual([]);
  });
});
