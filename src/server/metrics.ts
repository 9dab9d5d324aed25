/**
 * @module server/metrics
 * Prometheus metrics (prom-client) for `/metrics`: turns per channel, decisions per outcome, and the
 * process defaults. One registry per server, so tests can start several. Served on METRICS_PORT alone when
 * it is set, otherwise on PORT only with `Authorization: Bearer $METRICS_TOKEN` (and not at all without a token).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Application, type RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from '../app/ports.ts';
import { HttpError, installErrorHandlers, sendError } from './errors.ts';

export interface Metrics {
  registry: Registry;
  turns: Counter<'channel'>;
  decisions: Counter<'outcome'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    turns: new Counter({
      name: 'export_check_turns_total',
      help: 'Conversation turns handled',
      labelNames: ['channel'],
      registers: [registry],
    }),
    decisions: new Counter({
      name: 'export_check_decisions_total',
      help: 'Decisions given',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

/** Serves the registry in Prometheus' text format. */
export function metricsRoute(metrics: Metrics): RequestHandler {
  return async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}

/** `Authorization: Bearer <token>`, compared in constant time; anything else is 401 in the coded shape. */
export function metricsAccess(token: string): RequestHandler {
  const want = createHash('sha256').update(token).digest();
  return (req, res, next) => {
    const m = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const got = createHash('sha256')
      .update(m?.[1] ?? '')
      .digest();
    if (m && timingSafeEqual(want, got)) next();
    else sendError(res, HttpError.Unauthorized);
  };
}

/** The metrics-only server of METRICS_PORT: /metrics and nothing else. */
export function createMetricsApp(metrics: Metrics, log: Logger): Application {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsRoute(metrics));
  installErrorHandlers(app, log);
  return app;
}
