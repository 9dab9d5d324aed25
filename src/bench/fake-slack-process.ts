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
  close(): void;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const proc = fork(`${PROJECT_ROOT}src/bench/fake-slack-api.mjs`, [], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const waiting = new Map<string, () => void>();
  const port = await new Promise<number>((resolve) =>
    proc.on('message', (m: { port?: number; thread?: string }) => {
      if (m.port) resolve(m.port);
      if (m.thread) waiting.get(m.thread)?.();
    }),
  );
  return {
    url: `http://127.0.0.1:${port}/api/`,
    replyIn: (thread) => new Promise<void>((resolve) => waiting.set(thread, resolve)),
    close: () => proc.kill(),
  };
}
