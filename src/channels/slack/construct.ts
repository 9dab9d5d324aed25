/**
 * @module channels/slack/construct
 * Builds the Bolt app: HTTP on the shared express server (signatures checked by Bolt, with our guard for
 * future timestamps, content type and size in front) or Socket Mode when SLACK_APP_TOKEN is set; Bolt logs
 * through our logger, and one auth.test per process authorises every request. The extended error handler
 * gives failures.ts the request's context, where a listener says how its failure is told to the user.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { Logger } from '../../app/ports.ts';
import type { SlackDeps } from './deps.ts';
import { guardSlackEvents } from './http-guard.ts';
import { webApiFetch } from './web-api-fetch.ts';

/**
 * Web API client options shared by the app and the notifier: a local fake in tests, retries on 429, and the
 * node:http transport (web-api-fetch.ts).
 */
export function slackClientOptions(apiUrl: string | undefined) {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {}),
    fetch: webApiFetch,
    retryConfig: { retries: 2, factor: 1, minTimeout: 100, maxTimeout: 1000 },
  };
}

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

export function constructSlackApp(deps: Pick<SlackDeps, 'config' | 'log' | 'express'>): App {
  const { config, log } = deps;
  // The conversation lives in our store (conversation/service.ts); Bolt's own in-memory conversation store
  // would look every event up in a Map and throw (and catch) a "Conversation not found" Error for each.
  const convoStore = false as const;
  const logger = boltLogger(log);
  const clientOptions = { ...slackClientOptions(config.apiUrl), logger };
  const authorize = cachedAuthorize(new WebClient(config.botToken, clientOptions), config.botToken);
  if (!config.appToken && deps.express) guardSlackEvents(deps.express);
  const app = config.appToken
    ? new App({
        authorize,
        appToken: config.appToken,
        socketMode: true,
        clientOptions,
        // The Socket Mode client opens its connection through apps.connections.open on the same API base.
        installerOptions: { clientOptions },
        convoStore,
        logger,
        extendedErrorHandler: true,
      })
    : new App({
        authorize,
        receiver: new ExpressReceiver({
          signingSecret: config.signingSecret,
          logger,
          ...(deps.express ? { app: deps.express } : {}),
          processBeforeResponse: false,
          // The signed request's timestamp, for the slash-command replay key (commands carry no event id).
          customPropertiesExtractor: (req) => ({
            requestTimestamp: String(req.headers['x-slack-request-timestamp'] ?? ''),
          }),
        }),
        clientOptions,
        convoStore,
        logger,
        extendedErrorHandler: true,
      });
  return app;
}
