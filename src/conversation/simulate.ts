/**
 * @module conversation/simulate
 * Plays a researcher through a conversation: an opening message, then each question answered from a known
 * set of facts (a button for options, typed text otherwise; "I don't know" for what the facts leave open).
 * Used by the bench (questions to a decision over the 40 scenarios) and by tests.
 */
import { enumValues, type FactKey, isFactKey } from '../core/facts.ts';
import { converse, type EngineDeps } from './engine.ts';
import type { CaseDecision, ConversationState, Lang, Reply, TurnInput } from './types.ts';

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
  if (value === undefined && key === 'counterpartyName')
    return { text: lang === 'ja' ? '自分（私物）' : 'myself (own use)' };
  if (value === undefined) return { text: lang === 'ja' ? 'わからない' : "I don't know" };
  if (key === 'destinationCountry') {
    const c = deps.ruleSet.countries.get(String(value));
    return { text: c ? (lang === 'ja' ? c.ja : c.en) : String(value) };
  }
  return { text: String(value) };
}

/** Runs the researcher against any turn function: the engine directly, or a service over a store. */
export async function simulateWith(
  deps: EngineDeps,
  turn: (input: TurnInput) => Promise<Reply | null>,
  opening: string,
  facts: Record<string, unknown>,
  lang: Lang,
  maxTurns = 20,
): Promise<Omit<Simulation, 'state'>> {
  const questions: FactKey[] = [];
  let input: TurnInput = { text: opening };
  for (let i = 0; i < maxTurns; i++) {
    const reply = await turn(input);
    if (!reply) break;
    if (reply.decision) return { questions, decision: reply.decision };
    const fact = reply.ask?.fact;
    if (!fact || !isFactKey(fact)) break;
    questions.push(fact);
    input = answerFor(deps, fact, facts, lang);
  }
  return { questions, decision: null };
}

export async function simulate(
  deps: EngineDeps,
  opening: string,
  facts: Record<string, unknown>,
  lang: Lang,
  maxTurns = 20,
): Promise<Simulation> {
  let state: ConversationState | undefined;
  const r = await simulateWith(
    deps,
    async (input) => {
      const t = await converse(deps, state, input, { lang, langFixed: false });
      state = t.state;
      return t.reply;
    },
    opening,
    facts,
    lang,
    maxTurns,
  );
  return { ...r, state };
}
