/**
 * @module channels/slack/listeners/decide-view
 * The Decide / Revise modal's submission (`ec_decide_modal`): one form parser (src/surfaces) reads the
 * decision; a missing field is shown on the modal, which stays open. The case service checks the role again.
 */
import { parseOfficerForm } from '../../../surfaces/officer-form.ts';
import { OFFICER_LANG } from '../../../surfaces/officer-view.ts';
import type { ListenerDeps } from '../deps.ts';
import { reportFailures } from '../failures.ts';
import { principalOf } from '../ids.ts';
import { modalCase } from '../modal-case.ts';
import { SLACK_VIEWS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { viewValue } from '../view-values.ts';

export function register(app: SlackRoutes, { runtime }: ListenerDeps): void {
  app.view(SLACK_VIEWS.decide, async ({ ack, view, body, context }) => {
    const { caseId, revise } = modalCase(view.private_metadata);
    const form = parseOfficerForm(
      { kind: viewValue(view, 'kind'), detail: viewValue(view, 'detail'), result: viewValue(view, 'result') },
      runtime.engine().content.messages,
      OFFICER_LANG,
    );
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: { [form.field]: form.message } });
      return;
    }
    await ack();
    reportFailures(context, { kind: 'officer', user: body.user.id });
    const officer = principalOf(body.user.id);
    await runtime.cases.decide(caseId, officer, form.decision, { revise });
    const comment = viewValue(view, 'comment');
    if (comment) await runtime.cases.comment(caseId, officer, comment);
  });
}
