/**
 * @module channels/slack/listeners/new-case
 * "New case" on the decision card (`ec_new`): the thread's conversation starts over.
 */
import type { ListenerDeps } from '../deps.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: SlackRoutes, { turn }: ListenerDeps): void {
  app.action(SLACK_ACTIONS.newCase, async ({ body, client, context }) => {
    await turn({ client, context }, threadOfAction(body), { text: 'new case' });
  });
}
