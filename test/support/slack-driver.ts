/**
 * Drives a running server's /slack/events as Slack does: signed event callbacks, slash commands, block
 * actions and view submissions, with payload builders shaped like Slack's (team T1, app A1).
 */
import { eventCallback, slackSignedHeaders } from '../../src/bench/slack-request.ts';

export interface SlackDriver {
  /** POSTs a raw body, signed now unless `headers` say otherwise. */
  post(raw: string, contentType: string, headers?: Record<string, string>): Promise<Response>;
  event(ev: Record<string, unknown>, eventId?: string): Promise<Response>;
  slash(user: string, text: string, channel: string): Promise<Response>;
  interact(payload: Record<string, unknown>): Promise<Response>;
}

export function slackDriver(opts: { base: string; secret: string; fakeUrl: string }): SlackDriver {
  let eventNo = 0;
  const post = (raw: string, contentType: string, headers = slackSignedHeaders(opts.secret, raw)) =>
    fetch(`${opts.base}/slack/events`, {
      method: 'POST',
      body: raw,
      headers: { 'content-type': contentType, ...headers },
    });
  const form = 'application/x-www-form-urlencoded';
  return {
    post,
    event: (ev, eventId = `EvDrv${++eventNo}`) => post(eventCallback(ev, eventId), 'application/json'),
    slash: (user, text, channel) =>
      post(
        new URLSearchParams({
          command: '/exportcheck',
          text,
          user_id: user,
          channel_id: channel,
          team_id: 'T1',
          trigger_id: `trig-cmd-${user}`,
          response_url: `${opts.fakeUrl.replace(/api\/$/, '')}respond/${user}`,
          api_app_id: 'A1',
          token: 'x',
        }).toString(),
        form,
      ),
    interact: (payload) => post(`payload=${encodeURIComponent(JSON.stringify(payload))}`, form),
  };
}

/** A block_actions payload: one action on a message of `channel` (a thread reply when `thread_ts` is set). */
export function blockAction(
  user: string,
  channel: string,
  message: { ts: string; thread_ts?: string },
  action: Record<string, unknown>,
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 't1' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    trigger_id: `trig-${user}-${action.action_id}`,
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
    type: 'view_submission',
    team: { id: 'T1', domain: 't1' },
    user: { id: user, username: user, team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    trigger_id: `trig-view-${user}`,
    view: { id: 'V1', type: 'modal', ...view, state: { values: state } },
  };
}
