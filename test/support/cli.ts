/**
 * Runs the `export-check` command as a user would, with a given environment (no LLM, channel or cluster
 * settings inherited from the machine): `cliRunner` in-process (the same `main` the launcher calls, with
 * stdin, stdout, stderr and the environment swapped for the call — about 100× quicker than a fresh tsx
 * process, so CLI behaviour tests do not depend on the machine's speed); `cliProcess` as a real subprocess,
 * for what only the launcher shows (exit codes of the process, no stack traces, no terminal).
 */
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { ROOT } from './fixtures.ts';

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

/** The environment of a call; an empty value means "unset" (as a shell's `VAR=` would not be for zod). */
const unsetEmpty = (env: Record<string, string>) => Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));

function baseEnv(env: Record<string, string>): Record<string, string> {
  return {
    ...(Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(OPENAI|AZURE|SLACK|Microsoft|REDIS_CLUSTER_NODES)/.test(k)),
    ) as Record<string, string>),
    LOG_LEVEL: 'silent',
    // A test key: the commands that keep an audit trail on Redis refuse to run without one.
    AUDIT_KEY: 'cli-test-audit-key-0123456789',
    ...env,
  };
}

export function cliProcess(env: Record<string, string>) {
  const base = baseEnv(env);
  return (args: string[], input = '', extra: Record<string, string> = {}): CliResult => {
    const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, ...args], {
      input,
      encoding: 'utf8',
      cwd: ROOT,
      env: unsetEmpty({ ...base, ...extra }),
      timeout: 120_000,
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
}

type Write = typeof process.stdout.write;

/** Calls one at a time (they share the process's stdin/stdout); each waits for the one before. */
let queue: Promise<unknown> = Promise.resolve();

export function cliRunner(env: Record<string, string>) {
  const base = baseEnv(env);
  return (args: string[], input = '', extra: Record<string, string> = {}): Promise<CliResult> => {
    const run = queue.then(() => runInProcess(args, input, unsetEmpty({ ...base, ...extra })));
    queue = run.catch(() => undefined);
    return run;
  };
}

async function runInProcess(args: string[], input: string, env: Record<string, string>): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.ts');
  const saved = {
    env: process.env,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin')!,
    out: process.stdout.write,
    err: process.stderr.write,
  };
  let out = '';
  let err = '';
  const capture = (append: (s: string) => void): Write =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    }) as Write;
  process.env = env;
  Object.defineProperty(process, 'stdin', { value: Readable.from([Buffer.from(input)]), configurable: true });
  process.stdout.write = capture((s) => {
    out += s;
  });
  process.stderr.write = capture((s) => {
    err += s;
  });
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.env = saved.env;
    Object.defineProperty(process, 'stdin', saved.stdin);
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
  }
}
