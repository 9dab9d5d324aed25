/**
 * @module cases/service
 * The cases use case: record every decision, let officers claim, decide, comment and close, route the
 * requester's answers, re-screen after a list update, and send reminders. Every change and every refusal
 * is an audit record; the requester is told of every change.
 */

import { factDigest } from '../audit/digest.ts';
import type { AuditLog } from '../audit/log.ts';
import type { FactEntry } from '../conversation/types.ts';
import type { Decision } from '../core/decision.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { Catalogue } from '../surfaces/catalogue.ts';
import { addBusinessHours, type IsHoliday } from './business-hours.ts';
import {
  type ActionResult,
  type Correction,
  claim,
  close,
  comment,
  correct,
  decide,
  giveInfo,
  initialStatus,
  reopen,
} from './lifecycle.ts';
import type { Case, CaseEvent, OfficerDecision, Requester } from './model.ts';
import { caseNotices } from './notices.ts';
import type { CaseStore, Notice, Notifier } from './ports.ts';
import type { Roles } from './roles.ts';

export interface ReminderPolicy {
  /** Business hours before the first reminder, and between reminders. */
  afterHours: number;
  /** At most this many reminders per case. */
  maxReminders: number;
}

export interface CaseServiceDeps {
  store: CaseStore;
  audit: AuditLog;
  notifier: Notifier;
  roles: Roles;
  now: () => Date;
  isHoliday: IsHoliday;
  reminders: ReminderPolicy;
  /** The message catalogue in force (it follows rule activations): the notices' sentences. */
  messages: () => Catalogue;
}

export interface RecordInput {
  caseId: string;
  requester: Requester;
  facts: Record<string, FactEntry>;
  decision: Decision;
  listVersions: Record<string, string>;
  deadline?: string;
}

/** The requester hears of every change; the officers' view of the case (a Slack card) follows it too. */
const both = (n: Notice) => ({ requester: n, officers: n });

const OPEN_STATUSES: readonly Case['status'][] = ['open', 'claimed', 'info_requested'];

const REFUSAL_CODES = {
  'CASE.CLOSED': ErrorCode.CaseClosed,
  'CASE.INVALID_ACTION': ErrorCode.CaseInvalidAction,
  'CASE.ALREADY_DECIDED': ErrorCode.CaseAlreadyDecided,
  'CASE.CLAIMED_BY_OTHER': ErrorCode.CaseClaimedByOther,
  'CASE.FORBIDDEN': ErrorCode.CaseForbidden,
  'CASE.FACTS_CHANGED': ErrorCode.CaseFactsChanged,
} as const;

export interface CorrectInput extends Correction {
  caseId: string;
  /** The requester's principal: only they correct their case. */
  requester: string;
}

