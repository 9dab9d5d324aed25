/**
 * @module conversation/engine
 * One turn of the channel-neutral conversation: a typed text or a chosen option in, a reply out (`say`,
 * `ask`, `decision`). What a turn does follows from the conversation's phase and the turn's signals through
 * one table (conversation/phase.ts). Facts come from the keyword extractor, answers and buttons, and
 * optionally the LLM; the rules core alone decides.
 *
 * Safety properties kept here:
 * - every question has a turn number; a choice for a question no longer asked changes nothing;
 * - a fact read from the text that would clear a concern or open an exception (resident, public, basic
 *   research, a small amount, hand-carry, return) counts only after a one-tap confirmation naming what was
 *   read — unless deciding with it is provably no less severe than deciding without it;
 * - a fact the LLM proposes never overwrites another, and counts only once the researcher confirms it.
 */
import { decideFacts } from '../app/decide.ts';
import { type LanguageModel, LLM_EXTRACTABLE, type Logger, type Screener, silentLogger } from '../app/ports.ts';
import { type CountryLookup, compileCountryLookup } from '../core/country-lookup.ts';
import type { Decision } from '../core/decision.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import {
  type CaseType,
  enumValues,
  type FactKey,
  FactsSchema,
  isFactKey,
  type Outcome,
  severity,
} from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { isMessageKey, type MessageKey, type Vars } from '../surfaces/catalogue.ts';
import { type AnswerResult, parseAnswer } from './answer.ts';
import type { ConversationContent } from './content.ts';
import { readCorrection, renderCorrection } from './correction.ts';
import { type Extracted, type Extraction, extract } from './extract.ts';
import { matchFaq, renderFaq } from './faq.ts';
import { detectLang } from './lang.ts';
import { NO_ANSWER, OWN_USE, STEERING, YES_ANSWER } from './lexicon.ts';
import { readCommand, type Signals, step } from './phase.ts';
import { cleanPhrasing } from './phrasing-check.ts';
import { buildAsk, displayValue, factLabel, questionText, renderDecision, renderUnderstood } from './render.ts';
import {
  type ConversationState,
  factValues,
  type Lang,
  newState,
  type PendingFact,
  type Provenance,
  type Reply,
  type TurnInput,
  upgradeState,
} from './types.ts';

export { LLM_EXTRACTABLE };

/**
 * Readings that would clear a concern or open an exception: they wait for the researcher's confirmation.
 * An amount always waits, unless deciding with it is no less severe than with a large one.
 */
const CONFIRM_FIRST: Partial<Record<FactKey, readonly string[] | 'any'>> = {
  recipientResidency: ['resident'],
  publiclyAvailable: ['yes'],
  basicResearch: ['yes'],
  listStatus: ['not_controlled'],
  handCarry: ['yes'],
  temporaryExport: ['yes'],
  patentFiling: ['yes'],
  specificCategory: ['no'],
  valueJPY: 'any',
};

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
  return { ...d, screener: memoScreener(d.screener), countries: compileCountryLookup(d.ruleSet.countries.values()) };
}

/**
 * A turn decides several times (with and without a reading) and the extractor tries candidate names: the
 * same name is screened once. The cache lives as long as these deps, i.e. one rule-and-list version.
 */
function memoScreener(s: Screener): Screener {
  if ((s as { memo?: true }).memo) return s;
  const cache = new Map<string, ReturnType<Screener['screen']>>();
  return {
    memo: true,
    screen(name: string, country?: string) {
      const key = `${country ?? ''}\u0000${name}`;
      let hits = cache.get(key);
      if (!hits) {
        hits = s.screen(name, country);
        if (cache.size >= 5000) cache.clear();
        cache.set(key, hits);
      }
      return hits.slice();
    },
    versions: () => s.versions(),
  } as Screener;
}

export interface TurnResult {
  state: ConversationState;
  reply: Reply;
}

