/**
 * A local fake of the Bot Framework connector (the `serviceUrl` Teams activities name): replies
 * (POST /v3/conversations/{id}/activities/{replyToId}), proactive sends (POST …/activities) and updates
 * (PUT …/activities/{id}) are recorded and answered with an id. `throttleOnce()` answers the next call 429.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { activityCardIssues } from './adaptive-cards.ts';
import { pollFor } from './poll.ts';

export interface ConnectorCall {
  kind: 'reply' | 'send' | 'update';
  conversation: string;
  activityId?: string;
  body: Record<string, unknown>;
  authorization?: string;
}

export interface FakeConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Problems Microsoft's Adaptive Cards parser found in cards the bot tried to send (each such send got 400). */
  cardIssues: string[];
  throttleOnce(): void;
  waitFor(match: (c: ConnectorCall) => boolean, from?: number, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const cardIssues: string[] = [];
  let throttle = false;
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      if (throttle) {
        throttle = false;
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
        return;
      }
      const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
      if (m) {
        // Every card the bot sends must pass Microsoft's own parser, or the "connector" refuses it like Teams would.
        const body = raw ? JSON.parse(raw) : {};
        const issues = activityCardIssues(body);
        if (issues.length > 0) {
          cardIssues.push(...issues);
          res.writeHead(400, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'BadArgument', message: issues.join('; ') } }));
          return;
        }
        const kind = req.method === 'PUT' ? 'update' : m[2] ? 'reply' : 'send';
        calls.push({
          kind,
          conversation: decodeURIComponent(m[1]!),
          ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
          body,
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `act-${++n}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    cardIssues,
    throttleOnce: () => {
      throttle = true;
    },
    waitFor: (match, from = 0, timeoutMs = 30_000) => pollFor(calls, match, from, timeoutMs, 'connector'),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
