/**
 * @module server/http
 * The one HTTP server (PORT): Slack at /slack/events (mounted by the Slack adapter on this express app),
 * Teams at /api/messages (mounted by the Teams adapter), /healthz and /metrics. JSON body parsing is left to
 * each route: Bolt must read Slack's raw body to check the signature.
 */
import express, { type Application } from 'express';
import type { Metrics } from './metrics.ts';

export interface Health {
  rulesVersion: () => string;
  lists: () => Record<string, string>;
  store: () => Promise<'memory' | 'redis' | 'redis-unreachable'>;
}

export function createHttpApp(opts: { metrics: Metrics; health: Health }): Application {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', async (_req, res) => {
    const store = await opts.health.store();
    res.status(store === 'redis-unreachable' ? 503 : 200).json({
      ok: store !== 'redis-unreachable',
      rules: opts.health.rulesVersion(),
      lists: opts.health.lists(),
      store,
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });
  return app;
}
