/**
 * @module channels/slack/listeners/correct
 * "Correct a fact" on the decision card (`ec_correct`): the researcher is asked to write the correction in
 * the thread, where it is the next turn.
 */
import { type App, autoAcknowledge } from '@slack/bolt';
import { SLACK_ACTIONS } from '../requirements.ts';
import { ASK_FOR_CORRECTION } from '../texts.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: App): void {
  app.action({ type: 'block_actions', action_id: SLACK_ACTIONS.correct }, autoAcknowledge, async ({ body, client }) => {
    const { channel, threadTs } = threadOfAction(body);
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: ASK_FOR_CORRECTION });
  });
}
