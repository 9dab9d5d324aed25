/**
 * @module conversation/extract
 * Deterministic fact extraction from free text, in Japanese and English. It reads a bounded prefix
 * (`MAX_READ` characters, greetings dropped) with linear-time patterns only, and proposes:
 * - the case type from verb and noun cues (technology: 技術資料, データ, 図面, メールで, 講義, share, email …;
 *   goods: サンプル, 譲渡, 売却, 貸与, 返送, give, sell, lend, return for repair …);
 * - the counterparty as a span (an organisation suffix read backwards, or capitalised words), without date
 *   words or particles; the item as the object of the verb (炭素繊維のサンプル);
 * - the country from names in any script and from cities (大阪 → JP, Harbin → CN), never from a place
 *   something was sold or bought in, a negated place ("not Beijing"), or — for technology given to a person
 *   in Japan — the country that person comes from ("a postdoc from Germany" → JP);
 * - residency (employed by, for N months, 半年), publication (unpublished / 未公開), basic research,
 *   the classification (非該当, 該非判定はまだ), the amount (one total), the 項, hand-carry and return cues.
 * It proposes; the engine decides which readings count at once and which are confirmed first.
 */
import type { Screener } from '../app/ports.ts';
import type { CountryLookup } from '../core/country-lookup.ts';
import type { FactKey } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { parseAmount } from './amounts.ts';
import { parseListCategory } from './answer.ts';
import { CASE_TYPE_CUES, DEMONYMS, HAND_CARRY, OWN_USE, PATENT, TEMPORARY } from './lexicon.ts';
import { findPlaces } from './places.ts';
import { cjkOrganisations, itemSpan, withoutGreetings } from './spans.ts';

export type Extracted = Partial<Record<FactKey, string | number>>;

export interface Extraction {
  facts: Extracted;
  /** The words each fact was read from, for a confirmation that names them. */
  reads: Partial<Record<FactKey, string>>;
}

export interface ExtractContext {
  ruleSet: RuleSet;
  countries: CountryLookup;
  screener: Screener;
}

/** The extractor reads this many characters; the rest of a long message is kept only as the description. */
export const MAX_READ = 2000;

const ORG_WORD =
  /\b(University|Univ\.?|Institute|Academy|College|Laboratory|Laboratories|Lab|Centre|Center|Corporation|Corp\.?|Company|Co\.|Ltd\.?|Inc\.?|GmbH|JSC|LLC|Hospital|Agency|Bureau|Ministry|Group|Organization|Organisation|Polytechnic|KAIST|MIT|ETH)\b/;
/** Capitalised words that start sentences rather than names. */
const NOT_NAME = new Set(
  'I We My Our Can May Could Should Would Please Hello Hi Dear Next Last This That The A An Is Are Do Does If When Will Actually Sorry Also And But So Thanks Thank Japan Japanese Tokyo She He They It Her His Their Its What How Who Where Why Mr Ms Mrs Dr Prof Professor PhD Postdoc No Yes Not'.split(
    ' ',
  ),
);
const CONNECTORS = new Set(['of', 'and', 'for', 'the', '&', 'de', 'on', 'in']);
/** An acronym with at least one letter ("HIT", "NUDT", "3M"). */
const ACRONYM = /^(?=[0-9&-]*[A-Z])[A-Z0-9&-]{2,12}$/;

