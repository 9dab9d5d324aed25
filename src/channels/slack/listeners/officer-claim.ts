/**
 * @module channels/slack/listeners/officer-claim
 * Claim and Take over on the officer's case card (`ec_claim`, `ec_take_over`). The case service checks the
 * role of the signed request's user for every click; the payload names only the case. A refusal is told
 * privately by the error handler (failures.ts).
 */
import type { ListenerDeps } from '../deps.ts';
import { reportFailures } from '../failures.ts';
import { principalOf } from '../ids.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';

export function register(app: SlackRoutes, { runtime }: ListenerDeps): void {
  for (const [actionId, takeOver] of [
    [SLACK_ACTIONS.claim, false],
    [SLACK_ACTIONS.takeOver, true],
  ] as const) {
    app.action(actionId, async ({ body, action, context }) => {
      if (action.type !== 'button') return;
      reportFailures(context, { kind: 'officer', user: body.user.id, channel: body.channel?.id });
      await runtime.cases.claim(action.value ?? '', principalOf(body.user.id), { takeOver });
    });
  }
}
