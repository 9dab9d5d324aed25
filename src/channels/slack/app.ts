/**
 * @module channels/slack/app
 * The Slack adapter (@slack/bolt). It only translates: events, buttons, menus, modals and the slash command
 * become conversation turns and case actions; replies become Block Kit in the thread. HTTP on the shared
 * express server (`/slack/events`, signatures checked by Bolt) or Socket Mode when SLACK_APP_TOKEN is set.
 * Events are acked by Bolt before the listeners run; every action and view is acked first, work follows.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Application } from 'express';
import type { Logger, Screener } from '../../app/ports.ts';
import { OfficerDecisionSchema } from '../../cases/model.ts';
import type { Runtime } from '../../cli/wiring.ts';
import { detectLang } from '../../conversation/lang.ts';
import type { Lang, Reply, TurnInput } from '../../conversation/types.ts';
import { isCodedError } from '../../core/errors.ts';
import type { RuleRegistry } from '../../ruleset/registry.ts';
import { runSlackAdmin, saveFaqFromModal } from './admin.ts';
import { askModal, decideModal, replyBlocks } from './blocks.ts';
import { SUGGESTED_PROMPTS, SUGGESTED_PROMPTS_TITLE } from './prompts.ts';
import { SLACK_ACTIONS, SLACK_COMMAND, SLACK_VIEWS } from './requirements.ts';

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

/** Web API client options shared by the app and the notifier: a local fake in tests, retries on 429. */
export function slackClientOptions(apiUrl: string | undefined) {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 1000 },
  };
}

const principalOf = (user: string) => `slack:${user}`;
const conversationIdOf = (team: string | undefined, channel: string, threadTs: string) =>
  `slack:${team ?? '-'}:${channel}:${threadTs}`;

const SAFE_ERROR: Record<Lang, string> = {
  ja: '処理中にエラーが発生しました（APP.INTERNAL）。判定は出ていません。もう一度お試しください。',
  en: 'Something went wrong (APP.INTERNAL). No answer was given; please try again.',
};

/** Bolt's logger interface over ours, so its warnings land in the same structured log. */
function boltLogger(log: Logger) {
  const text = (m: unknown[]) =>
    m
      .map((x) => (x instanceof Error ? x.message : String(x)))
      .join(' ')
      .slice(0, 500);
  return {
    debug() {},
    info() {},
    warn: (...m: unknown[]) => log.warn({ bolt: text(m) }, 'slack'),
    error: (...m: unknown[]) => log.error({ bolt: text(m) }, 'slack'),
    setLevel() {},
    getLevel: () => LogLevel.WARN,
    setName() {},
  };
}

/**
 * One auth.test per process, on the first event (nothing at start-up, which must work offline). Bolt's own
 * deferred verification repeats auth.test on every request; a failure here is retried on the next event.
 */
function cachedAuthorize(client: WebClient, botToken: string) {
  let cached: Promise<{ botToken: string; botId?: string; botUserId?: string; teamId?: string }> | undefined;
  return async () => {
    cached ??= client.auth
      .test()
      .then((r) => ({
        botToken,
        ...(r.bot_id ? { botId: r.bot_id } : {}),
        ...(r.user_id ? { botUserId: r.user_id } : {}),
        ...(r.team_id ? { teamId: r.team_id } : {}),
      }))
      .catch((err: unknown) => {
        cached = undefined;
        throw err;
      });
    return cached;
  };
}

