/**
 * @module bench/cases
 * Cases figures for `npm run bench` (with Redis): cases recorded per second, and `audit verify` time over
 * 100,000 hash-chained records. Runs under its own key prefix and removes it afterwards.
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { nextEntry, signHead } from '../audit/chain.ts';
import { verifyAudit } from '../audit/log.ts';
import { RedisAuditLog } from '../audit/redis-log.ts';
import { inboxNotifier } from '../cases/ports.ts';
import { RedisCaseStore, RedisInbox } from '../cases/redis-store.ts';
import { rolesFrom } from '../cases/roles.ts';
import { CaseService } from '../cases/service.ts';
import type { Config } from '../config.ts';
import type { Decision } from '../core/decision.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import { benchRedis } from './redis.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const BENCH_KEY = 'export-check-bench-audit-key';

async function removePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
}

export async function benchCases(config: Config, decision: Decision): Promise<void> {
  out('## Cases and audit (Redis)');
  const connected = await benchRedis(config, 'skipped');
  if (!connected) return;
  const { redis } = connected;
  const prefix = `ecbench-cases-${process.pid}`;
  try {
    const content = loadConversationContent(config.rulesDir);
    if (!content.ok) throw new Error('rules/conversation/ does not load: run `export-check rules check`');
    const messages = content.content.messages;
    const audit = new RedisAuditLog(redis, { key: BENCH_KEY, prefix });
    const cases = new CaseService({
      store: new RedisCaseStore(redis, prefix),
      audit,
      notifier: inboxNotifier(new RedisInbox(redis, prefix)),
      roles: rolesFrom({ officers: [], admins: [] }),
      now: () => new Date(),
      isHoliday: () => false,
      reminders: { afterHours: 8, maxReminders: 3 },
      messages: () => messages,
    });
    const n = 2000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++)
      await cases.record({
        caseId: `BENCH-${i}`,
        requester: { principal: 'local:bench', channel: 'terminal', conversationId: `b${i}` },
        facts: { caseType: { value: 'shipment', provenance: 'extractor' } },
        decision,
        listVersions: { 'jp-eul': '2025-09-29' },
      });
    const perSecond = (n / (performance.now() - t0)) * 1000;
    out(
      `cases recorded (case + index + audit record + officer notice, one after another): ${Math.round(perSecond)}/s over ${n}`,
    );

    // 100,000 records written straight to the stream (pipelined), then verified through the port.
    const stream = `${prefix}:{audit}:stream`;
    await redis.del(stream, `${prefix}:{audit}:head`, `${prefix}:{audit}:ids`);
    let prev: { seq: number; hash: string } | undefined;
    for (let batch = 0; batch < 100; batch++) {
      const p = redis.pipeline();
      for (let i = 0; i < 1000; i++) {
        const e = nextEntry(
          BENCH_KEY,
          { at: new Date().toISOString(), type: 'case.recorded', actor: 'local:bench', caseId: `B${batch}-${i}` },
          prev,
        );
        prev = e;
        p.xadd(stream, '*', 'json', JSON.stringify(e));
      }
      await p.exec();
    }
    if (prev) await redis.set(`${prefix}:{audit}:head`, JSON.stringify(signHead(BENCH_KEY, prev)));
    const t1 = performance.now();
    const r = await verifyAudit(audit);
    out(
      `audit verify over ${r.count.toLocaleString('en-US')} records: ${((performance.now() - t1) / 1000).toFixed(2)} s (${r.ok ? 'intact' : 'BROKEN'})`,
    );
  } finally {
    await removePrefix(redis, prefix);
    redis.disconnect();
  }
}
