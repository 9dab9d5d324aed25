/**
 * The Slack app asks for exactly the scopes it uses. Every listener is driven once over HTTP against the fake
 * Web API (the researcher's DM, mention, channel and private-channel threads, the slash command in a channel
 * the bot has not joined, buttons and the country menu, the officer's card and modals, the admin's FAQ
 * modal, the Messages tab); the Web API methods the bot called and the events it answered give the scopes
 * Slack requires (test/support/slack-scopes.ts), and the manifest must declare exactly those: none missing,
 * none unused.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { parse } from 'yaml';
import { type FakeSlack, type SlackCall, startFakeSlack } from '../support/fake-slack.ts';
import { ROOT } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { blockAction, type SlackDriver, slackDriver, slackServerEnv, viewSubmission } from '../support/slack-driver.ts';
import {
  COMMAND_SCOPE,
  EVENT_SCOPES,
  METHOD_SCOPES,
  POST_IN_CHANNELS_NOT_JOINED,
  subscriptionOf,
} from '../support/slack-scopes.ts';

const SECRET = 'scopes-signing-secret';
const OFFICER_CHANNEL = 'C_OFF';
let fake: FakeSlack;
let server: TestServer;
let slack: SlackDriver;

/** The events delivered that the bot answered with a Web API call, and the channels they came from. */
const answered = new Set<string>();
const channelsWithEvents = new Set<string>([OFFICER_CHANNEL]); // operators invite the bot there (README)
let commandsUsed = 0;

async function deliver(ev: Record<string, unknown>, answer: (c: SlackCall) => boolean): Promise<SlackCall> {
  const from = fake.calls.length;
  expect((await slack.event(ev)).status).toBe(200);
  const call = await fake.waitFor(answer, from);
  answered.add(subscriptionOf(ev as { type: string; channel_type?: string }));
  if (typeof ev.channel === 'string') channelsWithEvents.add(ev.channel);
  return call;
}

async function command(user: string, text: string, channel: string, answer: (c: SlackCall) => boolean) {
  const from = fake.calls.length;
  expect((await slack.slash(user, text, channel)).status).toBe(200);
  commandsUsed++;
  return fake.waitFor(answer, from);
}

async function click(payload: Record<string, unknown>, answer: (c: SlackCall) => boolean) {
  const from = fake.calls.length;
  const res = await slack.interact(payload);
  expect(res.status).toBe(200);
  return { call: await fake.waitFor(answer, from), res };
}

const posted = (channel: string, thread?: string) => (c: SlackCall) =>
  c.method === 'chat.postMessage' && c.params.channel === channel && (!thread || c.params.thread_ts === thread);
const hasAction = (c: SlackCall, actionId: string) => JSON.stringify(c.params.blocks ?? []).includes(actionId);
const buttonsOf = (c: SlackCall) =>
  (c.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
    (b) => b.type === 'actions',
  )!.elements!;

