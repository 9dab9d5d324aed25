/**
 * @module bench/slack
 * Slack figures for `npm run bench`: time from a signed event's arrival to Bolt's ack (the HTTP response),
 * and a sustained load of 200 concurrent DM conversations over loopback with Redis — each conversation
 * waits for the bot's reply (seen at a local fake Web API) before its next message. Bounded to 60 s.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { Screener } from '../app/ports.ts';
import { silentLogger } from '../app/ports.ts';
import { startServer } from '../cli/serve.ts';
import { type Config, loadConfig } from '../config.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { RuleRegistry } from '../ruleset/registry.ts';
import { startFakeSlackApi } from './fake-slack-process.ts';
import { commandCounts, describeCounts } from './load-figures.ts';
import { percentile } from './measure.ts';
import { benchRedis } from './redis.ts';
import { eventCallback, loadClient } from './slack-request.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const SECRET = 'bench-secret';
const CONVERSATIONS = 200;
const DEADLINE_MS = 60_000;

export async function benchSlack(config: Config, ruleSet: RuleSet, screener: Screener): Promise<void> {
  out('## Slack (HTTP receiver over loopback, no LLM)');
  const probe = await benchRedis(config, 'skipped');
  if (!probe) return;
  probe.redis.disconnect(); // the server gets its own database below
  const db = new URL(probe.url);
  db.pathname = '/11';
  const redis = new Redis(db.toString());
  await redis.flushdb();
  const fake = await startFakeSlackApi();
  const cfg = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    REDIS_URL: db.toString(),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-bench-')),
    LOG_LEVEL: 'silent',
    // A scratch database on loopback: nothing here is a record to keep.
    HOST: '127.0.0.1',
    ALLOW_EPHEMERAL_STORE: '1',
    AUDIT_KEY: 'export-check-bench-audit-key',
  });
  const registry = new RuleRegistry(config.rulesDir, cfg.dataDir, config.goldenDir);
  const served = await startServer({ config: cfg, registry, ruleSet, screener, log: silentLogger, port: 0 });
  if (!served) return;
  const base = `http://127.0.0.1:${served.port}/slack/events`;
  let n = 0;
  const client = loadClient(SECRET, CONVERSATIONS);
  const send = async (ev: Record<string, unknown>) => {
    const raw = eventCallback(ev, `Ev${++n}`);
    const start = performance.now();
    await client.postEvent(base, raw);
    return performance.now() - start;
  };
  try {
    // Ack latency: one event at a time.
    const acks: number[] = [];
    for (let i = 0; i < 300; i++) {
      const thread = `9${i}.1`;
      const replied = fake.replyIn(thread);
      acks.push(
        await send({
          type: 'app_mention',
          channel: 'CB',
          user: `UA${i}`,
          text: '<@UBOT> 北朝鮮の大学に本を送りたい',
          ts: thread,
        }),
      );
      await replied;
    }
    acks.sort((a, b) => a - b);
    out(
      `signed event → ack: p50 ${percentile(acks, 50).toFixed(2)} ms, p99 ${percentile(acks, 99).toFixed(2)} ms over ${acks.length} (target p99 < 100 ms)`,
    );

    // Sustained load: 200 concurrent conversations of three messages each, on connections opened beforehand.
    await client.warm(`http://127.0.0.1:${served.port}`);
    const turns = ['ドイツの大学に冷却型赤外線カメラを送りたい', 'Technical University of Munich', 'わからない'];
    const latencies: number[] = [];
    const before = { redis: await commandCounts(redis), webApi: await fake.counts(), cpu: process.cpuUsage() };
    const started = performance.now();
    let timedOut = false;
    const conversation = async (i: number) => {
      const root = `5${i}.1`;
      for (const [k, text] of turns.entries()) {
        if (performance.now() - started > DEADLINE_MS) {
          timedOut = true;
          return;
        }
        const replied = fake.replyIn(root);
        const t0 = performance.now();
        await send({
          type: 'message',
          channel_type: 'im',
          channel: `D${i}`,
          user: `U${i}`,
          text,
          ts: `5${i}.${k + 1}`,
          ...(k ? { thread_ts: root } : {}),
        });
        await replied;
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => conversation(i)));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(before.cpu);
    const counts = describeCounts(
      { before: before.redis, after: await commandCounts(redis) },
      { before: before.webApi, after: await fake.counts() },
      latencies.length,
    );
    latencies.sort((a, b) => a - b);
    out(
      `${CONVERSATIONS} concurrent conversations × ${turns.length} messages with Redis (connections open beforehand): ${latencies.length} replies in ${seconds.toFixed(1)} s (${Math.round(latencies.length / seconds)} messages/s), message → reply p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${timedOut ? ' (stopped at the 60 s bound)' : ''}`,
    );
    // The load client (signing, fetch) runs in this process too: the serve-process bench has the bot's CPU alone.
    const cpuMs = (cpu.user + cpu.system) / 1000 / latencies.length;
    out(`  per message: CPU ${cpuMs.toFixed(2)} ms (bot and load client), ${counts}`);
  } finally {
    client.close();
    await served.close();
    fake.close();
    await redis.flushdb();
    redis.disconnect();
  }
}
