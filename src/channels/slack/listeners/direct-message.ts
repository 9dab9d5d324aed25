/**
 * @module channels/slack/listeners/direct-message
 * `message.im`: a message in the bot's DM (its Messages tab) is a turn in that message's thread; the
 * assistant surface shows "checking…" meanwhile where the workspace has it — only when the reply is slow.
 */
import { detectLang } from '../../../conversation/lang.ts';
import type { ListenerDeps } from '../deps.ts';
import { isPersonMessage } from '../person-message.ts';
import type { SlackRoutes } from '../routes.ts';

/**
 * A reply ready sooner than this goes out without the "checking…" status first: the status would show for an
 * instant (posting the reply clears it) at the cost of one more Web API call per message. A slower turn (an
 * LLM reading, a slow store) shows it from this point on, and its reply waits for it.
 */
export const STATUS_AFTER_MS = 1000;

export function register(app: SlackRoutes, { runtime, turn }: ListenerDeps): void {
  app.message(async ({ message, client, body, context }) => {
    if (!isPersonMessage(message) || message.channel_type !== 'im') return;
    const threadTs = message.thread_ts || message.ts;
    const text = message.text ?? '';
    let shown: Promise<void> | undefined;
    // Best effort: workspaces without the assistant surface refuse it, and the reply comes all the same. Nothing
    // may throw out of the timer (it runs outside the listener, where nothing would catch it).
    const showStatus = async () => {
      const status = runtime.engine().content.messages.t('reply.checking', detectLang(text) ?? 'ja');
      await client.assistant.threads.setStatus({ channel_id: message.channel, thread_ts: threadTs, status });
    };
    const timer = setTimeout(() => {
      shown = showStatus().catch(() => undefined);
    }, STATUS_AFTER_MS);
    try {
      await turn(
        { client, context },
        { team: body.team_id, channel: message.channel, threadTs, user: message.user },
        { text },
        {
          deliveryId: `slack:${body.event_id}`,
          beforePost: () => {
            clearTimeout(timer);
            return shown ?? Promise.resolve();
          },
        },
      );
    } finally {
      clearTimeout(timer);
    }
  });
}
