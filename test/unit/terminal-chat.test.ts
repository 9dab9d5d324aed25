import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { MemoryInbox } from '../../src/cases/memory-store.ts';
import { runTerminalChat } from '../../src/channels/terminal/chat.ts';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState, Lang } from '../../src/conversation/types.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../../src/stores/memory.ts';
import { engineDeps } from '../support/conversation.ts';

const memoryService = () =>
  new ConversationService(
    engineDeps(),
    new MemoryConversationStore<ConversationState>(600),
    new MemoryIdempotencyStore(600),
  );

/** A terminal chat on in-memory streams: type lines, then read what was printed. */
async function session(
  lines: string[],
  opts: { lang: Lang; principal?: string; inbox?: MemoryInbox; before?: () => Promise<void> },
) {
  const service = memoryService();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c) => {
    printed += String(c);
  });
  const done = runTerminalChat(service, {
    banner: 'export-check — test banner',
    lang: opts.lang,
    input,
    output,
    ...(opts.principal ? { principal: opts.principal } : {}),
    ...(opts.inbox ? { inbox: opts.inbox } : {}),
  });
  await opts.before?.();
  for (const line of lines) {
    input.write(`${line}\n`);
    await new Promise((r) => setTimeout(r, 40));
  }
  return { code: await done, printed };
}

test('when a person types in the terminal chat, then numbers pick options and the decision is printed', async () => {
  const { code, printed } = await session(
    [
      'I want to send a cooled infrared camera to a university in Germany',
      'Technical University of Munich',
      '3',
      'quit',
    ],
    { lang: 'en' },
  );
  expect(code).toBe(0);
  expect(printed).toContain('export-check — test banner');
  expect(printed).toContain("  3. Not yet / I don't know");
  expect(printed).toContain('Classification needed');
  expect(printed).toMatch(/Case id: EC-TEST-\d{4}/);
});

test("when an officer decides from another process, then the notice appears in the researcher's terminal", async () => {
  const inbox = new MemoryInbox();
  const { printed } = await session(['北朝鮮の大学に本を送りたい', 'quit'], {
    lang: 'ja',
    principal: 'local:r',
    inbox,
    before: () =>
      inbox.push('local:r', { caseId: 'EC-1', at: 't', ja: '案件 EC-1 の担当者の判断：中止してください。', en: 'x' }),
  });
  expect(printed).toContain('📣 案件 EC-1 の担当者の判断：中止してください。');
});

test('when the person types /quit or the input closes, then the chat ends normally with nothing coded printed', async () => {
  const quit = await session(['/quit'], { lang: 'en' });
  expect(quit.code).toBe(0);
  expect(quit.printed).not.toMatch(/APP\.|Error/);
  // The input closing mid-question (Ctrl-D) is a normal way to leave too.
  const input = new PassThrough();
  const done = runTerminalChat(memoryService(), { banner: 'b', lang: 'en', input, output: new PassThrough() });
  input.end();
  expect(await done).toBe(0);
});
