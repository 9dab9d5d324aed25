/**
 * @module conversation/messages
 * The bot's own interface sentences in Japanese and English (greeting, summaries, hints). Legal content —
 * outcome sentences, reasons, citations, FAQ answers — is data under rules/, never here.
 */
import type { FactKey } from '../core/facts.ts';
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
    ja: 'この項目がわからないと確認を進められません（「わからない」は許可不要にはなりません）。',
    en: 'I cannot finish the check without this (not knowing never clears a case).',
  },
  offerHandoff: {
    ja: 'わかり次第入力してください。今すぐ輸出管理担当者に引き継ぐこともできます（「担当者に任せる」と送ってください）。',
    en: 'Type it in when you know it — or hand the case to the export-control office now (say "hand to the office").',
  },
  handedOff: {
    ja: 'ここまでの内容で輸出管理担当者に引き継ぎました。未確認の項目は担当者が確認します。',
    en: 'I handed the case to the export-control office with what we have so far; the office will follow up on the open questions.',
  },
  openQuestions: { ja: '未確認の項目', en: 'Open questions' },
  staleChoice: {
    ja: 'その質問にはすでに回答済みです（古いボタンです）。何も変更していません。今の質問にお答えください。',
    en: 'That question was already answered (an old button); nothing was changed. Here is the current question.',
  },
  notAskedChoice: {
    ja: 'その選択肢は今の質問への回答ではないため、何も変更していません。今の質問にお答えください。',
    en: 'That choice does not answer the question being asked now, so nothing was changed. Here is the current question.',
  },
  staleDecided: {
    ja: 'その質問にはすでに回答済みで、この案件は判定済みです。何も変更していません。',
    en: 'That question was already answered and this case is decided; nothing was changed.',
  },
  confirmRead: { ja: '読み取った内容', en: 'I read' },
  confirmAsk: {
    ja: 'これで正しければ選んでください（違えば正しい答えを選ぶか入力してください）。',
    en: 'Tap it if that is right (or pick or type the right answer).',
  },
  confirmYes: { ja: 'はい', en: 'Yes' },
  readByModel: { ja: 'AIの読み取り・未確認', en: 'suggested by the AI, not confirmed' },
  amountNegative: {
    ja: '金額はマイナスにはなりません。1契約あたりの該当貨物の合計額を円で入力してください（例：300万円）。',
    en: 'An amount cannot be negative. Please give the total value of the controlled goods under one contract in yen (e.g. 3,000,000 yen).',
  },
  amountZero: {
    ja: '金額が0円になってしまいます。1契約あたりの該当貨物の合計額を円で入力してください（例：5万円）。',
    en: 'That amount comes to 0 yen. Please give the total value of the controlled goods under one contract in yen (e.g. 50,000 yen).',
  },
  amountAmbiguous: {
    ja: '金額が複数あり、どれが合計か分かりません。1契約あたりの該当貨物の合計額を1つだけ入力してください（単価×数量の合計）。',
    en: 'I see several amounts and cannot tell which is the total. Please give one figure: the total value of the controlled goods under one contract (unit price × quantity).',
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
  explanation: {
    ja: '補足（AIによる説明。判定は上記のとおりです）',
    en: 'Note (written by an AI; the outcome above is what counts)',
  },
} satisfies Record<string, Text>;

/** Where a researcher can get a fact they do not know (no dead ends). */
export const SOURCE_ADVICE: Partial<Record<FactKey, { visitor?: Text; other?: Text }>> = {
  counterpartyName: {
    visitor: {
      ja: '来訪者の所属機関は、受け入れ担当者（ホスト）か来訪者本人に確認できます。',
      en: "The visitor's host (or the visitor) can tell you their home institution.",
    },
    other: {
      ja: '相手先の正式名称は、相手方の担当者や契約書・発注書で確認できます。',
      en: "The recipient's exact name is on the contract or order, or ask your contact there.",
    },
  },
  listCategory: {
    other: {
      ja: '項番号は、メーカーの該非判定書（パラメータシート）か、輸出管理担当（事務局）に確認できます。',
      en: "The 項 comes from the maker's classification sheet (パラメータシート) or from the export-control office.",
    },
  },
  itemDescription: {
    other: {
      ja: '品名・型番はメーカーの資料や発注書で確認できます。',
      en: "The item's name and model are on the maker's documents or the order.",
    },
  },
  destinationCountry: {
    visitor: {
      ja: '来訪者の所属国は、受け入れ担当者（ホスト）に確認できます。',
      en: "The visitor's host can tell you their home country.",
    },
    other: {
      ja: '送り先の国は相手方の担当者に確認できます。',
      en: 'Your contact at the recipient can tell you the country.',
    },
  },
  valueJPY: {
    other: {
      ja: '金額は見積書・発注書で確認できます。正確でなければ多めの見込み額で構いません。',
      en: 'The amount is on the quote or order; a generous estimate is fine.',
    },
  },
};

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
