/**
 * @module cases/notices
 * Case notices in Japanese and English: to the requester on every change, and to the officers on
 * escalation, reopening and reminders. The sentences are the message catalogue's `notice.*` and
 * `officer_decision.*` (rules/conversation/messages.yaml).
 */
import type { Catalogue, Vars } from '../surfaces/catalogue.ts';
import type { Case, OfficerDecision } from './model.ts';
import type { Notice } from './ports.ts';

export function officerDecisionText(d: OfficerDecision, cat: Catalogue): { ja: string; en: string } {
  switch (d.kind) {
    case 'no_license_needed':
      return cat.both('officer_decision.no_license_needed', { reason: d.reason });
    case 'classification':
      return cat.both(d.result === 'controlled' ? 'officer_decision.controlled' : 'officer_decision.not_controlled');
    case 'license_application':
      return cat.both('officer_decision.license_application');
    case 'prior_report':
      return cat.both('officer_decision.prior_report');
    case 'more_information':
      return cat.both('officer_decision.more_information', { question: d.question });
    case 'stop':
      return cat.both('officer_decision.stop');
  }
}

/** The notices, worded by the catalogue in force. */
export function caseNotices(cat: Catalogue) {
  const notice = (c: Case, at: string, key: Parameters<Catalogue['both']>[0], vars: Vars = {}): Notice => ({
    caseId: c.id,
    at,
    ...cat.both(key, { id: c.id, ...vars }),
  });
  /** The officer's decision in each language, inside the notice sentence of the same language. */
  const decisionNotice = (
    c: Case,
    at: string,
    key: 'notice.decided' | 'notice.revised',
    d: OfficerDecision,
  ): Notice => {
    const t = officerDecisionText(d, cat);
    return {
      caseId: c.id,
      at,
      ja: cat.t(key, 'ja', { id: c.id, decision: t.ja }),
      en: cat.t(key, 'en', { id: c.id, decision: t.en }),
    };
  };
  return {
    escalated: (c: Case, at: string) =>
      notice(c, at, 'notice.escalated', {
        outcome: c.decision.outcome,
        reasons: c.decision.reasons.map((r) => r.id).join(', '),
      }),
    claimed: (c: Case, at: string, officer: string) => notice(c, at, 'notice.claimed', { officer }),
    decided: (c: Case, at: string, d: OfficerDecision) => decisionNotice(c, at, 'notice.decided', d),
    revised: (c: Case, at: string, d: OfficerDecision) => decisionNotice(c, at, 'notice.revised', d),
    commented: (c: Case, at: string, text: string) => notice(c, at, 'notice.commented', { text }),
    infoGiven: (c: Case, at: string) => notice(c, at, 'notice.info_given'),
    closed: (c: Case, at: string) => notice(c, at, 'notice.closed'),
    reopened: (c: Case, at: string, why: string) => notice(c, at, 'notice.reopened', { why }),
    reminder: (c: Case, at: string, n: number) =>
      notice(c, at, c.status === 'open' ? 'notice.reminder_unclaimed' : 'notice.reminder_undecided', { n }),
  };
}
