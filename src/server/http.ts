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
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });
  return app;
}
