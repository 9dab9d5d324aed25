/**
 * @module channels/terminal/chat
 * The embedded default: an interactive chat in the terminal. It only translates — a typed line becomes a
 * text turn, a number picks the numbered option — and prints the reply view (src/surfaces/reply-view.ts),
 * the same one Slack and Teams render, worded by the catalogue in force.
 */
import { createInterface } from 'node:readline/promises';
import type { Inbox } from '../../cases/ports.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { ConversationService } from '../../conversation/service.ts';
import type { Lang, Reply } from '../../conversation/types.ts';
import { type ReplyView, replyView } from '../../surfaces/reply-view.ts';

const INBOX_POLL_MS = 1000;
const QUIT = /^\/?(quit|exit|終了|おわり)$/i;

/** The reply view as terminal text: the heading, the text, the choices numbered (a country or text is typed). */
export function viewText(view: ReplyView): string {
  const lines = [...(view.heading ? [view.heading] : []), view.text];
  const q = view.question;
  if (q?.kind === 'choices') for (const [i, o] of q.choices.entries()) lines.push(`  ${i + 1}. ${o.label}`);
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
  output.write(`${service.engine.content.messages.t('terminal.intro', opts.lang === 'en' ? 'en' : 'ja')}\n`);
  let last: Reply | null = null;
  // A question pending when the input ends is not always rejected by readline (a pipe's end, Node 20): the
  // close event ends the chat instead.
  const closed = new Promise<never>((_, reject) => rl.once('close', () => reject(new Error('input closed'))));
  closed.catch(() => undefined);
  try {
    for (;;) {
      const line = (await Promise.race([rl.question('> '), closed])).trim();
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
      output.write(`\n${viewText(replyView(reply, lang, service.engine, { thread: false }))}\n`);
      await showNotices();
    }
  } catch (err) {
    // Ctrl-D closes the input (readline says "closed", or "Aborted with Ctrl+D" mid-question): a normal way to leave.
    if (!(err instanceof Error && /closed|ctrl\+d/i.test(err.message))) throw err;
  } finally {
    if (timer) clearInterval(timer);
    rl.close();
  }
  return 0;
}
