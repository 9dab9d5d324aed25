/**
 * @module screening/han-latin-score
 * A Chinese company name written in Han characters (大连正华贸易有限公司, 嘉源铝业, 中融通贸易) met with a listed
 * name of a Chinese, Hong Kong, Macau or Taiwan entry by its parts (trade-name.ts): the trade name in pinyin
 * against a listed Latin name's (Jiayuan = jia + yuan), or in Han against a listed Han name's (欧赛 in 广州欧赛科技),
 * with the industry words in English; place and legal form may be left out (a short form).
 *
 * Toneless pinyin is ambiguous (many characters share a syllable), and trade names are unique only within a
 * city, so the grade is conservative and never exact: `strong` only when a trade name of three syllables or more
 * agrees and so does an industry word; `possible` when only the trade name agrees, or it has two syllables and
 * its industry (or, without one, its place) agrees; nothing when a two-syllable name's industry differs (中盛磁业
 * is not 中盛工贸) or the query names a group the listed name is not, when places differ, or when the query has
 * Latin words the listed name lacks.
 */
import { POSSIBLE_SCORE } from './hit-order.ts';
import type { ListFile } from './list-schema.ts';
import type { IndexedName } from './name-index.ts';
import { GENERIC_INFLECTIONS, GENERIC_LATIN, HAN } from './normalize.ts';
import { pinyinSpellings } from './pinyin.ts';
import type { Query } from './query.ts';
import type { TradeNameParts, TradeNameWords } from './trade-name.ts';

/** Scores of a trade-name match: above the strong threshold, and a possible match (as whole-alias short forms). */
export const TRADE_STRONG_SCORE = 0.92;
export const TRADE_POSSIBLE_SCORE = POSSIBLE_SCORE;
/** Countries whose companies are named in Chinese characters and romanised in pinyin. */
const TRADE_COUNTRIES = new Set(['CN', 'HK', 'MO', 'TW']);

interface Ref {
  id: number;
  parts: TradeNameParts;
}

/**
 * The syllables of the query's trade name that name the company: all of them, less those that spell a listed
 * name's first word when that word may be a place (丹东中盛 met with "Dandong Zhongsheng" is 中盛, two).
 */
function nameSyllables(q: TradeNameParts, n: TradeNameParts): number {
  const chars = [...q.trade];
  if (n.lead)
    for (const k of [2, 3])
      if (chars.length - k >= 2 && pinyinSpellings(chars.slice(0, k).join('')).includes(n.lead))
        return chars.length - k;
  return chars.length;
}

/** How a query's parts meet a listed name's: a score, or 0 for no match. */
export function gradeTradeName(q: TradeNameParts, n: TradeNameParts): number {
  const syllables = nameSyllables(q, n);
  if (syllables < 2) return 0;
  const placeAgrees = q.places.some((p) => n.places.includes(p));
  if (q.places.length && n.places.length && !placeAgrees) return 0;
  // A group named by the query where the listed name is none is another body, or the group around it.
  const agree =
    q.industry.size > 0 && n.industry.size > 0 && industryAgrees(q.industry, n.industry) && (!q.group || n.group);
  if (n.leadDropped) return agree ? TRADE_POSSIBLE_SCORE : 0;
  if (syllables >= 3) return agree ? TRADE_STRONG_SCORE : TRADE_POSSIBLE_SCORE;
  // Two syllables are a name only with its industry (北航研究院 is not the bare short form 北航), or its place.
  return agree || (q.industry.size === 0 && !q.group && placeAgrees) ? TRADE_POSSIBLE_SCORE : 0;
}

const specific = (w: string) => !GENERIC_LATIN.has(w) && !GENERIC_INFLECTIONS.has(w);

/**
 * Whether two names' industry words agree: a specific word in common (aluminium, magnetic), or generic ones
 * (trading, industry, technology) when neither names a specific one. 中盛工贸 (industry, trade) is not Suzhou
 * Zhongsheng Magnetic Industry, though both say "industry".
 */
export function industryAgrees(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let common = false;
  for (const w of a)
    if (b.has(w)) {
      if (specific(w)) return true;
      common = true;
    }
  return common && ![...a].some(specific) && ![...b].some(specific);
}

export class TradeNameIndex {
  private readonly byPinyin = new Map<string, Ref[]>();
  private readonly byHan = new Map<string, Ref[]>();

  constructor(
    private readonly names: readonly IndexedName[],
    lists: readonly ListFile[],
    private readonly words: TradeNameWords,
  ) {
    names.forEach((n, id) => {
      const country = lists[n.listIndex]!.entries[n.entryIndex]!.country;
      if (!country || !TRADE_COUNTRIES.has(country) || n.acronym) return;
      if (n.norm.cjk) {
        // A Han name on its own (or restated in brackets); one beside kana, Latin words or digits is another kind.
        const han = words.hanNames(n.text);
        if (!han.length || han.join('') !== n.norm.cjk || n.norm.tokens.length) return;
        for (const text of han) for (const parts of words.parseHan(text)) add(this.byHan, parts.trade, { id, parts });
      } else for (const parts of words.parseLatin(n.norm.tokens)) add(this.byPinyin, parts.trade, { id, parts });
    });
  }

  /** Name ids the query's Han names meet by their parts, with the best score for each. */
  find(raw: string, q: Query): Map<number, number> {
    const out = new Map<number, number>();
    if (!HAN.test(raw)) return out;
    for (const text of this.words.hanNames(raw))
      for (const parts of this.words.parseHan(text)) {
        const meet = (ref: Ref) => {
          if (!this.latinAgrees(q, ref.id)) return;
          const score = gradeTradeName(parts, ref.parts);
          if (score > (out.get(ref.id) ?? 0)) out.set(ref.id, score);
        };
        for (const ref of this.byHan.get(parts.trade) ?? []) meet(ref);
        for (const key of pinyinSpellings(parts.trade)) for (const ref of this.byPinyin.get(key) ?? []) meet(ref);
      }
    return out;
  }

  /** A Latin word of the query (not a place) that the listed name lacks names something else ("Toyota 嘉源…"). */
  private latinAgrees(q: Query, id: number): boolean {
    const tokens = this.names[id]!.norm.tokens;
    return q.latinDistinctive.every((t) => this.words.isPlace(t) || tokens.includes(t));
  }
}

function add(map: Map<string, Ref[]>, key: string, ref: Ref): void {
  const refs = map.get(key);
  if (refs) refs.push(ref);
  else map.set(key, [ref]);
}
