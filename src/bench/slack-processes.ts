/**
 * @module bench/slack-processes
 * The Slack load as deployed: the fake Web API in its own process, and one or two `export-check serve`
 * processes on one Redis, each message of a conversation sent to the next process in turn (a load balancer
 * without affinity). 200 concurrent DM conversations × 3 messages, each waiting for its reply; message → reply
 * p50/p99, messages per second and the load-independent figures per message (load-figures.ts) for 1 and for 2
 * processes, each timed over three rounds after an untimed warm-up round of the same load; then the same load
 * at a person's pace (a pause before each message) on one process, and Bolt's minimal app under the saturating load
 * (bolt-floor-app.mjs: the framework floor). Bounded to 60 s per run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { PROJECT_ROOT } from '../config.ts';
import { canHoldToCpu, holdToCpu } from './cpu-quota.ts';
import { startFakeSlackApi } from './fake-slack-process.ts';
import { commandCounts, describeCounts, processCpuMs } from './load-figures.ts';
import { percentile } from './measure.ts';
import { benchRedis } from './redis.ts';
import { eventCallback, loadClient } from './slack-request.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const SECRET = 'bench-secret';
const CONVERSATIONS = 200;
const DEADLINE_MS = 60_000;
const TURNS = ['ドイツの大学に冷却型赤外線カメラを送りたい', 'Technical University of Munich', 'わからない'];
/**
 * Timed rounds of the load after the warm-up, one after the other. One round (600 messages, a second or two)
 * gave 2-process/1-process ratios from 1.27× to 2.15× for the same code; three give a steadier figure.
 */
const TIMED_ROUNDS = 3;

/** What a run loads: the bot (`export-check serve`) or the framework floor (bolt-floor-app.mjs). */
type Server = 'bot' | 'floor';

