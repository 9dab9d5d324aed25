/**
 * @module bench/serve-start
 * Cold starts for `npm run bench`, through the launcher as an operator runs it (the built dist/ when it is up
 * to date, `npm run build`; the sources through tsx otherwise, and the line says which): process start →
 * `/healthz` answers 200 for `serve` (in-memory store, no channel; then Slack configured; then Teams), and
 * process start → exit for one `decide` and one `screen`. The median of three runs each.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../config.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const LAUNCHER = `${PROJECT_ROOT}src/bin/export-check.js`;
const RUNS = 3;
const BOUND_MS = 30_000;

/** This environment without a store: the in-memory one, so the figure is the process's own and not Redis's. */
function withoutStore(): NodeJS.ProcessEnv {
  const store = new Set(['REDIS_URL', 'REDIS_CLUSTER_NODES']);
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !store.has(name)));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Milliseconds from spawn to the first 200 from /healthz, or undefined when it did not come within the bound. */
async function serveReady(env: Record<string, string>): Promise<number | undefined> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, [LAUNCHER, 'serve'], {
    env: {
      ...withoutStore(),
      ALLOW_EPHEMERAL_STORE: '1',
      AUDIT_KEY: 'export-check-bench-audit-key',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-bench-start-')),
      ...env,
    },
    stdio: 'ignore',
  });
  let exited = false;
  proc.once('exit', () => {
    exited = true;
  });
  try {
    while (!exited && performance.now() - started < BOUND_MS) {
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  } finally {
    if (!exited) {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    }
  }
}

/** Milliseconds from spawn to exit of one command fed `input` on stdin. */
function oneShot(command: string, input: string): Promise<number> {
  const started = performance.now();
  const proc = spawn(process.execPath, [LAUNCHER, command], {
    env: { ...withoutStore(), LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  proc.stdin!.end(input);
  return new Promise((resolve) => proc.once('exit', () => resolve(performance.now() - started)));
}

async function medianOf(run: () => Promise<number | undefined>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await run();
    if (t === undefined) return 'did not answer within 30 s';
    times.push(t);
  }
  return `${Math.round(median(times))} ms`;
}

export async function benchServeStart(): Promise<void> {
  // The launcher's own test (plain JavaScript beside it, not compiled into dist/).
  const launcher = (await import(pathToFileURL(`${PROJECT_ROOT}src/bin/dist.js`).href)) as { distIsFresh(): boolean };
  const runtime = launcher.distIsFresh() ? 'built dist/' : 'sources through tsx: `npm run build` first';
  out(`## Cold starts (median of ${RUNS}; ${runtime})`);
  const slack = {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-secret',
    SLACK_API_URL: 'http://127.0.0.1:9/api/',
  };
  out(`serve, no channel: process start → /healthz 200 in ${await medianOf(() => serveReady({}))} (target < 2 s)`);
  out(`serve, Slack: ${await medianOf(() => serveReady(slack))}`);
  out(`serve, Teams (TEAMS_DEV_NO_AUTH): ${await medianOf(() => serveReady({ TEAMS_DEV_NO_AUTH: '1' }))}`);
  const facts = JSON.stringify({ itemDescription: 'ノートパソコン', destinationCountry: 'DE' });
  out(`decide, one fact set: start → exit ${await medianOf(() => oneShot('decide', `${facts}\n`))}`);
  const name = JSON.stringify({ name: 'Technical University of Munich', country: 'DE' });
  out(`screen, one name: start → exit ${await medianOf(() => oneShot('screen', `${name}\n`))}`);
}
