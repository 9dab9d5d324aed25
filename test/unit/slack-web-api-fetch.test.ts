import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { webApiFetch } from '../../src/channels/slack/web-api-fetch.ts';

let server: Server;
let base: string;
const seen: { url: string; method: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', method: req.method ?? '', headers: req.headers, body });
      if (req.url === '/api/redirect') {
        res.writeHead(302, { location: 'http://example.invalid/' }).end();
        return;
      }
      if (req.url === '/api/limited') {
        res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'x-oauth-scopes': 'chat:write,im:history',
      });
      res.end(JSON.stringify({ ok: true, ts: '1.2', echo: body, text: '北京理工大学' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the Web API transport (node:http instead of the built-in fetch)', () => {
  test('a form POST comes back with its status, headers and whole body, multi-byte text intact', async () => {
    const res = await webApiFetch(`${base}chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: 'Bearer xoxb-1' },
      body: 'channel=D1&text=%E3%81%82',
      redirect: 'error',
    });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}chat.postMessage`);
    expect(res.headers.get('x-oauth-scopes')).toBe('chat:write,im:history');
    expect(JSON.parse(await res.text())).toMatchObject({
      ok: true,
      text: '北京理工大学',
      echo: 'channel=D1&text=%E3%81%82',
    });
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ url: '/api/chat.postMessage', method: 'POST' });
    expect(last.headers.authorization).toBe('Bearer xoxb-1');
  });

  test('a redirect is an error, as the client asks (redirect: error); a 429 is a response with its Retry-After', async () => {
    await expect(webApiFetch(`${base}redirect`, { method: 'POST', body: '', redirect: 'error' })).rejects.toThrow(
      'fetch failed',
    );
    const limited = await webApiFetch(`${base}limited`, { method: 'POST', body: '', redirect: 'error' });
    expect(limited.ok).toBe(false);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
  });

  test('a refused connection fails as the built-in fetch does (a TypeError the client wraps and retries)', async () => {
    const err = await webApiFetch('http://127.0.0.1:9/api/x', { method: 'POST', body: '', redirect: 'error' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).cause).toBeInstanceOf(Error);
  });

  test('what it does not cover goes to the built-in fetch: a redirect to follow (Bolt respond), a multipart body', async () => {
    const respond = await webApiFetch(`${base}respond`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(respond.ok).toBe(true);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'f.bin');
    const upload = await webApiFetch(`${base}files.upload`, { method: 'POST', body: form, redirect: 'error' });
    expect(upload.ok).toBe(true);
    expect(seen.at(-1)!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  });

  test('WebClient over it: chat.postMessage answers the parsed result with the response scopes', async () => {
    const client = new WebClient('xoxb-1', { slackApiUrl: base, fetch: webApiFetch });
    const r = await client.chat.postMessage({ channel: 'D1', thread_ts: '1.1', text: 'x', blocks: [] });
    expect(r).toMatchObject({ ok: true, ts: '1.2' });
    expect(r.response_metadata?.scopes).toEqual(['chat:write', 'im:history']);
    expect(seen.at(-1)!.body).toContain('thread_ts=1.1');
  });
});
