/**
 * @module channels/slack/listeners/new-case
 * "New case" on the decision card (`ec_new`): the thread's conversation starts over.
 */
import { type App, autoAcknowledge } from '@slack/bolt';
import type { ListenerDeps } from '../deps.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: App, { turn }: ListenerDeps): void {
  app.action(
    { type: 'block_actions', action_id: SLACK_ACTIONS.newCase },
    autoAcknowledge,
    async ({ body, client, context }) => {
      await turn({ client, context }, threadOfAction(body), { text: 'new case' });
    },
  );
}
