/**
 * @module conversation/engine
 * One turn of the channel-neutral conversation: a typed text or a chosen option in, a reply out (`say`,
 * `ask`, `decision`). Facts come from the keyword extractor, answers and buttons, and optionally the LLM;
 * the rules core alone decides. Missing facts are asked one at a time in the order the core returns them.
 */
import { decideFacts } from '../app/decide.ts';
import { type LanguageModel, type Logger, type Screener, silentLogger } from '../app/ports.ts';
import { type CountryLookup, compileCountryLookup } from '../core/country-lookup.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import { enumValues, type FactKey, FactsSchema, isFactKey, type Outcome } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { type AnswerResult, parseAnswer } from './answer.ts';
import type { ConversationContent } from './content.ts';
import { type Extracted, extractFacts } from './extract.ts';
import { matchFaq, renderFaq } from './faq.ts';
import { detectLang } from './lang.ts';
import { CORRECTION_CUE, NEW_CASE, RESET, STEERING } from './lexicon.ts';
import { MSG } from './messages.ts';
import { contradictsOutcome } from './phrasing-check.ts';
import { buildAsk, questionText, renderDecision, renderUnderstood } from './render.ts';
import {
  type ConversationState,
  factValues,
  type Lang,
  newState,
  type Provenance,
  type Reply,
  type TurnInput,
} from './types.ts';

/**
 * The facts an LLM may propose. Answers that open an exception or clear a concern (listStatus, handCarry,
 * temporaryExport, endUseConcern …) are always asked or typed by the researcher, never inferred by a model.
 */
export const LLM_EXTRACTABLE: readonly FactKey[] = [
  'caseType',
  'destinationCountry',
  'counterpartyName',
  'itemDescription',
  'valueJPY',
  'listCategory',
];

export interface EngineDeps {
  ruleSet: RuleSet;
  screener: Screener;
  content: ConversationContent;
  /** A new case id: random, or derived from the seed (the same seed, the same id). */
  newCaseId: (seed?: string) => string;
  /**
   * Set per turn by the conversation service (the turn's conversation, prior state and input): the case id
   * is then derived from it and from what was decided, so a turn retried after a cut makes the same case.
   */
  turnSeed?: string;
  llm?: LanguageModel | undefined;
  log?: Logger;
  /** Compiled once per rule set by `createEngineDeps`. */
  countries: CountryLookup;
}

export function createEngineDeps(d: Omit<EngineDeps, 'countries'>): EngineDeps {
  return { ...d, countries: compileCountryLookup(d.ruleSet.countries.values()) };
}

export interface TurnResult {
  state: ConversationState;
  reply: Reply;
}

function setFact(state: ConversationState, key: FactKey, value: string | number, provenance: Provenance): void {
  state.facts[key] = { value, provenance };
}

/** A proposed value the fact schema accepts, or undefined (countries by any name become ISO codes). */
function acceptValue(key: FactKey, value: unknown, countries: CountryLookup): string | number | undefined {
  let v = value;
  if (key === 'destinationCountry' && typeof v === 'string') v = countries.resolve(v) ?? v.toUpperCase();
  if (key === 'valueJPY' && typeof v === 'string' && /^\d+(\.\d+)?$/.test(v)) v = Number(v);
  const ok = FactsSchema.shape[key].safeParse(v);
  if (!ok.success) return undefined;
  if (key === 'destinationCountry' && !countries.resolve(String(v))) return undefined;
  return ok.data as string | number;
}

function ask(deps: EngineDeps, state: ConversationState, key: FactKey, prefix: string[]): TurnResult {
  state.asked = key;
  const say = [...prefix, questionText(key, deps.ruleSet, state.lang)].filter(Boolean).join('\n');
  return { state, reply: { say, ask: buildAsk(key, deps.ruleSet, state.lang), decision: null } };
}

function reAsk(deps: EngineDeps, state: ConversationState, prefix: string[]): TurnResult {
  if (state.asked) return ask(deps, state, state.asked, prefix);
  return {
    state,
    reply: { say: [...prefix].filter(Boolean).join('\n') || MSG.greeting[state.lang], ask: null, decision: null },
  };
}

function hint(deps: EngineDeps, key: FactKey, lang: Lang): string {
  return deps.ruleSet.factSpecs.get(key)?.hint[lang] ?? '';
}

