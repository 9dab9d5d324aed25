/**
 * @module channels/slack/person-message
 * The messages the bot hears: a person's own plain message (no subtype, so not an edit, a join or a bot post).
 */
import type { KnownEventFromType } from '@slack/bolt';
import type { GenericMessageEvent } from '@slack/types';

export function isPersonMessage(message: KnownEventFromType<'message'>): message is GenericMessageEvent {
  return message.subtype === undefined && Boolean(message.user) && !message.bot_id;
}
