/**
 * @module conversation/amounts
 * Yen amounts in every common form — 250万円, 2.5百万円, ¥2.5 million, ¥2.5M, 2,500,000 yen, 250万 — read in
 * one linear pass. The fact is the total of the controlled goods under one contract, so when a text holds
 * several amounts (unit price, total, budget) the total is taken, or the researcher is asked which it is.
 * Negative, zero and zero-by-rounding amounts are refused: a wrong amount could open the small-value exception.
 */

export type AmountRole = 'unit' | 'total' | 'budget' | null;

export interface Amount {
  value: number;
  /** The words it was read from ("合計300万円"). */
  raw: string;
  role: AmountRole;
  negative: boolean;
  /** A currency word or sign (円, ¥, yen, JPY) or a Japanese money unit (万, 億) was present. */
  currency: boolean;
}

export type AmountResult =
  | { ok: true; value: number; raw: string }
  | { ok: false; problem: 'none' | 'negative' | 'zero' | 'ambiguous'; amounts: Amount[] };

// One token: optional sign, optional ¥, digits (grouped or not, bounded), optional decimals, a unit, a currency.
// Every part is bounded or separated by a literal, so the scan is linear in the text's length.
const TOKEN =
  /(マイナス|minus|[-−▲△])?\s?([¥￥]|JPY\s?)?\s?(\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,12})?)\s?(億|百万|万|千|million|mil|thousand|[mk](?![a-z]))?\s?(円|yen|jpy)?/giu;
const UNIT_FACTOR: Record<string, number> = {
  億: 1e8,
  百万: 1e6,
  万: 1e4,
  千: 1e3,
  million: 1e6,
  mil: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};
/** Words just before an amount that say what it is. */
const ROLE_BEFORE: [RegExp, AmountRole][] = [
  [
    /(単価|1個あたり|一個あたり|1台あたり|1点あたり|あたり|unit price|per unit|per piece|each|apiece|@)\s*[:：は]?\s*$/i,
    'unit',
  ],
  [
    /(合計|総額|総計|計|全部で|全体で|契約金額|契約額|total(?: value| amount| price)?|in total|altogether|overall)\s*(額|金額)?\s*[:：は]?\s*(で|が)?\s*(約|およそ|about|around|approx\.?|approximately)?\s*$/i,
    'total',
  ],
  [/(予算|budget)\s*[:：は]?\s*(約|about|around)?\s*$/i, 'budget'],
];
const ROLE_AFTER: [RegExp, AmountRole][] = [
  [/^\s*(each|apiece|per (unit|piece|item)|\/(個|台|unit|pc)|ずつ)/i, 'unit'],
  [/^\s*(in total|total|altogether)/i, 'total'],
];
/** A counter after the number means it is not money (5万個, 3 units, 10 kg). */
const COUNTER_AFTER =
  /^\s*(個|件|人|台|本|枚|回|年|日|時間|分|秒|週|ヶ月|か月|カ月|箇所|名|kg|g\b|mg|ml|l\b|%|％|units?\b|pieces?\b|pcs\b|people|years?|months?|days?|kg)/i;

export function readAmounts(text: string): Amount[] {
  const t = text.normalize('NFKC');
  const out: Amount[] = [];
  for (const m of t.matchAll(TOKEN)) {
    const [raw, sign, yenSign, digits, unitRaw, currencyWord] = m;
    const unit = (unitRaw ?? '').toLowerCase();
    const index = m.index ?? 0;
    const after = t.slice(index + raw.length, index + raw.length + 12);
    // "5 m" of cable and "3k" resolution are not money: Latin units count only beside a currency.
    const latinUnit = unit === 'm' || unit === 'k' || unit === 'mil';
    const currency = Boolean(yenSign || currencyWord || unit === '万' || unit === '億' || unit === '百万');
    if (!currency) continue;
    if (latinUnit && !yenSign && !currencyWord) continue;
    if (!currencyWord && !yenSign && COUNTER_AFTER.test(after)) continue;
    const value = Number(digits!.replace(/,/g, '')) * (UNIT_FACTOR[unit] ?? 1);
    if (!Number.isFinite(value)) continue;
    const before = t.slice(Math.max(0, index - 24), index);
    let role: AmountRole = null;
    for (const [re, r] of ROLE_BEFORE) if (re.test(before)) role = r;
    for (const [re, r] of ROLE_AFTER) if (!role && re.test(after)) role = r;
    out.push({ value, raw: raw.trim(), role, negative: Boolean(sign), currency });
  }
  return out;
}

/**
 * The total value of a text. `bare` also accepts a plain number ("30000", "250万") — an answer to the amount
 * question, where no currency word is needed.
 */
export function parseAmount(text: string, options: { bare?: boolean } = {}): AmountResult {
  let amounts = readAmounts(text);
  if (!amounts.length && options.bare) {
    const m =
      /^\s*(マイナス|minus|[-−▲])?\s*(\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,12})?)\s*(億|百万|万|千|million|thousand|k|m)?\s*$/iu.exec(
        text.normalize('NFKC'),
      );
    if (m)
      amounts = [
        {
          value: Number(m[2]!.replace(/,/g, '')) * (UNIT_FACTOR[(m[3] ?? '').toLowerCase()] ?? 1),
          raw: m[0].trim(),
          role: null,
          negative: Boolean(m[1]),
          currency: false,
        },
      ];
  }
  if (!amounts.length) return { ok: false, problem: 'none', amounts };
  const totals = amounts.filter((a) => a.role === 'total');
  const others = amounts.filter((a) => a.role === null);
  const distinct = (xs: Amount[]) => [...new Set(xs.map((a) => a.value))];
  let pick: Amount | undefined;
  if (totals.length) pick = distinct(totals).length === 1 ? totals[0] : undefined;
  else if (distinct(others).length === 1 && amounts.every((a) => a.role !== 'budget' || a.value === others[0]!.value))
    pick = others[0];
  // Only a unit price, or only a budget: the total is not in the text.
  if (!pick) return { ok: false, problem: 'ambiguous', amounts };
  if (pick.negative) return { ok: false, problem: 'negative', amounts };
  const value = Math.round(pick.value);
  if (value <= 0) return { ok: false, problem: 'zero', amounts };
  return { ok: true, value, raw: pick.raw };
}
