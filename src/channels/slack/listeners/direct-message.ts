/**
 * @module channels/slack/listeners/direct-message
 * `message.im`: a message in the bot's DM (its Messages tab) is a turn in that message's thread; the
 * assistant surface shows "checking…" meanwhile where the workspace has it.
 */
import type { App } from '@slack/bolt';
import { detectLang } from '../../../conversation/lang.ts';
import type { ListenerDeps } from '../deps.ts';
import { isPersonMessage } from '../person-message.ts';

export function register(app: App, { runtime, turn }: ListenerDeps): void {
  app.message(async ({ message, client, body, context }) => {
    if (!isPersonMessage(message) || message.channel_type !== 'im') return;
    const threadTs = message.thread_ts || message.ts;
    const text = message.text ?? '';
    const status = runtime.engine().content.messages.t('reply.checking', detectLang(text) ?? 'ja');
    // Best effort: workspaces without the assistant surface refuse it, and the reply comes all the same. It
    // goes out while the turn runs (not one Web API round trip before it); the reply waits for it.
    const shown = client.assistant.threads.setStatus({ channel_id: message.channel, thread_ts: threadTs, status }).then(
      () => undefined,
      () => undefined,
    );
    await turn(
      { client, context },
      { team: body.team_id, channel: message.channel, threadTs, user: message.user },
      { text },
      { deliveryId: `slack:${body.event_id}`, beforePost: () => shown },
    );
  });
}
