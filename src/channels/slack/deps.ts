/**
 * @module channels/slack/deps
 * What the Slack adapter is built from (configuration and the runtime facade), and what every listener
 * module's `register(app, deps)` receives: the same, plus the turn runner they share.
 */
import type { Application } from 'express';
import type { Logger, Screener } from '../../app/ports.ts';
import type { Runtime } from '../../app/runtime.ts';
import type { RuleRegistry } from '../../ruleset/registry.ts';
import type { RunTurn } from './turn.ts';

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

export interface ListenerDeps extends SlackDeps {
  turn: RunTurn;
}
