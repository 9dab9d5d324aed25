import { describe, expect, test } from 'vitest';
import { MemoryInbox } from '../../src/cases/memory-store.ts';
import { channelSurveySenders } from '../../src/cli/serve.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryKeyValueStore } from '../../src/stores/memory.ts';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
const reply = { say: 'アンケートのお願い', ask: { options: [{ label: 'はい' }] } } as never;

describe('survey senders made by the CLI', () => {
  test('without Bot Framework credentials a Teams user’s survey message waits in the inbox', async () => {
    const inbox = new MemoryInbox();
    const make = await channelSurveySenders(loadConfig({}), quiet);
    const sender = make({ inbox, values: new MemoryKeyValueStore(), replyContent: () => ({}) as never });
    await sender.send('teams:29:abc', reply);
    const waiting = await inbox.drain('teams:29:abc');
    expect(waiting.map((n) => n.ja)).toEqual(['アンケートのお願い\n  1. はい']);
  });
});
