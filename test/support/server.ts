/**
 * Starts the real HTTP server (`serve`) on port 0 with the bundled rules and a fresh data folder, with or
 * without its own Redis database (emptied before and after), for the channel tests.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { expect } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import { type Served, startServer } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config.ts';
import { RuleRegistry } from '../../src/ruleset/registry.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from './fixtures.ts';
import { emptyRedisDb, redisDbUrl } from './redis-db.ts';

/** The audit key the test servers sign with (never a real one). */
export const TEST_AUDIT_KEY = 'test-audit-key-not-a-secret-0123456789';

export interface TestServer {
  served: Served;
  base: string;
  redis: Redis;
  close(): Promise<void>;
}

/** The server alone, without Redis (in-memory stores), with this environment. */
export async function startServerWith(env: Record<string, string>): Promise<Served> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-serve-')),
    LOG_LEVEL: 'silent',
    AUDIT_KEY: TEST_AUDIT_KEY,
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
  return served;
}

export async function startTestServer(redisUrl: string, db: number, env: Record<string, string>): Promise<TestServer> {
  const url = redisDbUrl(redisUrl, db);
  const redis = await emptyRedisDb(url);
  const served = await startServerWith({ REDIS_URL: url, ...env });
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

/** The audit records of one case, in order, by type; and the whole chain verifies. */
export async function expectCaseAudit(served: Served, caseId: string, types: string[]): Promise<void> {
  const { entries } = await served.runtime.audit.read();
  expect(entries.filter((e) => e?.caseId === caseId).map((e) => e?.type)).toEqual(types);
  expect((await verifyAudit(served.runtime.audit)).ok).toBe(true);
}
