/**
 * @module cases/lifecycle
 * Pure case transitions: given a case, an actor and the time, the changed case and the event, or a coded
 * refusal. A repeated identical action (a retried button) is a no-op, never a second change. A case is
 * decided once: a different decision is refused unless the officer revises it explicitly, and a case
 * another officer has claimed changes hands only by an explicit take-over.
 */
import { ESCALATING_OUTCOMES, type Outcome } from '../core/facts.ts';
import type { Case, CaseEvent, CorrectionDetail, OfficerDecision } from './model.ts';

export type ActionResult =
  | { ok: true; changed: true; case: Case; event: CaseEvent }
  | { ok: true; changed: false; case: Case }
  | {
      ok: false;
      code:
        | 'CASE.CLOSED'
        | 'CASE.INVALID_ACTION'
        | 'CASE.ALREADY_DECIDED'
        | 'CASE.CLAIMED_BY_OTHER'
        | 'CASE.FORBIDDEN'
        | 'CASE.FACTS_CHANGED';
      message: string;
    };

/** The next version; the store writes it only if the case is still at `c.version` (compare-and-set). */
function apply(c: Case, event: CaseEvent, patch: Partial<Case>): ActionResult {
  const v = (c.version ?? 0) + 1;
  const e = { ...event, v };
  const next: Case = { ...c, ...patch, version: v, updatedAt: event.at, events: [...c.events, e] };
  return { ok: true, changed: true, case: next, event: e };
}

const claimedByOther = (c: Case, hint: string): ActionResult => ({
  ok: false,
  code: 'CASE.CLAIMED_BY_OTHER',
  message: `case ${c.id} is claimed by ${c.claimedBy}; ${hint}`,
});

const closed = (c: Case): ActionResult => ({
  ok: false,
  code: 'CASE.CLOSED',
  message: `case ${c.id} is closed; nothing can change it`,
});

export function initialStatus(outcome: string): Case['status'] {
  return ESCALATING_OUTCOMES.includes(outcome as Outcome) ? 'open' : 'recorded';
}

export function claim(c: Case, officer: string, at: string, takeOver = false): ActionResult {
  if (c.status === 'closed') return closed(c);
  if (c.claimedBy === officer && c.status !== 'open') return { ok: true, changed: false, case: c };
  if (c.status === 'recorded' || c.status === 'decided')
    return {
      ok: false,
      code: 'CASE.INVALID_ACTION',
      message: `case ${c.id} is ${c.status}; there is nothing to claim`,
    };
  if (c.claimedBy && c.status !== 'open') {
    if (!takeOver) return claimedByOther(c, 'take it over explicitly (cases claim ID --take-over)');
    return apply(c, { at, actor: officer, type: 'taken_over', detail: `from ${c.claimedBy}` }, { claimedBy: officer });
  }
  return apply(
    c,
    { at, actor: officer, type: 'claimed' },
    { status: c.status === 'open' ? 'claimed' : c.status, claimedBy: officer },
  );
}

export function decide(c: Case, officer: string, decision: OfficerDecision, at: string, revise = false): ActionResult {
  if (c.status === 'closed') return closed(c);
  const same =
    c.officerDecision &&
    JSON.stringify({ ...c.officerDecision, by: undefined, at: undefined }) ===
      JSON.stringify({ ...decision, by: undefined, at: undefined });
  if (same && c.officerDecision?.by === officer) return { ok: true, changed: false, case: c };
  if (c.status === 'recorded')
    return {
      ok: false,
      code: 'CASE.INVALID_ACTION',
      message: `case ${c.id} did not escalate; there is nothing to decide`,
    };
  const status = decision.kind === 'more_information' ? 'info_requested' : 'decided';
  if (c.status === 'decided') {
    if (!revise)
      return {
        ok: false,
        code: 'CASE.ALREADY_DECIDED',
        message: `case ${c.id} was decided by ${c.officerDecision?.by ?? 'an officer'} (${c.officerDecision?.kind ?? '?'}); revise the decision explicitly (cases decide ID … --revise)`,
      };
    return apply(
      c,
      { at, actor: officer, type: 'revised', detail: `${c.officerDecision?.kind ?? '?'} → ${decision.kind}` },
      { status, officerDecision: { ...decision, by: officer, at } },
    );
  }
  if (c.claimedBy && c.claimedBy !== officer && !revise)
    return claimedByOther(c, 'take it over first (cases claim ID --take-over)');
  const type = decision.kind === 'more_information' ? 'info_requested' : 'decided';
  return apply(
    c,
    { at, actor: officer, type, detail: decision.kind },
    { status, claimedBy: c.claimedBy ?? officer, officerDecision: { ...decision, by: officer, at } },
  );
}

export function comment(c: Case, actor: string, text: string, at: string): ActionResult {
  if (c.status === 'closed') return closed(c);
  const last = c.comments[c.comments.length - 1];
  if (last && last.by === actor && last.text === text) return { ok: true, changed: false, case: c };
  return apply(c, { at, actor, type: 'commented' }, { comments: [...c.comments, { by: actor, at, text }] });
}

