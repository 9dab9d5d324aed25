/**
 * @module channels/slack/listeners/app-mention
 * `app_mention`: a mention in a channel starts (or continues) the conversation in the mention's thread.
 */
import type { ListenerDeps } from '../deps.ts';
import type { SlackRoutes } from '../routes.ts';

export function register(app: SlackRoutes, { turn }: ListenerDeps): void {
  app.event('app_mention', async ({ event, client, body, context }) => {
    if (!event.user) return;
    const text = event.text.replace(/<@[A-Z0-9]+>/g, '').trim();
    await turn(
      { client, context },
      { team: body.team_id, channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user },
      { text },
      { deliveryId: `slack:${body.event_id}` },
    );
  });
}
