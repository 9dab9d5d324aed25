/**
 * @module core/template
 * Fills the few placeholders a rule's sentence may carry ({country}, {items}, {eulHits},
 * {specifiedHits}, {cslHits}) from the facts and derived data. The words stay those of the rules data.
 */
import type { ScreeningHit } from './decision.ts';
import type { Derived } from './derive.ts';
import type { EvaluationContext } from './evaluate.ts';
import type { Facts } from './facts.ts';
import type { RuleSet } from './ruleset.ts';

export type Lang = 'ja' | 'en';

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
  const country = facts.destinationCountry ? ruleSet.countries.get(facts.destinationCountry) : undefined;
  const vars: Record<string, string> = {
    surveyDate: context.survey?.answeredAt ?? '',
    surveyLab: context.survey?.lab ?? '',
    country: country ? country[lang] : (facts.destinationCountry ?? ''),
    items: facts.itemDescription
      ? ruleSet.itemMatcher
          .matchWithTerms(facts.itemDescription)
          .filter((m) => derived.items.some((i) => i.id === m.id && i.strength !== 'hint'))
          .map((m) => m.term)
          .join(lang === 'ja' ? '、' : ', ')
      : '',
    eulHits: describeHits(
      screening.filter((h) => h.kind === 'eul'),
      lang,
    ),
    specifiedHits: describeHits(
      screening.filter((h) => h.kind === 'specified_entity'),
      lang,
    ),
    cslHits: describeHits(
      screening.filter((h) => h.kind === 'csl'),
      lang,
    ),
  };
  return text.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}