beforeAll(async () => {
  fake = await startFakeSlack();
  server = await startTestServer(
    inject('redisUrl'),
    11,
    slackServerEnv(SECRET, fake.url, {
      OFFICERS: 'slack:U_OFF,slack:U_OFF2',
      ADMINS: 'slack:U_ADMIN',
    }),
  );
  slack = slackDriver({ base: () => server.base, secret: SECRET, fakeUrl: () => fake.url });
});
afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('Slack scopes from the Web API methods the bot calls', () => {
  test('the Messages tab, a DM conversation to its decision, and the decision card', async () => {
    await deliver(
      { type: 'app_home_opened', user: 'U_R', channel: 'D_R', tab: 'messages', event_ts: '1.1' },
      (c) => c.method === 'assistant.threads.setSuggestedPrompts',
    );
    const dm = { type: 'message', channel_type: 'im', channel: 'D_R', user: 'U_R' };
    await deliver({ ...dm, text: 'ドイツの大学に冷却型赤外線カメラを送りたい', ts: '100.1' }, posted('D_R', '100.1'));
    const q2 = await deliver(
      { ...dm, text: 'Technical University of Munich', ts: '100.2', thread_ts: '100.1' },
      posted('D_R', '100.1'),
    );
    const unknown = buttonsOf(q2).find((b) => JSON.parse(b.value).v === 'unknown')!;
    const { call: card } = await click(
      blockAction('U_R', 'D_R', { ts: '1.1', thread_ts: '100.1' }, { type: 'button', ...unknown }),
      (c) => posted('D_R', '100.1')(c) && hasAction(c, 'ec_correct'),
    );
    const correct = buttonsOf(card).find((b) => b.action_id === 'ec_correct')!;
    await click(
      blockAction('U_R', 'D_R', { ts: '1.2', thread_ts: '100.1' }, { type: 'button', ...correct }),
      (c) => posted('D_R', '100.1')(c) && String(c.params.text).includes('訂正'),
    );
    const newCase = buttonsOf(card).find((b) => b.action_id === 'ec_new')!;
    await click(
      blockAction('U_R', 'D_R', { ts: '1.3', thread_ts: '100.1' }, { type: 'button', ...newCase }),
      posted('D_R', '100.1'),
    );
  });

  test("the officer's card: a refusal, claim, take over, ask, decide and revise", async () => {
    const dm = { type: 'message', channel_type: 'im', channel: 'D_R2', user: 'U_R2' };
    await deliver({ ...dm, text: 'ドイツの大学に冷却型赤外線カメラを送りたい', ts: '110.1' }, posted('D_R2', '110.1'));
    const q2 = await deliver(
      { ...dm, text: 'Technical University of Munich', ts: '110.2', thread_ts: '110.1' },
      posted('D_R2', '110.1'),
    );
    const from = fake.calls.length;
    const unknown = buttonsOf(q2).find((b) => JSON.parse(b.value).v === 'unknown')!;
    await click(
      blockAction('U_R2', 'D_R2', { ts: '2.1', thread_ts: '110.1' }, { type: 'button', ...unknown }),
      (c) => posted(OFFICER_CHANNEL)(c) && hasAction(c, 'ec_claim'),
    );
    const cases = await server.served.runtime.cases.list();
    const c = cases.find((x) => x.requester.thread?.ts === '110.1')!;
    const officerTs = c.refs!.slackOfficerTs!;
    expect(fake.calls.slice(from).some((x) => x.method === 'chat.postMessage')).toBe(true);
    const onCard = (user: string, action_id: string) =>
      blockAction(user, OFFICER_CHANNEL, { ts: officerTs }, { type: 'button', action_id, value: c.id });

    await click(onCard('U_R2', 'ec_decide'), (x) => x.method === 'chat.postEphemeral');
    await click(onCard('U_OFF', 'ec_claim'), (x) => x.method === 'chat.update' && x.params.ts === officerTs);
    await click(onCard('U_OFF2', 'ec_take_over'), (x) => x.method === 'chat.update' && x.params.ts === officerTs);

    const { call: askModal } = await click(onCard('U_OFF2', 'ec_ask'), (x) => x.method === 'views.open');
    let at = fake.calls.length;
    const view = (modal: SlackCall) => modal.params.view as { callback_id: string; private_metadata: string };
    await slack.interact(viewSubmission('U_OFF2', view(askModal), { detail: { text: '型番を教えてください' } }));
    await fake.waitFor((x) => posted('D_R2', '110.1')(x) && String(x.params.text).includes('型番'), at);

    const { call: decideModal } = await click(onCard('U_OFF2', 'ec_decide'), (x) => x.method === 'views.open');
    at = fake.calls.length;
    await slack.interact(
      viewSubmission('U_OFF2', view(decideModal), {
        kind: { selected: 'classification' },
        result: { selected: 'not_controlled' },
        detail: { text: null },
        comment: { text: null },
      }),
    );
    await fake.waitFor((x) => posted('D_R2', '110.1')(x) && String(x.params.text).includes('非該当'), at);
    await click(onCard('U_OFF2', 'ec_revise'), (x) => x.method === 'views.open');
  });

  test('a mention in a public channel and in a private one, each continued in its thread', async () => {
    for (const [channel, channelType, ts] of [
      ['C_PUB', 'channel', '200.1'],
      ['G_PRIV', 'group', '210.1'],
    ] as const) {
      const text = '<@UBOT> ドイツの大学に冷却型赤外線カメラを送りたい';
      await deliver({ type: 'app_mention', channel, user: 'U_R', text, ts }, posted(channel, ts));
      await deliver(
        {
          type: 'message',
          channel_type: channelType,
          channel,
          user: 'U_R',
          text: 'Technical University of Munich',
          ts: `${ts}1`,
          thread_ts: ts,
        },
        (c) => posted(channel, ts)(c) && hasAction(c, 'ec_choose'),
      );
    }
  });

  test('/exportcheck in a channel the bot has not joined, answered with the country menu, and the admin FAQ modal', async () => {
    const root = await command('U_R', '炭素繊維のサンプルを海外の大学に送りたい', 'C_NEW', posted('C_NEW'));
    expect(root.params.thread_ts).toBeUndefined(); // the thread root, in a channel no event came from
    const q = await fake.waitFor((c) => posted('C_NEW')(c) && hasAction(c, 'ec_country'), 0);
    const menu = (q.params.blocks as { elements?: { options?: { value: string }[] }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.options)!;
    const germany = menu.options!.find((o) => JSON.parse(o.value).v === 'DE')!;
    await click(
      blockAction(
        'U_R',
        'C_NEW',
        { ts: '3.1', thread_ts: String(q.params.thread_ts) },
        {
          type: 'static_select',
          action_id: 'ec_country',
          selected_option: { value: germany.value, text: { type: 'plain_text', text: 'Germany' } },
        },
      ),
      (c) => posted('C_NEW', String(q.params.thread_ts))(c) && !hasAction(c, 'ec_country'),
    );

    const modal = await command('U_ADMIN', 'admin faq', 'C_NEW', (c) => c.method === 'views.open');
    const res = await slack.interact(
      viewSubmission('U_ADMIN', { callback_id: 'ec_faq_modal', private_metadata: '' }, { id: { text: 'FAQ-X' } }),
    );
    expect(modal.params.view).toMatchObject({ callback_id: 'ec_faq_modal' });
    expect(await res.json()).toMatchObject({ response_action: 'errors' }); // refused on the modal: no call
  });

  test("the manifest's events are those the bot answered, and its scopes exactly those the calls and events need", () => {
    const methods = new Set(fake.calls.filter((c) => c.webApi).map((c) => c.method));
    const unknownMethods = [...methods].filter((m) => !(m in METHOD_SCOPES));
    expect(unknownMethods, 'look up the scope of each new Web API method in slack-scopes.ts').toEqual([]);
    // Posting in a public channel the bot is not a member of (the thread root of /exportcheck) needs chat:write.public.
    const postsWhereNotJoined = fake.calls.filter(
      (c) =>
        c.method === 'chat.postMessage' &&
        /^C/.test(String(c.params.channel)) &&
        !channelsWithEvents.has(String(c.params.channel)),
    );
    const needed = new Set(
      [
        ...[...methods].map((m) => METHOD_SCOPES[m]),
        ...[...answered].map((e) => EVENT_SCOPES[e]),
        commandsUsed > 0 ? COMMAND_SCOPE : null,
        postsWhereNotJoined.length > 0 ? POST_IN_CHANNELS_NOT_JOINED : null,
      ].filter((s): s is string => typeof s === 'string'),
    );

    const manifest = parse(readFileSync(`${ROOT}manifest/slack/manifest.yaml`, 'utf8')) as {
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual([...answered].sort());
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
