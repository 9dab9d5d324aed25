/**
 * @module conversation/answer-turn
 * Taking an answer to the question asked: a chosen option (only one the question offers, and only for the
 * question being asked) or a typed answer (or a yes/no to a confirmation). An answer not taken says why and,
 * for a fact the researcher cannot give, offers the way on.
 */
import { enumValues, type FactKey } from '../core/facts.ts';
import { isMessageKey } from '../surfaces/catalogue.ts';
import { advance } from './advance.ts';
import { type AnswerResult, parseAnswer } from './answer.ts';
import type { Extracted, Extraction } from './extract.ts';
import { NO_ANSWER, OWN_USE, YES_ANSWER } from './lexicon.ts';
import { acceptValue, mergeExtracted, proposeWithLlm, setFact } from './readings.ts';
import { ask, msg, reAsk, type TurnCtx, type TurnResult } from './turn-context.ts';
import type { ConversationState } from './types.ts';

export function chosen(c: TurnCtx, key: FactKey, value: string): AnswerResult {
  const values = enumValues(key);
  if (values) return values.includes(value) ? { ok: true, value } : { ok: false, problem: 'unparseable' };
  // A menu for a free-text fact (Slack's country select, a confirmation): only an offered value, and it must
  // still pass the schema. A free-text question without a menu takes no button.
  const pending = c.state.pending.find((p) => p.key === key);
  if (key !== 'destinationCountry' && String(pending?.value) !== value) return { ok: false, problem: 'unparseable' };
  const accepted = acceptValue(key, value, c.deps.countries);
  return accepted === undefined ? { ok: false, problem: 'unparseable' } : { ok: true, value: accepted };
}

export function choiceFits(state: ConversationState, input: { choose: string; fact?: string; turn?: number }): boolean {
  if (!state.asked) return false;
  if (input.fact !== undefined && input.fact !== state.asked) return false;
  if (input.turn !== undefined && input.turn !== state.turn) return false;
  return true;
}

/** Why an answer was not taken, with the hint and — for a fact the researcher cannot give — the way on. */
function refusal(c: TurnCtx, key: FactKey, problem: Exclude<AnswerResult, { ok: true }>['problem']): string[] {
  const lang = c.state.lang;
  const hint = c.deps.ruleSet.factSpecs.get(key)?.hint[lang] ?? '';
  switch (problem) {
    case 'unknown_country':
      return [`${msg(c, 'conversation.unknown_country')} ${hint}`.trim()];
    case 'amount_negative':
      return [msg(c, 'conversation.amount_negative')];
    case 'amount_zero':
      return [msg(c, 'conversation.amount_zero')];
    case 'amount_ambiguous':
      return [msg(c, 'conversation.amount_ambiguous')];
    case 'not_known': {
      const who = c.state.facts.caseType?.value === 'visitor' ? 'visitor' : 'other';
      // Where to get the fact (the catalogue's advice.<fact>.<visitor|other>, where it has one).
      const advice = `advice.${key}.${who}`;
      return [
        msg(c, 'conversation.need_free_text'),
        ...(isMessageKey(advice) ? [msg(c, advice)] : []),
        msg(c, 'conversation.offer_handoff'),
      ];
    }
    default:
      return [`${msg(c, 'conversation.unparseable')} ${hint}`.trim()];
  }
}

/** A typed answer to the question asked (or the confirmation shown). */
export async function answer(c: TurnCtx, text: string, x: Extraction): Promise<TurnResult> {
  const { deps, state } = c;
  const key = state.asked!;
  const pending = state.pending.find((p) => p.key === key);
  const short = text.split(/\s+/).length <= 5 && text.length <= 40;
  let r: AnswerResult = parseAnswer(key, text, { countries: deps.countries, spec: deps.ruleSet.factSpecs.get(key) });
  if (key === 'counterpartyName' && OWN_USE.test(text)) r = { ok: true, value: msg(c, 'conversation.own_use') };
  if (state.phase === 'confirming' && pending && !r.ok && short) {
    // "yes" confirms what was read; "no" asks the question plainly.
    if (YES_ANSWER.test(text)) r = { ok: true, value: pending.value };
    else if (NO_ANSWER.test(text)) {
      state.pending = state.pending.filter((p) => p !== pending);
      return ask(c, key, []);
    }
  }
  // A whole sentence typed as the answer: the name or the item is the span the extractor found in it.
  const span = x.facts[key];
  if (
    r.ok &&
    (key === 'counterpartyName' || key === 'itemDescription') &&
    typeof span === 'string' &&
    span.length < text.length
  )
    r = { ok: true, value: span };
  if (r.ok) {
    setFact(state, key, r.value, 'user');
    mergeExtracted(state, { facts: withoutKey(x.facts, key), reads: x.reads }, deps);
    return advance(c, []);
  }
  if (r.problem === 'not_known' && !state.notKnown.includes(key)) state.notKnown.push(key);
  // Other facts volunteered instead of the answer ("it's a camera for Korea") still count.
  const volunteered = r.problem === 'not_known' ? 0 : mergeExtracted(state, x, deps).length;
  const proposed = r.problem === 'not_known' ? 0 : await proposeWithLlm(deps, state, text);
  if (volunteered + proposed > 0) return advance(c, [], true);
  const res = reAsk(c, refusal(c, key, r.problem));
  if (r.problem === 'not_known') res.reply.offerHandoff = true;
  return res;
}

function withoutKey(facts: Extracted, key: FactKey): Extracted {
  const { [key]: _, ...rest } = facts;
  return rest;
}
