/**
 * Attacks on /api/messages over HTTP against the running server: unsigned and forged activities (with and
 * without Bot Framework credentials), a foreign serviceUrl, a spoofed officer, an attempt to take over the
 * officer conversation, another user in a shared thread, malformed bodies. Each asserts what was refused and
 * that nothing was created or called.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { TEAMS_OFFICER_REF_KEY } from '../../src/channels/teams/bot.ts';
import { expectCoded } from '../support/coded-error.ts';
import { type FakeBotFramework, otherKey, startFakeBotFramework } from '../support/fake-botframework.ts';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const APP_ID = '00000000-0000-0000-0000-0000000000aa';
const OFFICER_CONV = '19:officers@thread.tacv2';
const PROHIBITED = '北朝鮮の大学に学術書籍と文房具を送りたい。';
let n = 0;

function activity(
  serviceUrl: string,
  extra: Record<string, unknown>,
  who: { id: string; aadObjectId?: string } = { id: '29:researcher', aadObjectId: 'aad-r' },
  conv = 'a:researcher-chat',
  conversationType = conv.startsWith('19:') ? 'channel' : 'personal',
) {
  return {
    type: 'message',
    id: `sec-${++n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { ...who, name: who.id },
    conversation: { id: conv, conversationType, tenantId: 'tenant-1' },
    recipient: { id: `28:${APP_ID}`, name: 'export-check' },
    locale: 'ja-JP',
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  };
}

async function post(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const invoke = (
  serviceUrl: string,
  verb: string,
  caseId: string,
  who: { id: string; aadObjectId: string },
  data: Record<string, unknown> = {},
) =>
  activity(
    serviceUrl,
    {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data: { caseId, ...data } }, trigger: 'manual' },
    },
    who,
    OFFICER_CONV,
  );

const cardOf = (c: { body: Record<string, unknown> }) => JSON.stringify(c.body.attachments ?? []);

let connector: FakeConnector;
let attacker: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  attacker = await startFakeConnector();
});
afterAll(async () => {
  await connector?.close();
  await attacker?.close();
});

describe('without Bot Framework credentials and without TEAMS_DEV_NO_AUTH', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(inject('redisUrl'), 15, { OFFICERS: 'teams:aad-officer' });
  });
  afterAll(async () => server?.close());

  test('/api/messages does not exist: 404 in the coded shape, no case, no call out', async () => {
    const from = connector.calls.length;
    for (let i = 0; i < 3; i++)
      await expectCoded(
        await post(server.base, activity(connector.serviceUrl, { text: PROHIBITED })),
        404,
        'HTTP.NOT_FOUND',
      );
    expect(await server.served.runtime.cases.list()).toEqual([]);
    expect(connector.calls.slice(from)).toEqual([]);
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { teams: string };
    expect(health.teams).toBe('off');
  });
});

describe('with Bot Framework credentials (tokens from a local fake of the Bot Framework)', () => {
  let server: TestServer;
  let bf: FakeBotFramework;
  beforeAll(async () => {
    bf = await startFakeBotFramework();
    server = await startTestServer(
      inject('redisUrl'),
      15,
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: 'tenant-1',
        OFFICERS: 'teams:aad-officer',
      },
      { teamsAuth: bf.endpoints },
    );
  });
  afterAll(async () => {
    await server?.close();
    await bf?.close();
  });
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

  test('an authenticated activity is answered through the connector its token names', async () => {
    const from = connector.calls.length;
    const res = await post(
      server.base,
      activity(connector.serviceUrl, { text: PROHIBITED }),
      bearer(bf.token({ aud: APP_ID, serviceUrl: connector.serviceUrl })),
    );
    expect(res.status).toBe(200);
    const reply = await connector.waitFor((c) => c.conversation === 'a:researcher-chat', from);
    expect(cardOf(reply)).toContain('判定: 禁止'); // the outcome's label, never its code
    expect(reply.authorization).toBe('Bearer fake-outbound-token');
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { teams: string };
    expect(health.teams).toBe('auth');
  });

  test('unsigned, forged, foreign-app and foreign-serviceUrl activities get 401; nothing is created or called', async () => {
    const before = (await server.served.runtime.cases.list()).length;
    const trail = (await server.served.runtime.audit.read()).entries.length;
    const from = connector.calls.length;
    const fromAttacker = attacker.calls.length;
    const body = (url: string) =>
      activity(url, { text: PROHIBITED }, { id: '29:x', aadObjectId: 'aad-x' }, `a:attack-${++n}`);
    const attempts: [unknown, Record<string, string>][] = [
      [body(connector.serviceUrl), {}],
      [body(connector.serviceUrl), bearer('not.a.jwt')],
      [body(connector.serviceUrl), bearer(bf.token({ aud: APP_ID, serviceUrl: connector.serviceUrl }, otherKey()))],
      [body(connector.serviceUrl), bearer(bf.token({ aud: 'another-app', serviceUrl: connector.serviceUrl }))],
      [
        body(connector.serviceUrl),
        bearer(bf.token({ aud: APP_ID, serviceUrl: connector.serviceUrl, iss: 'https://evil.test' })),
      ],
      [
        body(connector.serviceUrl),
        bearer(bf.token({ aud: APP_ID, serviceUrl: connector.serviceUrl, expSeconds: -900 })),
      ],
      // A valid token for the real connector, replayed with the attacker's serviceUrl in the activity.
      [body(attacker.serviceUrl), bearer(bf.token({ aud: APP_ID, serviceUrl: connector.serviceUrl }))],
    ];
    for (const [b, h] of attempts) await expectCoded(await post(server.base, b, h), 401, 'HTTP.UNAUTHORIZED');
    await new Promise((r) => setTimeout(r, 200));
    expect((await server.served.runtime.cases.list()).length).toBe(before);
    // Unauthenticated refusals leave no trace in the audit trail (it cannot be grown from outside).
    expect((await server.served.runtime.audit.read()).entries.length).toBe(trail);
    expect(connector.calls.slice(from)).toEqual([]);
    expect(attacker.calls.slice(fromAttacker)).toEqual([]);
  });

  test('a spoofed officer id without a token is refused (401) and the case does not move', async () => {
    const [c] = await server.served.runtime.cases.list();
    expect(c).toBeDefined();
    const res = await post(
      server.base,
      invoke(connector.serviceUrl, 'ec.claim', c!.id, { id: '29:o', aadObjectId: 'aad-officer' }),
    );
    await expectCoded(res, 401, 'HTTP.UNAUTHORIZED');
    expect((await server.served.runtime.cases.get(c!.id)).status).toBe(c!.status);
  });
});

describe('local development without auth (TEAMS_DEV_NO_AUTH=1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(inject('redisUrl'), 15, {
      TEAMS_DEV_NO_AUTH: '1',
      OFFICERS: 'teams:aad-officer',
      ADMINS: 'teams:aad-admin',
      TEAMS_OFFICER_CONVERSATION: OFFICER_CONV,
    });
  });
  afterAll(async () => server?.close());

  test('/healthz says so', async () => {
    const health = (await (await fetch(`${server.base}/healthz`)).json()) as { teams: string };
    expect(health.teams).toBe('dev-no-auth');
  });

  test('an activity naming a connector off this machine is refused before the bot runs: nothing kept, nothing sent', async () => {
    const from = connector.calls.length;
    const trail = (await server.served.runtime.audit.read()).entries.length;
    const urls = [
      'http://10.0.0.7:8080/',
      'http://169.254.169.254/latest/',
      'https://smba.trafficmanager.net/jp/',
      'http://127.0.0.1.attacker.test/',
      'not a url',
    ];
    for (const url of urls)
      await expectCoded(
        await post(server.base, activity(url, { text: PROHIBITED }, { id: '29:f', aadObjectId: 'aad-f' }, 'a:foreign')),
        403,
        'TEAMS.SERVICE_URL_REFUSED',
      );
    // Not a case, not a conversation, not a stored reference (so no later proactive send either).
    expect(await server.served.runtime.cases.list()).toEqual([]);
    expect(await server.redis.keys('*a:foreign*')).toEqual([]);
    expect(await server.redis.keys('*aad-f*')).toEqual([]);
    expect((await server.served.runtime.audit.read()).entries.length).toBe(trail);
    expect(connector.calls.slice(from)).toEqual([]);
  });

  test('a request a proxy forwarded from elsewhere is refused (403): no-auth serves this machine only', async () => {
    const from = connector.calls.length;
    const proxied: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
    ];
    for (const h of proxied)
      await expectCoded(
        await post(
          server.base,
          activity(connector.serviceUrl, { text: PROHIBITED }, { id: '29:p', aadObjectId: 'aad-p' }, 'a:proxied'),
          h,
        ),
        403,
        'HTTP.FORBIDDEN',
      );
    expect(await server.served.runtime.cases.list()).toEqual([]);
    expect(connector.calls.slice(from)).toEqual([]);
  });

  test('the officer conversation is set by an admin there, and no other activity can move it', async () => {
    const api = connector.serviceUrl;
    // Neither installing the bot nor writing in the officers' channel sets it.
    await post(
      server.base,
      activity(
        attacker.serviceUrl,
        { type: 'conversationUpdate', membersAdded: [{ id: `28:${APP_ID}` }] },
        { id: '29:m', aadObjectId: 'aad-m' },
        OFFICER_CONV,
      ),
    );
    expect(await server.served.runtime.values.get(TEAMS_OFFICER_REF_KEY)).toBeUndefined();

    let from = connector.calls.length;
    await post(
      server.base,
      activity(api, { text: 'admin teams officer-here' }, { id: '29:a', aadObjectId: 'aad-admin' }, OFFICER_CONV),
    );
    await connector.waitFor(
      (c) => c.conversation === OFFICER_CONV && String(c.body.text).includes('Escalations'),
      from,
    );
    const stored = await server.served.runtime.values.get(TEAMS_OFFICER_REF_KEY);
    expect(JSON.parse(stored!).serviceUrl).toBe(api);

    // The attacker tries every activity kind, and the admin command, from their own (loopback) connector.
    const mallory = { id: '29:mallory', aadObjectId: 'aad-mallory' };
    const fromAttacker = attacker.calls.length;
    for (const extra of [
      { type: 'conversationUpdate', membersAdded: [{ id: `28:${APP_ID}` }] },
      { type: 'installationUpdate', action: 'add' },
      { text: 'hello' },
      { text: 'admin teams officer-here' },
    ])
      expect((await post(server.base, activity(attacker.serviceUrl, extra, mallory, OFFICER_CONV))).status).toBe(200);
    const refusal = await attacker.waitFor((c) => String(c.body.text).includes('ADMIN.FORBIDDEN'), fromAttacker);
    expect(refusal.conversation).toBe(OFFICER_CONV);
    expect(await server.served.runtime.values.get(TEAMS_OFFICER_REF_KEY)).toBe(stored);
    const { entries } = await server.served.runtime.audit.read();
    expect(entries.filter((e) => e?.type === 'admin.teams_officer_conversation').map((e) => e?.actor)).toEqual([
      'teams:aad-admin',
    ]);

    // The next escalation goes to the officers' connector; the attacker's sees none of it.
    from = connector.calls.length;
    const attackerBefore = attacker.calls.length;
    await post(server.base, activity(api, { text: PROHIBITED }, { id: '29:r2', aadObjectId: 'aad-r2' }, 'a:r2'));
    const card = await connector.waitFor(
      (c) => c.conversation === OFFICER_CONV && cardOf(c).includes('ec.claim'),
      from,
    );
    expect(cardOf(card)).toContain('北朝鮮');
    expect(attacker.calls.slice(attackerBefore).map((c) => cardOf(c))).not.toContain(expect.stringContaining('北朝鮮'));
  });

  test('a non-officer card action is refused and gets no card back (no facts, no requester)', async () => {
    const from = connector.calls.length;
    await post(
      server.base,
      activity(connector.serviceUrl, { text: PROHIBITED }, { id: '29:r3', aadObjectId: 'aad-r3' }, 'a:r3'),
    );
    const reply = await connector.waitFor((c) => c.conversation === 'a:r3', from);
    const caseId = /(EC-\d{8}-\w+)/.exec(cardOf(reply))![1]!;
    const status = (await server.served.runtime.cases.get(caseId)).status;

    for (const [verb, data] of [
      ['ec.claim', {}],
      ['ec.decide', { kind: 'no_license_needed', detail: 'fine' }],
      ['ec.ask', { detail: 'what?' }],
    ] as const) {
      const res = await post(
        server.base,
        invoke(connector.serviceUrl, verb, caseId, { id: '29:mallory', aadObjectId: 'aad-mallory' }, data),
      );
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('CASE.FORBIDDEN');
      expect(text).not.toContain('application/vnd.microsoft.card.adaptive');
      expect(text).not.toMatch(/北朝鮮|aad-r3|AdaptiveCard/);
    }
    // The same through a message-back submission.
    const before = connector.calls.length;
    await post(
      server.base,
      activity(
        connector.serviceUrl,
        { value: { ec: 'officer', verb: 'ec.claim', caseId } },
        { id: '29:mallory', aadObjectId: 'aad-mallory' },
        OFFICER_CONV,
      ),
    );
    const answer = await connector.waitFor((c) => c.conversation === OFFICER_CONV, before);
    expect(String(answer.body.text)).toContain('CASE.FORBIDDEN');
    expect(JSON.stringify(answer.body)).not.toMatch(/北朝鮮|aad-r3/);
    // An activity without an AAD object id holds no role, whatever its other ids say.
    const anon = await post(
      server.base,
      invoke(connector.serviceUrl, 'ec.claim', caseId, { id: 'aad-officer' } as never),
    );
    expect(await anon.text()).toContain('CASE.FORBIDDEN');
    expect((await server.served.runtime.cases.get(caseId)).status).toBe(status);
  });

  test('in a shared channel thread only the requester answers; another user is ignored', async () => {
    const thread = '19:lab@thread.tacv2;messageid=1700000000000';
    let from = connector.calls.length;
    await post(
      server.base,
      activity(
        connector.serviceUrl,
        { text: 'ドイツの大学に冷却型赤外線カメラを送りたい' },
        { id: '29:req', aadObjectId: 'aad-req' },
        thread,
        'channel',
      ),
    );
    const q1 = await connector.waitFor((c) => c.conversation === thread, from);
    expect(cardOf(q1)).toContain('相手先の機関名');
    const state = await server.redis.get(`ec:{conv:teams:${thread}}:state`);

    from = connector.calls.length;
    const res = await post(
      server.base,
      activity(
        connector.serviceUrl,
        { value: { ec: 'text', text: 'Bauman Moscow State Technical University' } },
        { id: '29:other', aadObjectId: 'aad-other' },
        thread,
        'channel',
      ),
    );
    expect(res.status).toBe(200);
    await post(
      server.base,
      activity(
        connector.serviceUrl,
        { text: 'あ、送り先は北朝鮮でした' },
        { id: '29:other', aadObjectId: 'aad-other' },
        thread,
        'channel',
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.calls.slice(from).filter((c) => c.conversation === thread)).toEqual([]);
    expect(await server.redis.get(`ec:{conv:teams:${thread}}:state`)).toBe(state);

    await post(
      server.base,
      activity(
        connector.serviceUrl,
        { value: { ec: 'text', text: 'Technical University of Munich' } },
        { id: '29:req', aadObjectId: 'aad-req' },
        thread,
        'channel',
      ),
    );
    const q2 = await connector.waitFor((c) => c.conversation === thread, from);
    expect(cardOf(q2)).toContain('"v":"unknown"');
  });

  test('malformed requests get coded JSON errors without internals', async () => {
    const base = server.base;
    const before = (await server.served.runtime.cases.list()).length;
    await expectCoded(await post(base, '{"type": "message",'), 400, 'HTTP.BAD_REQUEST');
    await expectCoded(await post(base, '[1,2]'), 400, 'HTTP.BAD_REQUEST');
    await expectCoded(await post(base, '{"text":"no type"}'), 400, 'HTTP.BAD_REQUEST');
    await expectCoded(
      await post(base, `{"type":"message","text":"${'x'.repeat(2 * 1024 * 1024)}"}`),
      413,
      'HTTP.PAYLOAD_TOO_LARGE',
    );
    await expectCoded(
      await post(base, 'type=message', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'HTTP.UNSUPPORTED_MEDIA_TYPE',
    );
    await expectCoded(await post(base, 'hello', { 'content-type': 'text/plain' }), 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE');
    await expectCoded(await fetch(`${base}/api/messages`), 404, 'HTTP.NOT_FOUND');
    expect(await server.served.runtime.cases.list()).toHaveLength(before);
  });
});
