/**
 * @module conversation/simulate
 * Plays a researcher through a conversation: an opening message, then each question answered from a known
 * set of facts (a button for options, typed text otherwise; "I don't know" for what the facts leave open).
 * Used by the bench (questions to a decision over the 40 scenarios) and by tests.
 */
import { enumValues, type FactKey } from '../core/facts.ts';
import { converse, type EngineDeps } from './engine.ts';
import type { CaseDecision, ConversationState, Lang, TurnInput } from './types.ts';

export interface Simulation {
  questions: FactKey[];
  decision: CaseDecision | null;
  state: ConversationState | undefined;
}

function answerFor(deps: EngineDeps, key: FactKey, facts: Record<string, unknown>, lang: Lang): TurnInput {
  const value = facts[key];
  const values = enumValues(key);
  if (values) {
    if (value !== undefined) return { choose: String(value) };
    return { choose: values.includes('unknown') ? 'unknown' : 'no' };
  }
  // No organisation in the scenario (one's own laptop): a researcher says so rather than "I don't know".
  if (value === undefined && key === 'counterpartyName') return { text: lang === 'ja' ? '自分（私物）' : 'myself (own use)' };
  if (value === undefined) return { text: lang === 'ja' ? 'わからない' : "I don't know" };
  if (key === 'destinationCountry') {
    const c = deps.ruleSet.countries.get(String(value));
    return { text: c ? (lang === 'ja' ? c.ja : c.en) : String(value) };
  }
  return { text: String(value) };
}

export async function simulate(
  deps: EngineDeps,
  opening: string,
  facts: Record<string, unknown>,
  lang: Lang,
  maxTurns = 20,
): Promise<Simulation> {
  const questions: FactKey[] = [];
  let state: ConversationState | undefined;
  let input: TurnInput = { text: opening };
  for (let turn = 0; turn < maxTurns; turn++) {
    const r = await converse(deps, state, input, { lang, langFixed: false });
    state = r.state;
    if (r.reply.decision) return { questions, decision: r.reply.decision, state };
    if (!r.reply.ask) return { questions, decision: null, state };
    questions.push(r.reply.ask.fact);
    input = answerFor(deps, r.reply.ask.fact, facts, lang);
  }
  return { questions, decision: null, state };
}