/** Runs of capitalised words and acronyms, with connectors inside ("Harbin Institute of Technology"). */
function capitalisedRuns(text: string): { run: string; after: string }[] {
  const tokens = text.split(/([\s,;:!?()"“”、。「」（）\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+)/u);
  const runs: { run: string; after: string }[] = [];
  let run: string[] = [];
  let prev = '';
  let before = '';
  const flush = () => {
    while (run.length && CONNECTORS.has(run[run.length - 1]!.toLowerCase())) run.pop();
    while (run.length && NOT_NAME.has(run[0]!)) run.shift();
    if (run.length) runs.push({ run: run.join(' ').replace(/[.]$/, ''), after: before });
    run = [];
  };
  for (let i = 0; i < tokens.length; i += 2) {
    const w = tokens[i] ?? '';
    const sep = tokens[i + 1] ?? '';
    if (!w) continue;
    // A capitalised word, or an acronym with at least one letter ("HIT", "NUDT", "3M"); names are short.
    if (run.length >= 8) flush();
    if (/^[A-Z][\p{L}'.-]{0,30}$/u.test(w) || ACRONYM.test(w)) {
      if (!run.length) before = prev.toLowerCase();
      run.push(w);
    } else if (run.length && CONNECTORS.has(w.toLowerCase())) run.push(w);
    else flush();
    // A separator other than a space ends the run ("KAIST, Korea").
    if (run.length && /[^\s]/u.test(sep)) flush();
    prev = w;
  }
  flush();
  return runs;
}

function isPlace(run: string, ctx: ExtractContext): boolean {
  const lower = run.toLowerCase();
  return Boolean(
    ctx.countries.resolve(run) ||
      (ctx.countries.find(run).length && !ORG_WORD.test(run)) ||
      findPlaces(run).some((p) => p.name.toLowerCase() === lower),
  );
}

function counterparty(text: string, ctx: ExtractContext): string | undefined {
  if (OWN_USE.test(text) && !/(大学|University|Institute|会社|company)/i.test(text)) return undefined;
  for (const name of cjkOrganisations(text)) return name;
  // "KAIST in Korea": the name is the part before "in <place>".
  const runs = capitalisedRuns(text).flatMap((r) => {
    const m = /^(.+?) in (.+)$/.exec(r.run);
    return m && isPlace(m[2]!, ctx) ? [{ run: m[1]!, after: r.after }] : [r];
  });
  // Each candidate costs a screening lookup: only the first few are tried.
  for (const { run } of runs.slice(0, 8)) {
    // Too short to be a name ("M", "IC"), or a country, nationality or city ("Germany", "Russian", "Osaka").
    if (run.length < 3 || isPlace(run, ctx)) continue;
    if (ORG_WORD.test(run)) return run;
    // A name the lists know ("Beihang", "NUDT", "Rosatom"): only a strong or exact hit counts here, or any hit on
    // an acronym (HIT alone is only a possible match until the country is known, but it is the name given).
    const hits = ctx.screener.screen(run);
    if (hits.some((h) => h.matchType !== 'possible') || (ACRONYM.test(run) && hits.length)) return run;
  }
  // "from Tsinghua", "to Samsung": a capitalised name after a preposition that is no place.
  for (const { run, after } of runs.slice(0, 8))
    if (/^(from|at|to|with)$/.test(after) && run.length >= 3 && !isPlace(run, ctx) && !DEMONYM_RUN.test(run))
      return run;
  return undefined;
}
const DEMONYM_RUN = new RegExp(DEMONYMS.map(([re]) => re.source).join('|'));

function caseType(text: string): string | undefined {
  const c = CASE_TYPE_CUES;
  if (c.hosting.test(text)) return 'visitor';
  const tech = c.techNoun.test(text) || c.techVerb.test(text);
  if (c.shipVerb.test(text)) return tech && !c.goods.test(text) ? 'technology' : 'shipment';
  if (tech) return 'technology';
  return c.goods.test(text) && OWN_USE.test(text) ? 'shipment' : undefined;
}

/** A bare category is no description (「装置」, "equipment"): the question is asked instead. */
const GENERIC_ITEM =
  /^(装置|機器|機械|部品|試料|サンプル|材料|もの|物|荷物|それ|これ|equipment|devices?|parts?|samples?|items?|things?|stuff|goods|it|them|something)$/i;

/** A person already in Japan receives the technology: the country they come from is not the destination. */
const PERSON_IN_JAPAN =
  /(postdoc|post-doc|colleague|our (new )?(student|researcher|member|staff)|phd student|graduate student|employee|faculty member|employed|joined (our|the)|留学生|同僚|ポスドク|研究員|教員|職員|院生|学生|雇用|在籍|本学の|研究室の)/i;
const NOT_DESTINATION: RegExp[] = [
  // Negated: "not Beijing", 「北京ではなく」
  /\b(?:not|instead of|rather than)\s+(?:to\s+|in\s+|the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})/g,
  /([\p{Script=Han}\p{Script=Katakana}ー・A-Za-z]{1,20})(?:ではなく|じゃなくて|ではなくて|でなく)/gu,
  // Where it was sold, bought or made: "bought in Germany", 「ドイツで購入」「ドイツ製」
  /\b(?:sold|bought|purchased|made|manufactured|produced|available|ordered)\s+(?:in|from)\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})/g,
  /([\p{Script=Han}\p{Script=Katakana}ー・]{1,12})(?:で|にて|から)(?:購入|買|販売|売ら|売っ|製造|作ら|市販|輸入)/gu,
  /([\p{Script=Han}\p{Script=Katakana}ー・]{1,12})製(?![\p{Script=Han}])/gu,
];
const ORIGIN: RegExp[] = [
  /\bfrom\s+(?:the\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})/g,
  /([\p{Script=Han}\p{Script=Katakana}ー・]{1,12})(?:出身|国籍|から来|からの留学生|からの研究者|企業から|から受託|の企業から)/gu,
];

