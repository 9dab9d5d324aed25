/**
 * @module conversation/render
 * Plain-text renderings shared by every channel: what the bot understood, the question, and the decision
 * (outcome label and fixed sentence, reasons with citations, flags, next steps, case id). Slack and Teams
 * build their cards from the same reply fields.
 */
import type { Decision } from '../core/decision.ts';
import { enumValues, type FactKey, type Outcome } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { ConversationContent } from './content.ts';
import { FACT_LABELS, FLAG_LABELS, MSG } from './messages.ts';
import type { Ask, ConversationState, Lang } from './types.ts';

export function displayValue(key: FactKey, value: string | number, ruleSet: RuleSet, lang: Lang): string {
  if (key === 'destinationCountry') {
    const c = ruleSet.countries.get(String(value));
    return c ? `${lang === 'ja' ? c.ja : c.en} (${c.code})` : String(value);
  }
  if (key === 'valueJPY') return `¥${Number(value).toLocaleString('en-US')}`;
  const label = enumValues(key) ? ruleSet.factSpecs.get(key)?.options?.[String(value)]?.[lang] : undefined;
  const text = label ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export function renderUnderstood(state: ConversationState, ruleSet: RuleSet, keys?: readonly FactKey[]): string {
  const lang = state.lang;
  const shown = ruleSet.factOrder.filter((k) => state.facts[k] && (!keys || keys.includes(k)));
  if (!shown.length) return '';
  const parts = shown.map((k) => `${FACT_LABELS[k][lang]}: ${displayValue(k, state.facts[k]!.value, ruleSet, lang)}`);
  return `${MSG.understood[lang]} — ${parts.join(lang === 'ja' ? '／' : '; ')}`;
}

export function buildAsk(key: FactKey, ruleSet: RuleSet, lang: Lang): Ask {
  const values = enumValues(key);
  const spec = ruleSet.factSpecs.get(key);
  return {
    fact: key,
    options: values ? values.map((v) => ({ value: v, label: spec?.options?.[v]?.[lang] ?? v })) : null,
  };
}

export function questionText(key: FactKey, ruleSet: RuleSet, lang: Lang): string {
  return ruleSet.factSpecs.get(key)?.question[lang] ?? key;
}

export function renderDecision(
  decision: Decision,
  caseId: string,
  content: ConversationContent,
  lang: Lang,
  explanation?: string,
): string {
  const text = content.outcomes[decision.outcome as Outcome];
  const lines = [`【${MSG.outcome[lang]}】${text.label[lang]} — ${text.sentence[lang]}`];
  lines.push('', `${MSG.reasons[lang]}:`);
  for (const r of decision.reasons) lines.push(`・${r[lang]}`, `  (${r.id}; ${r.citation})`);
  if (decision.flags.length)
    lines.push('', `${MSG.flags[lang]}: ${decision.flags.map((f) => FLAG_LABELS[f]?.[lang] ?? f).join(', ')}`);
  lines.push('', `${MSG.next[lang]}:`, ...text.next[lang].map((n) => `・${n}`));
  // The model's words, apart from the fixed outcome and labelled as such.
  if (explanation) lines.push('', `${MSG.explanation[lang]}:`, explanation);
  lines.push('', `${MSG.caseId[lang]}: ${caseId}`, MSG.afterDecision[lang]);
  return lines.join('\n');
}

/** The countries a menu offers first (the common destinations of university cases); others are typed. */
const MENU_COUNTRIES =
  'US CN KR TW HK DE FR GB IT NL CH SE FI AU CA SG TH VN MY ID PH IN PK RU BY UA IR IQ IL AE SA TR EG BR MX JP KP'.split(
    ' ',
  );

export function countryChoices(ruleSet: RuleSet, lang: Lang): { code: string; label: string }[] {
  return MENU_COUNTRIES.flatMap((code) => {
    const c = ruleSet.countries.get(code);
    return c ? [{ code, label: lang === 'ja' ? c.ja : c.en }] : [];
  });
}
