/**
 * @module cli/serve
 * `export-check serve`: the one HTTP server of contract §5 — Slack when its credentials are set (HTTP at
 * /slack/events, or Socket Mode with SLACK_APP_TOKEN), Teams at /api/messages (always), /healthz and /metrics — plus
 * the reminder timer and the rules watcher. Part of the composition root.
 */
import type { Server } from 'node:http';
import type { KeyValueStore, Logger, Screener } from '../app/ports.ts';
import { checkpointNow, describeFailure } from '../audit/checkpoint-job.ts';
import { defaultCheckpointFile, fileCheckpointSink } from '../audit/checkpoints.ts';
import type { Notifier } from '../cases/ports.ts';
import { type Inbox, inboxNotifier, routingNotifier } from '../cases/ports.ts';
import { createSlackApp } from '../channels/slack/app.ts';
import { createSlackWebClient, slackNotifier, slackSurveySender } from '../channels/slack/notifier.ts';
import { createTeamsAdapter, mountTeams } from '../channels/teams/adapter.ts';
import { ExportCheckTeamsBot } from '../channels/teams/bot.ts';
import { teamsNotifier, teamsSurveySender } from '../channels/teams/notifier.ts';
import type { Config } from '../config.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { RuleRegistry } from '../ruleset/registry.ts';
import { watchRules } from '../ruleset/watch.ts';
import { createHttpApp } from '../server/http.ts';
import { createMetrics } from '../server/metrics.ts';
import { inboxSurveySender, routingSurveySender } from '../survey/senders.ts';
import { createRuntime, type Runtime } from './wiring.ts';

const REMINDER_TICK_MS = 60_000;

export interface Served {
  server: Server;
  runtime: Runtime;
  port: number;
  close(): Promise<void>;
}

/** Survey messages by channel: Slack DMs, Teams chats, the inbox for local users (serve and the CLI alike). */
export function channelSurveySenders(
  config: Config,
  log: Logger,
  // The server passes the clients it already has; the CLI lets them be made here.
  clients: {
    teams?: ReturnType<typeof createTeamsAdapter>;
    slack?: ReturnType<typeof createSlackWebClient> | undefined;
  } = {},
) {
  const teams = clients.teams ?? createTeamsAdapter(teamsConfig(config), log);
  const slackClient =
    'slack' in clients
      ? clients.slack
      : config.SLACK_BOT_TOKEN
        ? createSlackWebClient(config.SLACK_BOT_TOKEN, config.SLACK_API_URL)
        : undefined;
  return ({ inbox, values, ruleSet }: { inbox: Inbox; values: KeyValueStore; ruleSet: () => RuleSet }) =>
    routingSurveySender(
      {
        slack: slackClient ? slackSurveySender(slackClient, ruleSet) : undefined,
        teams: teamsSurveySender({ adapter: teams.adapter, appId: teams.appId, values, ruleSet, log }),
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
}): Promise<Served | undefined> {
  const { config, log } = deps;
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
  const slackOn = Boolean(config.SLACK_BOT_TOKEN && (config.SLACK_SIGNING_SECRET || config.SLACK_APP_TOKEN));
  const slackClient = slackOn ? createSlackWebClient(config.SLACK_BOT_TOKEN!, config.SLACK_API_URL) : undefined;
  const teams = createTeamsAdapter(teamsConfig(config), log);
  const notifierFor = (ctx: {
    inbox: Parameters<typeof inboxNotifier>[0];
    setRef: (id: string, k: string, v: string) => Promise<void>;
    values: KeyValueStore;
  }): Notifier => {
    const inbox = inboxNotifier(ctx.inbox);
    const teamsOut = teamsNotifier({
      adapter: teams.adapter,
      appId: teams.appId,
      values: ctx.values,
      setRef: ctx.setRef,
      log,
    });
    const officers: Notifier[] = [inbox];
    if (config.TEAMS_OFFICER_CONVERSATION) officers.push(teamsOut);
    if (!slackClient) return routingNotifier({ teams: teamsOut }, inbox, officers);
    const slack = slackNotifier(slackClient, { officerChannel: config.SLACK_OFFICER_CHANNEL, setRef: ctx.setRef });
    return routingNotifier({ slack, teams: teamsOut }, inbox, [...officers, slack]);
  };
  const runtime = createRuntime(
    config,
    { ruleSet: deps.ruleSet, screener: deps.screener, log, rulesDir: deps.registry.activeDir() },
    'ja',
    {
      notifierFor,
      surveySenderFor: channelSurveySenders(config, log, { teams, ...(slackClient ? { slack: slackClient } : {}) }),
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
    },
  });
  let slackApp: ReturnType<typeof createSlackApp> | undefined;
  if (slackOn) {
    slackApp = createSlackApp({
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
  mountTeams(
    express,
    teams.adapter,
    new ExportCheckTeamsBot(runtime, log, config.TEAMS_OFFICER_CONVERSATION, {
      registry: deps.registry,
      screener: deps.screener,
      workingRulesDir: config.rulesDir,
    }),
  );

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

  const server = await new Promise<Server>((resolve) => {
    const s = express.listen(deps.port ?? config.PORT, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (deps.port ?? config.PORT);
  log.info({ port, slack: slackOn ? (config.SLACK_APP_TOKEN ? 'socket' : 'http') : 'off' }, 'export-check serving');
  return {
    server,
    runtime,
    port,
    close: async () => {
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
