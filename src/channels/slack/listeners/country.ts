/**
 * @module channels/slack/listeners/country
 * The destination-country menu (`ec_country`): the selected country is a turn.
 */
import { choiceOf, replaceAnswered } from '../choice.ts';
import type { ListenerDeps } from '../deps.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: SlackRoutes, { turn }: ListenerDeps): void {
  app.action(SLACK_ACTIONS.country, async ({ body, action, client, context }) => {
    if (action.type !== 'static_select') return;
    const input = choiceOf(action.selected_option.value);
    if (!input) return;
    await turn({ client, context }, threadOfAction(body), input, {
      beforePost: () => replaceAnswered(client, body, action.selected_option.text.text),
    });
  });
}
