/**
 * @module channels/slack/listeners/correct
 * "Correct a fact" on the decision card (`ec_correct`): the researcher is asked to write the correction in
 * the thread, where it is the next turn.
 */
import type { ListenerDeps } from '../deps.ts';
import { SLACK_ACTIONS } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';
import { threadOfAction } from '../turn.ts';

export function register(app: SlackRoutes, { runtime }: ListenerDeps): void {
  app.action(SLACK_ACTIONS.correct, async ({ body, client }) => {
    const { channel, threadTs } = threadOfAction(body);
    // The card's language is not in the payload: both.
    const prompt = runtime.engine().content.messages.both('reply.correct_prompt');
    await client.chat.postMessage({ channel, thread_ts: threadTs, text: `${prompt.ja} / ${prompt.en}` });
  });
}