function setFact(state: ConversationState, key: FactKey, value: string | number, provenance: Provenance): void {
  state.facts[key] = { value, provenance };
  state.pending = state.pending.filter((p) => p.key !== key);
  state.notKnown = state.notKnown.filter((k) => k !== key);
}

/** A proposed value the fact schema accepts, or undefined (countries by any name become ISO codes). */
function acceptValue(key: FactKey, value: unknown, countries: CountryLookup): string | number | undefined {
  let v = value;
  if (key === 'destinationCountry' && typeof v === 'string') v = countries.resolve(v) ?? v.toUpperCase();
  if (key === 'valueJPY' && typeof v === 'string' && /^\d{1,15}(\.\d{1,6})?$/.test(v)) v = Number(v);
  if (key === 'valueJPY' && (typeof v !== 'number' || !(v > 0))) return undefined;
  const ok = FactsSchema.shape[key].safeParse(v);
  if (!ok.success) return undefined;
  if (key === 'destinationCountry' && !countries.resolve(String(v))) return undefined;
  return ok.data as string | number;
}

function needsConfirmation(key: FactKey, value: string | number): boolean {
  const rule = CONFIRM_FIRST[key];
  return rule === 'any' || (Array.isArray(rule) && rule.includes(String(value)));
}

function addPending(state: ConversationState, p: PendingFact): void {
  if (state.facts[p.key] || state.pending.some((q) => q.key === p.key)) return;
  state.pending.push(p);
}

/** Merges extracted facts: absent keys are filled; clearing readings wait for a confirmation. */
function mergeExtracted(state: ConversationState, x: Extraction, deps: EngineDeps): FactKey[] {
  const changed: FactKey[] = [];
  for (const [k, raw] of Object.entries(x.facts)) {
    if (!isFactKey(k) || state.facts[k]) continue;
    const value = acceptValue(k, raw, deps.countries);
    if (value === undefined) continue;
    if (needsConfirmation(k, value)) {
      addPending(state, { key: k, value, provenance: 'extractor', read: x.reads[k] ?? String(raw) });
      continue;
    }
    setFact(state, k, value, 'extractor');
    changed.push(k);
  }
  return changed;
}

async function proposeWithLlm(deps: EngineDeps, state: ConversationState, text: string): Promise<number> {
  if (!deps.llm) return 0;
  const log = deps.log ?? silentLogger;
  let proposed: Record<string, unknown>;
  try {
    proposed = await deps.llm.proposeFacts({ text: text.slice(0, 4000), lang: state.lang, asked: state.asked });
  } catch (err) {
    log.warn(
      { llm: deps.llm.name, err: err instanceof Error ? err.message : String(err) },
      'llm extraction failed; deterministic path only',
    );
    return 0;
  }
  let n = 0;
  for (const [key, value] of Object.entries(proposed ?? {})) {
    if (value === null || value === undefined) continue;
    if (!isFactKey(key) || !LLM_EXTRACTABLE.includes(key)) {
      log.warn({ key }, 'llm proposed a fact it may not set; dropped');
      continue;
    }
    const accepted = acceptValue(key, value, deps.countries);
    if (accepted === undefined) {
      log.warn({ key }, 'llm proposed a value the fact schema refuses; dropped');
      continue;
    }
    // Never over what the researcher or the extractor gave; counted only once the researcher confirms it.
    if (state.facts[key] || state.pending.some((p) => p.key === key)) continue;
    state.pending.push({ key, value: accepted, provenance: 'llm', read: String(value).slice(0, 80) });
    n++;
  }
  return n;
}

