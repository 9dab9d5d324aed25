/**
 * @module conversation/engine
 * One turn of the channel-neutral conversation: a typed text or a chosen option in, a reply out (`say`,
 * `ask`, `decision`). What a turn does follows from the conversation's phase and the turn's signals through
 * one table (conversation/phase.ts). Facts come from the keyword extractor, answers and buttons, and
 * optionally the LLM; the rules core alone decides.
 *
 * Safety properties the engine keeps (here and in the modules named below):
 * - every question has a turn number; a choice for a question no longer asked changes nothing;
 * - a fact read from the text that would clear a concern or open an exception (resident, public, basic
 *   research, a small amount, hand-carry, return) counts only after a one-tap confirmation naming what was
 *   read — unless deciding with it is provably no less severe than deciding without it;
 * - a fact the LLM proposes never overwrites another, and counts only once the researcher confirms it.
 *
 * This file reads the turn and dispatches on the phase table; the handlers live in their own modules:
 * engine-deps (what a turn runs with), readings (how read facts enter the state), turn-context (reply and
 * question builders), advance (next question or decision), decision-reply (decided and hand-off cards),
 * case-id, answer-turn (typed and chosen answers) and correction-turn.
 */
import { LLM_EXTRACTABLE } from '../app/ports.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import { isFactKey } from '../core/facts.ts';
import { advance } from './advance.ts';
import { answer, choiceFits, chosen } from './answer-turn.ts';
import { readCorrection } from './correction.ts';
import { applyCorrection } from './correction-turn.ts';
import { handoff } from './decision-reply.ts';
import type { EngineDeps } from './engine-deps.ts';
import { type Extraction, extract } from './extract.ts';
import { matchFaq, renderFaq } from './faq.ts';
import { detectLang } from './lang.ts';
import { STEERING } from './lexicon.ts';
import { readCommand, type Signals, step } from './phase.ts';
import { mergeExtracted, proposeWithLlm, setFact } from './readings.ts';
import { msg, reAsk, type TurnCtx, type TurnResult } from './turn-context.ts';
import { type ConversationState, type Lang, newState, type TurnInput, upgradeState } from './types.ts';

export { createEngineDeps, type EngineDeps } from './engine-deps.ts';
export type { TurnResult } from './turn-context.ts';
export { LLM_EXTRACTABLE };

export async function converse(
  deps: EngineDeps,
  prior: ConversationState | undefined,
  input: TurnInput,
  defaults: { lang: Lang; langFixed: boolean },
  context: EvaluationContext = {},
): Promise<TurnResult> {
  const state: ConversationState = prior
    ? upgradeState(structuredClone(prior))
    : newState(defaults.lang, defaults.langFixed);
  const c: TurnCtx = { deps, state, context };
  const isChoice = 'choose' in input && input.choose !== 'handoff';
  const text =
    'text' in input
      ? input.text
          .replace(/\p{Cc}/gu, ' ')
          .trim()
          .slice(0, 8000)
      : '';
  if ('text' in input && !state.langFixed) state.lang = detectLang(text) ?? state.lang;
  const lang = state.lang;

  // Read once what every step may need.
  const cmd = isChoice ? null : 'choose' in input ? 'handoff' : readCommand(text);
  const x: Extraction = isChoice || !text || cmd ? { facts: {}, reads: {} } : extract(text, deps);
  const faq = isChoice || !text ? undefined : matchFaq(text, deps.content.faq);
  const correction = isChoice || !text || cmd ? undefined : readCorrection(text, state, x, deps);
  const signals: Signals = {
    kind: isChoice ? 'choice' : 'text',
    command: cmd,
    empty: !isChoice && !text && cmd === null,
    steering: !isChoice && STEERING.test(text),
    choiceFits: 'choose' in input && choiceFits(state, input),
    correction: correction !== undefined,
    faq: faq !== undefined && !x.facts.caseType,
    hasFacts: Object.keys(x.facts).length > 0,
  };

  switch (step(state.phase, signals)) {
    case 'reset':
    case 'new_case': {
      const fresh = newState(lang, state.langFixed);
      const say = `${msg(c, 'conversation.reset')}\n${msg(c, 'conversation.greeting')}`;
      return { state: fresh, reply: { say, ask: null, decision: null } };
    }
    case 'handoff':
      return handoff(c);
    case 'greet':
      return reAsk(c, [msg(c, 'conversation.greeting')]);
    case 'refuse_steering':
      return reAsk(c, [msg(c, 'conversation.steering')]);
    case 'stale_choice': {
      // An old card for a question answered before, or a choice for a question not being asked.
      const named = 'choose' in input ? input.fact : undefined;
      const answered = named !== undefined && isFactKey(named) && state.facts[named] !== undefined;
      const oldTurn = named === undefined && 'choose' in input && input.turn !== undefined;
      const why =
        state.phase === 'decided' || state.phase === 'idle'
          ? msg(c, 'conversation.stale_decided')
          : answered || oldTurn
            ? msg(c, 'conversation.stale_choice')
            : msg(c, 'conversation.not_asked_choice');
      return reAsk(c, [why]);
    }
    case 'apply_choice': {
      const key = state.asked!;
      const r = chosen(c, key, (input as { choose: string }).choose);
      if (!r.ok) return reAsk(c, [msg(c, 'conversation.bad_choice')]);
      setFact(state, key, r.value, 'button');
      return advance(c, []);
    }
    case 'apply_correction':
      return applyCorrection(c, correction!, x, text);
    case 'answer_faq':
      return reAsk(c, [renderFaq(faq!, lang, deps.content.messages)]);
    case 'already_decided':
      return reAsk(c, []);
    case 'to_officer':
      // The service forwards these; the engine alone has no officer to send them to.
      return reAsk(c, []);
    case 'answer':
      return answer(c, text, x);
    case 'open': {
      const fresh: TurnCtx = state.phase === 'decided' ? { ...c, state: newState(lang, state.langFixed) } : c;
      const found = mergeExtracted(fresh.state, x, deps).length;
      const proposed = await proposeWithLlm(deps, fresh.state, text);
      return advance(fresh, [], found + proposed > 0 || fresh.state.pending.length > 0);
    }
  }
}

/** Whether a reply offers the hand-off (a fact the researcher cannot give). */
export function offersHandoff(state: ConversationState): boolean {
  return state.asked !== null && state.notKnown.includes(state.asked);
}
