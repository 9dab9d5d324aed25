/**
 * @module conversation/correction
 * A correction changes only what it names. 「相手先はHarbin Institute of Technologyです」 and "The recipient
 * is KAIST" change the counterparty (not the case type, not the item); "actually it goes to KAIST in Korea, not
 * Beijing" changes the counterparty and the country; 「技術の提供でした」 changes the case type and keeps the
 * item; "actually it is carbon fibre prepreg" stores the item words only. The reply shows before → after.
 */
import type { FactKey } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Catalogue } from '../surfaces/catalogue.ts';
import type { ExtractContext, Extraction } from './extract.ts';
import { CORRECTION_CUE, NON_ANSWER, UNKNOWN_ANSWER } from './lexicon.ts';
import { displayValue, factLabel } from './render.ts';
import { correctedItem, stripDateWords } from './spans.ts';
import type { ConversationState, Lang } from './types.ts';

/** Words that name the fact being corrected. */
const NAMES: Partial<Record<FactKey, RegExp>> = {
  counterpartyName:
    /(相手先|相手|送り先|送付先|提供先|受け取り(手|先)?|受取人|宛先|先方|所属|the recipient|recipient|counterparty|the partner|partner (is|institution)|goes to|going to|send(ing)? (it|them) to|ship(ping)? (it|them) to|the (company|university|institute|institution|lab) is)/i,
  destinationCountry:
    /(国は|国が|国名|行き先|送り先の国|country is|country was|the country|destination is|in (the )?[A-Z][a-z]+)/,
  itemDescription:
    /(品目|品名|内容は|送るもの|送る物|物は|ものは|対象は|the item|the goods|the thing|it is|it'?s an? |it'?s [a-z]|it was|they are|actually it)/i,
  caseType:
    /(技術(の)?提供|技術を(提供|共有)|物(の)?(送付|発送)|物を送|来訪|受け入れ|受入|(it'?s|it is|this is) (a |about )?(technology|shipment|goods|visit)|not (goods|a shipment|technology|a visit))/i,
};
/** "It is technology" names the case type, not an item called "technology". */
const TYPE_WORDS =
  /^(a |an |the )?(technology|technical (data|information)|goods|shipment|visit|visitor|技術|物|来訪)\b/i;

const FREE_NAME = [
  /(?:相手先|送り先|送付先|提供先|宛先|受け取り先|所属)(?:は|が)\s*([^。、!?！？]{2,60}?)\s*(?:でした|です|だった|に変更|になります|とのこと)?\s*(?:[。!！]|$)/u,
  /(?:the recipient|the counterparty|the partner|recipient|counterparty)\s+is\s+(?:actually\s+)?(?:the\s+)?(.{2,80}?)\s*(?:[.!]|$)/i,
];

export interface Correction {
  changes: Partial<Record<FactKey, string | number>>;
}

function explicitName(text: string): string | undefined {
  for (const re of FREE_NAME) {
    const m = re.exec(text)?.[1];
    if (m) return stripDateWords(m.trim());
  }
  return undefined;
}

/**
 * The facts a message corrects, or undefined when it is no correction (no cue and nothing named, or nothing
 * that differs from what is known).
 */
export function readCorrection(
  text: string,
  state: ConversationState,
  extraction: Extraction,
  ctx: ExtractContext,
): Correction | undefined {
  if (!Object.keys(state.facts).length) return undefined;
  // "I don't know the exact name yet, it's a small startup" answers (or fails to answer) the question.
  if (NON_ANSWER.test(text.trim()) || UNKNOWN_ANSWER.test(text.trim())) return undefined;
  const named = (k: FactKey) => NAMES[k]?.test(text) ?? false;
  const cue = CORRECTION_CUE.test(text) || named('counterpartyName') || named('itemDescription');
  if (!cue) return undefined;
  const x = extraction.facts;
  const changes: Correction['changes'] = {};
  const known = (k: FactKey) => state.facts[k]?.value;

  // The counterparty: a name the extractor found, or the words after 「相手先は」 / "the recipient is".
  let name = x.counterpartyName as string | undefined;
  if (!name && named('counterpartyName')) {
    const free = explicitName(text);
    if (free && !ctx.countries.resolve(free) && !ctx.countries.find(free).length) name = free;
  }
  if (name && name !== known('counterpartyName')) changes.counterpartyName = name;

  // The country: named in the text (negated places were already left out by the extractor).
  const country = x.destinationCountry;
  if (country !== undefined && country !== known('destinationCountry')) {
    const fromFreeName = (() => {
      const free = explicitName(text);
      return free ? (ctx.countries.resolve(free) ?? ctx.countries.find(free)[0]) : undefined;
    })();
    changes.destinationCountry = fromFreeName ?? country;
  } else if (!country && named('counterpartyName')) {
    const free = explicitName(text);
    const code = free ? (ctx.countries.resolve(free) ?? ctx.countries.find(free)[0]) : undefined;
    if (code && code !== known('destinationCountry')) changes.destinationCountry = code;
  }

  // The case type, only when the message is about the type; the item stays.
  if (x.caseType && x.caseType !== known('caseType') && named('caseType')) changes.caseType = x.caseType;

  // The item: only when the message names it, and only its words.
  if (named('itemDescription') && !changes.counterpartyName && !changes.destinationCountry) {
    const item = correctedItem(text);
    if (item && !TYPE_WORDS.test(item) && item !== known('itemDescription')) changes.itemDescription = item;
  }

  // Yes/no facts and amounts stated in the correction.
  for (const k of [
    'valueJPY',
    'listCategory',
    'listStatus',
    'handCarry',
    'temporaryExport',
    'publiclyAvailable',
    'basicResearch',
    'recipientResidency',
  ] as const) {
    if (x[k] !== undefined && x[k] !== known(k) && CORRECTION_CUE.test(text)) changes[k] = x[k];
  }
  // Only a change to something already known is a correction; new facts alone are an answer.
  return Object.keys(changes).some((k) => state.facts[k as FactKey]) ? { changes } : undefined;
}

/** 「訂正しました：相手先 北京理工大学 → KAIST、国 中国 → 韓国」 */
export function renderCorrection(
  before: ConversationState['facts'],
  changes: Correction['changes'],
  ruleSet: RuleSet,
  lang: Lang,
  cat: Catalogue,
): string {
  const parts = ruleSet.factOrder
    .filter((k) => changes[k] !== undefined)
    .map((k) => {
      // "国" rather than "国・地域": the short label reads better in "国 中国 → 韓国".
      const label =
        k === 'destinationCountry' ? cat.t('conversation.correction_country', lang) : factLabel(cat, k, lang);
      const was = before[k]
        ? displayValue(k, before[k]!.value, ruleSet, lang)
        : cat.t('conversation.correction_none', lang);
      return `${label} ${was} → ${displayValue(k, changes[k]!, ruleSet, lang)}`;
    });
  return cat.t('conversation.corrected', lang, { changes: parts.join(lang === 'ja' ? '、' : '; ') });
}