function blank(text: string, patterns: readonly RegExp[]): string {
  let out = text;
  for (const re of patterns) out = out.replace(re, (all, g: string) => all.replace(g, ' '.repeat(g.length)));
  return out;
}

function countriesIn(text: string, ctx: ExtractContext): string[] {
  const named = ctx.countries.find(text);
  for (const [pattern, code] of DEMONYMS) if (pattern.test(text) && !named.includes(code)) named.push(code);
  for (const p of findPlaces(text)) if (!named.includes(p.code)) named.push(p.code);
  return named;
}

const MONTH_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  a: 1,
};

/** Residency from the text: employed → resident; here 6 months or more → resident; less, or arriving → non-resident. */
function residency(text: string): { value: string; read: string } | undefined {
  const employed =
    /(\bemployed\b|on (the|our) (staff|payroll)|full-?time (staff|faculty|employee)|faculty member|tenured|雇用されて|雇用中|雇用している|常勤|専任教員|職員として|本学の(教員|職員)|同僚|colleague)/i.exec(
      text,
    );
  const recent =
    /(\d{1,2}|one|two|three|a few)\s*(weeks?|days?)\s+ago|(\d{1,2})\s*(週間|日)前に?(来日|入国)|arrived (recently|last week|this month)|来日したばかり|来日直後|visiting (researcher|scholar|student|phd)|訪問研究員|短期滞在|短期の/i.exec(
      text,
    );
  if (recent) return { value: 'non_resident', read: recent[0] };
  const months =
    /(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s*(months?|か月|ヶ月|カ月|ケ月|箇月)|(半年)|(\d{1,2}|one|two|three|a)\s*(years?|年間|年)/i.exec(
      text,
    );
  if (months) {
    const n = months[3]
      ? 6
      : months[4]
        ? 12 * (Number(months[4]) || MONTH_WORDS[months[4].toLowerCase()] || 1)
        : Number(months[1]) || MONTH_WORDS[months[1]!.toLowerCase()] || 0;
    const elapsed =
      /(has been|have been|been here|been in japan|living in japan|in japan for|since|ago|来日して|入国して|在籍して|滞在して|日本に来て|日本にいて|経ち|経過|になります)/i.test(
        text,
      );
    if (elapsed && n >= 6) return { value: 'resident', read: months[0] };
    if (!employed) return { value: 'non_resident', read: months[0] };
  }
  if (employed) return { value: 'resident', read: employed[0] };
  return undefined;
}

export function extract(input: string, ctx: ExtractContext): Extraction {
  const text = withoutGreetings(input.slice(0, MAX_READ));
  const out: Extracted = {};
  const reads: Partial<Record<FactKey, string>> = {};
  const type = caseType(text);
  if (type) out.caseType = type;

  const name = counterparty(text, ctx);
  if (name) out.counterpartyName = name;
  else if (OWN_USE.test(text) && (type === 'shipment' || CASE_TYPE_CUES.goods.test(text))) {
    out.counterpartyName = /[\p{Script=Han}\p{Script=Hiragana}]/u.test(text)
      ? '本人（私物・自己使用）'
      : 'myself (own use)';
  }

  // Countries: not where it was bought, not a negated place, and for technology given to a person in Japan,
  // not the country the person comes from.
  const inJapan = type === 'technology' && PERSON_IN_JAPAN.test(text);
  const placeText = blank(text, inJapan ? [...NOT_DESTINATION, ...ORIGIN] : NOT_DESTINATION);
  const named = countriesIn(placeText, ctx);
  const countries = named.filter((code) => !name || !ctx.countries.find(name).includes(code) || named.length === 1);
  // A counterparty listed by exactly this name is where its listing says, whatever else the text mentions.
  const listed = name
    ? ctx.screener.screen(name).find((h) => h.matchType === 'exact' && h.country)?.country
    : undefined;
  const abroad = countries.find((c) => c !== 'JP');
  if (listed) out.destinationCountry = listed;
  else if (abroad) out.destinationCountry = abroad;
  else if (countries.includes('JP') || inJapan) out.destinationCountry = 'JP';

  const items = ctx.ruleSet.itemMatcher.match(text);
  const strong = items.filter((i) => i.strength !== 'hint').length;
  const describesThing = CASE_TYPE_CUES.goods.test(text) || CASE_TYPE_CUES.techNoun.test(text);
  const span = type === 'visitor' ? undefined : itemSpan(text);
  // The span is kept only when the catalogue reads it exactly as it reads the whole text.
  const spanIds = span === undefined ? undefined : new Set(ctx.ruleSet.itemMatcher.match(span).map((i) => i.id));
  const spanKeeps = spanIds !== undefined && items.every((i) => spanIds.has(i.id));
  if (span && spanKeeps && !GENERIC_ITEM.test(span)) out.itemDescription = span;
  else if (span && spanKeeps && GENERIC_ITEM.test(span)) {
    // 「装置を送りたい」: a bare category; the item question is asked.
  } else if (strong || (describesThing && text.length >= 8) || (type === 'visitor' && text.length >= 8))
    out.itemDescription = input.trim().length > MAX_READ ? text : withoutGreetings(input.trim()).slice(0, 4000);

  if (/(円|¥|￥|jpy|yen|万|億)/i.test(text)) {
    const amount = parseAmount(text);
    if (amount.ok) {
      out.valueJPY = amount.value;
      reads.valueJPY = amount.raw;
    }
  }
  const category = /項/.test(text)
    ? parseListCategory(/(\d{1,2}(?:の\d{1,2})?)項/.exec(text.normalize('NFKC'))?.[0] ?? '')
    : undefined;
  if (category) out.listCategory = category;

  const notYet =
    /(該非判定(は|が)?(まだ|未|していない|してない|していません|できていない|済んでいない)|未判定|判定(は)?まだ|not (yet )?(been )?classified|no classification|hasn'?t been classified)/i.exec(
      text,
    );
  const notControlled = /(非該当|not (list[- ])?controlled|non-?controlled|not on the (control )?list)/i.exec(text);
  const controlled =
    /(該当品|該当です|該当します|リスト規制(に|品|対象)|規制対象|list-?controlled|(?<!export[- ])(?<!not )controlled (technology|laser|item|goods|project|equipment|material|device)|on the control list)/i.exec(
      text,
    );
  if (notYet) out.listStatus = 'unknown';
  else if (notControlled) {
    out.listStatus = 'not_controlled';
    reads.listStatus = notControlled[0];
  } else if (controlled) out.listStatus = 'controlled';

  const unpublished =
    /(unpublished|not (yet )?(been )?published|non-?public|confidential|under (an )?nda|未公開|非公開|未発表|秘密保持|社外秘|機密)/i.exec(
      text,
    );
  const published =
    /(already published|published (paper|data|results|article)|publicly available|in the public domain|公開済み|公開されている|発表済み|公知)/i.exec(
      text,
    );
  if (unpublished) out.publiclyAvailable = 'no';
  else if (published) {
    out.publiclyAvailable = 'yes';
    reads.publiclyAvailable = published[0];
  }
  const basic = /(basic research|fundamental research|basic science|基礎研究|基礎科学)/i.exec(text);
  const applied = /(product development|applied research|for (a|their) product|製品開発|実用化|製品化|量産)/i.exec(
    text,
  );
  if (applied) out.basicResearch = 'no';
  else if (basic) {
    out.basicResearch = 'yes';
    reads.basicResearch = basic[0];
  }
  if (type === 'technology' || type === 'visitor') {
    const r = residency(text);
    if (r) {
      out.recipientResidency = r.value;
      reads.recipientResidency = r.read;
    }
  }
  const hand = HAND_CARRY.exec(text);
  // "I will ship it, not carry it", 「手荷物ではなく発送します」: shipped (the stricter answer, taken as read).
  if (
    /(not (hand-?)?carry|ship it|send it by (post|courier|mail)|手荷物ではなく|持参せず|持って行かず|発送します|郵送します)/i.test(
      text,
    )
  )
    out.handCarry = 'no';
  else if (hand) {
    out.handCarry = 'yes';
    reads.handCarry = hand[0];
  }
  const back = TEMPORARY.exec(text);
  if (back) {
    out.temporaryExport = 'yes';
    reads.temporaryExport = back[0];
  }
  if (PATENT.test(text)) out.patentFiling = 'yes';
  return { facts: out, reads };
}

/** The facts alone (the LLM tests and older callers). */
export function extractFacts(text: string, ctx: ExtractContext): Extracted {
  return extract(text, ctx).facts;
}
