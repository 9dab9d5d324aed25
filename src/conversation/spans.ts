/**
 * @module conversation/spans
 * The counterparty and the item as spans of the text, not the whole sentence: no date words (来月), no
 * particles, no greetings (「お世話になっております。」). Japanese has no word spaces, so the spans are found
 * from anchors — an organisation suffix (大学, 研究所 …) read backwards, the object marker を before a verb
 * of sending or giving — and every scan is bounded, so the cost is linear in the text's length.
 */

/** Greeting and closing sentences; removed before anything is read. */
const GREETING =
  /^(お世話になっております|お世話になります|いつもお世話に|お疲れ様です|お疲れさまです|はじめまして|初めまして|突然のご連絡|失礼いたします|よろしくお願い|宜しくお願い|ご確認(を)?お願い|ありがとうございます|(hello|hi|hey|dear|good (morning|afternoon|evening)|thanks|thank you|best regards|regards|kind regards|sorry to bother)(?![a-z]))/i;

/** Splits into sentences (。！？.!? and line breaks) and drops the greetings. */
export function withoutGreetings(text: string): string {
  const parts = text.split(/(?<=[。！？!?\n])|(?<=\.)\s+/u);
  const kept = parts.filter((p) => !GREETING.test(p.trim()) || p.trim().length > 60);
  return kept.join('').trim();
}

/** Date and time words that run into a name or an item in Japanese (来月ハルビン工業大学). */
const DATE_PREFIX =
  /^(再来月|来月|今月|先月|来年度|来年|今年度|今年|昨年|去年|来週|今週|先週|明日|明後日|本日|今日|後日|近日|近々|今度|今回|次回|前回|先日|毎年|毎月|年内|年度内|月末|月初|至急|急ぎ|早急|当面|今後|将来|いずれ|また|さらに|現在|\d{1,2}月(\d{1,2}日)?|\d{4}年(\d{1,2}月)?)+/u;

export function stripDateWords(s: string): string {
  return s.replace(DATE_PREFIX, '').replace(/^[、,\s]+/u, '');
}

const ORG_SUFFIX =
  /(大学院|大學|大学|研究所|研究院|研究センター|技術院|科学院|学院|學院|有限公司|公司|株式会社|機構|病院|センター|工場|会社|財団|研究機関)/gu;
const NAME_CHAR = /[\p{Script=Han}\p{Script=Katakana}ー・A-Za-z0-9&]/u;
/** Descriptions, not names: 外国大学, 提携大学, 本学. */
const NOT_A_NAME =
  /^(外国|海外|提携|相手|先方|共同研究|本|当|同|他|某|現地|受入|受け入れ|国内|地元|一般|大学|研究所|会社|病院|センター)$|^(外国|海外|提携|相手|先方|共同研究|某|現地|受入|受け入れ|地元|一般)/u;
const MAX_NAME = 24;

/** Organisation names in CJK scripts: 北京理工大学, ハルビン工業大学, 株式会社ABC, 清華大学. */
export function cjkOrganisations(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(ORG_SUFFIX)) {
    const end = (m.index ?? 0) + m[0].length;
    if (m[0] === '株式会社') {
      // 株式会社 before the name: read forwards.
      let j = end;
      while (j < text.length && j - end < MAX_NAME && NAME_CHAR.test(text[j]!)) j++;
      if (j > end) {
        out.push(text.slice(m.index, j));
        continue;
      }
    }
    let i = m.index ?? 0;
    while (i > 0 && end - i < MAX_NAME && NAME_CHAR.test(text[i - 1]!)) i--;
    // A name written with Latin letters is read by the Latin reader; here only the CJK part.
    let name = stripDateWords(text.slice(i, end)).replace(/^[A-Za-z0-9&]+(?=[\p{Script=Han}\p{Script=Katakana}])/u, '');
    name = name.replace(/^(の|に|へ|と)/u, '');
    if (name.length <= m[0].length || NOT_A_NAME.test(name)) continue;
    out.push(name);
  }
  return out;
}

