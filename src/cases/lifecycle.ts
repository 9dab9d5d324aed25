/**
 * @module cases/lifecycle
 * Pure case transitions: given a case, an actor and the time, the changed case and the event, or a coded
 * refusal. A repeated identical action (a retried button) is a no-op, never a second change. A case is
 * decided once: a different decision is refused unless the officer revises it explicitly, and a case
 * another officer has claimed changes hands only by an explicit take-over.
 */
import { ESCALATING_OUTCOMES, type Outcome } from '../core/facts.ts';
import type { Case, CaseEvent, OfficerDecision } from './model.ts';

export type ActionResult =
  | { ok: true; changed: true; case: Case; event: CaseEvent }
  | { ok: true; changed: false; case: Case }
  | {
      ok: false;
      code: 'CASE.CLOSED' | 'CASE.INVALID_ACTION' | 'CASE.ALREADY_DECIDED' | 'CASE.CLAIMED_BY_OTHER';
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
