/**
 * @module channels/slack/listeners/ask-view
 * The Ask modal's submission (`ec_ask_modal`): the officer's question goes to the researcher as a request
 * for more information. An empty question is shown on the modal, which stays open.
 */
import { OFFICER_LANG } from '../../../surfaces/officer-view.ts';
import type { ListenerDeps } from '../deps.ts';
import { reportFailures } from '../failures.ts';
import { principalOf } from '../ids.ts';
import { modalCase } from '../modal-case.ts';
import { SLACK_VIEWS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { viewValue } from '../view-values.ts';

export function register(app: SlackRoutes, { runtime }: ListenerDeps): void {
  app.view(SLACK_VIEWS.ask, async ({ ack, view, body, context }) => {
    const question = viewValue(view, 'detail');
    if (!question?.trim()) {
      await ack({
        response_action: 'errors',
        errors: { detail: runtime.engine().content.messages.t('officer.error_question_required', OFFICER_LANG) },
      });
      return;
    }
    await ack();
    reportFailures(context, { kind: 'officer', user: body.user.id });
    await runtime.cases.decide(modalCase(view.private_metadata).caseId, principalOf(body.user.id), {
      kind: 'more_information',
      question,
    });
  });
}
