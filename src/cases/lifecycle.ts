/**
 * @module cases/lifecycle
 * Pure case transitions: given a case, an actor and the time, the changed case and the event, or a coded
 * refusal. A repeated identical action (a retried button) is a no-op, never a second change.
 */
import { ESCALATING_OUTCOMES, type Outcome } from '../core/facts.ts';
import type { Case, CaseEvent, OfficerDecision } from './model.ts';

export type ActionResult =
  | { ok: true; changed: true; case: Case; event: CaseEvent }
  | { ok: true; changed: false; case: Case }
  | { ok: false; code: 'CASE.CLOSED' | 'CASE.INVALID_ACTION'; message: string };

function apply(c: Case, event: CaseEvent, patch: Partial<Case>): ActionResult {
  const next: Case = { ...c, ...patch, updatedAt: event.at, events: [...c.events, event] };
  return { ok: true, changed: true, case: next, event };
}

const closed = (c: Case): ActionResult => ({
  ok: false,
  code: 'CASE.CLOSED',
  message: `case ${c.id} is closed; nothing can change it`,
});

export function initialStatus(outcome: string): Case['status'] {
  return ESCALATING_OUTCOMES.includes(outcome as Outcome) ? 'open' : 'recorded';
}

export function claim(c: Case, officer: string, at: string): ActionResult {
  if (c.status === 'closed') return closed(c);
  if (c.claimedBy === officer && c.status !== 'open') return { ok: true, changed: false, case: c };
  if (c.status === 'recorded' || c.status === 'decided')
    return {
      ok: false,
      code: 'CASE.INVALID_ACTION',
      message: `case ${c.id} is ${c.status}; there is nothing to claim`,
    };
  return apply(
    c,
    { at, actor: officer, type: 'claimed' },
    { status: c.status === 'open' ? 'claimed' : c.status, claimedBy: officer },
  );
}

export function decide(c: Case, officer: string, decision: OfficerDecision, at: string): ActionResult {
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
