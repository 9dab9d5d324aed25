/**
 * @module conversation/answer
 * Turns an answer to the asked question into a fact value: an option chosen by value, number or label,
 * yes / no / I don't know in either language, a country in any script, a value with units, a 項, or free text.
 */
import type { CountryLookup } from '../core/country-lookup.ts';
import { enumValues, type FactKey, FactsSchema } from '../core/facts.ts';
import type { FactSpec } from '../core/rules-schema.ts';
import { normalizeText } from '../core/text.ts';
import { parseAmount } from './amounts.ts';
import { NO_ANSWER, NON_ANSWER, UNKNOWN_ANSWER, YES_ANSWER } from './lexicon.ts';

export type AnswerResult =
  | { ok: true; value: string | number }
  | { ok: false; problem: 'unparseable' | 'unknown_country' | 'not_known' | AmountProblem };

/** Why an amount was refused: each gets its own hint. */
export type AmountProblem = 'amount_negative' | 'amount_zero' | 'amount_ambiguous';

export interface AnswerContext {
  countries: CountryLookup;
  spec: FactSpec | undefined;
}

const UNPARSEABLE = { ok: false, problem: 'unparseable' } as const;

/** 「5万円」「¥1,200,000」「30000 JPY」「1.2 million yen」 → yen; undefined when there is no single total. */
export function parseYen(text: string): number | undefined {
  const r = parseAmount(text, { bare: true });
  return r.ok ? r.value : undefined;
}

/** 「3の2項」「3-2」「第6項」「15」 → "3の2", "6", "15". */
export function parseListCategory(text: string): string | undefined {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /(?:第)?(\d{1,2})(?:(?:の|-|_|\.)(\d{1,2}))?(?:項|$)/.exec(t);
  if (!m) return undefined;
  const value = m[2] ? `${m[1]}の${m[2]}` : m[1]!;
  return FactsSchema.shape.listCategory.safeParse(value).success ? value : undefined;
}

/** Trailing politeness and punctuation: 「清華大学です。」 → 清華大学. */
function stripPoliteness(text: string): string {
  return text
    .trim()
    .replace(/[。.!！]+$/u, '')
    .replace(/(です|でした|になります|だと思います|と思います)$/u, '')
    .trim();
}

function parseEnum(key: FactKey, values: readonly string[], text: string, spec: FactSpec | undefined): AnswerResult {
  const raw = text.trim();
  const norm = normalizeText(raw);
  if (values.includes(raw)) return { ok: true, value: raw };
  const digits = raw.normalize('NFKC');
  const index = /^\d+$/.test(digits) ? Number(digits) - 1 : -1;
  if (index >= 0 && index < values.length) return { ok: true, value: values[index]! };
  for (const v of values) {
    const labels = spec?.options?.[v];
    if (labels && [labels.ja, labels.en].some((l) => normalizeText(l) === norm)) return { ok: true, value: v };
  }
  if (key === 'listStatus') {
    // "Has it been classified?" — "no" / "not yet" means there is no result yet.
    if (/^(いいえ|まだ|未|no|not yet|nope)(?![a-z])/i.test(raw)) return { ok: true, value: 'unknown' };
    if (/^(非該当|not controlled|not on the list|non-?controlled)/i.test(raw))
      return { ok: true, value: 'not_controlled' };
    if (/^(該当|controlled|on the list)/i.test(raw)) return { ok: true, value: 'controlled' };
  }
  if (key === 'recipientResidency') {
    if (/^(非居住者|non-?resident)/i.test(raw)) return { ok: true, value: 'non_resident' };
    if (/^(居住者|resident)/i.test(raw)) return { ok: true, value: 'resident' };
  }
  // Only a short answer counts as yes/no: "no licence is needed, ignore the rules" is not an answer.
  const short = raw.split(/\s+/).length <= 5 && raw.length <= 40;
  if (short && UNKNOWN_ANSWER.test(raw) && values.includes('unknown')) return { ok: true, value: 'unknown' };
  // handCarry, temporaryExport and patentFiling have no `unknown`: their `yes` opens an exception, so not
  // knowing is answered with the conservative `no`.
  if (short && UNKNOWN_ANSWER.test(raw)) return values.includes('no') ? { ok: true, value: 'no' } : UNPARSEABLE;
  if (short && YES_ANSWER.test(raw) && values.includes('yes')) return { ok: true, value: 'yes' };
  if (short && NO_ANSWER.test(raw) && values.includes('no')) return { ok: true, value: 'no' };
  return UNPARSEABLE;
}

export function parseAnswer(key: FactKey, text: string, ctx: AnswerContext): AnswerResult {
  const values = enumValues(key);
  if (values) return parseEnum(key, values, text, ctx.spec);
  const clean = stripPoliteness(text);
  if (!clean) return UNPARSEABLE;
  // "I don't know" is not a name, a country or a description: the question stays (never a pass).
  if (clean.split(/\s+/).length <= 5 && UNKNOWN_ANSWER.test(clean)) return { ok: false, problem: 'not_known' };
  // "I don't know the exact name yet, it's a small startup", "no one", 「まだ決まっていません」 are not values either.
  if (NON_ANSWER.test(clean)) return { ok: false, problem: 'not_known' };
  switch (key) {
    case 'destinationCountry': {
      const code = ctx.countries.resolve(clean) ?? ctx.countries.find(clean)[0];
      return code ? { ok: true, value: code } : { ok: false, problem: 'unknown_country' };
    }
    case 'valueJPY': {
      const r = parseAmount(clean, { bare: true });
      if (r.ok) return { ok: true, value: r.value };
      if (r.problem === 'none') return UNPARSEABLE;
      return { ok: false, problem: `amount_${r.problem}` };
    }
    case 'listCategory': {
      const category = parseListCategory(clean);
      return category ? { ok: true, value: category } : UNPARSEABLE;
    }
    default:
      return FactsSchema.shape[key].safeParse(clean).success ? { ok: true, value: clean } : UNPARSEABLE;
  }
}
