/**
 * @module core/template
 * Fills the placeholders a rule's sentence or citation may carry from the facts and derived data. The
 * words stay those of the rules data. Every placeholder always renders to words (a fallback when there is
 * nothing to name), so no sentence reaches the user with a raw `{…}` or an empty 「（）」; `rules check`
 * refuses a placeholder that is not in PLACEHOLDERS.
 */
import type { ScreeningHit } from './decision.ts';
import type { Derived } from './derive.ts';
import type { EvaluationContext } from './evaluate.ts';
import type { Facts } from './facts.ts';
import type { RuleSet } from './ruleset.ts';

export type Lang = 'ja' | 'en';

export const PLACEHOLDERS = [
  'country',
  'items',
  'categories',
  'matchedItems',
  'eulHits',
  'specifiedHits',
  'cslHits',
  'surveyDate',
  'surveyLab',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/** The placeholder names a text uses, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
}

function describeHits(hits: readonly ScreeningHit[], lang: Lang): string {
  if (hits.length === 0) return lang === 'ja' ? '（該当なし）' : '(none)';
  return hits
    .map((h) => {
      const concerns = h.concerns?.length ? ` [${h.concerns.join('/')}]` : '';
      const date = h.listDate ? (lang === 'ja' ? `、${h.listDate}版` : `, edition ${h.listDate}`) : '';
      return lang === 'ja'
        ? `${h.list} No.${h.entry} ${h.name}${concerns}（${h.matchType}、照合: ${h.matchedOn}${date}）`
        : `${h.list} No.${h.entry} ${h.name}${concerns} (${h.matchType}, matched on "${h.matchedOn}"${date})`;
    })
    .join(lang === 'ja' ? '、' : '; ');
}

const FALLBACK: Record<Placeholder, Record<Lang, string>> = {
  country: { ja: '相手国', en: 'the destination' },
  items: { ja: '品目は未特定', en: 'item not identified' },
  categories: { ja: '項は該非判定で確定', en: 'item number to be set by the classification' },
  matchedItems: { ja: '品目カタログに一致した項目はありません', en: 'nothing in the item catalogue matched' },
  eulHits: { ja: '（該当なし）', en: '(none)' },
  specifiedHits: { ja: '（該当なし）', en: '(none)' },
  cslHits: { ja: '（該当なし）', en: '(none)' },
  surveyDate: { ja: '日付不明', en: 'date unknown' },
  surveyLab: { ja: '（研究室名なし）', en: '(lab not named)' },
};

export function renderText(
  text: string,
  lang: Lang,
  ruleSet: RuleSet,
  facts: Facts,
  derived: Derived,
  screening: readonly ScreeningHit[],
  context: EvaluationContext = {},
): string {
  if (!text.includes('{')) return text;
  const sep = lang === 'ja' ? '、' : ', ';
  const country = facts.destinationCountry ? ruleSet.countries.get(facts.destinationCountry) : undefined;
  const goods = derived.items.filter((i) => i.strength !== 'hint');
  const values: Record<Placeholder, () => string> = {
    surveyDate: () => context.survey?.answeredAt ?? '',
    surveyLab: () => context.survey?.lab ?? '',
    country: () => (country ? country[lang] : (facts.destinationCountry ?? '')),
    items: () =>
      facts.itemDescription
        ? ruleSet.itemMatcher
            .matchWithTerms(facts.itemDescription)
            .filter((m) => goods.some((i) => i.id === m.id))
            .map((m) => m.term)
            .join(sep)
        : '',
    categories: () => {
      const found = derived.lookup('category');
      const list = found.present ? (Array.isArray(found.value) ? found.value : [found.value]) : [];
      return list.map((c) => (lang === 'ja' ? `${c}項` : `item ${c}`)).join(sep);
    },
    matchedItems: () => {
      if (!facts.itemDescription) return '';
      const terms = new Map(ruleSet.itemMatcher.matchWithTerms(facts.itemDescription).map((m) => [m.id, m.term]));
      return goods
        .filter((i) => i.strength !== 'not_controlled' && i.categories.length > 0)
        .map((i) => {
          const cats = i.categories.map((c) => `${c}項`).join('・');
          return lang === 'ja' ? `${terms.get(i.id)} → ${cats}の可能性` : `${terms.get(i.id)} → possibly ${cats}`;
        })
        .join(sep);
    },
    eulHits: () =>
      describeHits(
        screening.filter((h) => h.kind === 'eul'),
        lang,
      ),
    specifiedHits: () =>
      describeHits(
        screening.filter((h) => h.kind === 'specified_entity'),
        lang,
      ),
    cslHits: () =>
      describeHits(
        screening.filter((h) => h.kind === 'csl'),
        lang,
      ),
  };
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    if (!Object.hasOwn(values, name)) return m;
    const key = name as Placeholder;
    return values[key]() || FALLBACK[key][lang];
  });
}
