/**
 * @module channels/slack/listeners/command
 * `/exportcheck <what you plan to do>` starts a conversation in a thread of its own; `/exportcheck admin …`
 * runs the shared admin commands. Acked first; a replayed command is dropped before anything happens.
 */
import { createHash } from 'node:crypto';
import { autoAcknowledge, type Middleware, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Logger } from '../../../app/ports.ts';
import type { Runtime } from '../../../app/runtime.ts';
import { runSlackAdmin } from '../admin.ts';
import type { ListenerDeps } from '../deps.ts';
import { principalOf } from '../ids.ts';
import { escapeMrkdwn, fallbackText } from '../mrkdwn.ts';
import { SLACK_COMMAND } from '../requirements.ts';
import type { SlackRoutes } from '../routes.ts';

/**
 * A replayed command (same team, user, channel, command, text and signed timestamp) is dropped: one case, not
 * five. Commands carry no event id; the signed timestamp comes from the receiver (construct.ts).
 */
function dropReplays(runtime: Runtime, log: Logger): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, context, next }) => {
    const signedAt = typeof context.requestTimestamp === 'string' ? context.requestTimestamp : '';
    if (signedAt) {
      const { team_id, user_id, channel_id, command: name, text } = command;
      const key = createHash('sha256')
        .update(JSON.stringify([team_id, user_id, channel_id, name, text, signedAt]))
        .digest('hex');
      if (!(await runtime.idempotency.firstSeen(`slash:${key}`))) {
        log.warn({ code: 'SLACK.REPLAY' }, 'repeated slash command dropped');
        return;
      }
    }
    await next();
  };
}

export function register(app: SlackRoutes, deps: ListenerDeps): void {
  const { runtime, log, turn } = deps;
  app.command(
    SLACK_COMMAND,
    autoAcknowledge,
    dropReplays(runtime, log),
    async ({ command, client, respond, context }) => {
      const text = command.text.trim();
      if (/^admin\b/i.test(text)) {
        await runSlackAdmin({
          ...deps,
          client,
          respond,
          user: command.user_id,
          triggerId: command.trigger_id,
          args: text.split(/\s+/).slice(1),
        });
        return;
      }
      if (!text) {
        // Nothing typed, so no language to go by: both.
        const usage = runtime.engine().content.messages.both('reply.usage');
        await respond({ response_type: 'ephemeral', text: `${usage.ja}\n${usage.en}` });
        return;
      }
      // The request becomes a root message so the case has a thread; without access to the channel, answer
      // privately (with chat:write.public this is only a private channel the bot is not in).
      const root = await client.chat
        .postMessage({ channel: command.channel_id, text: `<@${command.user_id}>: ${escapeMrkdwn(text)}` })
        .catch(() => undefined);
      if (!root?.ts) {
        const reply = await runtime.conversation.handle(
          `slack:${command.team_id}:${command.user_id}:cmd`,
          { text },
          { requester: { principal: principalOf(command.user_id), channel: 'slack' } },
        );
        if (reply) await respond({ response_type: 'ephemeral', text: fallbackText(reply.say) });
        return;
      }
      await turn(
        { client, context },
        { team: command.team_id, channel: command.channel_id, threadTs: root.ts, user: command.user_id },
        { text },
      );
    },
  );
}
