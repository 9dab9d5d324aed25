/**
 * @module cases/notices
 * The sentences of case notices in Japanese and English: to the requester on every change, and to the
 * officers on escalation, reopening and reminders.
 */
import type { Case, CorrectionDetail, OfficerDecision } from './model.ts';
import type { Notice } from './ports.ts';

export function officerDecisionText(d: OfficerDecision): { ja: string; en: string } {
  switch (d.kind) {
    case 'no_license_needed':
      return { ja: `許可不要（担当者の判断）：${d.reason}`, en: `No licence needed (officer's decision): ${d.reason}` };
    case 'classification':
      return d.result === 'controlled'
        ? { ja: '該非判定の結果：該当（リスト規制品）', en: 'Classification: controlled (on the list)' }
        : { ja: '該非判定の結果：非該当', en: 'Classification: not controlled' };
    case 'license_application':
      return {
        ja: '許可申請が必要です。担当者が申請を進めます。',
        en: 'A licence application is needed; the office will prepare it.',
      };
    case 'prior_report':
      return {
        ja: '事前報告が必要です。担当者が手続きを進めます。',
        en: 'A prior report is needed; the office will file it.',
      };
    case 'more_information':
      return {
        ja: `追加の情報が必要です：${d.question}（このスレッドで返信してください）`,
        en: `More information is needed: ${d.question} (reply in this thread)`,
      };
    case 'stop':
      return { ja: '中止してください。この取引は行えません。', en: 'Stop: this transaction must not go ahead.' };
  }
}

const notice = (c: Case, at: string, ja: string, en: string): Notice => ({ caseId: c.id, at, ja, en });

export const notices = {
  escalated: (c: Case, at: string) =>
    notice(
      c,
      at,
      `新しい案件 ${c.id}：${c.decision.outcome}（${c.decision.reasons.map((r) => r.id).join(', ')}）`,
      `New case ${c.id}: ${c.decision.outcome} (${c.decision.reasons.map((r) => r.id).join(', ')})`,
    ),
  claimed: (c: Case, at: string, officer: string) =>
    notice(
      c,
      at,
      `案件 ${c.id} を担当者（${officer}）が確認しています。`,
      `Case ${c.id} is being reviewed by ${officer}.`,
    ),
  decided: (c: Case, at: string, d: OfficerDecision) => {
    const t = officerDecisionText(d);
    return notice(c, at, `案件 ${c.id} の担当者の判断：${t.ja}`, `Officer's decision on case ${c.id}: ${t.en}`);
  },
  revised: (c: Case, at: string, d: OfficerDecision) => {
    const t = officerDecisionText(d);
    return notice(
      c,
      at,
      `案件 ${c.id} の担当者の判断が変更されました：${t.ja}`,
      `The officer's decision on case ${c.id} was revised: ${t.en}`,
    );
  },
  commented: (c: Case, at: string, text: string) =>
    notice(c, at, `案件 ${c.id} へのコメント：${text}`, `Comment on case ${c.id}: ${text}`),
  infoGiven: (c: Case, at: string) =>
    notice(c, at, `案件 ${c.id} に申請者が回答しました。`, `The requester answered on case ${c.id}.`),
  closed: (c: Case, at: string) => notice(c, at, `案件 ${c.id} は完了しました。`, `Case ${c.id} is closed.`),
  reopened: (c: Case, at: string, why: string) =>
    notice(c, at, `案件 ${c.id} を再開しました：${why}`, `Case ${c.id} was reopened: ${why}`),
  /** 「相手先 北京理工大学 → KAIST」, the outcome before → after, and what it means for the officers. */
  corrected: (c: Case, at: string, k: CorrectionDetail) => {
    const changes = Object.entries(k.facts)
      .map(([f, v]) => `${f} ${v.before ?? '-'} → ${v.after ?? '-'}`)
      .join(', ');
    const outcome = `${k.outcome.before} → ${k.outcome.after}`;
    const what = k.droppedDecision
      ? {
          ja: `担当者の判断（${k.droppedDecision}）は訂正前の内容に対するものです。訂正後の内容で改めて判断してください。`,
          en: `The officer's decision (${k.droppedDecision}) was made on the old facts; please decide again on the corrected ones.`,
        }
      : k.status.after === 'recorded'
        ? { ja: '訂正後は担当者の確認は不要です。', en: 'After the correction the case no longer needs an officer.' }
        : k.status.before === 'recorded'
          ? { ja: '訂正により担当者の確認が必要になりました。', en: 'After the correction the case needs an officer.' }
          : { ja: '訂正後の内容で確認してください。', en: 'Please review it on the corrected facts.' };
    return notice(
      c,
      at,
      `案件 ${c.id} が申請者により訂正されました：${changes || '事実の変更なし'}。判定 ${outcome}。${what.ja}`,
      `Case ${c.id} was corrected by the requester: ${changes || 'no fact changed'}. Outcome ${outcome}. ${what.en}`,
    );
  },
  reminder: (c: Case, at: string, n: number) =>
    notice(
      c,
      at,
      `リマインダー（${n}回目）：案件 ${c.id} は${c.status === 'open' ? '未担当' : '未判断'}です。`,
      `Reminder ${n}: case ${c.id} is still ${c.status === 'open' ? 'unclaimed' : 'undecided'}.`,
    ),
};
