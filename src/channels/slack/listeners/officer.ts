/**
 * @module channels/slack/listeners/officer
 * The officer's listeners: Claim and Take over, the Decide / Revise / Ask modals and their submissions. The
 * role is checked by the case service for every click and submission, against the user of the signed
 * request; the payload names only the case. One form parser (src/surfaces) reads every decision.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../../app/ports.ts';
import type { Runtime } from '../../../app/runtime.ts';
import { isCodedError } from '../../../core/errors.ts';
import { parseOfficerForm } from '../../../surfaces/officer-form.ts';
import { OFFICER_LANG } from '../../../surfaces/officer-view.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { askModal, decideModal } from '../officer-blocks.ts';
import { SLACK_ACTIONS, SLACK_VIEWS } from '../requirements.ts';
import { viewValue } from '../view-values.ts';

const principalOf = (user: string) => `slack:${user}`;

/** The case a modal is about: `{"caseId","revise"}` as the officer modals write it (a bare id from older ones). */
function modalCase(meta: string): { caseId: string; revise: boolean } {
  try {
    const m = JSON.parse(meta) as { caseId?: unknown; revise?: unknown };
    if (typeof m.caseId === 'string') return { caseId: m.caseId, revise: m.revise === true };
  } catch {
    // not JSON: a bare case id
  }
  return { caseId: meta, revise: false };
}

export function registerOfficerListeners(app: App, deps: { runtime: Runtime; log: Logger }): void {
  const { runtime, log } = deps;

  /** Officer buttons: the role is checked on the server for every click; the payload is never trusted. */
  async function officerAction(
    client: WebClient,
    body: { user: { id: string }; channel?: { id: string } },
    run: () => Promise<unknown>,
  ) {
    try {
      await run();
    } catch (err) {
      const text = isCodedError(err)
        ? escapeMrkdwn(`${err.code}: ${err.message}`)
        : 'APP.INTERNAL: the action failed; nothing changed.';
      if (!isCodedError(err))
        log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'slack officer action failed');
      if (body.channel?.id)
        await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text }).catch(() => undefined);
      else await client.chat.postMessage({ channel: body.user.id, text }).catch(() => undefined);
    }
  }

  const content = () => runtime.engine().content;

  for (const [actionId, takeOver] of [
    [SLACK_ACTIONS.claim, false],
    [SLACK_ACTIONS.takeOver, true],
  ] as const) {
    app.action({ action_id: actionId }, async ({ ack, body, action, client }) => {
      await ack();
      if (action.type !== 'button' || body.type !== 'block_actions') return;
      await officerAction(client, body, () =>
        runtime.cases.claim(action.value ?? '', principalOf(body.user.id), { takeOver }),
      );
    });
  }

  // Decide, Revise and Ask open a modal; the role is checked before it opens and again when it is submitted.
  for (const [actionId, what, open] of [
    [SLACK_ACTIONS.decide, 'decide', (id: string) => decideModal(id, content().messages, OFFICER_LANG)],
    [SLACK_ACTIONS.revise, 'revise', (id: string) => decideModal(id, content().messages, OFFICER_LANG, true)],
    [SLACK_ACTIONS.ask, 'ask about', (id: string) => askModal(id, content().messages, OFFICER_LANG)],
  ] as const) {
    app.action({ action_id: actionId }, async ({ ack, body, action, client }) => {
      await ack();
      if (action.type !== 'button' || body.type !== 'block_actions') return;
      const caseId = action.value ?? '';
      await officerAction(client, body, async () => {
        await runtime.cases.requireOfficer(principalOf(body.user.id), caseId, what);
        await client.views.open({ trigger_id: body.trigger_id, view: open(caseId) });
      });
    });
  }

  app.view(SLACK_VIEWS.decide, async ({ ack, view, body, client }) => {
    const { caseId, revise } = modalCase(view.private_metadata);
    const form = parseOfficerForm(
      { kind: viewValue(view, 'kind'), detail: viewValue(view, 'detail'), result: viewValue(view, 'result') },
      content().messages,
      OFFICER_LANG,
    );
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: { [form.field]: form.message } });
      return;
    }
    await ack();
    const officer = principalOf(body.user.id);
    await officerAction(client, body, async () => {
      await runtime.cases.decide(caseId, officer, form.decision, { revise });
      const comment = viewValue(view, 'comment');
      if (comment) await runtime.cases.comment(caseId, officer, comment);
    });
  });

  app.view(SLACK_VIEWS.ask, async ({ ack, view, body, client }) => {
    const question = viewValue(view, 'detail');
    if (!question?.trim()) {
      await ack({
        response_action: 'errors',
        errors: { detail: content().messages.t('officer.error_question_required', OFFICER_LANG) },
      });
      return;
    }
    await ack();
    await officerAction(client, body, () =>
      runtime.cases.decide(modalCase(view.private_metadata).caseId, principalOf(body.user.id), {
        kind: 'more_information',
        question,
      }),
    );
  });
}
