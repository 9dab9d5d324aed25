/**
 * @module bench/fake-slack-process
 * Starts the Slack Web API fake of the load benches (fake-slack-api.mjs) in its own process, so its work is not
 * counted against the bot's, and resolves whoever waits for the bot's reply in a thread.
 */
import { fork } from 'node:child_process';
import { PROJECT_ROOT } from '../config.ts';

export interface FakeSlackApi {
  url: string;
  replyIn(thread: string): Promise<void>;
  /** The Web API calls received so far, per method. */
  counts(): Promise<Record<string, number>>;
  close(): void;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const proc = fork(`${PROJECT_ROOT}src/bench/fake-slack-api.mjs`, [], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const waiting = new Map<string, () => void>();
  let counted: ((c: Record<string, number>) => void) | undefined;
  const port = await new Promise<number>((resolve) =>
    proc.on('message', (m: { port?: number; thread?: string; counts?: Record<string, number> }) => {
      if (m.port) resolve(m.port);
      if (m.thread) waiting.get(m.thread)?.();
      if (m.counts) counted?.(m.counts);
    }),
  );
  return {
    url: `http://127.0.0.1:${port}/api/`,
    replyIn: (thread) => new Promise<void>((resolve) => waiting.set(thread, resolve)),
    counts: () =>
      new Promise((resolve) => {
        counted = resolve;
        proc.send({ counts: true });
      }),
    close: () => proc.kill(),
  };
}
