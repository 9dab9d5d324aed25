/**
 * Drives a running server's /slack/events as Slack does: signed event callbacks, slash commands, block
 * actions and view submissions, with payload builders shaped like Slack's (team T1, app A1).
 */
import { eventCallback, slackSignedHeaders } from '../../src/bench/slack-request.ts';

const FORM = 'application/x-www-form-urlencoded';

export interface SlackDriver {
  /** POSTs a raw body, signed now unless `headers` say otherwise. */
  post(raw: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  /** An event callback; `extra` headers go with the signature (a retry's `x-slack-retry-num`, …). */
  event(ev: Record<string, unknown>, eventId?: string, extra?: Record<string, string>): Promise<Response>;
  slash(user: string, text: string, channel: string): Promise<Response>;
  interact(payload: Record<string, unknown>): Promise<Response>;
}

export function slackDriver(opts: { base: () => string; secret: string; fakeUrl: () => string }): SlackDriver {
  let eventNo = 0;
  const sign = (raw: string) => slackSignedHeaders(opts.secret, raw);
  const post = (raw: string, contentType: string, headers = sign(raw)) =>
    fetch(`${opts.base()}/slack/events`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': contentType, ...headers },
    });
  return {
    post,
    event: (ev, eventId = `EvDrv${++eventNo}`, extra = {}) => {
      const raw = eventCallback(ev, eventId);
      return post(raw, 'application/json', { ...sign(raw), ...extra });
    },
    slash: (user, text, channel) => post(slashBody(opts.fakeUrl(), user, text, channel), FORM),
    interact: (payload) => post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, FORM),
  };
}

/** A slash command's form body; its response_url points at the fake (recorded as `respond/<user>`). */
export function slashBody(fakeUrl: string, user: string, text: string, channel: string): string {
  return new URLSearchParams({
    command: '/exportcheck',
    text,
    user_id: user,
    channel_id: channel,
    team_id: 'T1',
    trigger_id: 'trig-cmd',
    response_url: `${fakeUrl.replace(/api\/$/, '')}respond/${user}`,
    api_app_id: 'A1',
    token: 'x',
  }).toString();
}

/** What every interaction payload carries: the team, the acting user, the app. */
const interaction = (type: string, user: string, trigger: string) => ({
  type,
  team: { id: 'T1', domain: 't1' },
  user: { id: user, username: user, team_id: 'T1' },
  api_app_id: 'A1',
  token: 'x',
  trigger_id: `trig-${trigger}-${user}`,
});

/** A block_actions payload: one action on a message of `channel` (a thread reply when `thread_ts` is set). */
export function blockAction(
  user: string,
  channel: string,
  message: { ts: string; thread_ts?: string },
  action: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...interaction('block_actions', user, String(action.action_id)),
    channel: { id: channel, name: channel },
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    message: {
      type: 'message',
      ts: message.ts,
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
      text: '',
    },
    actions: [{ block_id: 'b', action_ts: '1.1', ...action }],
  };
}

/** A view_submission payload: `values` maps block id → the input's value (`value` is every input's action id). */
export function viewSubmission(
  user: string,
  view: { callback_id: string; private_metadata: string },
  values: Record<string, { selected?: string; text?: string | null }>,
): Record<string, unknown> {
  const state = Object.fromEntries(
    Object.entries(values).map(([block, v]) => [
      block,
      {
        value:
          v.selected !== undefined
            ? { type: 'static_select', selected_option: { value: v.selected } }
            : { type: 'plain_text_input', value: v.text ?? null },
      },
    ]),
  );
  return {
    ...interaction('view_submission', user, 'view'),
    view: { id: 'V1', type: 'modal', ...view, state: { values: state } },
  };
}

/** The environment of a server in HTTP mode against the fake Web API, officers' channel C_OFF. */
export function slackServerEnv(secret: string, fakeUrl: string, extra: Record<string, string>): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: fakeUrl,
    SLACK_OFFICER_CHANNEL: 'C_OFF',
    ...extra,
  };
}
