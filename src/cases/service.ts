/**
 * @module cases/service
 * The cases use case: record every decision, let officers claim, decide, comment and close, route the
 * requester's answers, re-screen after a list update, and send reminders. Every change and every refusal
 * is an audit record; the requester is told of every change.
 */
import type { AuditLog } from '../audit/log.ts';
import type { FactEntry } from '../conversation/types.ts';
import type { Decision } from '../core/decision.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { addBusinessHours, type IsHoliday } from './business-hours.ts';
import { type ActionResult, claim, close, comment, decide, giveInfo, initialStatus, reopen } from './lifecycle.ts';
import type { Case, OfficerDecision, Requester } from './model.ts';
import { notices } from './notices.ts';
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

export class CaseService {
  constructor(private readonly deps: CaseServiceDeps) {}

  private at(): string {
    return this.deps.now().toISOString();
  }

  /** Records a decision as a case; escalating outcomes open it and notify the officers. */
  async record(input: RecordInput): Promise<Case> {
    const at = this.at();
    const c: Case = {
      id: input.caseId,
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
      events: [{ at, actor: input.requester.principal, type: 'created', detail: input.decision.outcome }],
      reminders: { count: 0 },
    };
    if (!(await this.deps.store.create(c))) return (await this.deps.store.get(c.id)) ?? c;
    await this.deps.audit.append({
      at,
      type: 'case.recorded',
      actor: c.requester.principal,
      caseId: c.id,
      data: {
        outcome: c.decision.outcome,
        reasons: c.decision.reasons.map((r) => r.id),
        rulesVersion: c.rulesVersion,
        listVersions: c.listVersions,
        status: c.status,
      },
    });
    if (c.status === 'open') await this.deps.notifier.toOfficers(c, notices.escalated(c, at));
    return c;
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

  /** Applies a pure transition under compare-and-set, then audits and notifies once. */
  private async act(
    id: string,
    actor: string,
    action: string,
    transition: (c: Case, at: string) => ActionResult,
    tell: (c: Case, at: string) => { requester?: Notice; officers?: Notice },
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
      throw new CodedError(
        result.code === 'CASE.CLOSED' ? ErrorCode.CaseClosed : ErrorCode.CaseInvalidAction,
        result.message,
      );
    }
    if (!result.changed) return { case: updated, changed: false };
    await this.deps.audit.append({
      at,
      type: `case.${result.event.type}`,
      actor,
      caseId: id,
      data: { status: updated.status, ...(result.event.detail ? { detail: result.event.detail } : {}) },
    });
    const t = tell(updated, at);
    if (t.requester) await this.deps.notifier.toRequester(updated, t.requester);
    if (t.officers) await this.deps.notifier.toOfficers(updated, t.officers);
    return { case: updated, changed: true };
  }

  async claim(id: string, officer: string) {
    await this.requireOfficer(officer, id, 'claim');
    return this.act(
      id,
      officer,
      'claim',
      (c, at) => claim(c, officer, at),
      (c, at) => both(notices.claimed(c, at, officer)),
    );
  }

  async decide(id: string, officer: string, decision: OfficerDecision) {
    await this.requireOfficer(officer, id, 'decide');
    return this.act(
      id,
      officer,
      'decide',
      (c, at) => decide(c, officer, decision, at),
      (c, at) => both(notices.decided(c, at, decision)),
    );
  }

  async comment(id: string, officer: string, text: string) {
    await this.requireOfficer(officer, id, 'comment on');
    return this.act(
      id,
      officer,
      'comment',
      (c, at) => comment(c, officer, text, at),
      (c, at) => both(notices.commented(c, at, text)),
    );
  }

  async close(id: string, officer: string) {
    await this.requireOfficer(officer, id, 'close');
    return this.act(
      id,
      officer,
      'close',
      (c, at) => close(c, officer, at),
      (c, at) => both(notices.closed(c, at)),
    );
  }

  /** The requester's reply to "more information needed", from their conversation. */
  async giveInfo(id: string, requester: string, text: string) {
    return this.act(
      id,
      requester,
      'answer',
      (c, at) => giveInfo(c, requester, text, at),
      (c, at) => ({
        officers: notices.infoGiven(c, at),
      }),
    );
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
      const r = await this.act(
        c.id,
        'system:list-update',
        'reopen',
        (cc, at) => reopen(cc, 'system:list-update', why, at, next),
        (cc, at) => ({
          officers: notices.reopened(cc, at, why),
          requester: notices.reopened(cc, at, why),
        }),
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
      await this.deps.audit.append({ at, type: 'case.reminded', actor: 'system:reminders', caseId: c.id, data: { n } });
      await this.deps.notifier.toOfficers(updated, notices.reminder(updated, at, n));
      reminded.push(c.id);
    }
    return reminded;
  }
}