/** Verbs whose object is the item: 送る, 持ち出す, 提供する … (Japanese, after を). */
const JA_ITEM_VERB =
  /を(?:[^、。を\n]{0,24}?(?:に|へ|まで)(?![\p{Script=Hiragana}]))?(\s*(メール|郵送|航空便|船便|手荷物|宅配|EMS|DHL|FedEx|クラウド|オンライン)(で|にて))?\s*(送|持ち出|持って|持参|提供|共有|輸出|譲渡|売却|販売|貸与|貸し|返送|返却|寄贈|発送|郵送|見せ|教え|指導|渡|移設|運|開示|説明|アップロード|預け|託|使わせ|利用させ)/gu;
/** Where a Japanese noun phrase begins, reading backwards: punctuation, or a particle after a noun. */
const JA_BOUNDARY = /[、。，．,.!?！？\n「」『』]/u;
const JA_PARTICLE = /(から|まで|より|にて|に|へ|は|が|で)$/u;
const KANA_HIRA = /[\p{Script=Hiragana}]/u;

function jaObject(text: string): string | undefined {
  for (const m of text.matchAll(JA_ITEM_VERB)) {
    const end = m.index ?? 0;
    const startLimit = Math.max(0, end - 80);
    let i = end;
    let depth = 0;
    while (i > startLimit) {
      const ch = text[i - 1]!;
      if (ch === ')' || ch === '）') depth++;
      else if ((ch === '(' || ch === '（') && depth > 0) depth--;
      else if (depth === 0) {
        if (JA_BOUNDARY.test(ch)) break;
        // A particle right after a noun (not inside a verb's ending): 大学に|炭素繊維
        const two = text.slice(i - 2, i);
        const p = JA_PARTICLE.exec(two) ?? JA_PARTICLE.exec(ch);
        if (p) {
          const before = text[i - 1 - p[0].length] ?? '';
          if (before && !KANA_HIRA.test(before)) break;
        }
      }
      i--;
    }
    const span = stripDateWords(text.slice(i, end).trim());
    if (span.length >= 2) return span;
  }
  return undefined;
}

const EN_ITEM =
  /\b(?:send|sending|ship|shipping|mail|mailing|export|exporting|carry|carrying|take|taking|bring|bringing|donate|donating|lend|lending|loan|sell|selling|give|giving|return|returning|share|sharing|email|emailing|provide|providing|transfer|transferring|demo|show|showing|hand-?carry|work on|working on|join|access|use|teach|train \w+ on)\s+(?:(?:a|an|the|some|our|my|his|her|their|these|this|those|two|three|several|\d+)\s+)?(?:(?:small|few|couple of)\s+)?(.{2,120}?)(?=\s+(?:to|for|with|at|into|from|next|this|by|via|on|back|abroad|overseas|and bring|and then|so that|which|that will)\b|\s*[,.;?!(]|$)/i;
const EN_IT_IS =
  /(?:^|\b)(?:actually\s+)?(?:it\s+is|it'?s|it\s+was|they\s+are|they'?re|the\s+item\s+is|the\s+goods\s+are|the\s+item'?s)\s+(?:actually\s+)?(?:a|an|the|some)?\s*(.{2,120}?)(?:\s*[,.;!?]|$)/i;

/** The item as the object of the verb: 炭素繊維のサンプル, "carbon fibre samples". */
export function itemSpan(text: string): string | undefined {
  const ja = jaObject(text);
  if (ja) return ja;
  const m = EN_ITEM.exec(text);
  if (!m?.[1]) return undefined;
  let en = m[1];
  // A parenthesis right after the object belongs to it: "laptop (only my own research files)".
  const rest = text.slice((m.index ?? 0) + m[0].length);
  const paren = /^\s*\([^()]{1,100}\)/.exec(rest);
  if (paren) en += paren[0];
  return en.replace(/^(?:the|a|an|some|our|my)\s+/i, '').trim();
}

/** "actually it is carbon fibre prepreg" → carbon fibre prepreg; 「品目は炭素繊維プリプレグです」 → 炭素繊維プリプレグ. */
export function correctedItem(text: string): string | undefined {
  const ja =
    /(?:品目|品名|内容|物|もの|送るもの|送る物|対象)(?:は|が)\s*([^。、!?！？]{2,80}?)(?:でした|です|だった|になります|に変更|とのこと)?(?:[。!！]|$)/u.exec(
      text,
    )?.[1];
  if (ja) return stripDateWords(ja.trim());
  const en = EN_IT_IS.exec(text)?.[1];
  if (en && !/^(going|for|to|not|in|from)\b/i.test(en)) return en.trim();
  return itemSpan(text);
}
