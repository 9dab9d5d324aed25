/**
 * @module server/http
 * The one HTTP server (PORT): Slack at /slack/events (mounted by the Slack adapter on this express app),
 * Teams at /api/messages (mounted by the Teams adapter), /healthz and /metrics. JSON body parsing is left to
 * each route: Bolt must read Slack's raw body to check the signature. Error answers: `server/errors.ts`.
 */
import express, { type Application } from 'express';
import { type Metrics, metricsAccess, metricsRoute } from './metrics.ts';

export interface Health {
  rulesVersion: () => string;
  lists: () => Record<string, string>;
  store: () => Promise<'memory' | 'redis' | 'redis-unreachable'>;
  /** How /api/messages is served: with Bot Framework auth, without it (TEAMS_DEV_NO_AUTH=1), or not at all. */
  teams?: 'auth' | 'dev-no-auth' | 'off';
}

export function createHttpApp(opts: {
  metrics: Metrics;
  health: Health;
  /** /metrics on this server: only with this bearer token, and never when METRICS_PORT serves it. */
  metricsToken?: string | undefined;
}): Application {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    // Answers within a second whatever the store does: a hung Redis counts as unreachable after 500 ms.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'redis-unreachable'>((resolve) => {
      timer = setTimeout(() => resolve('redis-unreachable'), 500);
    });
    const store = await Promise.race([opts.health.store().catch(() => 'redis-unreachable' as const), late]);
    clearTimeout(timer);
    const down = store === 'redis-unreachable';
    res.status(down ? 503 : 200).json({
      ok: !down,
      status: down ? 'degraded' : 'ok',
      store: down ? 'unreachable' : store,
      ...(down ? { degraded: ['store'] } : {}),
      rules: opts.health.rulesVersion(),
      lists: opts.health.lists(),
      ...(opts.health.teams ? { teams: opts.health.teams } : {}),
    });
  });
  if (opts.metricsToken) app.get('/metrics', metricsAccess(opts.metricsToken), metricsRoute(opts.metrics));
  return app;
}
