/**
 * Starts the real HTTP server (`serve`) on port 0 with the bundled rules, a fresh data folder and its own
 * Redis database (emptied before and after), for the channel tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { silentLogger } from '../../src/app/ports.ts';
import { type Served, startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config.ts';
import { RuleRegistry } from '../../src/ruleset/registry.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from './fixtures.ts';

export interface TestServer {
  served: Served;
  base: string;
  redis: Redis;
  close(): Promise<void>;
}

export async function startTestServer(redisUrl: string, db: number, env: Record<string, string>): Promise<TestServer> {
  const url = new URL(redisUrl);
  url.pathname = `/${db}`;
  const redis = new Redis(url.toString());
  await redis.flushdb();
  const config = loadConfig({
    REDIS_URL: url.toString(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-serve-')),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const registry = new RuleRegistry(RULES_DIR, config.dataDir, GOLDEN_DIR);
  const served = await startServer({
    config,
    registry,
    ruleSet: bundled().ruleSet,
    screener: bundled().screener,
    log: silentLogger,
    port: 0,
  });
  if (!served) throw new Error('server did not start');
  return {
    served,
    base: `http://127.0.0.1:${served.port}`,
    redis,
    close: async () => {
      await served.close();
      await redis.flushdb();
      redis.disconnect();
    },
  };
}
