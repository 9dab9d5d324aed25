/**
 * @module channels/slack/app
 * The Slack adapter (@slack/bolt). It only translates: events, buttons, menus, modals and the slash command
 * become conversation turns and case actions; replies become Block Kit in the thread. Construction (HTTP on
 * the shared express server or Socket Mode) is construct.ts; each listener is a module of listeners/,
 * registered by its event type or id on routes.ts (one Bolt listener per payload kind); every failure goes
 * to one error handler (failures.ts). The acting user is always the one
 * of the signed request; every text the bot posts is escaped, fallback included.
 */
import type { App } from '@slack/bolt';
import { constructSlackApp } from './construct.ts';
import type { ListenerDeps, SlackDeps } from './deps.ts';
import { registerErrorHandler } from './failures.ts';
import * as appHomeOpened from './listeners/app-home-opened.ts';
import * as appMention from './listeners/app-mention.ts';
import * as askView from './listeners/ask-view.ts';
import * as choose from './listeners/choose.ts';
import * as command from './listeners/command.ts';
import * as correct from './listeners/correct.ts';
import * as country from './listeners/country.ts';
import * as decideView from './listeners/decide-view.ts';
import * as directMessage from './listeners/direct-message.ts';
import * as faqView from './listeners/faq-view.ts';
import * as newCase from './listeners/new-case.ts';
import * as officerClaim from './listeners/officer-claim.ts';
import * as officerModals from './listeners/officer-modals.ts';
import * as threadReply from './listeners/thread-reply.ts';
import { slackRoutes } from './routes.ts';
import { turnRunner } from './turn.ts';

export type { SlackConfig, SlackDeps } from './deps.ts';

export function createSlackApp(deps: SlackDeps): App {
  const app = constructSlackApp(deps);
  const listenerDeps: ListenerDeps = { ...deps, turn: turnRunner(deps.runtime) };
  // Each module registers on the routes; they reach Bolt as one listener per payload kind (routes.ts).
  const routes = slackRoutes();
  // Events: the researcher's messages and the Messages tab.
  appMention.register(routes, listenerDeps);
  directMessage.register(routes, listenerDeps);
  threadReply.register(routes, listenerDeps);
  appHomeOpened.register(routes);
  // The slash command, and the researcher's buttons and menu.
  command.register(routes, listenerDeps);
  choose.register(routes, listenerDeps);
  country.register(routes, listenerDeps);
  correct.register(routes, listenerDeps);
  newCase.register(routes, listenerDeps);
  // The officer's case card and modals, and the admin's FAQ modal.
  officerClaim.register(routes, listenerDeps);
  officerModals.register(routes, listenerDeps);
  decideView.register(routes, listenerDeps);
  askView.register(routes, listenerDeps);
  faqView.register(routes, listenerDeps);
  routes.mount(app);
  registerErrorHandler(app, deps);
  return app;
}
