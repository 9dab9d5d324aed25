/**
 * A local fake of the Slack Web API: every `POST /api/<method>` (form-encoded, as WebClient sends it) is
 * recorded with its parameters (JSON fields such as `blocks` and `view` decoded) and answered like Slack.
 * `rateLimitOnce(method)` makes the next call of a method answer 429 with Retry-After, as Slack does;
 * `failOnce(method, error)` makes it answer `{ ok: false, error }`, as Slack does for a refused call.
 * Requests outside /api/ (a command's response_url) are recorded too, with `webApi: false`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pollFor } from './poll.ts';

export interface SlackCall {
  method: string;
  /** A Web API method (POST /api/<method>); false for a response_url. */
  webApi: boolean;
  params: Record<string, unknown>;
  raw: string;
}

export interface FakeSlack {
  url: string;
  calls: SlackCall[];
  rateLimitOnce(method: string): void;
  failOnce(method: string, error: string): void;
  /** Resolves with the first call (after `from`) that matches, or fails after a timeout. */
  waitFor(match: (c: SlackCall) => boolean, from?: number, timeoutMs?: number): Promise<SlackCall>;
  close(): Promise<void>;
}

export async function startFakeSlack(answers: Record<string, unknown> = {}): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const limited = new Set<string>();
  const failing = new Map<string, string>();
  let ts = 1000;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const webApi = (req.url ?? '').startsWith('/api/');
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0]!;
      const form = new URLSearchParams(raw);
      const params: Record<string, unknown> = {};
      for (const [k, v] of form) {
        try {
          params[k] = ['blocks', 'view', 'prompts'].includes(k) ? JSON.parse(v) : v;
        } catch {
          params[k] = v;
        }
      }
      if (limited.delete(method)) {
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      calls.push({ method, webApi, params, raw });
      const failure = failing.get(method);
      failing.delete(method);
      const body = failure
        ? { ok: false, error: failure }
        : method in answers
          ? answers[method]
          : method === 'auth.test'
            ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', url: 'https://t1.slack.com/' }
            : method === 'views.open'
              ? { ok: true, view: { id: 'V1' } }
              : { ok: true, channel: params.channel, ts: `${++ts}.000100` };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    rateLimitOnce: (m) => limited.add(m),
    failOnce: (m, error) => failing.set(m, error),
    waitFor: (match, from = 0, timeoutMs = 30_000) => pollFor(calls, match, from, timeoutMs, 'Slack'),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
