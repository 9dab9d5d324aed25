import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Socket Mode: apps.connections.open on the fake Web API hands out a local WebSocket, where a fake Slack
// sends `hello` and an events_api envelope; the bot must ack the envelope and answer through the Web API.
let fake: FakeSlack;
let server: TestServer;
let wss: WebSocketServer;
const acks: string[] = [];
let send: (data: unknown) => void = () => undefined;

beforeAll(async () => {
  const http = createServer();
  wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket) => {
    send = (data) => socket.send(JSON.stringify(data));
    socket.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { envelope_id?: string };
      if (msg.envelope_id) acks.push(msg.envelope_id);
    });
    send({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const wsUrl = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/link`;
  fake = await startFakeSlack({ 'apps.connections.open': { ok: true, url: wsUrl } });
  server = await startTestServer(inject('redisUrl'), 14, {
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-test',
    SLACK_API_URL: fake.url,
  });
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
  wss?.close();
});

test('with SLACK_APP_TOKEN, an event over Socket Mode is acked and answered in its thread', async () => {
  for (let i = 0; i < 600 && wss.clients.size === 0; i++) await new Promise((r) => setTimeout(r, 100));
  expect(wss.clients.size).toBe(1);
  expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
  const from = fake.calls.length;
  send({
    envelope_id: 'env-1',
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSock1',
      event_time: 1,
      event: {
        type: 'app_mention',
        channel: 'C1',
        user: 'U_R',
        text: '<@UBOT> 北朝鮮の大学に学術書籍と文房具を送りたい。',
        ts: '700.1',
      },
    },
  });
  const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.thread_ts === '700.1', from);
  expect(JSON.stringify(reply.params.blocks)).toContain('prohibited');
  expect(acks).toContain('env-1');
});
