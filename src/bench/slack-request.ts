/**
 * @module bench/slack-request
 * Signed Slack requests as Slack sends them (v0 HMAC over `v0:<timestamp>:<body>`), and the event_callback
 * envelope, for the load benches and the tests that drive /slack/events from outside.
 */
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

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

/** The load benches' client: posts signed events on a pool of keep-alive connections and reads each answer. */
export interface LoadClient {
  /** Opens the pool's connections to `origin` before a timed run (see `loadClient`). */
  warm(origin: string): Promise<void>;
  /** Posts a signed Events API body; resolves with the HTTP status once the answer is read. */
  postEvent(url: string, raw: string): Promise<number>;
  close(): void;
}

/**
 * node:http on a keep-alive Agent rather than fetch: the driver shares the bench box's two cores with the bot,
 * and undici's fetch cost it about 1 ms of CPU per request — as much as half the bot's own — so a fetch driver
 * measured the box more than the bot. The pool holds `connections` sockets per server, as a load balancer in
 * front of it holds them: a timed run then measures messages, not TCP set-up (a busy Node process accepts one new
 * connection per event-loop turn, so 200 connections opened at once take seconds to be accepted under load).
 */
export function loadClient(secret: string, connections: number): LoadClient {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send = (url: string, method: string, body?: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const req = request(url, { method, agent, headers }, (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      });
      req.once('error', reject);
      req.end(body);
    });
  return {
    async warm(origin) {
      // All at once, so the pool opens as many sockets as it may hold.
      await Promise.all(Array.from({ length: connections }, () => send(`${origin}/healthz`, 'GET')));
    },
    postEvent: (url, raw) =>
      send(url, 'POST', raw, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(raw)),
        ...slackSignedHeaders(secret, raw),
      }),
    close: () => agent.destroy(),
  };
}