export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  private at(): string {
    return this.deps.now().toISOString();
  }

  /**
   * Records a decision as a case; escalating outcomes open it and notify the officers. Idempotent per case
   * id (the conversation derives it from the turn): a retry after a cut finds the case it already made
   * (`existed`), and only finishes what the cut interrupted (the audit record, the officers' notice).
   */
  async record(input: RecordInput): Promise<{ case: Case; existed: boolean }> {
    const at = this.at();
    const c: Case = {
      id: input.caseId,
      version: 1,
      status: initialStatus(input.decision.outcome),
      requester: input.requester,
      facts: input.facts,
      decision: input.decision,
      rulesVersion: input.decision.rulesVersion,
      listVersions: input.listVersions,
      createdAt: at,
      updatedAt: at,
      ...(input.deadline ? { deadline: input.deadline } : {}),
      comments: [],
      events: [{ at, actor: input.requester.principal, type: 'created', detail: input.decision.outcome, v: 1 }],
      reminders: { count: 0 },
    };
    // One store step writes the case (or finds the one a first delivery made) and reads how far it is settled.
    const made = await this.deps.store.create(c);
    const recorded = made.created ? c : made.existing;
    await this.settle(recorded, made.settled);
    return { case: recorded, existed: !made.created };
  }

  /** The audit record of a case's latest change. Its id is the case version, so it is written once. */
  private auditOf(c: Case, e: CaseEvent) {
    const base = { id: `case:${c.id}:v${e.v}`, at: e.at, actor: e.actor, caseId: c.id };
    if (e.type === 'created')
      return {
        ...base,
        type: 'case.recorded',
        data: {
          outcome: c.decision.outcome,
          reasons: c.decision.reasons.map((r) => r.id),
          rulesVersion: c.rulesVersion,
          listVersions: c.listVersions,
          status: c.status,
        },
      };
    if (e.type === 'corrected' && e.correction) {
      // Records hold no personal data (audit/log.ts): the changed facts are named, their values keyed digests.
      const k = this.deps.audit.key;
      const facts = Object.fromEntries(
        Object.entries(e.correction.facts).map(([f, v]) => [
          f,
          {
            ...(v.before !== undefined ? { before: factDigest(k, f, v.before) } : {}),
            ...(v.after !== undefined ? { after: factDigest(k, f, v.after) } : {}),
          },
        ]),
      );
      return {
        ...base,
        type: 'case.corrected',
        data: {
          facts,
          outcome: e.correction.outcome,
          status: e.correction.status,
          reasons: c.decision.reasons.map((r) => r.id),
          rulesVersion: c.rulesVersion,
          ...(e.correction.droppedDecision ? { droppedDecision: e.correction.droppedDecision } : {}),
        },
      };
    }
    return {
      ...base,
      type: `case.${e.type}`,
      data: { status: c.status, ...(e.detail ? { detail: e.detail } : {}) },
    };
  }

  /** Who hears of a change, from the change itself (so a repair after a cut says the same). */
  private noticesOf(c: Case, e: CaseEvent): { requester?: Notice; officers?: Notice } {
    const at = e.at;
    const notices = caseNotices(this.deps.messages());
    switch (e.type) {
      case 'created':
        return c.status === 'open' ? { officers: notices.escalated(c, at) } : {};
      case 'claimed':
      case 'taken_over':
        return both(notices.claimed(c, at, e.actor));
      case 'decided':
      case 'info_requested':
        return c.officerDecision ? both(notices.decided(c, at, c.officerDecision)) : {};
      case 'revised':
        return c.officerDecision ? both(notices.revised(c, at, c.officerDecision)) : {};
      case 'commented':
        return both(notices.commented(c, at, c.comments.at(-1)?.text ?? ''));
      case 'info_given':
        return { officers: notices.infoGiven(c, at) };
      case 'closed':
        return both(notices.closed(c, at));
      case 'reopened':
        return both(notices.reopened(c, at, e.detail ?? ''));
      case 'corrected': {
        // The researcher sees the re-decision in their conversation; the officers hear of it when the case
        // was (or now is) theirs.
        const k = e.correction;
        const theirs = k && (k.status.before !== 'recorded' || k.status.after !== 'recorded');
        return theirs ? { officers: notices.corrected(c, at, k) } : {};
      }
      default:
        return {};
    }
  }

  /**
   * Finishes the case's latest change: its audit record (once, by id), then the notices (each with an id,
   * so an inbox takes it once), then marks the version settled. Called after every write and after every
   * no-op, so the retry of an action cut after its write completes it instead of doing it twice or
   * leaving it half done. A cut between the notices and the mark may repeat a notice, never lose one.
   * `settled`: the settled version when the caller read it with the case (create), saving a round trip.
   */
  private async settle(c: Case, settled?: number): Promise<void> {
    const e = c.events.at(-1);
    if (!e || e.v === undefined || e.v !== c.version) return;
    if ((settled ?? (await this.deps.store.settledVersion(c.id))) >= e.v) return;
    await this.deps.audit.appendOnce(this.auditOf(c, e));
    const t = this.noticesOf(c, e);
    const id = `${c.id}:v${e.v}`;
    if (t.requester) await this.deps.notifier.toRequester(c, { ...t.requester, id: `${id}:requester` });
    if (t.officers) await this.deps.notifier.toOfficers(c, { ...t.officers, id: `${id}:officers` });
    await this.deps.store.markSettled(c.id, e.v);
  }

  async get(id: string): Promise<Case> {
    const c = await this.deps.store.get(id);
    if (!c) throw new CodedError(ErrorCode.CaseNotFound, `no case ${id}`);
    return c;
  }

  async list(filter: { status?: readonly Case['status'][] } = {}): Promise<Case[]> {
    const all = await this.deps.store.list();
    return filter.status ? all.filter((c) => filter.status!.includes(c.status)) : all;
  }

  /** Throws CASE.FORBIDDEN (and audits the refusal) unless the actor is an officer. */
  async requireOfficer(actor: string, caseId: string, action: string): Promise<void> {
    if (this.deps.roles.isOfficer(actor)) return;
    await this.deps.audit.append({
      at: this.at(),
      type: 'case.refused',
      actor,
      caseId,
      data: { action, why: 'not an officer' },
    });
    throw new CodedError(
      ErrorCode.CaseForbidden,
      `${actor} is not an export-control officer; only officers may ${action} cases`,
    );
  }

  /**
   * Applies a pure transition under compare-and-set on the case version, then audits and notifies once:
   * of concurrent actions, the first is applied and the others see its result (a no-op or a refusal).
   */
  private async act(
    id: string,
    actor: string,
    action: string,
    transition: (c: Case, at: string) => ActionResult,
  ): Promise<{ case: Case; changed: boolean }> {
    const at = this.at();
    let result: ActionResult | undefined;
    const updated = await this.deps.store.update(id, (c) => {
      result = transition(c, at);
      return result.ok && result.changed ? result.case : undefined;
    });
    if (!updated || !result) throw new CodedError(ErrorCode.CaseNotFound, `no case ${id}`);
    if (!result.ok) {
      await this.deps.audit.append({ at, type: 'case.refused', actor, caseId: id, data: { action, why: result.code } });
      throw new CodedError(REFUSAL_CODES[result.code], result.message);
    }
    // A no-op may be the retry of this very action after a cut: finish what the cut left undone.
    await this.settle(updated);
    return { case: updated, changed: result.changed };
  }

  /** Claims an open case; a case another officer holds changes hands only with `takeOver`. */
  async claim(id: string, officer: string, opts: { takeOver?: boolean } = {}) {
    await this.requireOfficer(officer, id, 'claim');
    return this.act(id, officer, opts.takeOver ? 'take over' : 'claim', (c, at) =>
      claim(c, officer, at, opts.takeOver === true),
    );
  }

  /** Decides a case once; a decided case changes only with `revise` (audited as a revision). */
  async decide(id: string, officer: string, decision: OfficerDecision, opts: { revise?: boolean } = {}) {
    await this.requireOfficer(officer, id, 'decide');
    return this.act(id, officer, opts.revise ? 'revise' : 'decide', (c, at) =>
      decide(c, officer, decision, at, opts.revise === true),
    );
  }

  async comment(id: string, officer: string, text: string) {
    await this.requireOfficer(officer, id, 'comment on');
    return this.act(id, officer, 'comment', (c, at) => comment(c, officer, text, at));
  }

  async close(id: string, officer: string) {
    await this.requireOfficer(officer, id, 'close');
    return this.act(id, officer, 'close', (c, at) => close(c, officer, at));
  }

  /**
   * The requester's correction re-decides the same case (never a new one): facts, screening, decision and
   * rules version change under compare-and-set, one `case.corrected` audit record, the officers told.
   */
  async correct(input: CorrectInput) {
    const { caseId, requester, ...k } = input;
    return this.act(caseId, requester, 'correct', (c, at) => correct(c, requester, k, at));
  }

  /** The requester's reply to "more information needed", from their conversation. */
  async giveInfo(id: string, requester: string, text: string) {
    return this.act(id, requester, 'answer', (c, at) => giveInfo(c, requester, text, at));
  }

  /** Remembers where a channel shows the case (not an audited change: it only locates a message). */
  async setRef(id: string, key: string, value: string): Promise<void> {
    await this.deps.store.update(id, (c) =>
      c.refs?.[key] === value ? undefined : { ...c, refs: { ...c.refs, [key]: value } },
    );
  }

  /** A case the requester's conversation should route answers to, if it is waiting for them. */
  async awaitingInfo(id: string): Promise<boolean> {
    return (await this.deps.store.get(id))?.status === 'info_requested';
  }

  /**
   * After a list update: re-screens open cases and those decided in the last `days` days; a case whose
   * decision gains a screening hit it did not have is reopened and the officers are told what changed.
   */
  async rescreen(redecide: (c: Case) => Decision | undefined, days = 90): Promise<Case[]> {
    const since = this.deps.now().getTime() - days * 86_400_000;
    const reopened: Case[] = [];
    for (const c of await this.deps.store.list()) {
      if (!OPEN_STATUSES.includes(c.status) && Date.parse(c.updatedAt) < since) continue;
      const next = redecide(c);
      if (!next) continue;
      const known = new Set(c.decision.screening.map((h) => `${h.list}#${h.entry}`));
      const fresh = next.screening.filter((h) => !known.has(`${h.list}#${h.entry}`));
      if (!fresh.length) continue;
      const why = `new screening hit ${fresh.map((h) => `${h.list} No.${h.entry} ${h.name} (${h.matchType})`).join('; ')}`;
      const r = await this.act(c.id, 'system:list-update', 'reopen', (cc, at) =>
        reopen(cc, 'system:list-update', why, at, next),
      );
      reopened.push(r.case);
    }
    return reopened;
  }

  /** When the first (or next) reminder of a case is due. */
  dueAt(c: Case): Date {
    const from = new Date(c.reminders.lastAt ?? c.updatedAt);
    let due = addBusinessHours(from, this.deps.reminders.afterHours, this.deps.isHoliday);
    // A shipment date or visit start in the request pulls the reminder forward to the day before.
    if (c.deadline) {
      const dayBefore = new Date(`${c.deadline}T09:00:00+09:00`).getTime() - 86_400_000;
      if (dayBefore < due.getTime() && dayBefore > from.getTime()) due = new Date(dayBefore);
    }
    return due;
  }

  /** Pings the officers about every unclaimed or undecided case that is due; returns the cases reminded. */
  async remindDue(): Promise<string[]> {
    const now = this.deps.now();
    const reminded: string[] = [];
    for (const c of await this.list({ status: ['open', 'claimed'] })) {
      if (c.reminders.count >= this.deps.reminders.maxReminders || this.dueAt(c) > now) continue;
      const at = now.toISOString();
      const n = c.reminders.count + 1;
      // Another instance may remind first: only the one whose compare-and-set wrote reminder n sends it.
      let mine = false;
      const updated = await this.deps.store.update(c.id, (cc) => {
        mine = cc.reminders.count + 1 === n;
        return mine ? { ...cc, reminders: { count: n, lastAt: at } } : undefined;
      });
      if (!updated || !mine) continue;
      const { fresh } = await this.deps.audit.appendOnce({
        id: `case:${c.id}:reminder:${n}`,
        at,
        type: 'case.reminded',
        actor: 'system:reminders',
        caseId: c.id,
        data: { n },
      });
      if (fresh)
        await this.deps.notifier.toOfficers(updated, caseNotices(this.deps.messages()).reminder(updated, at, n));
      reminded.push(c.id);
    }
    return reminded;
  }
}
