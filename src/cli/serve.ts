/**
 * @module cli/serve
 * `export-check serve`: the one HTTP server of contract §5 — Slack when its credentials are set (HTTP at
 * /slack/events, or Socket Mode with SLACK_APP_TOKEN), Teams at /api/messages (with Bot Framework credentials,
 * or TEAMS_DEV_NO_AUTH=1 on loopback), /healthz and /metrics (METRICS_PORT, or PORT with METRICS_TOKEN) — plus
 * the reminder timer and the rules watcher. Refuses a store that keeps nothing (`serve-guards.ts`). Part of
 * the composition root.
 */
import type { Server } from 'node:http';
import type { KeyValueStore, Logger, Screener } from '../app/ports.ts';
import { checkpointNow, describeFailure } from '../audit/checkpoint-job.ts';
import { defaultCheckpointFile, fileCheckpointSink } from '../audit/checkpoints.ts';
import type { Notifier } from '../cases/ports.ts';
import { type Inbox, inboxNotifier, routingNotifier } from '../cases/ports.ts';
import { parsePrincipals } from '../cases/roles.ts';
import type { createSlackApp } from '../channels/slack/app.ts';
import type { createSlackWebClient } from '../channels/slack/notifier.ts';
import type { createTeamsAdapter, TeamsAuthEndpoints } from '../channels/teams/adapter.ts';
import type { Config } from '../config.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { RuleRegistry } from '../ruleset/registry.ts';
import { watchRules } from '../ruleset/watch.ts';
import { installErrorHandlers } from '../server/errors.ts';
import { createHttpApp } from '../server/http.ts';
import { createMetrics, createMetricsApp } from '../server/metrics.ts';
import type { ReplyContent } from '../surfaces/reply-view.ts';
import { inboxSurveySender, routingSurveySender } from '../survey/senders.ts';
import { listenHost, requireDurableStore, teamsMode } from './serve-guards.ts';
import { createRuntime, type Runtime } from './wiring.ts';

const REMINDER_TICK_MS = 60_000;
const KEEP_ALIVE_MS = 65_000;

// Each chat SDK loads only where its channel is configured (botbuilder alone takes most of a second to import):
// a Slack-only server never loads the Teams modules, a Teams-only one never loads Bolt.
const slackModules = async () => {
  const [app, notifier] = await Promise.all([
    import('../channels/slack/app.ts'),
    import('../channels/slack/notifier.ts'),
  ]);
  return { ...app, ...notifier };
};
const teamsModules = async () => {
  const [adapter, bot, notifier] = await Promise.all([
    import('../channels/teams/adapter.ts'),
    import('../channels/teams/bot.ts'),
    import('../channels/teams/notifier.ts'),
  ]);
  return { ...adapter, ...bot, ...notifier };
};
type TeamsModules = Awaited<ReturnType<typeof teamsModules>>;
type SlackModules = Awaited<ReturnType<typeof slackModules>>;

export interface Served {
  server: Server;
  runtime: Runtime;
  port: number;
  /** The METRICS_PORT server's port, when there is one. */
  metricsPort?: number;
  close(): Promise<void>;
}

/**
 * Survey messages by channel: Slack DMs, Teams chats, the inbox for local users (serve and the CLI alike).
 * The server passes the clients it already has (`teams: undefined` when Teams is off: those go to the inbox);
 * the CLI lets them be made here, for the channels whose credentials are set.
 */
export async function channelSurveySenders(
  config: Config,
  log: Logger,
  clients: {
    teams?: { adapter: ReturnType<typeof createTeamsAdapter>; modules: TeamsModules } | undefined;
    slack?: { client: ReturnType<typeof createSlackWebClient>; modules: SlackModules } | undefined;
  } = {},
) {
  // The CLI makes its own clients, and like `serve` only for a configured channel: without Bot Framework
  // credentials Teams users' survey messages go to the inbox, and botbuilder (most of a second) is not loaded.
  const teams =
    'teams' in clients
      ? clients.teams
      : config.MicrosoftAppId
        ? await teamsModules().then((modules) => ({
            modules,
            adapter: modules.createTeamsAdapter(teamsConfig(config), log),
          }))
        : undefined;
  const slack =
    'slack' in clients
      ? clients.slack
      : config.SLACK_BOT_TOKEN
        ? await slackModules().then((modules) => ({
            modules,
            client: modules.createSlackWebClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL),
          }))
        : undefined;
  return ({ inbox, values, replyContent }: { inbox: Inbox; values: KeyValueStore; replyContent: () => ReplyContent }) =>
    routingSurveySender(
      {
        slack: slack ? slack.modules.slackSurveySender(slack.client, replyContent) : undefined,
        teams: teams
          ? teams.modules.teamsSurveySender({
              adapter: teams.adapter.adapter,
              appId: teams.adapter.appId,
              values,
              replyContent,
              log,
            })
          : undefined,
      },
      inboxSurveySender(inbox),
    );
}

