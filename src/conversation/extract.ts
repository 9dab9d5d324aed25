/**
 * @module conversation/extract
 * Deterministic fact extraction from free text, in Japanese and English: the case type from verb and noun
 * cues, countries in any script, organisations (patterns such as 〜大学 / University of … and names the
 * screening index knows), the item or activity through the item catalogue, values with units, and a few
 * act cues (hand-carry, coming back, patent filing). It proposes; the engine and the fact schema decide.
 */
import type { Screener } from '../app/ports.ts';
import type { CountryLookup } from '../core/country-lookup.ts';
import type { FactKey } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { parseListCategory, parseYen } from './answer.ts';
import { CASE_TYPE_CUES, DEMONYMS, HAND_CARRY, PATENT, TEMPORARY } from './lexicon.ts';

export type Extracted = Partial<Record<FactKey, string | number>>;

export interface ExtractContext {
  ruleSet: RuleSet;
  countries: CountryLookup;
  screener: Screener;
}

const CJK_ORG =
  /(株式会社[\p{Script=Han}\p{Script=Katakana}ー・]+|[\p{Script=Han}\p{Script=Katakana}ー・]{2,}?(?:大学|大學|研究所|研究院|研究センター|学院|學院|有限公司|公司|株式会社|機構|病院|センター|工場|会社))/gu;
/** Descriptions, not names: 外国大学, 提携大学, 本学. */
const CJK_NOT_NAME = /^(外国|海外|提携|相手|先方|共同研究|本|当|同|他|某|現地|受入|受け入れ|国内|地元|一般)/u;
const ORG_WORD =
  /\b(University|Univ\.?|Institute|Academy|College|Laboratory|Laboratories|Lab|Centre|Center|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Inc\.?|GmbH|JSC|LLC|Hospital|Agency|Bureau|Ministry|Group|Organization|Organisation|Polytechnic)\b/;
/** Capitalised words that start sentences rather than names. */
const NOT_NAME = new Set(
  'I We My Our Can May Could Should Would Please Hello Hi Dear Next Last This That The A An Is Are Do Does If When Will Actually Sorry Also And But So Thanks Thank Japan Japanese Tokyo'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'and', 'for', 'the', '&', 'de', 'on', 'in']);

/** Runs of capitalised words and acronyms, with connectors inside ("Harbin Institute of Technology"). */
function capitalisedRuns(text: string): string[] {
  // Latin words only: CJK text and punctuation end a run ("HITから留学生" holds the run "HIT").
  const words = text
    .split(/[\s,;:!?()"“”、。「」（）\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/u)
    .filter(Boolean);
  const runs: string[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    while (run.length && NOT_NAME.has(run[0]!)) run.shift();
    if (run.length) runs.push(run.join(' ').replace(/[.]$/, ''));
    run = [];
  };
  for (const w of words) {
    if (/^[A-Z][\p{L}'.-]*$/u.test(w) || /^[A-Z0-9&-]{2,}$/.test(w)) run.push(w);
    else if (run.length && CONNECTORS.has(w.toLowerCase())) run.push(w);
    else flush();
  }
  flush();
  return runs;
}

function counterparty(text: string, ctx: ExtractContext): string | undefined {
  for (const m of text.matchAll(CJK_ORG)) if (!CJK_NOT_NAME.test(m[1]!)) return m[1];
  for (const run of capitalisedRuns(text)) {
    // Too short to be a name ("M", "IC"), or a country or nationality ("Germany", "Russian").
    if (run.length < 3 || ctx.countries.resolve(run) || ctx.countries.find(run).length) continue;
    if (ORG_WORD.test(run)) return run;
    // A name the lists know ("Beihang", "NUDT", "Rosatom"): only a strong or exact hit counts here.
    if (ctx.screener.screen(run).some((h) => h.matchType !== 'possible')) return run;
  }
  return undefined;
}

function caseType(text: string): string | undefined {
  const c = CASE_TYPE_CUES;
  if (c.hosting.test(text)) return 'visitor';
  const tech = c.techNoun.test(text) || c.techVerb.test(text);
  if (c.shipVerb.test(text)) return tech && !c.goods.test(text) ? 'technology' : 'shipment';
  return tech ? 'technology' : undefined;
}

export function extractFacts(text: string, ctx: ExtractContext): Extracted {
  const out: Extracted = {};
  const type = caseType(text);
  if (type) out.caseType = type;

  const name = counterparty(text, ctx);
  if (name) out.counterpartyName = name;

  const named = ctx.countries.find(text);
  for (const [pattern, code] of DEMONYMS) if (pattern.test(text) && !named.includes(code)) named.push(code);
  const countries = named.filter((code) => !name || !ctx.countries.find(name).includes(code));
  // A counterparty listed by exactly this name is where its listing says, whatever else the text mentions
  // ("we did this with Korea before; now Beihang University").
  const listed = name
    ? ctx.screener.screen(name).find((h) => h.matchType === 'exact' && h.country)?.country
    : undefined;
  const abroad = countries.find((c) => c !== 'JP');
  if (listed) out.destinationCountry = listed;
  else if (abroad) out.destinationCountry = abroad;
  else if (countries.includes('JP') && /(国内|in japan|domestic)/i.test(text)) out.destinationCountry = 'JP';

  const items = ctx.ruleSet.itemMatcher.match(text);
  const describesThing = CASE_TYPE_CUES.goods.test(text) || CASE_TYPE_CUES.techNoun.test(text);
  if (items.some((i) => i.strength !== 'hint') || (describesThing && text.trim().length >= 8))
    out.itemDescription = text.trim().slice(0, 4000);
  else if (type === 'visitor' && text.trim().length >= 8) out.itemDescription = text.trim().slice(0, 4000);

  const yen = /(円|¥|￥|jpy|yen)/i.test(text) ? parseYen(text) : undefined;
  if (yen !== undefined) out.valueJPY = yen;
  const category = /項/.test(text)
    ? parseListCategory(/(\d{1,2}(?:の\d{1,2})?)項/.exec(text.normalize('NFKC'))?.[0] ?? '')
    : undefined;
  if (category) out.listCategory = category;
  if (/非該当/.test(text)) out.listStatus = 'not_controlled';
  else if (/(該当品|該当です|リスト規制(に)?該当)/.test(text)) out.listStatus = 'controlled';
  if (HAND_CARRY.test(text)) out.handCarry = 'yes';
  if (TEMPORARY.test(text)) out.temporaryExport = 'yes';
  if (PATENT.test(text)) out.patentFiling = 'yes';
  return out;
}
