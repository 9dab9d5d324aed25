/**
 * @module channels/jsonl/chat
 * `export-check chat --jsonl`: the conversation for programs (contract §4). Each input line is
 * {"text": "..."} or {"choose": "<value>"}; each gets exactly one output line {"say","ask","decision"}.
 * A line that is not such an object gets a reply whose `say` names the error code; the session goes on.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { Inbox } from '../../cases/ports.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { ConversationService } from '../../conversation/service.ts';
import type { Lang, Reply, TurnInput } from '../../conversation/types.ts';
import { ErrorCode } from '../../core/errors.ts';

const InputSchema = z.union([
  z.strictObject({ text: z.string().max(20_000) }),
  z.strictObject({ choose: z.string().max(200) }),
]);

const CONVERSATION_ID = 'jsonl:stdin';

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
  } = {},
): Promise<number> {
  const output = opts.output ?? process.stdout;
  const rl = createInterface({ input: opts.input ?? process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let input: TurnInput;
    try {
      const parsed = InputSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        output.write(
          `${JSON.stringify(errorReply(ErrorCode.InputUnparseable, 'expected {"text": "..."} or {"choose": "..."}'))}\n`,
        );
        continue;
      }
      input = parsed.data;
    } catch {
      output.write(`${JSON.stringify(errorReply(ErrorCode.InputUnparseable, 'not JSON'))}\n`);
      continue;
    }
    const reply = await service.handle(CONVERSATION_ID, input, {
      requester: { principal: opts.principal ?? 'local:jsonl', channel: 'jsonl' },
      ...(opts.lang ? { lang: opts.lang } : {}),
    });
    const notices = (await opts.inbox?.drain(opts.principal ?? 'local:jsonl').catch(() => [])) ?? [];
    const lang = opts.lang ?? (detectLang('text' in input ? input.text : '') || 'ja');
    const shown =
      reply && notices.length
        ? { ...reply, say: `${notices.map((n) => `📣 ${n[lang]}`).join('\n')}\n${reply.say}` }
        : reply;
    output.write(`${JSON.stringify(shown ?? errorReply('CHAT.DUPLICATE', 'repeated delivery ignored'))}\n`);
  }
  return 0;
}
