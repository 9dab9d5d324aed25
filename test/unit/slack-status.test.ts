/**
 * The DM listener's "checking…" status: a reply that is ready at once goes out alone (one Web API call per
 * message, not two), a slow turn shows the status in the message's language from STATUS_AFTER_MS on, and its
 * reply waits for the status call. Time is vitest's fake clock: nothing here depends on the machine's speed.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Runtime } from '../../src/app/runtime.ts';
import type { ListenerDeps } from '../../src/channels/slack/deps.ts';
import { register, STATUS_AFTER_MS } from '../../src/channels/slack/listeners/direct-message.ts';
import type { SlackRoutes } from '../../src/channels/slack/routes.ts';
import type { RunTurn } from '../../src/channels/slack/turn.ts';
import { bundledContent } from '../support/conversation.ts';

type Handler = (args: Record<string, unknown>) => Promise<void>;

/** The DM listener on a stand-in app, with a turn that posts (after `beforePost`) when `finish` is called. */
function dmListener({ holdStatus = false, refuseStatus = false } = {}) {
  let handler: Handler | undefined;
  const app = { message: (fn: Handler) => (handler = fn) } as unknown as SlackRoutes;
  const calls: string[] = [];
  let finish: () => void = () => {};
  const turn: RunTurn = async (_request, _where, _input, options) => {
    await new Promise<void>((resolve) => (finish = resolve));
    await options?.beforePost?.();
    calls.push('chat.postMessage');
  };
  const content = bundledContent();
  const runtime = { engine: () => ({ content }) } as unknown as Runtime;
  register(app, { runtime, turn } as unknown as ListenerDeps);
  let statusCalled: () => void = () => {};
  const client = {
    assistant: {
      threads: {
        setStatus: (p: { status: string }) => {
          calls.push(`assistant.threads.setStatus ${p.status}`);
          // Held, the status call answers only when the test says so: the reply must wait for it.
          if (refuseStatus) return Promise.reject(new Error('An API error occurred: not_allowed_token_type'));
          return holdStatus ? new Promise<void>((resolve) => (statusCalled = resolve)) : Promise.resolve();
        },
      },
    },
  };
  const receive = (text: string) =>
    handler!({
      message: { type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text, ts: '1.1' },
      client,
      body: { team_id: 'T1', event_id: 'Ev1' },
      context: {},
    });
  return { calls, receive, finish: () => finish(), answerStatus: () => statusCalled() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the DM status while a turn runs', () => {
  test('a reply ready before STATUS_AFTER_MS is posted alone: no status call, then or later', async () => {
    const dm = dmListener();
    const done = dm.receive('ドイツの大学に冷却型赤外線カメラを送りたい');
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS - 1);
    dm.finish();
    await done;
    await vi.advanceTimersByTimeAsync(10 * STATUS_AFTER_MS);
    expect(dm.calls).toEqual(['chat.postMessage']);
  });

  test('a slow turn shows the status in the message’s language, and its reply waits for the status call', async () => {
    for (const [text, status] of [
      ['ドイツの大学に冷却型赤外線カメラを送りたい', '確認中…'],
      ['I want to send an infrared camera to a university in Germany', 'checking…'],
    ] as const) {
      const dm = dmListener({ holdStatus: true });
      const done = dm.receive(text);
      await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS);
      expect(dm.calls).toEqual([`assistant.threads.setStatus ${status}`]);
      dm.finish();
      await vi.advanceTimersByTimeAsync(0);
      expect(dm.calls).toHaveLength(1); // the reply waits for the status call in flight
      dm.answerStatus();
      await done;
      expect(dm.calls).toEqual([`assistant.threads.setStatus ${status}`, 'chat.postMessage']);
    }
  });

  test('a workspace that refuses the status still gets the reply', async () => {
    const dm = dmListener({ refuseStatus: true });
    const done = dm.receive('ドイツの大学に冷却型赤外線カメラを送りたい');
    await vi.advanceTimersByTimeAsync(STATUS_AFTER_MS);
    dm.finish();
    await done;
    expect(dm.calls).toEqual(['assistant.threads.setStatus 確認中…', 'chat.postMessage']);
  });
});