/** The researcher answers a request for more information; the case goes back to the officer who asked. */
export function giveInfo(c: Case, requester: string, text: string, at: string): ActionResult {
  if (c.status === 'closed') return closed(c);
  if (c.status !== 'info_requested')
    return { ok: false, code: 'CASE.INVALID_ACTION', message: `case ${c.id} is not waiting for information` };
  return apply(
    c,
    { at, actor: requester, type: 'info_given' },
    { status: 'claimed', comments: [...c.comments, { by: requester, at, text }] },
  );
}

export function close(c: Case, officer: string, at: string): ActionResult {
  if (c.status === 'closed') return { ok: true, changed: false, case: c };
  if (c.status !== 'decided' && c.status !== 'recorded')
    return { ok: false, code: 'CASE.INVALID_ACTION', message: `case ${c.id} is ${c.status}; decide it before closing` };
  return apply(c, { at, actor: officer, type: 'closed' }, { status: 'closed' });
}

/** A new screening hit (a list update) sends a case back to the officers, whatever its state. */
export function reopen(c: Case, actor: string, why: string, at: string, decision: Case['decision']): ActionResult {
  // The earlier officer decision was made without the new hit: it no longer stands.
  const { officerDecision: _dropped, claimedBy: _claimed, ...rest } = c;
  return apply(
    rest,
    { at, actor, type: 'reopened', detail: why },
    { status: 'open', decision, reminders: { count: 0 } },
  );
}

/** The researcher's correction of a recorded case: the new facts and what the rules decide on them. */
export interface Correction {
  facts: Case['facts'];
  decision: Case['decision'];
  listVersions: Case['listVersions'];
  deadline?: string;
  /** The case version the researcher's conversation last saw; facts corrected after it make this one stale. */
  basedOn?: number;
}

const valuesOf = (facts: Case['facts']) =>
  Object.fromEntries(Object.entries(facts).map(([k, e]) => [k, e.value])) as Record<string, string | number>;
const decisionKey = (d: Case['decision']) =>
  JSON.stringify([
    d.outcome,
    d.reasons.map((r) => r.id),
    d.screening.map((h) => `${h.list}#${h.entry}`),
    d.rulesVersion,
  ]);

/**
 * Re-decides the same case on corrected facts. The same correction again (a retry) is a no-op; one made on
 * facts another correction has changed since is refused (CASE.FACTS_CHANGED). An officer decision made on the
 * old facts never stands on the new ones: the case goes back to the officers. A case waiting for an officer
 * that no longer needs one is recorded only (the officers are told); one that newly needs one is opened.
 */
export function correct(c: Case, requester: string, k: Correction, at: string): ActionResult {
  if (c.status === 'closed') return closed(c);
  if (c.requester.principal !== requester)
    return { ok: false, code: 'CASE.FORBIDDEN', message: `only the requester of case ${c.id} may correct it` };
  const before = valuesOf(c.facts);
  const after = valuesOf(k.facts);
  const facts: CorrectionDetail['facts'] = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
    if (before[key] !== after[key])
      facts[key] = {
        ...(before[key] !== undefined ? { before: before[key] } : {}),
        ...(after[key] !== undefined ? { after: after[key] } : {}),
      };
  const sameFacts = Object.keys(facts).length === 0;
  if (sameFacts && decisionKey(c.decision) === decisionKey(k.decision)) return { ok: true, changed: false, case: c };
  const laterFacts = c.events.some(
    (e) => (e.type === 'corrected' || e.type === 'created') && (e.v ?? 0) > (k.basedOn ?? Infinity),
  );
  if (laterFacts)
    return {
      ok: false,
      code: 'CASE.FACTS_CHANGED',
      message: `case ${c.id} was corrected after version ${k.basedOn}; look at its facts and correct again`,
    };
  const escalates = initialStatus(k.decision.outcome) === 'open';
  const decidedBefore = c.officerDecision !== undefined;
  // An officer's decision (or question) was about the old facts: the officers look again, whatever the outcome.
  const status: Case['status'] = decidedBefore
    ? 'open'
    : !escalates
      ? 'recorded'
      : c.status === 'recorded'
        ? 'open'
        : c.status;
  const detail: CorrectionDetail = {
    facts,
    outcome: { before: c.decision.outcome, after: k.decision.outcome },
    status: { before: c.status, after: status },
    ...(c.officerDecision ? { droppedDecision: c.officerDecision.kind } : {}),
  };
  const { officerDecision: _dropped, claimedBy, deadline: _old, ...rest } = c;
  const keepsClaim = claimedBy !== undefined && status === 'claimed';
  const text = [
    ...Object.entries(facts).map(([f, v]) => `${f}: ${v.before ?? '-'} → ${v.after ?? '-'}`),
    `outcome: ${detail.outcome.before} → ${detail.outcome.after}`,
  ].join('; ');
  return apply(
    { ...rest, ...(keepsClaim ? { claimedBy } : {}) },
    { at, actor: requester, type: 'corrected', detail: text, correction: detail },
    {
      status,
      facts: k.facts,
      decision: k.decision,
      rulesVersion: k.decision.rulesVersion,
      listVersions: k.listVersions,
      ...(k.deadline ? { deadline: k.deadline } : {}),
      ...(status === 'open' && c.status !== 'open' ? { reminders: { count: 0 } } : {}),
    },
  );
}
