/**
 * @module conversation/render
 * Plain-text renderings shared by every channel: what the bot understood, the question, and the decision
 * (outcome label and fixed sentence, reasons with citations, flags, next steps, case id). Every sentence and
 * label comes from the message catalogue; Slack, Teams and the terminal show this text through the one
 * reply view (src/surfaces/reply-view.ts).
 */
import type { Decision } from '../core/decision.ts';
import { type CaseType, ESCALATING_OUTCOMES, enumValues, type FactKey, type Outcome } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Catalogue } from '../surfaces/catalogue.ts';
import type { ConversationContent } from './content.ts';
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

/** A fact's name as the bot says it (the catalogue's `fact.<key>`). */
export const factLabel = (cat: Catalogue, key: FactKey, lang: Lang): string => cat.t(`fact.${key}`, lang);

export function renderUnderstood(
  state: ConversationState,
  ruleSet: RuleSet,
  cat: Catalogue,
  keys?: readonly FactKey[],
): string {
  const lang = state.lang;
  const shown = ruleSet.factOrder.filter((k) => state.facts[k] && (!keys || keys.includes(k)));
  if (!shown.length) return '';
  const parts = shown.map(
    (k) => `${factLabel(cat, k, lang)}: ${displayValue(k, state.facts[k]!.value, ruleSet, lang)}`,
  );
  return cat.t('conversation.understood', lang, { facts: parts.join(lang === 'ja' ? '／' : '; ') });
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

/** What the decision card needs besides the decision: the case type (next steps) and the rules (reason kinds). */
export interface DecisionView {
  caseType?: CaseType;
  ruleSet?: RuleSet;
}

export function renderDecision(
  decision: Decision,
  caseId: string,
  content: ConversationContent,
  lang: Lang,
  explanation?: string,
  view: DecisionView = {},
): string {
  const outcome = decision.outcome as Outcome;
  const text = content.outcomes[outcome];
  const t = (key: Parameters<Catalogue['t']>[0], vars?: Parameters<Catalogue['t']>[2]) =>
    content.messages.t(key, lang, vars);
  const lines = [t('decision.outcome_line', { label: text.label[lang], sentence: text.sentence[lang] })];
  // On an escalating card a reason that on its own clears the case (an exception, "no technology provided")
  // is shown apart, as reference, so the card never reads as both "stop" and "no procedure needed".
  const ruleOutcome = (id: string) =>
    view.ruleSet?.rules.find((r) => r.id === id)?.outcome ??
    (view.ruleSet?.fallback.id === id ? view.ruleSet.fallback.outcome : undefined);
  const clearing = (id: string) => {
    const o = ruleOutcome(id);
    return o !== undefined && !ESCALATING_OUTCOMES.includes(o);
  };
  const escalating = ESCALATING_OUTCOMES.includes(outcome);
  const main = decision.reasons.filter((r) => !(escalating && clearing(r.id)));
  const reference = decision.reasons.filter((r) => escalating && clearing(r.id));
  lines.push('', t('decision.reasons'));
  for (const r of main) lines.push(`・${r[lang]}`, `  (${r.id}; ${r.citation})`);
  if (reference.length) {
    lines.push('', t('decision.reference'));
    for (const r of reference) lines.push(`・${r[lang]}`, `  (${r.id}; ${r.citation})`);
  }
  const open = decision.open ?? [];
  if (escalating && open.length)
    lines.push(
      '',
      t('decision.open_points', {
        facts: open.map((k) => factLabel(content.messages, k, lang)).join(lang === 'ja' ? '、' : ', '),
      }),
    );
  if (decision.flags.length)
    lines.push('', t('decision.flags', { flags: decision.flags.map((f) => t(`flag.${f}`)).join(', ') }));
  const next = (view.caseType && text.nextFor?.[view.caseType]) || text.next;
  lines.push('', t('decision.next'), ...next[lang].map((n) => `・${n}`));
  // The model's words, apart from the fixed outcome and labelled as such.
  if (explanation) lines.push('', t('decision.explanation'), explanation);
  lines.push('', t('decision.case_id', { id: caseId }), t('conversation.after_decision'));
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
