/**
 * @module channels/slack/routes
 * Where the listener modules register: by event type, action_id, callback_id and command, as they would on
 * Bolt's App, but mounted as one Bolt listener per payload kind (events, block actions, view submissions, the
 * command), each matched by a constraint naming exactly the ids registered here and handing the payload to
 * its one listener by id. Bolt runs every incoming event through every listener's middleware chain, matched
 * or not: with one Bolt listener per module (17 chains) that cost about 0.17 ms of CPU per message event
 * (Bolt alone, no-op listeners, 200 in flight), with these four about 0.05 ms. What a payload meets is otherwise as before: Bolt's
 * constraint (an action or view of no registered id reaches nothing and is not acknowledged), autoAcknowledge
 * for every action, the listener's arguments, and a failure on its way to the one error handler (failures.ts).
 */
import {
  type AllMiddlewareArgs,
  type App,
  autoAcknowledge,
  type BlockAction,
  type Middleware,
  type SlackActionMiddlewareArgs,
  type SlackCommandMiddlewareArgs,
  type SlackEventMiddlewareArgs,
  type SlackViewMiddlewareArgs,
} from '@slack/bolt';

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
export type EventType = 'message' | 'app_mention' | 'app_home_opened';

export interface SlackRoutes {
  /** Message events of every channel type; each listener answers the ones that are its own. */
  message(listener: Listener<SlackEventMiddlewareArgs<'message'>>): void;
  event<T extends Exclude<EventType, 'message'>>(type: T, listener: Listener<SlackEventMiddlewareArgs<T>>): void;
  /** A block action by its action_id, or ids of one anchored pattern (`^ec_choose:\d+$`); acknowledged first. */
  action(actionId: string | RegExp, listener: Listener<SlackActionMiddlewareArgs<BlockAction>>): void;
  /** A view submission by its callback_id; the listener acknowledges (with the form's errors, or not). */
  view(callbackId: string, listener: Listener<SlackViewMiddlewareArgs>): void;
  command(name: string, ...middleware: Middleware<SlackCommandMiddlewareArgs>[]): void;
}

const escapeId = (id: string) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An anchored pattern's body (`^…$` → `…`), so several patterns make one alternation. */
function body(pattern: RegExp): string {
  if (!pattern.source.startsWith('^') || !pattern.source.endsWith('$') || pattern.flags)
    throw new Error(`route pattern ${pattern} must be anchored (^…$) and without flags`);
  return pattern.source.slice(1, -1);
}

class IdTable<L> {
  private readonly exact = new Map<string, L>();
  private readonly patterns: [RegExp, L][] = [];
  add(id: string | RegExp, listener: L): void {
    if (typeof id === 'string') {
      if (this.exact.has(id)) throw new Error(`route ${id} registered twice`);
      this.exact.set(id, listener);
    } else {
      body(id);
      this.patterns.push([id, listener]);
    }
  }
  find(id: string): L | undefined {
    return this.exact.get(id) ?? this.patterns.find(([re]) => re.test(id))?.[1];
  }
  get size(): number {
    return this.exact.size + this.patterns.length;
  }
  /** One anchored pattern matching exactly the registered ids, for Bolt's constraint. */
  constraint(): RegExp {
    return new RegExp(
      `^(?:${[...[...this.exact.keys()].map(escapeId), ...this.patterns.map(([re]) => body(re))].join('|')})$`,
    );
  }
}

/** The routes, and `mount(app)` to register them on Bolt (once, after every module has registered). */
export function slackRoutes(): SlackRoutes & { mount(app: App): void } {
  type AnyListener = Listener<Record<string, unknown>>;
  const events = new Map<string, AnyListener[]>();
  const actions = new IdTable<Listener<SlackActionMiddlewareArgs<BlockAction>>>();
  const views = new IdTable<Listener<SlackViewMiddlewareArgs>>();
  const commands: [string, Middleware<SlackCommandMiddlewareArgs>[]][] = [];
  const onEvent = (type: string, listener: AnyListener) => events.set(type, [...(events.get(type) ?? []), listener]);
  return {
    message: (listener) => onEvent('message', listener as unknown as AnyListener),
    event: (type, listener) => onEvent(type, listener as unknown as AnyListener),
    action: (id, listener) => actions.add(id, listener),
    view: (id, listener) => views.add(id, listener),
    command: (name, ...middleware) => commands.push([name, middleware]),
    mount(app) {
      if (events.size) {
        const types = new RegExp(`^(?:${[...events.keys()].map(escapeId).join('|')})$`);
        app.event(types, async (args) => {
          // The listeners of one type answer disjoint payloads (a DM, a channel thread); together, as Bolt ran them.
          const listeners = events.get(args.event.type) ?? [];
          await Promise.all(listeners.map((l) => l(args as unknown as Parameters<AnyListener>[0])));
        });
      }
      if (actions.size)
        app.action({ type: 'block_actions', action_id: actions.constraint() }, autoAcknowledge, async (args) => {
          await actions.find(args.action.action_id)?.(args);
        });
      if (views.size)
        app.view({ type: 'view_submission', callback_id: views.constraint() }, async (args) => {
          await views.find(args.view.callback_id)?.(args);
        });
      for (const [name, middleware] of commands) app.command(name, ...middleware);
    },
  };
}
