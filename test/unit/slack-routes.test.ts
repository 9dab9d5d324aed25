/**
 * The listener routes on a real Bolt App (events fed to processEvent, no receiver): each payload reaches the
 * one listener registered for its type or id, an action is acknowledged before it, and an action or view of
 * an id nobody registered reaches nothing and is not acknowledged (Bolt's constraint names only ours).
 */
import { App } from '@slack/bolt';
import { describe, expect, test } from 'vitest';
import { slackRoutes } from '../../src/channels/slack/routes.ts';

const quiet = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => 'warn' as never,
  setName() {},
};

function routedApp() {
  const app = new App({
    receiver: { init() {}, start: async () => undefined, stop: async () => undefined },
    authorize: async () => ({ botToken: 'xoxb-1', botUserId: 'UBOT', botId: 'BBOT' }),
    convoStore: false,
    logger: quiet,
  });
  const seen: string[] = [];
  const routes = slackRoutes();
  routes.message(async ({ message }) => {
    seen.push(`message ${'channel_type' in message ? message.channel_type : ''}`);
  });
  routes.message(async () => {
    seen.push('message, second listener');
  });
  routes.event('app_mention', async ({ event }) => {
    seen.push(`mention ${event.text}`);
  });
  routes.action(/^ec_choose:\d+$/, async ({ action }) => {
    seen.push(`choose ${action.action_id}`);
  });
  routes.action('ec_new', async () => {
    seen.push('new case');
  });
  routes.view('ec_ask_modal', async ({ ack, view }) => {
    await ack();
    seen.push(`view ${view.callback_id}`);
  });
  routes.mount(app);
  const deliver = async (body: Record<string, unknown>) => {
    let acked = 0;
    await app.processEvent({ body, ack: async () => void acked++ });
    return acked;
  };
  return { seen, deliver };
}

const event = (ev: Record<string, unknown>) => ({ type: 'event_callback', team_id: 'T1', event_id: 'Ev1', event: ev });
const action = (actionId: string) => ({
  type: 'block_actions',
  team: { id: 'T1' },
  user: { id: 'U1' },
  trigger_id: 't',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b', action_ts: '1', value: 'v' }],
});
const view = (callbackId: string) => ({
  type: 'view_submission',
  team: { id: 'T1' },
  user: { id: 'U1' },
  view: { id: 'V1', callback_id: callbackId, private_metadata: '', state: { values: {} } },
});

describe('Slack routes: one Bolt listener per payload kind', () => {
  test('an event reaches the listeners of its type only; both message listeners see a message', async () => {
    const { seen, deliver } = routedApp();
    await deliver(event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'hi', ts: '1.1' }));
    await deliver(event({ type: 'app_mention', channel: 'C1', user: 'U1', text: '<@UBOT> hi', ts: '1.2' }));
    await deliver(event({ type: 'reaction_added', user: 'U1', reaction: 'x', item: {}, event_ts: '1.3' }));
    expect(seen).toEqual(['message im', 'message, second listener', 'mention <@UBOT> hi']);
  });

  test('an action reaches its listener by exact id or pattern, acknowledged; an unknown id reaches nothing, unacknowledged', async () => {
    const { seen, deliver } = routedApp();
    expect(await deliver(action('ec_choose:3'))).toBe(1);
    expect(await deliver(action('ec_new'))).toBe(1);
    expect(await deliver(action('ec_choose:x'))).toBe(0);
    expect(await deliver(action('ec_new_other'))).toBe(0);
    expect(seen).toEqual(['choose ec_choose:3', 'new case']);
  });

  test('a view submission reaches its listener by callback_id; another callback_id reaches nothing', async () => {
    const { seen, deliver } = routedApp();
    expect(await deliver(view('ec_ask_modal'))).toBe(1);
    expect(await deliver(view('ec_other_modal'))).toBe(0);
    expect(seen).toEqual(['view ec_ask_modal']);
  });

  test('an id registered twice, or a pattern that is not anchored, is refused at registration', () => {
    const routes = slackRoutes();
    routes.action('ec_new', async () => undefined);
    expect(() => routes.action('ec_new', async () => undefined)).toThrow('registered twice');
    expect(() => routes.action(/ec_choose:\d+/, async () => undefined)).toThrow('anchored');
  });
});
