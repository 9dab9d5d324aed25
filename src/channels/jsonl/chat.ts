/**
 * @module channels/jsonl/chat
 * `export-check chat --jsonl`: the conversation for programs (contract §4). Each input line is
 * {"text": "..."} or {"choose": "<value>", "fact": "<key>"} (`fact` optional: without it the choice answers
 * the question asked now; with another fact it changes nothing and the question is asked again); each gets
 * exactly one output line {"say","ask","decision"}. Every run is a new conversation unless `--session ID`
 * names one to continue. A line that is not such an object gets a reply whose `say` names the error code.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Inbox } from '../../cases/ports.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { ConversationService } from '../../conversation/service.ts';
import type { Lang, Reply, TurnInput } from '../../conversation/types.ts';
import { ErrorCode } from '../../core/errors.ts';

const InputSchema = z.union([
  z.strictObject({ text: z.string().max(20_000) }),
  z.strictObject({ choose: z.string().max(200), fact: z.string().max(100).optional() }),
]);

/** Only the contract's fields go out. */
function toLine(reply: Reply & { error?: unknown }): string {
  const { say, ask, decision } = reply;
  return JSON.stringify({ say, ask, decision, ...(reply.error ? { error: reply.error } : {}) });
}

function errorReply(code: string, message: string): Reply & { error: { code: string; message: string } } {
  return { say: `${code}: ${message}`, ask: null, decision: null, error: { code, message } };
}

export async function runJsonlChat(
  service: ConversationService,
  opts: {
    lang?: Lang;
    input?: NodeJS.ReadableStream;
    output?: NodeJS.WritableStream;
    principal?: string;
    /** Officers' notices for this requester, added to the next reply's `say`. */
    inbox?: Inbox;
    /** Continue this conversation (`--session ID`); otherwise every run is a new one. */
    session?: string;
  } = {},
): Promise<number> {
  const conversationId = opts.session ? `jsonl:session:${opts.session}` : `jsonl:${randomUUID()}`;
  const output = opts.output ?? process.stdout;
  const rl = createInterface({ input: opts.input ?? process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let input: TurnInput;
    try {
      const parsed = InputSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        output.write(
          `${JSON.stringify(errorReply(ErrorCode.InputUnparseable, 'expected {"text": "..."} or {"choose": "...", "fact": "..."}'))}\n`,
        );
        continue;
      }
      const d = parsed.data;
      input = 'text' in d ? { text: d.text } : { choose: d.choose, ...(d.fact !== undefined ? { fact: d.fact } : {}) };
    } catch {
      output.write(`${JSON.stringify(errorReply(ErrorCode.InputUnparseable, 'not JSON'))}\n`);
      continue;
    }
    const reply = await service.handle(conversationId, input, {
      requester: { principal: opts.principal ?? 'local:jsonl', channel: 'jsonl' },
      ...(opts.lang ? { lang: opts.lang } : {}),
    });
    const notices = (await opts.inbox?.drain(opts.principal ?? 'local:jsonl').catch(() => [])) ?? [];
    const lang = opts.lang ?? (detectLang('text' in input ? input.text : '') || 'ja');
    const shown =
      reply && notices.length
        ? { ...reply, say: `${notices.map((n) => `📣 ${n[lang]}`).join('\n')}\n${reply.say}` }
        : reply;
    output.write(`${toLine(shown ?? errorReply('CHAT.DUPLICATE', 'repeated delivery ignored'))}\n`);
  }
  return 0;
}
