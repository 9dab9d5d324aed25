/**
 * @module channels/slack/listeners/faq-view
 * The FAQ modal's submission (`ec_faq_modal`, opened by `/exportcheck admin faq`): saved through the shared
 * FAQ editor, which checks the admin role; a field it refuses is shown on the modal, which stays open.
 */
import { saveFaqFromModal } from '../admin.ts';
import type { ListenerDeps } from '../deps.ts';
import { principalOf } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { SLACK_VIEWS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { viewValue } from '../view-values.ts';

export function register(app: SlackRoutes, deps: ListenerDeps): void {
  app.view(SLACK_VIEWS.faq, async ({ ack, view, body, client }) => {
    const r = await saveFaqFromModal(deps, principalOf(body.user.id), (block) => viewValue(view, block));
    if (!r.ok) {
      await ack({ response_action: 'errors', errors: { [r.block]: r.message.slice(0, 150) } });
      return;
    }
    await ack();
    // Best effort: the entry is saved and active whether or not the confirmation reaches the admin.
    await client.chat.postMessage({ channel: body.user.id, text: escapeMrkdwn(r.message) }).catch(() => undefined);
  });
}
