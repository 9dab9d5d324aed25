/**
 * @module channels/slack/app
 * The Slack adapter (@slack/bolt). It only translates: events, buttons, menus, modals and the slash command
 * become conversation turns and case actions; replies become Block Kit in the thread. HTTP on the shared
 * express server (`/slack/events`, signatures checked by Bolt) or Socket Mode when SLACK_APP_TOKEN is set.
 * Events are acked by Bolt before the listeners run; every action and view is acked first, work follows.
 * The acting user is always the one of the signed request; in a shared thread only the requester is heard
 * (the conversation service ignores the others). Every text the bot posts is escaped, fallback included.
 */
import { createHash } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Application } from 'express';
import type { Logger, Screener } from '../../app/ports.ts';
import type { Runtime } from '../../app/runtime.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { Lang, Reply, TurnInput } from '../../conversation/types.ts';
import type { RuleRegistry } from '../../ruleset/registry.ts';
import { runSlackAdmin, saveFaqFromModal } from './admin.ts';
import { answeredBlocks, type Block, replyBlocks } from './blocks.ts';
import { constructSlackApp } from './construct.ts';
import { registerOfficerListeners } from './listeners/officer.ts';
import { escapeMrkdwn, fallbackText } from './mrkdwn.ts';
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from './prompts.ts';
import { SLACK_ACTIONS, SLACK_COMMAND, SLACK_VIEWS } from './requirements.ts';
import { viewValue } from './view-values.ts';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string | undefined;
  apiUrl?: string | undefined;
  officerChannel?: string | undefined;
}

export interface SlackDeps {
  config: SlackConfig;
  runtime: Runtime;
  registry: RuleRegistry;
  screener: Screener;
  workingRulesDir: string;
  log: Logger;
  /** The shared express app (HTTP mode). */
  express?: Application;
}

const principalOf = (user: string) => `slack:${user}`;

const conversationIdOf = (team: string | undefined, channel: string, threadTs: string) =>
  `slack:${team ?? '-'}:${channel}:${threadTs}`;

const SAFE_ERROR: Record<Lang, string> = {
  ja: '処理中にエラーが発生しました（APP.INTERNAL）。判定は出ていません。もう一度お試しください。',
  en: 'Something went wrong (APP.INTERNAL). No answer was given; please try again.',
};