function startServe(env: Record<string, string>, server: Server): Promise<{ proc: ChildProcess; base: string }> {
  const args =
    server === 'bot'
      ? [`${PROJECT_ROOT}src/bin/export-check.js`, 'serve']
      : [`${PROJECT_ROOT}src/bench/bolt-floor-app.mjs`];
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info', DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-bench-')) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    const onData = (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.includes('"export-check serving"'));
      if (!line) return;
      buf = '';
      // Keep reading (and dropping) the log so the pipe never fills.
      proc.stderr!.off('data', onData);
      proc.stderr!.resume();
      resolve({ proc, base: `http://127.0.0.1:${(JSON.parse(line) as { port: number }).port}/slack/events` });
    };
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${buf.slice(-500)}`)));
  });
}

/** Each serve process's own CPU, when emulating one small machine per instance (cpu-quota.ts). */
const QUOTA_CORES = 0.5;

/**
 * Messages per second of the timed rounds. `pauseMs`: each conversation waits that long before each message, as
 * a person reads and types, instead of sending the next one the moment the reply lands (the saturating load).
 */
async function run(
  processes: number,
  redisUrl: string,
  redis: Redis,
  quota?: number,
  pauseMs = 0,
  server: Server = 'bot',
): Promise<{ rate: number; cpuMs: number }> {
  const fake = await startFakeSlackApi();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.url,
    REDIS_URL: redisUrl,
    ALLOW_EPHEMERAL_STORE: '1',
  };
  const servers = await Promise.all(Array.from({ length: processes }, () => startServe(env, server)));
  const held = quota === undefined ? [] : servers.map((s) => holdToCpu(s.proc.pid ?? 0, quota));
  const client = loadClient(SECRET, CONVERSATIONS);
  for (const s of servers) await client.warm(new URL(s.base).origin);
  let n = 0;
  const send = (base: string, ev: Record<string, unknown>) => client.postEvent(base, eventCallback(ev, `Ev${++n}`));
  const latencies: number[] = [];
  let started = performance.now();
  let timedOut = false;
  /** One conversation of the load; `round` keeps the warm-up's threads apart from the timed ones. */
  const conversation = async (round: number, i: number, sink: number[]) => {
    const root = `7${round}${processes}${i}.1`;
    for (const [k, text] of TURNS.entries()) {
      if (performance.now() - started > DEADLINE_MS) {
        timedOut = true;
        return;
      }
      if (pauseMs && round > 0) await new Promise((r) => setTimeout(r, pauseMs * (0.5 + Math.random())));
      const replied = fake.replyIn(root);
      const t0 = performance.now();
      await send(servers[(i + k) % servers.length]!.base, {
        type: 'message',
        channel_type: 'im',
        channel: `D${round}${processes}-${i}`,
        user: `U${round}${processes}-${i}`,
        text,
        ts: `7${round}${processes}${i}.${k + 1}`,
        ...(k ? { thread_ts: root } : {}),
      });
      await replied;
      sink.push(performance.now() - t0);
    }
  };
  const load = (round: number, sink: number[]) =>
    Promise.all(Array.from({ length: CONVERSATIONS }, (_, i) => conversation(round, i, sink)));
  const botCpu = () => servers.reduce((sum, s) => sum + (processCpuMs(s.proc.pid ?? 0) ?? Number.NaN), 0);
  try {
    // A warm-up round first, not counted: a process serving for a while has its code compiled; the first few
    // hundred messages of a fresh one run mostly in the interpreter and the JIT (about twice the CPU per message).
    await load(0, []);
    const before = { redis: await commandCounts(redis), webApi: await fake.counts(), cpu: botCpu() };
    started = performance.now();
    timedOut = false;
    for (let round = 1; round <= TIMED_ROUNDS && !timedOut; round++) await load(round, latencies);
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = (botCpu() - before.cpu) / latencies.length;
    const counts = describeCounts(
      { before: before.redis, after: await commandCounts(redis) },
      { before: before.webApi, after: await fake.counts() },
      latencies.length,
    );
    latencies.sort((a, b) => a - b);
    const what =
      server === 'bot' ? `${processes} serve process(es)` : "Bolt's minimal app (one listener that only replies)";
    out(
      `${what}${quota === undefined ? '' : `, each held to ${quota} core (cgroup)`}${pauseMs ? `, a pause of ${pauseMs / 1000} s on average before each message` : ''}, fake Web API in its own process, ${CONVERSATIONS} concurrent conversations × ${TURNS.length} × ${TIMED_ROUNDS} rounds (connections open and a warm-up round beforehand): ${latencies.length} replies in ${seconds.toFixed(1)} s (${Math.round(latencies.length / seconds)} messages/s), message → reply p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms${timedOut ? ' (stopped at the 60 s bound)' : ''}`,
    );
    out(`  per message: bot CPU ${Number.isNaN(cpuMs) ? 'n/a (no /proc)' : `${cpuMs.toFixed(2)} ms`}, ${counts}`);
    return { rate: latencies.length / seconds, cpuMs };
  } finally {
    for (const s of servers) {
      s.proc.kill('SIGTERM');
      await new Promise((r) => (s.proc.exitCode === null ? s.proc.once('exit', r) : r(null)));
    }
    for (const h of held) h?.release();
    client.close();
    fake.close();
  }
}

export async function benchSlackProcesses(config: Config): Promise<void> {
  out('## Slack in separate processes (1 vs 2 serve processes, one Redis)');
  const probe = await benchRedis(config, 'skipped');
  if (!probe) return;
  const db = new URL(probe.url);
  db.pathname = '/11';
  await probe.redis.select(11);
  try {
    const rate: number[] = [];
    let botCpuMs = Number.NaN;
    for (const processes of [1, 2]) {
      await probe.redis.flushdb();
      const r = await run(processes, db.toString(), probe.redis);
      rate[processes] = r.rate;
      if (processes === 1) botCpuMs = r.cpuMs;
    }
    // The same 200 conversations at a person's pace: what each of them waits when the process is not saturated.
    await probe.redis.flushdb();
    await run(1, db.toString(), probe.redis, undefined, 1000);
    // The framework floor under the same saturating load: Bolt, express and the Web API client alone.
    // CPU per message rather than messages per second: the two runs are minutes apart on a shared box.
    const floor = await run(1, db.toString(), probe.redis, undefined, 0, 'floor');
    out(
      `  CPU per message: Bolt's minimal app ${floor.cpuMs.toFixed(2)} ms, the bot ${botCpuMs.toFixed(2)} ms (its own work ${(botCpuMs - floor.cpuMs).toFixed(2)} ms); even the minimal app keeps each of 200 saturating conversations waiting ${Math.round((CONVERSATIONS * 1000) / floor.rate)} ms on average (conversations / messages per second)`,
    );
    out(
      `  2 processes / 1 process on this box: ${(rate[2]! / rate[1]!).toFixed(2)}× (they share its cores with the driver, the fake and Redis)`,
    );
    // One small machine per instance: each process held to its own share of a core, so that a second instance
    // brings its own CPU, as a second machine behind the load balancer does.
    if (!canHoldToCpu()) {
      out('  one machine per instance: not measured (no writable cgroup cpu controller here; needs root)');
      return;
    }
    const held: number[] = [];
    for (const processes of [1, 2]) {
      await probe.redis.flushdb();
      held[processes] = (await run(processes, db.toString(), probe.redis, QUOTA_CORES)).rate;
    }
    out(
      `  one machine per instance (each held to ${QUOTA_CORES} core): 2 processes / 1 process ${(held[2]! / held[1]!).toFixed(2)}×`,
    );
  } finally {
    await probe.redis.flushdb();
    probe.redis.disconnect();
  }
}
