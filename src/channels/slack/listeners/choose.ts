/**
 * @module channels/slack/listeners/choose
 * The option buttons of a question (`ec_choose:<n>`) and the hand-off button: a choice is a turn.
 */
import { choiceOf, replaceAnswered } from '../choice.ts';
import type { ListenerDeps } from '../deps.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: SlackRoutes, { turn }: ListenerDeps): void {
  app.action(new RegExp(`^${SLACK_ACTIONS.choose}:\\d+$`), async ({ body, action, client, context }) => {
    if (action.type !== 'button') return;
    const input = choiceOf(action.value ?? '');
    if (!input) return;
    await turn({ client, context }, threadOfAction(body), input, {
      // A hand-built payload may leave the button's text out; the choice then labels the answered card.
      beforePost: () => replaceAnswered(client, body, 'text' in action ? action.text.text : input.choose),
    });
  });
}
