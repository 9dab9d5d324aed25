/**
 * @module channels/terminal/chat
 * The embedded default: an interactive chat in the terminal. It only translates — a typed line becomes a
 * text turn, a number picks the numbered option — and prints the reply.
 */
import { createInterface } from 'node:readline/promises';
import type { ConversationService } from '../../conversation/service.ts';
import type { Lang, Reply } from '../../conversation/types.ts';

const CONVERSATION_ID = 'terminal:local';
const QUIT = /^(quit|exit|終了|おわり)$/i;

function render(reply: Reply): string {
  const lines = [reply.say];
  for (const [i, o] of (reply.ask?.options ?? []).entries()) lines.push(`  ${i + 1}. ${o.label}`);
  return `${lines.join('\n')}\n`;
}

export async function runTerminalChat(
  service: ConversationService,
  opts: { banner: string; lang?: Lang; input?: NodeJS.ReadableStream; output?: NodeJS.WritableStream },
): Promise<number> {
  const output = opts.output ?? process.stdout;
  const rl = createInterface({ input: opts.input ?? process.stdin, output });
  output.write(`${opts.banner}\n`);
  output.write(
    opts.lang === 'en'
      ? 'Tell me what you plan to do. Type a number to pick an option, "reset" to start over, "quit" to leave.\n'
      : 'やりたいことを書いてください。選択肢は番号で選べます。「リセット」でやり直し、「quit」で終了します。\n',
  );
  let last: Reply | null = null;
  try {
    for (;;) {
      const line = (await rl.question('> ')).trim();
      if (QUIT.test(line)) break;
      const index = /^\d+$/.test(line) ? Number(line) - 1 : -1;
      const option = last?.ask?.options?.[index];
      const reply = await service.handle(
        CONVERSATION_ID,
        option ? { choose: option.value } : { text: line },
        opts.lang ? { lang: opts.lang } : {},
      );
      if (!reply) continue;
      last = reply;
      output.write(`\n${render(reply)}\n`);
    }
  } catch (err) {
    // Ctrl-D closes the input: a normal way to leave.
    if (!(err instanceof Error && /closed/i.test(err.message))) throw err;
  } finally {
    rl.close();
  }
  return 0;
}
