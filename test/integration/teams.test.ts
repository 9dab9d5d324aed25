import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Served } from '../../src/cli/serve.ts';
import { type FakeConnector, startFakeConnector } from '../support/fake-connector.ts';
import { expectCaseAudit, startServerWith, startTestServer, type TestServer } from '../support/server.ts';

let connector: FakeConnector;
let served: Served;
let base: string;
let n = 0;

const OFFICER_CONV = '19:officers@thread.tacv2';

function activity(
  extra: Record<string, unknown>,
  who = { id: '29:researcher', aadObjectId: 'aad-r' },
  conv = 'a:researcher-chat',
) {
  return {
    type: 'message',
    id: `act-in-${++n}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { ...who, name: who.id },
    conversation: { id: conv, conversationType: conv === OFFICER_CONV ? 'channel' : 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'export-check' },
    locale: 'ja-JP',
    channelData: { tenant: { id: 'tenant-1' } },
    ...extra,
  };
}

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/messages`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const cardOf = (c: { body: Record<string, unknown> }) =>
  JSON.stringify((c.body.attachments as unknown[] | undefined) ?? []);

let server: TestServer;

beforeAll(async () => {
  connector = await startFakeConnector();
  server = await startTestServer(inject('redisUrl'), 12, {
    OFFICERS: 'teams:aad-officer',
    ADMINS: 'teams:aad-admin',
    TEAMS_OFFICER_CONVERSATION: OFFICER_CONV,
  });
  ({ served, base } = server);
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
});

describe('Teams over HTTP against a local fake Bot Connector', () => {
  test('end to end: message → card questions → decision card → proactive escalation → officer card action → the researcher sees the decision → audited', async () => {
    // botbuilder sends proactive messages as replies to a fresh continuation id; the connector treats both alike.
    // Installing the bot in the officers' channel gives the bot its conversation reference.
    let res = await post({
      ...activity(
        { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] },
        { id: '29:officer', aadObjectId: 'aad-officer' },
        OFFICER_CONV,
      ),
    });
    expect(res.status).toBe(200);

    let from = connector.calls.length;
    res = await post(activity({ text: 'ドイツの大学に冷却型赤外線カメラを送りたい' }));
    expect(res.status).toBe(200);
    const q1 = await connector.waitFor((c) => c.kind === 'reply' && c.conversation === 'a:researcher-chat', from);
    expect(cardOf(q1)).toContain('Input.Text');
    expect(cardOf(q1)).toContain('相手先の機関名');

    from = connector.calls.length;
    await post(activity({ value: { ec: 'text', text: 'Technical University of Munich' } }));
    const q2 = await connector.waitFor((c) => c.kind === 'reply', from);
    expect(cardOf(q2)).toContain('"v":"unknown"');

    from = connector.calls.length;
    await post(activity({ value: { ec: 'choose', v: 'unknown' } }));
    const decision = await connector.waitFor(
      (c) => c.kind === 'reply' && cardOf(c).includes('classification_needed'),
      from,
    );
    const caseId = /(EC-\d{8}-\w+)/.exec(cardOf(decision))![1]!;
    const escalation = await connector.waitFor((c) => c.kind !== 'update' && c.conversation === OFFICER_CONV, from);
    expect(cardOf(escalation)).toContain('ec.claim');
    expect(cardOf(escalation)).toContain('Technical University of Munich');

    // A researcher submitting the officer action is refused on the card; the case does not move.
    const invoke = (verb: string, who: { id: string; aadObjectId: string }, data: Record<string, unknown> = {}) =>
      post(
        activity(
          {
            type: 'invoke',
            name: 'adaptiveCard/action',
            value: { action: { type: 'Action.Execute', verb, data: { caseId, ...data } }, trigger: 'manual' },
          },
          who,
          OFFICER_CONV,
        ),
      );
    res = await invoke('ec.claim', { id: '29:researcher', aadObjectId: 'aad-r' });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('CASE.FORBIDDEN');
    expect((await served.runtime.cases.get(caseId)).status).toBe('open');

    // The officer claims: the refreshed card comes back in the invoke response; the researcher is told.
    from = connector.calls.length;
    res = await invoke('ec.claim', { id: '29:officer', aadObjectId: 'aad-officer' });
    const refreshed = (await res.json()) as { type: string; value: unknown };
    expect(refreshed.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(refreshed.value)).toContain('"value":"claimed"');
    await connector.waitFor(
      (c) =>
        c.kind !== 'update' && c.conversation === 'a:researcher-chat' && String(c.body.text).includes('確認しています'),
      from,
    );

    // The officer decides from the card: 非該当.
    from = connector.calls.length;
    res = await invoke(
      'ec.decide',
      { id: '29:officer', aadObjectId: 'aad-officer' },
      { kind: 'classification', result: 'not_controlled' },
    );
    expect(JSON.stringify(await res.json())).toContain('"value":"decided"');
    await connector.waitFor(
      (c) => c.kind !== 'update' && c.conversation === 'a:researcher-chat' && String(c.body.text).includes('非該当'),
      from,
    );
    await connector.waitFor((c) => c.kind === 'update' && c.conversation === OFFICER_CONV, from);

    await expectCaseAudit(served, caseId, ['case.recorded', 'case.refused', 'case.claimed', 'case.decided']);
  });

  test('the same activity delivered twice is answered once', async () => {
    const from = connector.calls.length;
    const a = activity(
      { text: '北朝鮮の大学に学術書籍と文房具を送りたい。' },
      { id: '29:dup', aadObjectId: 'aad-dup' },
      'a:dup-chat',
    );
    await post(a);
    await post(a);
    await connector.waitFor((c) => c.conversation === 'a:dup-chat' && cardOf(c).includes('prohibited'), from);
    await new Promise((r) => setTimeout(r, 200));
    expect(
      connector.calls.slice(from).filter((c) => c.conversation === 'a:dup-chat' && c.kind === 'reply'),
    ).toHaveLength(1);
  });

  test('a malformed card submission gets a clear message and changes nothing', async () => {
    const from = connector.calls.length;
    await post(activity({ value: { ec: 'choose' } }, { id: '29:m', aadObjectId: 'aad-m' }, 'a:malformed'));
    const reply = await connector.waitFor((c) => c.conversation === 'a:malformed', from);
    expect(String(reply.body.text)).toContain('CLI.INPUT_UNPARSEABLE');
  });

  test('when the connector answers 429 once, the reply still arrives', async () => {
    connector.throttleOnce();
    const from = connector.calls.length;
    await post(activity({ text: '該非判定とは何ですか？' }, { id: '29:t', aadObjectId: 'aad-t' }, 'a:throttled'));
    const reply = await connector.waitFor((c) => c.conversation === 'a:throttled', from, 30_000);
    expect(cardOf(reply)).toContain('該非判定');
  });
});

describe('Teams admin commands', () => {
  test('a non-admin is refused and audited; an admin gets the rules status and the FAQ form', async () => {
    let from = connector.calls.length;
    await post(activity({ text: 'admin rules status' }, { id: '29:x', aadObjectId: 'aad-x' }, 'a:admin-x'));
    const refused = await connector.waitFor((c) => c.conversation === 'a:admin-x', from);
    expect(String(refused.body.text)).toContain('ADMIN.FORBIDDEN');
    const { entries } = await served.runtime.audit.read();
    expect(entries.at(-1)).toMatchObject({ type: 'admin.refused', actor: 'teams:aad-x' });

    from = connector.calls.length;
    await post(activity({ text: 'admin rules status' }, { id: '29:a', aadObjectId: 'aad-admin' }, 'a:admin-a'));
    const status = await connector.waitFor((c) => c.conversation === 'a:admin-a', from);
    expect(String(status.body.text)).toContain('active:');

    from = connector.calls.length;
    await post(activity({ text: 'admin faq' }, { id: '29:a', aadObjectId: 'aad-admin' }, 'a:admin-a'));
    const form = await connector.waitFor((c) => c.conversation === 'a:admin-a', from);
    expect(cardOf(form)).toContain('answer_ja');
  });
});

describe('Teams with credentials configured', () => {
  test('a request without a valid token is refused', async () => {
    const secured = await startServerWith({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: 'tenant-1',
    });
    try {
      const body = JSON.stringify(activity({ text: 'hello' }));
      const none = await fetch(`http://127.0.0.1:${secured.port}/api/messages`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      expect(none.status).toBe(401);
      const forged = await fetch(`http://127.0.0.1:${secured.port}/api/messages`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.jwt' },
      });
      expect(forged.status).toBe(401);
    } finally {
      await secured.close();
    }
  });
});