export function createSlackApp(deps: SlackDeps): InstanceType<typeof App> {
  const { config, runtime, log } = deps;
  const logger = boltLogger(log);
  const clientOptions = { ...slackClientOptions(config.apiUrl), logger };
  const authorize = cachedAuthorize(new WebClient(config.botToken, clientOptions), config.botToken);
  const app = config.appToken
    ? new App({
        authorize,
        appToken: config.appToken,
        socketMode: true,
        clientOptions,
        // The Socket Mode client opens its connection through apps.connections.open on the same API base.
        installerOptions: { clientOptions },
        logger,
      })
    : new App({
        authorize,
        receiver: new ExpressReceiver({
          signingSecret: config.signingSecret,
          logger,
          ...(deps.express ? { app: deps.express } : {}),
          processBeforeResponse: false,
        }),
        clientOptions,
        logger,
      });

  /** Runs a turn and posts the reply in the thread; failures become a safe message, never a trace. */
  async function turn(
    client: WebClient,
    where: { team?: string; channel: string; threadTs: string; user: string },
    input: TurnInput,
    options: { deliveryId?: string; lang?: Lang } = {},
  ): Promise<void> {
    const conversationId = conversationIdOf(where.team, where.channel, where.threadTs);
    const lang: Lang = options.lang ?? ('text' in input ? detectLang(input.text) : undefined) ?? 'ja';
    try {
      const reply = await runtime.conversation.handle(conversationId, input, {
        ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
        requester: {
          principal: principalOf(where.user),
          channel: 'slack',
          thread: { channel: where.channel, ts: where.threadTs, lang },
        },
      });
      if (!reply) return; // a repeated delivery: already answered
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
      text: reply.say.slice(0, 3000),
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

  app.message(async ({ message, client, body }) => {
    if (message.subtype !== undefined || message.channel_type !== 'im' || !('user' in message) || !message.user) return;
    if ('bot_id' in message && message.bot_id) return;
    const threadTs = ('thread_ts' in message && message.thread_ts) || message.ts;
    await checking(client, message.channel, threadTs);
    await turn(
      client,
      { team: (body as { team_id?: string }).team_id, channel: message.channel, threadTs, user: message.user },
      { text: message.text ?? '' },
      { deliveryId: `slack:${(body as { event_id?: string }).event_id}` },
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

  app.command(SLACK_COMMAND, async ({ command, ack, client, respond }) => {
    await ack();
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
        text: `<@${command.user_id}>: ${text}`,
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
      if (reply) await respond({ response_type: 'ephemeral', text: reply.say.slice(0, 3000) });
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

  app.action(new RegExp(`^${SLACK_ACTIONS.choose}:\\d+$`), async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    const { v } = JSON.parse(action.value ?? '{}') as { v?: string };
    if (!v) return;
    await turn(client, actionWhere(body), { choose: v });
  });

  app.action(SLACK_ACTIONS.country, async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'static_select' || body.type !== 'block_actions') return;
    const { v } = JSON.parse(action.selected_option.value) as { v?: string };
    if (v) await turn(client, actionWhere(body), { choose: v });
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
        ? `${err.code}: ${err.message}`
        : 'APP.INTERNAL: the action failed; nothing changed.';
      if (!isCodedError(err))
        log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'slack officer action failed');
      if (body.channel?.id)
        await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text }).catch(() => undefined);
      else await client.chat.postMessage({ channel: body.user.id, text }).catch(() => undefined);
    }
  }

  app.action(SLACK_ACTIONS.claim, async ({ ack, body, action, client }) => {
    await ack();
    if (action.type !== 'button' || body.type !== 'block_actions') return;
    await officerAction(client, body, () => runtime.cases.claim(action.value ?? '', principalOf(body.user.id)));
  });

  for (const [actionId, modal, what] of [
    [SLACK_ACTIONS.decide, decideModal, 'decide'],
    [SLACK_ACTIONS.ask, askModal, 'ask about'],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, client }) => {
      await ack();
      if (action.type !== 'button' || body.type !== 'block_actions') return;
      const caseId = action.value ?? '';
      await officerAction(client, body, async () => {
        await runtime.cases.requireOfficer(principalOf(body.user.id), caseId, what);
        await client.views.open({ trigger_id: body.trigger_id, view: modal(caseId) as never });
      });
    });
  }

  const value = (
    view: {
      state: {
        values: Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;
      };
    },
    block: string,
  ) => {
    const v = view.state.values[block]?.value;
    return v?.selected_option?.value ?? v?.value ?? undefined;
  };

  app.view(SLACK_VIEWS.decide, async ({ ack, view, body, client }) => {
    const kind = value(view, 'kind');
    const detail = value(view, 'detail');
    const parsed = OfficerDecisionSchema.safeParse({
      kind,
      ...(kind === 'no_license_needed' ? { reason: detail ?? '' } : {}),
      ...(kind === 'more_information' ? { question: detail ?? '' } : {}),
      ...(kind === 'classification' ? { result: value(view, 'result') } : {}),
    });
    if (!parsed.success) {
      const field = kind === 'classification' ? 'result' : 'detail';
      await ack({ response_action: 'errors', errors: { [field]: parsed.error.issues[0]?.message ?? 'required' } });
      return;
    }
    await ack();
    const officer = principalOf(body.user.id);
    await officerAction(client, body, async () => {
      await runtime.cases.decide(view.private_metadata, officer, parsed.data);
      const comment = value(view, 'comment');
      if (comment) await runtime.cases.comment(view.private_metadata, officer, comment);
    });
  });

  app.view(SLACK_VIEWS.ask, async ({ ack, view, body, client }) => {
    const question = value(view, 'detail');
    if (!question?.trim()) {
      await ack({ response_action: 'errors', errors: { detail: 'say what is needed' } });
      return;
    }
    await ack();
    await officerAction(client, body, () =>
      runtime.cases.decide(view.private_metadata, principalOf(body.user.id), { kind: 'more_information', question }),
    );
  });

  app.view(SLACK_VIEWS.faq, async ({ ack, view, body, client }) => {
    const r = await saveFaqFromModal(deps, principalOf(body.user.id), (b) => value(view, b));
    if (!r.ok) {
      await ack({ response_action: 'errors', errors: { [r.block]: r.message.slice(0, 150) } });
      return;
    }
    await ack();
    await client.chat.postMessage({ channel: body.user.id, text: r.message }).catch(() => undefined);
  });

  app.error(async (error) => {
    log.error({ code: 'APP.INTERNAL', err: error.name }, 'slack listener error');
  });
  return app;
}