export function createSlackApp(deps: SlackDeps): App {
  const { runtime, log } = deps;
  const app = constructSlackApp(deps);

  /** Runs a turn and posts the reply in the thread; failures become a safe message, never a trace. */
  async function turn(
    client: WebClient,
    where: { team?: string; channel: string; threadTs: string; user: string },
    input: TurnInput,
    options: {
      deliveryId?: string;
      lang?: Lang;
      continueOnly?: boolean;
      /** Runs only when the turn was taken (not a repeat, not another user's message in the thread). */
      beforePost?: () => Promise<void>;
    } = {},
  ): Promise<void> {
    const conversationId = conversationIdOf(where.team, where.channel, where.threadTs);
    const lang: Lang = options.lang ?? ('text' in input ? detectLang(input.text) : undefined) ?? 'ja';
    try {
      const reply = await runtime.conversation.handle(conversationId, input, {
        ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
        ...(options.continueOnly ? { continueOnly: true } : {}),
        requester: {
          principal: principalOf(where.user),
          channel: 'slack',
          thread: { channel: where.channel, ts: where.threadTs, lang },
        },
      });
      if (!reply) return; // a repeated delivery, or not the requester: nothing to say
      await options.beforePost?.();
      await post(client, where, reply, conversationId, lang);
    } catch (err) {
      log.error(
        { code: 'APP.INTERNAL', conversationId, err: err instanceof Error ? err.name : 'unknown' },
        'slack turn failed',
      );
      await client.chat
        .postMessage({ channel: where.channel, thread_ts: where.threadTs, text: SAFE_ERROR[lang] })
        .catch(() => undefined);
    }
  }

  async function post(
    client: WebClient,
    where: { channel: string; threadTs: string },
    reply: Reply,
    conversationId: string,
    lang: Lang,
  ) {
    await client.chat.postMessage({
      channel: where.channel,
      thread_ts: where.threadTs,
      text: fallbackText(reply.say),
      blocks: replyBlocks(reply, conversationId, lang, runtime.engine().ruleSet),
    });
  }

  /** "checking…" in the assistant surface where the workspace has it; plain threads otherwise. */
  async function checking(client: WebClient, channel: string, threadTs: string) {
    await client.assistant.threads
      .setStatus({ channel_id: channel, thread_ts: threadTs, status: 'checking…' })
      .catch(() => undefined);
  }

  app.event('app_mention', async ({ event, client, body }) => {
    const text = event.text.replace(/<@[A-Z0-9]+>/g, '').trim();
    if (!event.user) return;
    await turn(
      client,
      { team: body.team_id, channel: event.channel, threadTs: event.thread_ts ?? event.ts, user: event.user },
      { text },
      { deliveryId: `slack:${body.event_id}` },
    );
  });

  app.message(async ({ message, client, body, context }) => {
    if (message.subtype !== undefined || !('user' in message) || !message.user) return;
    if ('bot_id' in message && message.bot_id) return;
    const team = (body as { team_id?: string }).team_id;
    const deliveryId = `slack:${(body as { event_id?: string }).event_id}`;
    if (message.channel_type === 'im') {
      const threadTs = ('thread_ts' in message && message.thread_ts) || message.ts;
      // The status goes out while the turn runs (not one Web API round trip before it); the reply waits for it.
      const status = checking(client, message.channel, threadTs);
      await turn(
        client,
        { team, channel: message.channel, threadTs, user: message.user },
        { text: message.text ?? '' },
        { deliveryId, beforePost: () => status },
      );
      return;
    }
    // Channel and private-channel messages: only replies in a thread that already has a conversation (one the
    // bot started from a mention or /exportcheck). A mention is handled by app_mention, not twice here.
    if (message.channel_type !== 'channel' && message.channel_type !== 'group') return;
    const threadTs = 'thread_ts' in message ? message.thread_ts : undefined;
    if (!threadTs || threadTs === message.ts) return;
    if (context.botUserId && (message.text ?? '').includes(`<@${context.botUserId}>`)) return;
    await turn(
      client,
      { team, channel: message.channel, threadTs, user: message.user },
      { text: message.text ?? '' },
      { deliveryId, continueOnly: true },
    );
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'messages') return;
    await client.assistant.threads
      .setSuggestedPrompts({
        channel_id: event.channel,
        title: SUGGESTED_PROMPTS_TITLE,
        prompts: SUGGESTED_PROMPTS.map((p) => ({ ...p })),
      })
      .catch(() => undefined);
  });

  app.command(SLACK_COMMAND, async ({ command, ack, client, respond, context }) => {
    await ack();
    const text = command.text.trim();
    // A replayed command (same team, user, channel, command, text and signed timestamp) is dropped: one case, not five.
    const signedAt = typeof context.requestTimestamp === 'string' ? context.requestTimestamp : '';
    if (signedAt) {
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            command.team_id,
            command.user_id,
            command.channel_id,
            command.command,
            command.text,
            signedAt,
          ]),
        )
        .digest('hex');
      if (!(await runtime.idempotency.firstSeen(`slash:${key}`))) {
        log.warn({ code: 'SLACK.REPLAY' }, 'repeated slash command dropped');
        return;
      }
    }
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
      await respond({
        response_type: 'ephemeral',
        text: 'Usage: /exportcheck <what you plan to do> — e.g. /exportcheck 北京理工大学に炭素繊維のサンプルを送りたい',
      });
      return;
    }
    // The request becomes a root message so the case has a thread; without access to the channel, answer privately.
    try {
      const root = await client.chat.postMessage({
        channel: command.channel_id,
        text: `<@${command.user_id}>: ${escapeMrkdwn(text)}`,
      });
      await turn(
        client,
        { team: command.team_id, channel: command.channel_id, threadTs: root.ts!, user: command.user_id },
        { text },
      );
    } catch {
      const reply = await runtime.conversation.handle(
        `slack:${command.team_id}:${command.user_id}:cmd`,
        { text },
        {
          requester: { principal: principalOf(command.user_id), channel: 'slack' },
        },
      );
      if (reply) await respond({ response_type: 'ephemeral', text: fallbackText(reply.say) });
    }
  });

  const actionWhere = (body: {
    channel?: { id: string };
    message?: { ts: string; thread_ts?: string };
    team?: { id: string } | null;
    user: { id: string };
  }) => ({
    ...(body.team?.id ? { team: body.team.id } : {}),
    channel: body.channel?.id ?? '',
    threadTs: body.message?.thread_ts ?? body.message?.ts ?? '',
    user: body.user.id,
  });

  /** A choice names its fact and turn; the answered card is replaced in place so its buttons disappear. */
  const choice = (value: string): Extract<TurnInput, { choose: string }> | undefined => {
    const { v, f, t } = JSON.parse(value || '{}') as { v?: string; f?: string; t?: number };
    if (!v) return undefined;
    return { choose: v, ...(f ? { fact: f } : {}), ...(typeof t === 'number' ? { turn: t } : {}) };
  };
  const replaceAnswered = async (
    client: WebClient,
    body: { channel?: { id: string }; message?: { ts: string; text?: string; blocks?: unknown[] } },
    label: string,
  ) => {
    if (!body.channel?.id || !body.message?.ts) return;
    await client.chat
      .update({
        channel: body.channel.id,
        ts: body.message.ts,
        text: body.message.text ?? label,
        blocks: answeredBlocks(body.message.blocks as Block[] | undefined, label),
      })
      .catch(() => undefined);
  };

  app.action(new RegExp(`^${SLACK_ACTIONS.choose}:\\d+$`), async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const input = choice(action.value ?? '');
    if (!input) return;
    await turn(client, actionWhere(body), input, {
      beforePost: () => replaceAnswered(client, body, 'text' in action ? action.text.text : input.choose),
    });
  });

  app.action(SLACK_ACTIONS.country, async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'static_select' || body.type !== 'block_actions') return;
    const input = choice(action.selected_option.value);
    if (!input) return;
    await turn(client, actionWhere(body), input, {
      beforePost: () => replaceAnswered(client, body, action.selected_option.text.text),
    });
  });

  app.action(SLACK_ACTIONS.correct, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const w = actionWhere(body);
    await client.chat.postMessage({
      channel: w.channel,
      thread_ts: w.threadTs,
      text: '訂正をこのスレッドに書いてください（例：「送り先は韓国でした」）。 / Write the correction in this thread (e.g. "actually it goes to Korea").',
    });
  });

  app.action(SLACK_ACTIONS.newCase, async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions') return;
    const w = actionWhere(body);
    await turn(client, w, { text: 'new case' });
  });

  registerOfficerListeners(app, { runtime, log });

  app.view(SLACK_VIEWS.faq, async ({ ack, view, body, client }) => {
    const r = await saveFaqFromModal(deps, principalOf(body.user.id), (b) => viewValue(view, b));
    if (!r.ok) {
      await ack({ response_action: 'errors', errors: { [r.block]: r.message.slice(0, 150) } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: escapeMrkdwn(r.message) }).catch(() => undefined);
  });

  app.error(async (error) => {
    log.error({ code: 'APP.INTERNAL', err: error.name }, 'slack listener error');
  });
  return app;
}
