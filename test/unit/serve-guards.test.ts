import { describe, expect, test } from 'vitest';
import { listenHost, type PersistenceProbe, redisDurability, teamsMode } from '../../src/cli/serve-guards.ts';
import { loadConfig } from '../../src/config.ts';

const probe = (config: Record<string, string> | Error, info = ''): PersistenceProbe => ({
  config: async (_op, key) => {
    if (config instanceof Error) throw config;
    return [key, config[key] ?? ''];
  },
  info: async () => info,
});
const noperm = new Error("NOPERM User app has no permissions to run the 'config|get' command");

describe('redisDurability', () => {
  test('AOF or RDB by CONFIG GET', async () => {
    expect(await redisDurability(probe({ appendonly: 'yes', save: '' }))).toMatchObject({ persists: true, how: 'aof' });
    expect(await redisDurability(probe({ appendonly: 'no', save: '3600 1 300 100' }))).toMatchObject({
      persists: true,
      how: 'rdb (save 3600 1 300 100)',
    });
    expect(await redisDurability(probe({ appendonly: 'no', save: '' }))).toMatchObject({ persists: false });
  });
  test('CONFIG refused by an ACL: AOF from INFO persistence, otherwise not confirmed', async () => {
    expect(await redisDurability(probe(noperm, '# Persistence\r\naof_enabled:1\r\n'))).toMatchObject({
      persists: true,
    });
    const r = await redisDurability(probe(noperm, '# Persistence\r\naof_enabled:0\r\n'));
    expect(r).toMatchObject({ persists: false });
    expect(r.persists ? '' : r.why).toMatch(/CONFIG GET is not allowed/);
  });
});

describe('teamsMode', () => {
  const cfg = (env: Record<string, string>) => loadConfig(env);
  test('auth with credentials, off without, dev-no-auth only when asked', () => {
    expect(teamsMode(cfg({ MicrosoftAppId: 'a' }), undefined)).toBe('auth');
    expect(teamsMode(cfg({}), undefined)).toBe('off');
    expect(teamsMode(cfg({ TEAMS_DEV_NO_AUTH: 'true' }), undefined)).toBe('off');
    expect(teamsMode(cfg({ TEAMS_DEV_NO_AUTH: '1' }), undefined)).toBe('dev-no-auth');
    expect(teamsMode(cfg({ TEAMS_DEV_NO_AUTH: '1' }), '127.0.0.1')).toBe('dev-no-auth');
    expect(teamsMode(cfg({ TEAMS_DEV_NO_AUTH: '1' }), '::1')).toBe('dev-no-auth');
  });
  test('dev-no-auth is refused next to credentials or off loopback', () => {
    const refused = { code: 'CONFIG.TEAMS_DEV_NO_AUTH_REFUSED' };
    const mixes: Record<string, string>[] = [
      { MicrosoftAppId: 'a' },
      { SLACK_BOT_TOKEN: 'xoxb' },
      { SLACK_SIGNING_SECRET: 's' },
      { SLACK_APP_TOKEN: 'xapp' },
    ];
    for (const env of mixes)
      expect(() => teamsMode(cfg({ TEAMS_DEV_NO_AUTH: '1', ...env }), undefined)).toThrow(
        expect.objectContaining(refused),
      );
    for (const host of ['0.0.0.0', '::', '10.1.2.3', 'bot.example.ac.jp'])
      expect(() => teamsMode(cfg({ TEAMS_DEV_NO_AUTH: '1' }), host)).toThrow(expect.objectContaining(refused));
  });
  test('without HOST the no-auth mode listens on loopback; otherwise every interface', () => {
    expect(listenHost(cfg({}), 'dev-no-auth')).toBe('127.0.0.1');
    expect(listenHost(cfg({}), 'auth')).toBeUndefined();
    expect(listenHost(cfg({ HOST: '127.0.0.1' }), 'off')).toBe('127.0.0.1');
  });
});