async function explain(deps: EngineDeps, lang: Lang, decision: Decision): Promise<string | undefined> {
  if (!deps.llm) return undefined;
  const outcome = decision.outcome as Outcome;
  const sentence = deps.content.outcomes[outcome].sentence[lang];
  try {
    const text = await deps.llm.phrase({ decision, outcomeSentence: sentence, lang });
    if (!text?.trim()) return undefined;
    const clean = cleanPhrasing(text, outcome, deps.content.guard);
    if (!clean) (deps.log ?? silentLogger).warn({ outcome }, 'llm phrasing contradicts the outcome; template used');
    return clean;
  } catch (err) {
    (deps.log ?? silentLogger).warn(
      { err: err instanceof Error ? err.message : String(err) },
      'llm phrasing failed; template used',
    );
    return undefined;
  }
}

// ---- asking ---------------------------------------------------------------------------------------------

interface TurnCtx {
  deps: EngineDeps;
  state: ConversationState;
  context: EvaluationContext;
}

/** The card headline: the outcome's label from outcomes.yaml in the catalogue's heading sentence. */
function headlineOf(c: TurnCtx, d: Decision): Record<Lang, string> {
  const { content } = c.deps;
  const label = content.outcomes[d.outcome as Outcome].label;
  return {
    ja: content.messages.t('reply.outcome_heading', 'ja', { label: label.ja }),
    en: content.messages.t('reply.outcome_heading', 'en', { label: label.en }),
  };
}

/** The case type (next steps by case type) and the rules (which reasons clear) for the decision card. */
function decisionView(c: TurnCtx) {
  return { caseType: c.state.facts.caseType?.value as CaseType | undefined, ruleSet: c.deps.ruleSet };
}

/** A sentence of the message catalogue in the conversation's language. */
function msg(c: TurnCtx, key: MessageKey, vars?: Vars): string {
  return c.deps.content.messages.t(key, c.state.lang, vars);
}

function reply(c: TurnCtx, say: (string | undefined)[], rest: Partial<Reply> = {}): TurnResult {
  return {
    state: c.state,
    reply: { say: say.filter(Boolean).join('\n'), ask: null, decision: null, ...rest },
  };
}

