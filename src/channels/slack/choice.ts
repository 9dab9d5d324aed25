/**
 * @module channels/slack/choice
 * A researcher's button or menu choice: its value names the option, the fact it answers and the turn it was
 * offered in (blocks.ts writes it), so a click on an old card changes nothing. Once the choice is taken, the
 * answered card is replaced in place so its buttons disappear.
 */
import type { BlockAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { TurnInput } from '../../conversation/types.ts';
import { answeredBlocks } from './blocks.ts';

/** The choice a button's or option's value names; the value comes from the payload, so each field is checked. */
export function choiceOf(value: string): Extract<TurnInput, { choose: string }> | undefined {
  const parsed: unknown = JSON.parse(value || '{}');
  if (!parsed || typeof parsed !== 'object') return undefined;
  const { v, f, t } = parsed as Record<string, unknown>;
  if (typeof v !== 'string' || !v) return undefined;
  return {
    choose: v,
    ...(typeof f === 'string' && f ? { fact: f } : {}),
    ...(typeof t === 'number' ? { turn: t } : {}),
  };
}

/** Best effort: the card may be gone or too old to edit; the answer stands either way. */
export async function replaceAnswered(client: WebClient, body: BlockAction, label: string): Promise<void> {
  if (!body.channel?.id || !body.message?.ts) return;
  await client.chat
    .update({
      channel: body.channel.id,
      ts: body.message.ts,
      text: body.message.text ?? label,
      blocks: answeredBlocks(body.message.blocks, label),
    })
    .catch(() => undefined);
}
