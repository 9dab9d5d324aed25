/**
 * What the server exposes and refuses to start with, over HTTP and as a process: /metrics only on
 * METRICS_PORT or with the bearer token, coded JSON on every route whatever NODE_ENV says, and `serve`
 * refusing the no-auth Teams mode next to credentials or off loopback, and a store that keeps nothing.
 */
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Served } from '../../src/cli/serve.ts';
import { redisDurability } from '../../src/cli/serve-guards.ts';
import { expectCoded } from '../support/coded-error.ts';
import { ROOT } from '../support/fixtures.ts';
import { redisDbUrl } from '../support/redis-db.ts';
import { startServerWith } from '../support/server.ts';

const url = (s: Served, path: string, port = s.port) => `http://127.0.0.1:${port}${path}`;

describe('/metrics', () => {
  let plain: Served;
  let tokened: Served;
  let separate: Served;
  beforeAll(async () => {
    plain = await startServerWith({});
    tokened = await startServerWith({ METRICS_TOKEN: 's3cret-token' });
    separate = await startServerWith({ METRICS_PORT: '0', METRICS_TOKEN: 's3cret-token' });
  });
  afterAll(async () => {
    await plain?.close();
    await tokened?.close();
    await separate?.close();
  });

  test('without METRICS_TOKEN or METRICS_PORT it is not served at all', async () => {
    await expectCoded(await fetch(url(plain, '/metrics')), 404, 'HTTP.NOT_FOUND');
    await expectCoded(
      await fetch(url(plain, '/metrics'), { headers: { authorization: 'Bearer ' } }),
      404,
      'HTTP.NOT_FOUND',
    );
  });

  test('on PORT it needs the bearer token', async () => {
    await expectCoded(await fetch(url(tokened, '/metrics')), 401, 'HTTP.UNAUTHORIZED');
    for (const h of ['Bearer wrong', 'Basic czNjcmV0LXRva2Vu', 's3cret-token', 'Bearer s3cret-token2'])
      await expectCoded(
        await fetch(url(tokened, '/metrics'), { headers: { authorization: h } }),
        401,
        'HTTP.UNAUTHORIZED',
      );
    const ok = await fetch(url(tokened, '/metrics'), { headers: { authorization: 'Bearer s3cret-token' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('export_check_turns_total');
  });

  test('with METRICS_PORT it is served there only', async () => {
    expect(separate.metricsPort).toBeGreaterThan(0);
    await expectCoded(
      await fetch(url(separate, '/metrics'), { headers: { authorization: 'Bearer s3cret-token' } }),
      404,
      'HTTP.NOT_FOUND',
    );
    const ok = await fetch(url(separate, '/metrics', separate.metricsPort));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('export_check_decisions_total');
    await expectCoded(await fetch(url(separate, '/healthz', separate.metricsPort)), 404, 'HTTP.NOT_FOUND');
  });
});

describe('every route answers in the coded shape, whatever NODE_ENV says', () => {
  let served: Served;
  const env = process.env.NODE_ENV;
  beforeAll(async () => {
    process.env.NODE_ENV = 'development';
    served = await startServerWith({ TEAMS_DEV_NO_AUTH: '1' });
  });
  afterAll(async () => {
    process.env.NODE_ENV = env;
    await served?.close();
  });

  test('unknown routes, wrong methods and malformed bodies', async () => {
    const post = (path: string, body: string, type: string) =>
      fetch(url(served, path), { method: 'POST', body, headers: { 'content-type': type } });
    await expectCoded(await fetch(url(served, '/nope')), 404, 'HTTP.NOT_FOUND');
    await expectCoded(await fetch(url(served, '/../../etc/passwd')), 404, 'HTTP.NOT_FOUND');
    await expectCoded(await post('/healthz', '{', 'application/json'), 404, 'HTTP.NOT_FOUND');
    await expectCoded(await post('/metrics', '{', 'application/json'), 404, 'HTTP.NOT_FOUND');
    await expectCoded(await post('/api/messages', '{"type":', 'application/json'), 400, 'HTTP.BAD_REQUEST');
    await expectCoded(
      await post('/api/messages', '{"type":"message"}', 'application/json; charset=koi8-r'),
      415,
      'HTTP.UNSUPPORTED_MEDIA_TYPE',
    );
    await expectCoded(
      await post('/api/messages', `{"type":"message","t":"${'x'.repeat(1_100_000)}"}`, 'application/json'),
      413,
      'HTTP.PAYLOAD_TOO_LARGE',
    );
    await expectCoded(await post('/api/messages', '<a/>', 'application/xml'), 415, 'HTTP.UNSUPPORTED_MEDIA_TYPE');
    // Slack is not configured on this server: its route does not exist either.
    await expectCoded(await post('/slack/events', '{}', 'application/json'), 404, 'HTTP.NOT_FOUND');
    const health = await fetch(url(served, '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ teams: 'dev-no-auth', store: 'memory' });
  });
});

describe('serve refuses to start', () => {
  test('TEAMS_DEV_NO_AUTH=1 next to Slack or Bot Framework credentials, or off loopback', async () => {
    const refused = { code: 'CONFIG.TEAMS_DEV_NO_AUTH_REFUSED' };
    await expect(
      startServerWith({ TEAMS_DEV_NO_AUTH: '1', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }),
    ).rejects.toMatchObject(refused);
    await expect(startServerWith({ TEAMS_DEV_NO_AUTH: '1', SLACK_APP_TOKEN: 'xapp-1' })).rejects.toMatchObject(refused);
    await expect(startServerWith({ TEAMS_DEV_NO_AUTH: '1', MicrosoftAppId: 'app' })).rejects.toMatchObject(refused);
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'bot.example.ac.jp'])
      await expect(startServerWith({ TEAMS_DEV_NO_AUTH: '1', HOST })).rejects.toMatchObject(refused);
  });

  test('a store that keeps nothing, unless ALLOW_EPHEMERAL_STORE=1', async () => {
    await expect(startServerWith({ ALLOW_EPHEMERAL_STORE: '0' })).rejects.toMatchObject({
      code: 'CONFIG.STORE_EPHEMERAL',
    });
    // The test Redis: refused exactly when it keeps nothing (CI runs it with --save '' --appendonly no).
    const redisUrl = redisDbUrl(inject('redisUrl'), 8);
    const probe = new Redis(redisUrl);
    const durable = await redisDurability({
      config: (op, key) => probe.config(op, key),
      info: (s) => probe.info(s),
    });
    probe.disconnect();
    const start = startServerWith({ REDIS_URL: redisUrl, ALLOW_EPHEMERAL_STORE: '' });
    if (durable.persists) await (await start).close();
    else await expect(start).rejects.toMatchObject({ code: 'CONFIG.STORE_EPHEMERAL' });
  });

  test('as a process: exit code 1 and the coded reason on stderr, before any port is opened', () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(OPENAI|AZURE|SLACK|Microsoft|REDIS|ALLOW_EPHEMERAL|TEAMS|METRICS|HOST$)/.test(k),
      ),
    );
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, 'serve'], {
        encoding: 'utf8',
        cwd: ROOT,
        env: { ...env, LOG_LEVEL: 'silent', PORT: '0', AUDIT_KEY: 'http-exposure-test-audit-key', ...extra },
        timeout: 120_000,
      });
    const memory = run({});
    expect(memory.status).toBe(1);
    expect(memory.stderr).toContain('CONFIG.STORE_EPHEMERAL');
    const mixed = run({ TEAMS_DEV_NO_AUTH: '1', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toContain('CONFIG.TEAMS_DEV_NO_AUTH_REFUSED');
    expect(mixed.stderr).not.toMatch(/\bat \w.*\(|node_modules/);
  });
});
