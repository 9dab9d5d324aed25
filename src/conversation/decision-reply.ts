/**
 * @module conversation/decision-reply
 * The turns that end in a decision card: the core decided (`decided`), or the case goes to the office now
 * (`handoff`). Both take the case id, close the questions and render the card with its headline; the LLM
 * may only rephrase the outcome's explanation, and a phrasing that contradicts it is dropped.
 */
import { silentLogger } from '../app/ports.ts';
import type { Decision } from '../core/decision.ts';
import type { CaseType, Outcome } from '../core/facts.ts';
import { caseIdFor } from './case-id.ts';
import type { EngineDeps } from './engine-deps.ts';
import { cleanPhrasing } from './phrasing-check.ts';
import { factLabel, questionText, renderDecision, renderUnderstood } from './render.ts';
import { decide, msg, reply, type TurnCtx, type TurnResult } from './turn-context.ts';
import { factValues, type Lang } from './types.ts';

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

/**
 * The conversation is decided now, under the case it corrects (the same id: only "new case" starts another)
 * or a new one derived from the decision.
 */
function settle(c: TurnCtx, d: Decision): { corrects: string | null | undefined; caseId: string } {
  const { deps, state } = c;
  const corrects = state.caseId;
  const caseId = corrects ?? caseIdFor(deps, d, state);
  state.asked = null;
  state.phase = 'decided';
  state.pending = [];
  state.caseId = caseId;
  return { corrects, caseId };
}

export async function decided(c: TurnCtx, d: Decision, prefix: (string | undefined)[]): Promise<TurnResult> {
  const { deps, state } = c;
  const { corrects, caseId } = settle(c, d);
  const explanation = await explain(deps, state.lang, d);
  const summary = renderUnderstood(state, deps.ruleSet, deps.content.messages);
  const note = corrects ? msg(c, 'reply.case_corrected', { id: corrects }) : undefined;
  return reply(
    c,
    [...prefix, note, summary, renderDecision(d, caseId, deps.content, state.lang, explanation, decisionView(c))],
    {
      decision: { ...d, caseId },
      headline: headlineOf(c, d),
      ...(corrects ? { corrects } : {}),
    },
  );
}

/** The case goes to the office now, with the facts so far and the open questions listed. */
export function handoff(c: TurnCtx): TurnResult {
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
  const { corrects, caseId } = settle(c, d);
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
    { decision: { ...d, caseId }, headline: headlineOf(c, d), ...(corrects ? { corrects } : {}) },
  );
}
