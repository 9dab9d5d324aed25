/**
 * @module channels/slack/listeners/thread-reply
 * `message.channels` / `message.groups`: a reply in a channel thread continues a conversation the bot
 * started there (from a mention or /exportcheck), and starts none; a mention is app_mention's, not answered
 * twice. Only the requester is heard: the conversation service ignores the others.
 */
import type { ListenerDeps } from '../deps.ts';
import { isPersonMessage } from '../person-message.ts';
import type { SlackRoutes } from '../routes.ts';

export function register(app: SlackRoutes, { turn }: ListenerDeps): void {
  app.message(async ({ message, client, body, context }) => {
    if (!isPersonMessage(message)) return;
    if (message.channel_type !== 'channel' && message.channel_type !== 'group') return;
    const threadTs = message.thread_ts;
    if (!threadTs || threadTs === message.ts) return;
    const text = message.text ?? '';
    if (context.botUserId && text.includes(`<@${context.botUserId}>`)) return;
    await turn(
      { client, context },
      { team: body.team_id, channel: message.channel, threadTs, user: message.user },
      { text },
      { deliveryId: `slack:${body.event_id}`, continueOnly: true },
    );
  });
}
