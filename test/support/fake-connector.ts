/**
 * A local fake of the Bot Framework connector (the `serviceUrl` Teams activities name): replies
 * (POST /v3/conversations/{id}/activities/{replyToId}), proactive sends (POST …/activities) and updates
 * (PUT …/activities/{id}) are recorded and answered with an id. `throttleOnce()` answers the next call 429.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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
  throttleOnce(): void;
  waitFor(match: (c: ConnectorCall) => boolean, from?: number, timeoutMs?: number): Promise<ConnectorCall>;
  close(): Promise<void>;
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
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
        const kind = req.method === 'PUT' ? 'update' : m[2] ? 'reply' : 'send';
        calls.push({
          kind,
          conversation: decodeURIComponent(m[1]!),
          ...(m[2] ? { activityId: decodeURIComponent(m[2]) } : {}),
          body: raw ? JSON.parse(raw) : {},
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
