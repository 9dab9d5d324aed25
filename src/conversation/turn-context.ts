/**
 * @module conversation/turn-context
 * What every phase handler shares: the turn's context (deps, state, evaluation context), the reply builders
 * and the question a reply asks. A new question gets a new turn number, so a choice for a question no longer
 * asked changes nothing.
 */
import { decideFacts } from '../app/decide.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import type { FactKey } from '../core/facts.ts';
import type { MessageKey, Vars } from '../surfaces/catalogue.ts';
import type { EngineDeps } from './engine-deps.ts';
import { buildAsk, displayValue, factLabel, questionText } from './render.ts';
import type { ConversationState, Reply } from './types.ts';

export interface TurnResult {
  state: ConversationState;
  reply: Reply;
}

export interface TurnCtx {
  deps: EngineDeps;
  state: ConversationState;
  context: EvaluationContext;
}

/** A sentence of the message catalogue in the conversation's language. */
export function msg(c: TurnCtx, key: MessageKey, vars?: Vars): string {
  return c.deps.content.messages.t(key, c.state.lang, vars);
}

export function reply(c: TurnCtx, say: (string | undefined)[], rest: Partial<Reply> = {}): TurnResult {
  return {
    state: c.state,
    reply: { say: say.filter(Boolean).join('\n'), ask: null, decision: null, ...rest },
  };
}

/** Asks `key`: a new question gets a new turn number; repeating the current one keeps it. */
export function ask(c: TurnCtx, key: FactKey, prefix: (string | undefined)[], fresh = true): TurnResult {
  const { deps, state } = c;
  if (fresh || state.asked !== key) state.turn++;
  state.asked = key;
  const pending = state.pending.find((p) => p.key === key);
  const lang = state.lang;
  if (pending) {
    state.phase = 'confirming';
    const shown = displayValue(key, pending.value, deps.ruleSet, lang);
    const source =
      pending.provenance === 'llm' ? msg(c, 'conversation.read_by_model') : `「${pending.read.slice(0, 60)}」`;
    const base = buildAsk(key, deps.ruleSet, lang);
    const options = base.options ?? [
      { value: String(pending.value), label: msg(c, 'conversation.confirm_yes', { value: shown }) },
    ];
    const read = msg(c, 'conversation.confirm_read', {
      fact: factLabel(deps.content.messages, key, lang),
      value: shown,
      source,
    });
    const say = `${read}\n${msg(c, 'conversation.confirm_ask')} ${questionText(key, deps.ruleSet, lang)}`;
    return reply(c, [...prefix, say], { ask: { fact: key, options }, turn: state.turn });
  }
  state.phase = 'asking';
  return reply(c, [...prefix, questionText(key, deps.ruleSet, lang)], {
    ask: buildAsk(key, deps.ruleSet, lang),
    turn: state.turn,
  });
}

/** The current question again (same turn), or what the phase offers when nothing is asked. */
export function reAsk(c: TurnCtx, prefix: (string | undefined)[]): TurnResult {
  const { state } = c;
  if ((state.phase === 'asking' || state.phase === 'confirming') && state.asked)
    return ask(c, state.asked, prefix, false);
  if (state.phase === 'decided') return reply(c, [...prefix, msg(c, 'conversation.after_decision')]);
  return reply(c, prefix.filter(Boolean).length ? prefix : [msg(c, 'conversation.greeting')]);
}

export function decide(c: TurnCtx, facts: Record<string, string | number>) {
  return decideFacts(c.deps, facts, c.context);
}
