/**
 * @module server/metrics
 * Prometheus metrics (prom-client) for `/metrics`: turns per channel, decisions per outcome, and the
 * process defaults. One registry per server, so tests can start several.
 */
import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

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
