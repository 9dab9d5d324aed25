/**
 * @module channels/terminal/chat
 * The embedded default: an interactive chat in the terminal. It only translates — a typed line becomes a
 * text turn, a number picks the numbered option — and prints the reply.
 */
import { createInterface } from 'node:readline/promises';
import type { Inbox } from '../../cases/ports.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { ConversationService } from '../../conversation/service.ts';
import type { Lang, Reply } from '../../conversation/types.ts';

const INBOX_POLL_MS = 1000;
const QUIT = /^(quit|exit|終了|おわり)$/i;

function render(reply: Reply): string {
  const lines = [reply.say];
  for (const [i, o] of (reply.ask?.options ?? []).entries()) lines.push(`  ${i + 1}. ${o.label}`);
  return `${lines.join('\n')}\n`;
}

export async function runTerminalChat(
  service: ConversationService,
  opts: {
    banner: string;
    lang?: Lang;
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
    /** Who is typing (`local:<user>`), for the case record and the inbox of officers' answers. */
    principal?: string;
    inbox?: Inbox;
  },
): Promise<number> {
  const output = opts.output ?? process.stdout;
  const principal = opts.principal ?? 'local:terminal';
  const conversationId = `terminal:${principal}`;
  const rl = createInterface({ input: opts.input ?? process.stdin, output });
  let lang: Lang = opts.lang ?? 'ja';
  // Officers decide from another process (`export-check cases decide`); their notices show up here.
  const showNotices = async () => {
    for (const n of (await opts.inbox?.drain(principal).catch(() => [])) ?? []) output.write(`\n📣 ${n[lang]}\n> `);
  };
  const timer = opts.inbox ? setInterval(() => void showNotices(), INBOX_POLL_MS) : undefined;
  timer?.unref();
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
      // A number answers the question it was shown with (its fact and turn), never a later one.
      const input = option
        ? {
            choose: option.value,
            ...(last?.ask ? { fact: last.ask.fact } : {}),
            ...(last?.turn !== undefined ? { turn: last.turn } : {}),
          }
        : { text: line };
      const reply = await service.handle(conversationId, input, {
        requester: { principal, channel: 'terminal' },
        ...(opts.lang ? { lang: opts.lang } : {}),
      });
      if (!reply) continue;
      last = reply;
      if (!opts.lang && !option) lang = detectLang(line) ?? lang;
      output.write(`\n${render(reply)}\n`);
      await showNotices();
    }
  } catch (err) {
    // Ctrl-D closes the input: a normal way to leave.
    if (!(err instanceof Error && /closed/i.test(err.message))) throw err;
  } finally {
    if (timer) clearInterval(timer);
    rl.close();
  }
  return 0;
}
