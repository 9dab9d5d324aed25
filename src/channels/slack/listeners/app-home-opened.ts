/**
 * @module channels/slack/listeners/app-home-opened
 * `app_home_opened` on the Messages tab: the agent's suggested prompts (the same the manifest's agent_view
 * declares), which replaced the legacy assistant_thread_started.
 */
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from '../prompts.ts';
import type { SlackRoutes } from '../routes.ts';

export function register(app: SlackRoutes): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'messages') return;
    // Best effort: a workspace without the agent surface refuses the call; the tab works without prompts.
    await client.assistant.threads
      .setSuggestedPrompts({
        channel_id: event.channel,
        title: SUGGESTED_PROMPTS_TITLE,
        prompts: SUGGESTED_PROMPTS.map((p) => ({ ...p })),
      })
      .catch(() => undefined);
  });
}