/** Merges extracted facts: absent keys are filled; present ones change only when `overwrite` says so. */
function merge(
  state: ConversationState,
  extracted: Extracted,
  provenance: Provenance,
  overwrite: boolean,
  countries: CountryLookup,
): FactKey[] {
  const changed: FactKey[] = [];
  for (const [k, raw] of Object.entries(extracted)) {
    if (!isFactKey(k)) continue;
    const value = acceptValue(k, raw, countries);
    if (value === undefined) continue;
    const prior = state.facts[k];
    if (prior && (!overwrite || prior.value === value)) continue;
    setFact(state, k, value, provenance);
    changed.push(k);
  }
  return changed;
}

async function proposeWithLlm(deps: EngineDeps, state: ConversationState, text: string): Promise<FactKey[]> {
  if (!deps.llm) return [];
  const log = deps.log ?? silentLogger;
  let proposed: Record<string, unknown>;
  try {
    proposed = await deps.llm.proposeFacts({ text, lang: state.lang, asked: state.asked });
  } catch (err) {
    log.warn(
      { llm: deps.llm.name, err: err instanceof Error ? err.message : String(err) },
      'llm extraction failed; deterministic path only',
    );
    return [];
  }
  const accepted: Extracted = {};
  for (const [key, value] of Object.entries(proposed)) {
    if (value === null || value === undefined) continue;
    if (!isFactKey(key) || !LLM_EXTRACTABLE.includes(key)) {
      log.warn({ key }, 'llm proposed a fact it may not set; dropped');
      continue;
    }
    if (acceptValue(key, value, deps.countries) === undefined) {
      log.warn({ key }, 'llm proposed a value the fact schema refuses; dropped');
      continue;
    }
    accepted[key] = value as string | number;
  }
  return merge(state, accepted, 'llm', false, deps.countries);
}

async function explain(
  deps: EngineDeps,
  lang: Lang,
  decision: Parameters<typeof renderDecision>[0],
): Promise<string | undefined> {
  if (!deps.llm) return undefined;
  const outcome = decision.outcome as Outcome;
  const sentence = deps.content.outcomes[outcome].sentence[lang];
  try {
    const text = await deps.llm.phrase({ decision, outcomeSentence: sentence, lang });
    if (!text?.trim()) return undefined;
    if (contradictsOutcome(text, outcome)) {
      (deps.log ?? silentLogger).warn({ outcome }, 'llm phrasing contradicts the outcome; template used');
      return undefined;
    }
    return text.trim().slice(0, 1500);
  } catch (err) {
    (deps.log ?? silentLogger).warn(
      { err: err instanceof Error ? err.message : String(err) },
      'llm phrasing failed; template used',
    );
    return undefined;
  }
}

/** Decides on the facts so far: the next question, or the decision with a new case id. */
async function advance(
  deps: EngineDeps,
  state: ConversationState,
  prefix: string[],
  showUnderstood = false,
  context: EvaluationContext = {},
): Promise<TurnResult> {
  const result = decideFacts(deps, factValues(state), context);
  if (!result.ok) {
    // A stored fact the schema now refuses (rules changed under a live conversation): forget it and ask again.
    for (const issue of result.issues) {
      const key = issue.path.split('.')[0];
      if (key && isFactKey(key)) delete state.facts[key];
    }
    return advance(deps, state, prefix, showUnderstood, context);
  }
  const d = result.decision;
  if (d.outcome === 'needs_facts') {
    const understood = showUnderstood ? [renderUnderstood(state, deps.ruleSet)] : [];
    return ask(deps, state, firstQuestion(d.missing, state, context), [...prefix, ...understood]);
  }
  const caseId =
    deps.turnSeed === undefined
      ? deps.newCaseId()
      : deps.newCaseId(
          `${deps.turnSeed}\n${JSON.stringify([d.outcome, d.reasons.map((r) => r.id), factValues(state), d.rulesVersion])}`,
        );
  state.asked = null;
  state.caseId = caseId;
  const explanation = await explain(deps, state.lang, d);
  const summary = renderUnderstood(state, deps.ruleSet);
  const say = [...prefix, summary, renderDecision(d, caseId, deps.content, state.lang, explanation)]
    .filter(Boolean)
    .join('\n');
  return { state, reply: { say, ask: null, decision: { ...d, caseId } } };
}

/**
 * The core's order, except that a lab which reported list-controlled technology in the survey is asked for
 * the classification first in technology and visitor cases.
 */
function firstQuestion(missing: readonly FactKey[], state: ConversationState, context: EvaluationContext): FactKey {
  const type = state.facts.caseType?.value;
  if (
    context.survey?.controlledTechnology &&
    (type === 'technology' || type === 'visitor') &&
    missing.includes('listStatus')
  )
    return 'listStatus';
  return missing[0]!;
}

