/**
 * @module channels/slack/turn
 * One conversation turn from Slack: the thread names the conversation, the signed request's user is the
 * requester, the reply goes in the thread as Block Kit. A failure is not caught here: the turn tells Bolt's
 * error handler (failures.ts) where its safe message goes, and throws.
 */
import type { BlockAction, Context } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Runtime } from '../../app/runtime.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { Lang, TurnInput } from '../../conversation/types.ts';
import { replyBlocks } from './blocks.ts';
import { reportFailures } from './failures.ts';
import { conversationIdOf, principalOf } from './ids.ts';
import { fallbackText } from './mrkdwn.ts';

/** Where a turn happens and who speaks: the thread of the conversation and the user of the signed request. */
export interface SlackThread {
  team?: string | undefined;
  channel: string;
  threadTs: string;
  user: string;
}

export interface TurnOptions {
  deliveryId?: string;
  lang?: Lang;
  continueOnly?: boolean;
  /** Runs only when the turn was taken (not a repeat, not another user's message in the thread). */
  beforePost?: () => Promise<void>;
}

export type RunTurn = (
  request: { client: WebClient; context: Context },
  where: SlackThread,
  input: TurnInput,
  options?: TurnOptions,
) => Promise<void>;

export function turnRunner(runtime: Runtime): RunTurn {
  return async ({ client, context }, where, input, options = {}) => {
    const conversationId = conversationIdOf(where.team, where.channel, where.threadTs);
    const lang: Lang = options.lang ?? ('text' in input ? detectLang(input.text) : undefined) ?? 'ja';
    reportFailures(context, { kind: 'turn', conversationId, channel: where.channel, threadTs: where.threadTs, lang });
    const reply = await runtime.conversation.handle(conversationId, input, {
      ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
      ...(options.continueOnly ? { continueOnly: true } : {}),
      requester: {
        principal: principalOf(where.user),
        channel: 'slack',
        thread: { channel: where.channel, ts: where.threadTs, lang },
      },
    });
    if (!reply) return; // a repeated delivery, or not the requester: nothing to say
    await options.beforePost?.();
    await client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs,
      text: fallbackText(reply.say),
      blocks: replyBlocks(reply, conversationId, lang, runtime.engine()),
    });
  };
}

/** The thread a button or menu was used in (the message's thread, or the message itself), and who used it. */
export function threadOfAction(body: BlockAction): SlackThread {
  return {
    team: body.team?.id,
    channel: body.channel?.id ?? '',
    threadTs: body.message?.thread_ts ?? body.message?.ts ?? '',
    user: body.user.id,
  };
}
