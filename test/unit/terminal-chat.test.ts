import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { runTerminalChat } from '../../src/channels/terminal/chat.ts';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../../src/stores/memory.ts';
import { engineDeps } from '../support/conversation.ts';

test('when a person types in the terminal chat, then numbers pick options and the decision is printed', async () => {
  const service = new ConversationService(
    engineDeps(),
    new MemoryConversationStore<ConversationState>(600),
    new MemoryIdempotencyStore(600),
  );
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c) => {
    printed += String(c);
  });
  const done = runTerminalChat(service, { banner: 'export-check — test banner', lang: 'en', input, output });
  const lines = [
    'I want to send a cooled infrared camera to a university in Germany',
    'Technical University of Munich',
    '3',
    'quit',
  ];
  for (const line of lines) {
    input.write(`${line}\n`);
    await new Promise((r) => setTimeout(r, 30));
  }
  expect(await done).toBe(0);
  expect(printed).toContain('export-check — test banner');
  expect(printed).toContain("  3. Not yet / I don't know");
  expect(printed).toContain('Classification needed');
  expect(printed).toMatch(/Case id: EC-TEST-\d{4}/);
});