/** Asks `key`: a new question gets a new turn number; repeating the current one keeps it. */
function ask(c: TurnCtx, key: FactKey, prefix: (string | undefined)[], fresh = true): TurnResult {
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
function reAsk(c: TurnCtx, prefix: (string | undefined)[]): TurnResult {
  const { state } = c;
  if ((state.phase === 'asking' || state.phase === 'confirming') && state.asked)
    return ask(c, state.asked, prefix, false);
  if (state.phase === 'decided') return reply(c, [...prefix, msg(c, 'conversation.after_decision')]);
  return reply(c, prefix.filter(Boolean).length ? prefix : [msg(c, 'conversation.greeting')]);
}

function decide(c: TurnCtx, facts: Record<string, string | number>) {
  return decideFacts(c.deps, facts, c.context);
}

/** A value that keeps the case on its conservative branch, to compare a reading against. */
function conservative(key: FactKey): string | number | undefined {
  if (key === 'valueJPY') return 1e12;
  const values = enumValues(key);
  if (!values) return undefined;
  if (values.includes('unknown')) return 'unknown';
  return values.includes('no') ? 'no' : undefined;
}

/**
 * True when deciding with the readings is complete and no less severe than deciding with the conservative
 * value of each: then confirming them could not change the outcome for the better, and they are taken.
 */
function harmless(c: TurnCtx, ps: readonly PendingFact[]): boolean {
  const facts = factValues(c.state);
  const withIt: Record<string, string | number> = { ...facts };
  const without: Record<string, string | number> = { ...facts };
  for (const p of ps) {
    const alt = conservative(p.key);
    if (alt === undefined) return false;
    withIt[p.key] = p.value;
    without[p.key] = alt;
  }
  const a = decide(c, withIt);
  const b = decide(c, without);
  if (!a.ok || !b.ok) return false;
  if (a.decision.outcome === 'needs_facts' || b.decision.outcome === 'needs_facts') return false;
  return severity(a.decision.outcome) >= severity(b.decision.outcome);
}

/**
 * The readings to confirm before the core's next question: those it still needs, when together they settle
 * the case or leave fewer questions (a laptop carried and brought back needs no recipient).
 */
function confirmFirst(c: TurnCtx, missing: readonly FactKey[]): PendingFact[] {
  const relevant = c.state.pending
    .filter((p) => missing.includes(p.key))
    .sort((a, b) => missing.indexOf(a.key) - missing.indexOf(b.key));
  if (!relevant.length) return [];
  const withAll = decide(c, { ...factValues(c.state), ...Object.fromEntries(relevant.map((p) => [p.key, p.value])) });
  if (!withAll.ok) return [];
  const settles =
    withAll.decision.outcome !== 'needs_facts' || withAll.decision.missing.length < missing.length - relevant.length;
  return settles ? relevant : [];
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

/** Decides on the facts so far: the next question (or confirmation), or the decision with a new case id. */
async function advance(c: TurnCtx, prefix: (string | undefined)[], showUnderstood = false): Promise<TurnResult> {
  const { deps, state } = c;
  for (let guard = 0; guard < 40; guard++) {
    const result = decide(c, factValues(state));
    if (!result.ok) {
      // A stored fact the schema now refuses (rules changed under a live conversation): forget it and ask again.
      const before = Object.keys(state.facts).length;
      for (const issue of result.issues) {
        const key = issue.path.split('.')[0];
        if (key && isFactKey(key)) delete state.facts[key];
      }
      if (Object.keys(state.facts).length === before) state.facts = {};
      continue;
    }
    const d = result.decision;
    if (d.outcome === 'needs_facts') {
      const early = confirmFirst(c, d.missing);
      if (early.length && harmless(c, early)) {
        for (const p of early) setFact(state, p.key, p.value, p.provenance);
        continue;
      }
      const q = early[0]?.key ?? firstQuestion(d.missing, state, c.context);
      const p = state.pending.find((x) => x.key === q);
      if (p && harmless(c, [p])) {
        setFact(state, q, p.value, p.provenance);
        continue;
      }
      const understood = showUnderstood ? [renderUnderstood(state, deps.ruleSet, deps.content.messages)] : [];
      return ask(c, q, [...prefix, ...understood]);
    }
    return decided(c, d, prefix);
  }
  throw new Error('conversation did not settle');
}

/**
 * A new case id: derived from the turn's seed (set by the service) and what was decided, so a turn retried
 * after a cut finds the case it already made; random without a seed.
 */
function caseIdFor(deps: EngineDeps, d: Decision, state: ConversationState): string {
  return deps.turnSeed === undefined
    ? deps.newCaseId()
    : deps.newCaseId(
        `${deps.turnSeed}\n${JSON.stringify([d.outcome, d.reasons.map((r) => r.id), factValues(state), d.rulesVersion])}`,
      );
}

async function decided(c: TurnCtx, d: Decision, prefix: (string | undefined)[]): Promise<TurnResult> {
  const { deps, state } = c;
  const caseId = caseIdFor(deps, d, state);
  const replaced = state.caseId;
  state.asked = null;
  state.phase = 'decided';
  state.pending = [];
  state.caseId = caseId;
  const explanation = await explain(deps, state.lang, d);
  const summary = renderUnderstood(state, deps.ruleSet, deps.content.messages);
  const note = replaced && prefix.length ? msg(c, 'conversation.replaces', { id: replaced }) : undefined;
  return reply(
    c,
    [...prefix, note, summary, renderDecision(d, caseId, deps.content, state.lang, explanation, decisionView(c))],
    {
      decision: { ...d, caseId },
      headline: headlineOf(c, d),
    },
  );
}

/** The case goes to the office now, with the facts so far and the open questions listed. */
function handoff(c: TurnCtx): TurnResult {
  const { deps, state } = c;
  const lang = state.lang;
  const result = decide(c, factValues(state));
  const base = result.ok ? result.decision : undefined;
  const open = [...new Set([...(state.asked ? [state.asked] : []), ...state.notKnown, ...(base?.missing ?? [])])];
  const g = deps.content.guard.handoff;
  const d: Decision = {
    outcome: 'officer_review',
    missing: open,
    reasons: [{ id: g.id, citation: g.citation, ja: g.ja, en: g.en }, ...(base?.reasons ?? [])],
    flags: base?.flags ?? [],
    screening: base?.screening ?? [],
    rulesVersion: base?.rulesVersion ?? deps.ruleSet.version,
    open,
    considered: base?.considered ?? [],
  };
  const caseId = caseIdFor(deps, d, state);
  state.asked = null;
  state.phase = 'decided';
  state.pending = [];
  state.caseId = caseId;
  const questions = open.map(
    (k) => `・${factLabel(deps.content.messages, k, lang)}: ${questionText(k, deps.ruleSet, lang)}`,
  );
  return reply(
    c,
    [
      msg(c, 'conversation.handed_off'),
      renderUnderstood(state, deps.ruleSet, deps.content.messages),
      msg(c, 'conversation.open_questions'),
      ...questions,
      renderDecision(d, caseId, deps.content, lang, undefined, decisionView(c)),
    ],
    { decision: { ...d, caseId }, headline: headlineOf(c, d) },
  );
}

// ---- reading a turn -------------------------------------------------------------------------------------

function chosen(c: TurnCtx, key: FactKey, value: string): AnswerResult {
  const values = enumValues(key);
  if (values) return values.includes(value) ? { ok: true, value } : { ok: false, problem: 'unparseable' };
  // A menu for a free-text fact (Slack's country select, a confirmation): only an offered value, and it must
  // still pass the schema. A free-text question without a menu takes no button.
  const pending = c.state.pending.find((p) => p.key === key);
  if (key !== 'destinationCountry' && String(pending?.value) !== value) return { ok: false, problem: 'unparseable' };
  const accepted = acceptValue(key, value, c.deps.countries);
  return accepted === undefined ? { ok: false, problem: 'unparseable' } : { ok: true, value: accepted };
}

function choiceFits(state: ConversationState, input: { choose: string; fact?: string; turn?: number }): boolean {
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
    case 'apply_correction': {
      const before = structuredClone(state.facts);
      for (const [k, v] of Object.entries(correction!.changes)) {
        const key = k as FactKey;
        const value = acceptValue(key, v, deps.countries);
        if (value === undefined) continue;
        if (needsConfirmation(key, value)) {
          // A correction that would clear (非該当でした, a smaller amount) waits for one tap like any reading.
          delete state.facts[key];
          state.pending = state.pending.filter((p) => p.key !== key);
          state.pending.push({ key, value, provenance: 'user', read: text.slice(0, 60) });
        } else setFact(state, key, value, 'user');
      }
      // A country that came from the old counterparty's listing goes with it: it is asked again.
      const oldName = before.counterpartyName?.value;
      const oldCountry = before.destinationCountry;
      if (
        correction!.changes.counterpartyName !== undefined &&
        correction!.changes.destinationCountry === undefined &&
        x.facts.destinationCountry === undefined &&
        oldCountry?.provenance === 'extractor' &&
        typeof oldName === 'string' &&
        deps.screener.screen(oldName).some((h) => h.matchType === 'exact' && h.country === oldCountry.value)
      )
        delete state.facts.destinationCountry;
      const line = renderCorrection(before, correction!.changes, deps.ruleSet, lang, deps.content.messages);
      return advance(c, [line]);
    }
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

/** A typed answer to the question asked (or the confirmation shown). */
async function answer(c: TurnCtx, text: string, x: Extraction): Promise<TurnResult> {
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

/** Whether a reply offers the hand-off (a fact the researcher cannot give). */
export function offersHandoff(state: ConversationState): boolean {
  return state.asked !== null && state.notKnown.includes(state.asked);
}