function chosen(deps: EngineDeps, state: ConversationState, value: string): AnswerResult {
  const key = state.asked!;
  const values = enumValues(key);
  if (values) return values.includes(value) ? { ok: true, value } : { ok: false, problem: 'unparseable' };
  // A menu for a free-text fact (Slack's country select): the value must still pass the schema.
  const accepted = acceptValue(key, value, deps.countries);
  return accepted === undefined ? { ok: false, problem: 'unparseable' } : { ok: true, value: accepted };
}

export async function converse(
  deps: EngineDeps,
  prior: ConversationState | undefined,
  input: TurnInput,
  defaults: { lang: Lang; langFixed: boolean },
  context: EvaluationContext = {},
): Promise<TurnResult> {
  let state: ConversationState = prior ? structuredClone(prior) : newState(defaults.lang, defaults.langFixed);

  if ('choose' in input) {
    if (!state.asked) return reAsk(deps, state, [MSG.badChoice[state.lang]]);
    const r = chosen(deps, state, input.choose);
    if (!r.ok) return reAsk(deps, state, [MSG.badChoice[state.lang]]);
    setFact(state, state.asked, r.value, 'button');
    return advance(deps, state, [], false, context);
  }

  const text = input.text
    .replace(/\p{Cc}/gu, ' ')
    .trim()
    .slice(0, 8000);
  if (!state.langFixed) state.lang = detectLang(text) ?? state.lang;
  const lang = state.lang;
  if (!text) return reAsk(deps, state, [MSG.greeting[lang]]);

  if (RESET.test(text) || NEW_CASE.test(text)) {
    state = newState(lang, state.langFixed);
    return { state, reply: { say: `${MSG.reset[lang]}\n${MSG.greeting[lang]}`, ask: null, decision: null } };
  }
  if (STEERING.test(text)) return reAsk(deps, state, [MSG.steering[lang]]);

  const extracted = extractFacts(text, deps);
  const faq = matchFaq(text, deps.content.faq);
  const isCorrection =
    CORRECTION_CUE.test(text) &&
    Object.entries(extracted).some(([k, v]) => isFactKey(k) && state.facts[k] && state.facts[k]!.value !== v);

  // After a decision, a message with a new case type (or no correction) opens a new case.
  if (state.caseId && !state.asked && !isCorrection && !faq) {
    state = newState(lang, state.langFixed);
  }
  const prefix: string[] = [];

  if (isCorrection) {
    const changed = merge(state, extracted, 'user', true, deps.countries);
    prefix.push(`${MSG.corrected[lang]}: ${renderUnderstood(state, deps.ruleSet, changed).replace(/^[^—]*— /, '')}`);
    return advance(deps, state, prefix, false, context);
  }

  if (state.asked) {
    const asked = state.asked;
    // A general question asked instead of an answer: answer it, then ask again.
    if (faq && !extracted.caseType) return reAsk(deps, state, [renderFaq(faq, lang, MSG.sources[lang])]);
    const r = parseAnswer(asked, text, { countries: deps.countries, spec: deps.ruleSet.factSpecs.get(asked) });
    if (r.ok) {
      setFact(state, asked, r.value, 'user');
      merge(state, extracted, 'extractor', false, deps.countries);
      return advance(deps, state, prefix, false, context);
    }
    if (faq) return reAsk(deps, state, [renderFaq(faq, lang, MSG.sources[lang])]);
    // Other facts volunteered instead of the answer ("it's a camera for Korea") still count.
    const volunteered = merge(state, extracted, 'extractor', false, deps.countries);
    volunteered.push(...(await proposeWithLlm(deps, state, text)));
    if (volunteered.length) return advance(deps, state, prefix, true, context);
    const why =
      r.problem === 'unknown_country'
        ? MSG.unknownCountry[lang]
        : r.problem === 'not_known'
          ? MSG.needFreeText[lang]
          : MSG.unparseable[lang];
    return reAsk(deps, state, [`${why} ${hint(deps, asked, lang)}`.trim()]);
  }

  if (faq && !extracted.caseType) return reAsk(deps, state, [renderFaq(faq, lang, MSG.sources[lang])]);
  const found = merge(state, extracted, 'extractor', false, deps.countries);
  found.push(...(await proposeWithLlm(deps, state, text)));
  return advance(deps, state, prefix, found.length > 0, context);
}
