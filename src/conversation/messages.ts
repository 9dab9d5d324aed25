/**
 * @module conversation/messages
 * The bot's own interface sentences in Japanese and English (greeting, summaries, hints). Legal content —
 * outcome sentences, reasons, citations, FAQ answers — is data under rules/, never here.
 */
import type { DecisionOutcome, FactKey } from '../core/facts.ts';
import type { Lang } from './types.ts';

type Text = Record<Lang, string>;

export const FACT_LABELS: Record<FactKey, Text> = {
  caseType: { ja: '種類', en: 'what' },
  destinationCountry: { ja: '国・地域', en: 'country' },
  counterpartyName: { ja: '相手先', en: 'counterparty' },
  itemDescription: { ja: '内容', en: 'item / activity' },
  listStatus: { ja: '該非判定', en: 'classification' },
  listCategory: { ja: '項番号', en: '項' },
  endUseConcern: { ja: '用途の懸念', en: 'end-use concern' },
  militaryEndUser: { ja: '軍事関係の相手', en: 'military end user' },
  valueJPY: { ja: '金額', en: 'value' },
  handCarry: { ja: '手荷物で持参', en: 'hand-carry' },
  temporaryExport: { ja: '持ち帰り', en: 'comes back' },
  publiclyAvailable: { ja: '公知', en: 'public' },
  basicResearch: { ja: '基礎科学', en: 'basic research' },
  patentFiling: { ja: '特許出願', en: 'patent filing' },
  recipientResidency: { ja: '居住性', en: 'residency' },
  specificCategory: { ja: '特定類型', en: 'specific category' },
  providesTechnology: { ja: '未公開技術の提供', en: 'unpublished technology' },
};

export const MSG = {
  greeting: {
    ja: '安全保障輸出管理の事前確認をお手伝いします。やりたいことを一文で書いてください（例：「来月、北京理工大学に炭素繊維のサンプルを送りたい」）。',
    en: 'I help you check export-control requirements before you act. Tell me in one sentence what you plan to do (e.g. "I want to send carbon fibre samples to Beihang University next month").',
  },
  understood: { ja: '理解した内容', en: 'What I understood' },
  corrected: { ja: '訂正しました', en: 'Corrected' },
  unknownCountry: {
    ja: 'その国・地域名がわかりませんでした。',
    en: 'I could not find that country or region.',
  },
  unparseable: { ja: '回答を読み取れませんでした。', en: 'I could not read that answer.' },
  needFreeText: {
    ja: 'この項目がわからないと確認を進められません（「わからない」は許可不要にはなりません）。相手先等に確認してから入力してください。',
    en: 'I cannot go on without this (not knowing never clears a case). Please check with your partner and type it in.',
  },
  steering: {
    ja: '判定はルールに基づいて決まり、依頼によって変えることはできません。',
    en: 'The outcome comes from the rules and cannot be changed on request.',
  },
  badChoice: { ja: 'その選択肢は使えません。', en: 'That choice is not available.' },
  reset: { ja: 'リセットしました。', en: 'Starting over.' },
  outcome: { ja: '判定', en: 'Outcome' },
  reasons: { ja: '理由', en: 'Reasons' },
  flags: { ja: '他法令の確認', en: 'Other laws to check' },
  next: { ja: '次の手順', en: 'Next steps' },
  caseId: { ja: '案件番号', en: 'Case id' },
  screening: { ja: 'スクリーニング', en: 'Screening' },
  afterDecision: {
    ja: '訂正があればそのまま書いてください（例：「送り先は韓国でした」）。「新しい相談」で別の案件を始めます。',
    en: 'To correct something, just say so (e.g. "actually it goes to Korea"). Say "new case" to start another.',
  },
  sources: { ja: '出典', en: 'Sources' },
  reference: {
    ja: '参考（単独では許可不要となる事情ですが、上記の判定が優先します）',
    en: 'For reference (on its own this would need no licence; the outcome above prevails)',
  },
  openPoints: { ja: '事務局が確認する未確認の点', en: 'Open points the office will check' },
} satisfies Record<string, Text>;

/**
 * The outcome labels of contract §3, for headlines (Slack headers, Teams titles, the officer's card):
 * never the code. The same words as rules/conversation/outcomes.yaml (a test keeps them equal).
 */
export const OUTCOME_LABELS: Record<DecisionOutcome, Text> = {
  prohibited: { ja: '禁止', en: 'Prohibited' },
  license_required: { ja: '許可申請が必要', en: 'Licence required' },
  prior_report_required: { ja: '事前報告が必要', en: 'Prior report required' },
  classification_needed: { ja: '該非判定が必要', en: 'Classification needed' },
  officer_review: { ja: '担当者の確認が必要', en: 'Officer review needed' },
  exempt: { ja: '許可不要（例外）', en: 'No licence needed (exception)' },
  no_license_required: { ja: '許可不要', en: 'No licence needed' },
  needs_facts: { ja: '確認中', en: 'More facts needed' },
};

export function outcomeLabel(outcome: string, lang: Lang): string {
  return OUTCOME_LABELS[outcome as DecisionOutcome]?.[lang] ?? outcome;
}

export const FLAG_LABELS: Record<string, Text> = {
  cites: { ja: 'ワシントン条約（CITES）', en: 'CITES' },
  cartagena: { ja: 'カルタヘナ法', en: 'Cartagena Act (LMOs)' },
  infectious_disease: { ja: '感染症法', en: 'Infectious Diseases Control Act' },
  chemical_weapons: { ja: '化学兵器禁止法', en: 'Chemical Weapons Convention Act' },
  narcotics: { ja: '麻薬・向精神薬関係法', en: 'Narcotics laws' },
  radioisotope: { ja: 'RI法（放射性同位元素）', en: 'Radioisotope regulation' },
  dangerous_goods: { ja: '危険物輸送規則', en: 'Dangerous-goods transport rules' },
  plant_animal_quarantine: { ja: '植物防疫法・家畜伝染病予防法', en: 'Plant and animal quarantine' },
  nagoya_abs: { ja: '名古屋議定書（ABS）', en: 'Nagoya Protocol (ABS)' },
  us_reexport: { ja: '米国再輸出規制（EAR）', en: 'US re-export rules (EAR)' },
};
