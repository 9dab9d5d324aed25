/**
 * @module channels/slack/listeners/officer-modals
 * Decide, Revise and Ask on the officer's case card (`ec_decide`, `ec_revise`, `ec_ask`) open their modal.
 * The role is checked before it opens and again when it is submitted (decide-view.ts, ask-view.ts).
 */
import type { ModalView } from '@slack/types';
import { OFFICER_LANG } from '../../../surfaces/officer-view.ts';
import type { ListenerDeps } from '../deps.ts';
import { reportFailures } from '../failures.ts';
import { principalOf } from '../ids.ts';
import { askModal, decideModal } from '../officer-blocks.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';

export function register(app: SlackRoutes, { runtime }: ListenerDeps): void {
  const messages = () => runtime.engine().content.messages;
  for (const [actionId, what, modal] of [
    [SLACK_ACTIONS.decide, 'decide', (id: string) => decideModal(id, messages(), OFFICER_LANG)],
    [SLACK_ACTIONS.revise, 'revise', (id: string) => decideModal(id, messages(), OFFICER_LANG, true)],
    [SLACK_ACTIONS.ask, 'ask about', (id: string) => askModal(id, messages(), OFFICER_LANG)],
  ] as const satisfies readonly (readonly [string, string, (caseId: string) => ModalView])[]) {
    app.action(actionId, async ({ body, action, client, context }) => {
      if (action.type !== 'button') return;
      reportFailures(context, { kind: 'officer', user: body.user.id, channel: body.channel?.id });
      const caseId = action.value ?? '';
      await runtime.cases.requireOfficer(principalOf(body.user.id), caseId, what);
      await client.views.open({ trigger_id: body.trigger_id, view: modal(caseId) });
    });
  }
}