function teamsConfig(config: Config) {
  return {
    appId: config.MicrosoftAppId,
    appPassword: config.MicrosoftAppPassword,
    tenantId: config.MicrosoftAppTenantId,
    appType: config.MicrosoftAppType,
  };
}

export async function startServer(deps: {
  config: Config;
  registry: RuleRegistry;
  ruleSet: RuleSet;
  screener: Screener;
  log: Logger;
  port?: number;
  /** Tests only: local fakes of the Bot Framework's key publication and token service. */
  teamsAuth?: TeamsAuthEndpoints;
}): Promise<Served | undefined> {
  const { config, log } = deps;
  const teamsServing = teamsMode(config, config.HOST);
  // Records signed with a public key prove nothing: serve needs AUDIT_KEY unless this is a test store.
  if (!config.AUDIT_KEY) {
    if (config.ALLOW_EPHEMERAL_STORE !== '1')
      throw new CodedError(
        ErrorCode.AuditKeyMissing,
        'serve: AUDIT_KEY is not set, so the audit trail could not be signed. Set AUDIT_KEY (32+ random characters, kept out of Redis); ALLOW_EPHEMERAL_STORE=1 uses a public development key for tests only',
      );
    log.warn(
      { code: ErrorCode.AuditKeyMissing },
      'serve: AUDIT_KEY is not set; ALLOW_EPHEMERAL_STORE=1, so the audit trail is signed with the PUBLIC development key and proves nothing',
    );
  }
  await requireDurableStore(config, log);
  const slackOn = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  const [slackMods, teamsMods] = await Promise.all([
    slackOn ? slackModules() : undefined,
    teamsServing !== 'off' ? teamsModules() : undefined,
  ]);
  const slackClient = slackMods?.createSlackWebClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL);
  // The safe error is worded by the catalogue in force once the runtime is up (`content` below).
  const teams = teamsMods?.createTeamsAdapter(teamsConfig(config), log, deps.teamsAuth, () => content().messages);
  // Without auth, proactive sends too go only to a connector on this machine (a reference kept earlier may not).
  const allowServiceUrl = teamsServing === 'dev-no-auth' ? teamsMods?.isLoopbackServiceUrl : undefined;
  // The officer's card is rendered with the content the runtime serves now (it follows rule reloads).
  const content = () => {
    if (!runtime) throw new Error('runtime not ready');
    return runtime.engine().content;
  };
  const teamsOfficerIds = parsePrincipals(config.OFFICERS)
    .filter((p) => p.startsWith('teams:'))
    .map((p) => p.slice('teams:'.length));
  const notifierFor = (ctx: {
    inbox: Parameters<typeof inboxNotifier>[0];
    setRef: (id: string, k: string, v: string) => Promise<void>;
    values: KeyValueStore;
  }): Notifier => {
    const inbox = inboxNotifier(ctx.inbox);
    // Teams off: a Teams requester's notices go to the inbox (there are no credentials to send with).
    const teamsOut =
      teams &&
      teamsMods?.teamsNotifier({
        adapter: teams.adapter,
        appId: teams.appId,
        values: ctx.values,
        setRef: ctx.setRef,
        log,
        ...(allowServiceUrl ? { allowServiceUrl } : {}),
        content,
        officerIds: teamsOfficerIds,
      });
    const officers: Notifier[] = [inbox];
    if (teamsOut) officers.push(teamsOut);
    if (!slackClient || !slackMods) return routingNotifier({ teams: teamsOut }, inbox, officers);
    const slack = slackMods.slackNotifier(slackClient, {
      officerChannel: config.SLACK_OFFICER_CHANNEL,
      setRef: ctx.setRef,
      content,
    });
    return routingNotifier({ slack, teams: teamsOut }, inbox, [...officers, slack]);
  };
  const runtime = createRuntime(
    config,
    { ruleSet: deps.ruleSet, screener: deps.screener, log, rulesDir: deps.registry.activeDir() },
    'ja',
    {
      notifierFor,
      surveySenderFor: await channelSurveySenders(config, log, {
        teams: teams && teamsMods ? { adapter: teams, modules: teamsMods } : undefined,
        slack: slackClient && slackMods ? { client: slackClient, modules: slackMods } : undefined,
      }),
    },
  );
  if (!runtime) return undefined;

  const metrics = createMetrics();
  runtime.conversation.observe((reply, channel) => {
    metrics.turns.inc({ channel });
    if (reply.decision) metrics.decisions.inc({ outcome: reply.decision.outcome });
  });
  const express = createHttpApp({
    metrics,
    health: {
      rulesVersion: () => runtime.engine().ruleSet.version,
      lists: () => deps.screener.versions(),
      store: async () => runtime.storeHealth(),
      teams: teamsServing,
    },
    metricsToken: config.METRICS_PORT === undefined ? config.METRICS_TOKEN : undefined,
  });
  let slackApp: ReturnType<typeof createSlackApp> | undefined;
  if (slackMods) {
    slackApp = slackMods.createSlackApp({
      config: {
        botToken: config.SLACK_BOT_TOKEN!,
        signingSecret: config.SLACK_SIGNING_SECRET ?? '',
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        officerChannel: config.SLACK_OFFICER_CHANNEL,
      },
      runtime,
      registry: deps.registry,
      screener: deps.screener,
      workingRulesDir: config.rulesDir,
      log,
      express,
    });
    if (config.SLACK_APP_TOKEN) await slackApp.start();
  }
  if (teamsServing !== 'off' && teams && teamsMods)
    teamsMods.mountTeams(
      express,
      teams.adapter,
      new teamsMods.ExportCheckTeamsBot(
        runtime,
        log,
        config.TEAMS_OFFICER_CONVERSATION,
        { registry: deps.registry, screener: deps.screener, workingRulesDir: config.rulesDir },
        teamsOfficerIds,
      ),
      { serving: teamsServing, log },
    );
  installErrorHandlers(express, log);

  const watcher = watchRules({
    registry: deps.registry,
    workingDir: config.rulesDir,
    screener: deps.screener,
    log,
    onActivate: runtime.activate,
    followEdits: config.RULES_WATCH === '1',
  });
  const reminders = setInterval(() => {
    runtime.cases
      .remindDue()
      .catch((err) => log.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'reminder tick failed'));
  }, REMINDER_TICK_MS);
  reminders.unref();
  // Signed checkpoints outside Redis: the trail cannot be cut shorter than the last one unnoticed.
  const checkpointFile = defaultCheckpointFile(config.dataDir);
  const checkpoint = () =>
    checkpointNow(runtime.audit, {
      checkpointFiles: [checkpointFile],
      sinks: [fileCheckpointSink(checkpointFile)],
      now: new Date(),
    }).then(
      (r) => {
        if (!r.ok) log.error({ code: ErrorCode.AuditBroken }, `audit checkpoint refused: ${describeFailure(r.result)}`);
      },
      (err) => log.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'audit checkpoint failed'),
    );
  const checkpoints = setInterval(checkpoint, config.AUDIT_CHECKPOINT_MINUTES * 60_000);
  checkpoints.unref();

  const host = listenHost(config, teamsServing);
  const listen = (app: typeof express, port: number) =>
    new Promise<Server>((resolve, reject) => {
      const s = host ? app.listen(port, host, () => resolve(s)) : app.listen(port, () => resolve(s));
      s.once('error', reject);
    });
  const portOf = (s: Server, fallback: number) => {
    const address = s.address();
    return typeof address === 'object' && address ? address.port : fallback;
  };
  const server = await listen(express, deps.port ?? config.PORT);
  // Behind a load balancer the backend must keep idle connections open longer than the balancer does (60 s is
  // the common idle timeout); with Node's 5 s the balancer reuses sockets the server is closing (resets), and
  // clients reconnect, which a busy process accepts only one per event-loop turn.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  const port = portOf(server, deps.port ?? config.PORT);
  const metricsServer =
    config.METRICS_PORT === undefined ? undefined : await listen(createMetricsApp(metrics, log), config.METRICS_PORT);
  log.info(
    { port, slack: slackOn ? (config.SLACK_APP_TOKEN ? 'socket' : 'http') : 'off', teams: teamsServing },
    'export-check serving',
  );
  return {
    server,
    runtime,
    port,
    ...(metricsServer ? { metricsPort: portOf(metricsServer, config.METRICS_PORT ?? 0) } : {}),
    close: async () => {
      metricsServer?.closeAllConnections();
      metricsServer?.close();
      clearInterval(reminders);
      clearInterval(checkpoints);
      watcher.close();
      if (config.SLACK_APP_TOKEN) await slackApp?.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await checkpoint();
      await runtime.close();
    },
  };
}
