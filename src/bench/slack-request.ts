/**
 * @module bench/slack-request
 * Signed Slack requests as Slack sends them (v0 HMAC over `v0:<timestamp>:<body>`), and the event_callback
 * envelope, for the load benches and the tests that drive /slack/events from outside.
 */
import { createHmac } from 'node:crypto';

/** The two headers Slack signs a request with; `ts` in seconds, now by default. */
export function slackSignedHeaders(
  secret: string,
  raw: string,
  ts = Math.floor(Date.now() / 1000),
): Record<'x-slack-request-timestamp' | 'x-slack-signature', string> {
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', secret).update(`v0:${ts}:${raw}`).digest('hex')}`,
  };
}

/** An Events API envelope (team T1, app A1) around one event. */
export function eventCallback(ev: Record<string, unknown>, eventId: string): string {
  return JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    api_app_id: 'A1',
    event_id: eventId,
    event_time: 1,
    event: ev,
  });
}

/**
 * Opens `n` keep-alive connections to a server before a timed run, as a load balancer in front of it holds
 * them: the run then measures messages, not TCP set-up (a busy Node process accepts one new connection per
 * event-loop turn, so 200 connections opened at once take seconds to be accepted under load).
 */
export async function warmConnections(origin: string, n: number): Promise<void> {
  await Promise.all(Array.from({ length: n }, () => fetch(`${origin}/healthz`).then((r) => r.arrayBuffer())));
}
