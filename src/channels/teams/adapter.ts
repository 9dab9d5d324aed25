/**
 * @module channels/teams/adapter
 * CloudAdapter at /api/messages on the shared express server, in one of two modes chosen by the composition
 * root: with Bot Framework authentication (MicrosoftAppId set: every activity's JWT is checked, including
 * that its `serviceUrl` claim is the activity's, so the bot only calls connectors the Bot Framework named),
 * or TEAMS_DEV_NO_AUTH=1 for local development (no auth, and only a connector on this machine is called).
 * Without either the route is not mounted. Answers that are not the bot's own are coded JSON errors.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import express, { type Application } from 'express';
import type { Logger } from '../../app/ports.ts';
import { HttpError, requireContentType, sendError } from '../../server/errors.ts';
import type { Catalogue } from '../../surfaces/catalogue.ts';
import type { ExportCheckTeamsBot } from './bot.ts';

export interface TeamsConfig {
  appId?: string | undefined;
  appPassword?: string | undefined;
  tenantId?: string | undefined;
  appType?: string | undefined;
}

/**
 * Test seam (never from the environment): where the signing keys are published and who issues the tokens,
 * and the outbound token, so an authenticated round trip runs against local fakes.
 */
export interface TeamsAuthEndpoints {
  openIdMetadataUrl: string;
  tokenIssuer: string;
  outboundToken: () => Promise<string>;
}

export type TeamsServing = 'auth' | 'dev-no-auth';

/** A connector on this machine: the only kind the no-auth mode may call. */
export function isLoopbackServiceUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function testCredentials(appId: string, endpoints: TeamsAuthEndpoints) {
  return {
    isValidAppId: async (id = '') => id === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async <T extends { headers: { set(k: string, v: string): void } }>(req: T) => {
        req.headers.set('authorization', `Bearer ${await endpoints.outboundToken()}`);
        return req;
      },
    }),
  };
}

/** CloudAdapter with its authenticate-then-run step public, so the route writes its own answers. */
export class TeamsAdapter extends CloudAdapter {
  authenticateAndRun(
    authHeader: string,
    activity: Record<string, unknown>,
    logic: (ctx: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(authHeader, activity as never, logic);
  }
}

/** Said when a turn fails; fixed here only for when the catalogue itself cannot be read (runtime not up). */
const LAST_RESORT =
  '処理中にエラーが発生しました（APP.INTERNAL）。判定は出ていません。 / Something went wrong (APP.INTERNAL); no answer was given.';

/** The catalogue's safe error in both languages (the failed turn's language is not known here). */
export function safeErrorText(messages: (() => Catalogue) | undefined): string {
  try {
    const cat = messages?.();
    if (!cat) return LAST_RESORT;
    const t = cat.both('reply.safe_error', { code: 'APP.INTERNAL' });
    return `${t.ja} / ${t.en}`;
  } catch {
    return LAST_RESORT;
  }
}

export function createTeamsAdapter(
  config: TeamsConfig,
  log: Logger,
  endpoints?: TeamsAuthEndpoints,
  /** The catalogue in force, for the safe error a failed turn gets. */
  messages?: () => Catalogue,
): { adapter: TeamsAdapter; appId: string } {
  const appId = config.appId ?? '';
  const auth = new ConfigurationBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppType: config.appType || 'SingleTenant',
          MicrosoftAppTenantId: config.tenantId ?? '',
          ...(endpoints
            ? {
                ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
                ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
              }
            : {}),
        }
      : {},
    appId && endpoints ? (testCredentials(appId, endpoints) as never) : undefined,
  );
  const adapter = new TeamsAdapter(auth);
  adapter.onTurnError = async (ctx, err) => {
    log.error({ code: 'APP.INTERNAL', err: err instanceof Error ? err.name : 'unknown' }, 'teams turn failed');
    await ctx.sendActivity(safeErrorText(messages)).catch(() => undefined);
  };
  return { adapter, appId };
}

const isLoopbackAddress = (ip: string | undefined) =>
  !!ip && (ip === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(ip));
const forwarded = (req: { get(name: string): string | undefined }) =>
  Boolean(req.get('x-forwarded-for') || req.get('forwarded') || req.get('x-real-ip'));

/** Dates as botbuilder's own request handling makes them (`validateAndFixActivity`). */
function fixDates(body: Record<string, unknown>): Record<string, unknown> {
  const a: Record<string, unknown> = { ...body };
  for (const [key, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const)
    if (typeof a[key] === 'string') {
      a[raw] = a[key];
      a[key] = new Date(a[key] as string);
    }
  return a;
}

/** Refused tokens: botbuilder's AuthenticationError (401/403) or jsonwebtoken's own errors (bad signature…). */
function isAuthFailure(err: unknown): boolean {
  const e = (err ?? {}) as { statusCode?: unknown; name?: unknown };
  return (
    e.statusCode === 401 ||
    e.statusCode === 403 ||
    e.name === 'JsonWebTokenError' ||
    e.name === 'TokenExpiredError' ||
    e.name === 'NotBeforeError'
  );
}

/**
 * JSON parsing only on this route (Slack's route must see the raw body). In the no-auth mode an activity
 * naming a connector off this machine is refused before the bot sees it, so nothing is called there.
 */
export function mountTeams(
  app: Application,
  adapter: TeamsAdapter,
  bot: ExportCheckTeamsBot,
  opts: { serving: TeamsServing; log: Logger },
): void {
  if (opts.serving === 'dev-no-auth')
    opts.log.warn(
      { teams: 'dev-no-auth' },
      'TEAMS RUNS WITHOUT AUTHENTICATION (TEAMS_DEV_NO_AUTH=1): local development only, loopback connectors only',
    );
  app.post(
    '/api/messages',
    requireContentType('application/json'),
    express.json({ limit: '1mb' }),
    async (req, res, next) => {
      const body = req.body as Record<string, unknown> | undefined;
      if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.type !== 'string') {
        sendError(res, HttpError.BadRequest);
        return;
      }
      if (opts.serving === 'auth' && !req.get('authorization')) {
        sendError(res, HttpError.Unauthorized);
        return;
      }
      // Without auth the caller must be this machine itself: not a remote peer, not a request a proxy forwarded.
      if (opts.serving === 'dev-no-auth' && (!isLoopbackAddress(req.socket.remoteAddress) || forwarded(req))) {
        opts.log.warn({ code: HttpError.Forbidden }, 'teams activity from off this machine refused (no-auth mode)');
        sendError(res, HttpError.Forbidden);
        return;
      }
      if (opts.serving === 'dev-no-auth' && !isLoopbackServiceUrl(body.serviceUrl)) {
        opts.log.warn({ code: HttpError.ServiceUrlRefused }, 'teams activity with a foreign serviceUrl refused');
        sendError(res, HttpError.ServiceUrlRefused);
        return;
      }
      try {
        // processActivity authenticates first (the JWT, its audience, issuer and serviceUrl claim), then runs the bot.
        const invoke = await adapter.authenticateAndRun(req.get('authorization') ?? '', fixDates(body), (ctx) =>
          bot.run(ctx),
        );
        if (invoke?.body === undefined || invoke.body === null) res.status(invoke?.status ?? 200).end();
        else res.status(invoke.status ?? 200).json(invoke.body);
      } catch (err) {
        if (isAuthFailure(err)) {
          opts.log.warn({ code: HttpError.Unauthorized }, 'teams activity refused: not authenticated');
          sendError(res, HttpError.Unauthorized);
          return;
        }
        next(err);
      }
    },
  );
}
