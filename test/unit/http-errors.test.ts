import type { AddressInfo } from 'node:net';
import express from 'express';
import { expect, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { installErrorHandlers } from '../../src/server/errors.ts';

test('a route that throws answers HTTP.INTERNAL without the message, stack or path, whatever NODE_ENV says', async () => {
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'development';
  const app = express();
  app.get('/boom', () => {
    throw new Error('ENOENT: /work/secret/rules/decision.yaml at load (src/ruleset/load.ts:42)');
  });
  app.post('/json', express.json(), (_req, res) => {
    res.json({ ok: true });
  });
  installErrorHandlers(app, silentLogger);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'HTTP.INTERNAL', message: 'internal error; nothing was done' } });
    expect(text).not.toMatch(/secret|ENOENT|load\.ts/);
    const bad = await fetch(`${base}/json`, {
      method: 'POST',
      body: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'HTTP.BAD_REQUEST' } });
  } finally {
    process.env.NODE_ENV = env;
    server.close();
  }
});
