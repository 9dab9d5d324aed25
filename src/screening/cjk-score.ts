/**
 * @module screening/cjk-score
 * A listed name scored in Chinese characters and kana against the query's CJK part (both normalised by the
 * lexicon): equal, the listed name inside a longer text (unless a place or another name stands in front),
 * or close by bigrams and edits on the whole name and on its distinctive core, the worse of the two. Latin
 * words beside the CJK part must agree on both sides: a mixed-script name is one name.
 */
import { editDistance } from './jaro-winkler.ts';
import type { Scored } from './latin-score.ts';
import type { Lexicon } from './lexicon.ts';
import type { IndexedName } from './name-index.ts';
import { tokenWeight } from './normalize.ts';
import type { Query } from './query.ts';
import { fuzzyComparable, TOKEN_SIM, tokenSimilarity } from './token-similarity.ts';

/** Score of a katakana name met with generic katakana words that differ ("Sukhoi Company" for "Sukhoi JSC"). */
const GENERIC_KANA_SCORE = 0.85;
const KATAKANA_ONLY = /^[\u30a1-\u30fa\u30fc]+$/u;

/** Score of a listed CJK name inside a longer CJK text ("北京理工大学の王先生"). */
const CJK_CONTAINED_SCORE = 0.95;

export function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const c = counts.get(y);
    if (c) {
      common++;
      counts.set(y, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** A mixed-script name is one name: the Latin words on either side must be found on the other. */
function latinAgrees(
  q: Query,
  n: IndexedName,
  dictionary: ReadonlySet<string>,
  selfNamed?: ReadonlySet<number>,
): boolean {
  if (selfNamed?.size && n.norm.tokens.every((t) => tokenWeight(t) < 0.6)) return true;
  const nameWords = n.norm.tokens.filter((t) => tokenWeight(t) >= 0.6 && !/^\d+$/.test(t));
  const found = (t: string, among: readonly string[]) =>
    among.some((u) => u === t || (fuzzyComparable(t, u) && tokenSimilarity(t, u, dictionary) >= TOKEN_SIM));
  return q.latinDistinctive.every((t) => found(t, nameWords)) && nameWords.every((t) => found(t, q.norm.tokens));
}

/**
 * Countries whose listed CJK names are mostly a short distinctive word and a common tail (朝鮮XX貿易会社, 4.27貿易会社): in
 * front of one of them only the country's name itself may stand (朝鮮端川商業銀行), not the country and another name.
 */
const STRICT_FRONT: ReadonlySet<string> = new Set(['KP']);
/**
 * Whether the query ends in a college named by a city (lexicon.isCityCollege) after the university the listed name
 * ends in or before (北京理工大学 + 珠海学院, 北京理工大 of 北京理工大学珠海学院), or inside that college's name before its
 * 学院 (北京理工大学（珠海） of 北京理工大学珠海学院).
 */
function placeCollegeAfter(lexicon: Lexicon, cjk: string, end: number): boolean {
  const m = UNIVERSITY_COLLEGE.exec(cjk);
  // The name may end in the college's own place too (北京理工大学（珠海）, the campus, + 学院: the former college).
  return m !== null && end <= m.index + m[0].length - 2 && lexicon.isCityCollege(m[1]!);
}
/** A university's name closing with a college named by a place or its own name, two to six Han (大学 + 珠海学院, + 华德应用技术学院). */
const UNIVERSITY_COLLEGE = /大学(.{2,6}?市?学院)$/u;
/** A listed CJK name that ends in a company's legal form or group word, as written (有限公司, 会社, 集团). */
const COMPANY_END = /(?:公司|会社|會社|集团|集團|集団|株式会社|有限责任公司)\s*$/u;
/** A text that ends in a university, after folding (大學 is 大学). */
const UNIVERSITY_END = /大学$/u;

export function cjkScore(
  lexicon: Lexicon,
  q: Query,
  n: IndexedName,
  entry?: { country?: string | undefined },
  selfNamed?: ReadonlySet<number>,
): Scored {
  const none = { score: 0, placePrefix: false };
  if (!q.cjk || !n.cjk || !latinAgrees(q, n, lexicon.dictionary, selfNamed)) return none;
  if (q.cjk === n.cjk) return { score: 1, placePrefix: false };
  // The listed name inside a longer text ("北京理工大学の王先生") counts when its distinctive part is long
  // enough; a place or another name in front of it (西安 + 电子科技大学) is another institution.
  const at = n.cjk.length >= 4 && n.core.length >= 2 && !n.short ? q.cjk.indexOf(n.cjk) : -1;
  if (at >= 0) {
    const prefix = q.cjk.slice(0, at);
    // In front only a particle's end (中国の…) or the entity's own country may stand.
    const country = entry?.country ?? '?';
    const front =
      !prefix ||
      prefix.endsWith('ノ') ||
      (STRICT_FRONT.has(country)
        ? lexicon.countryOfCjk(prefix) === country
        : lexicon.namedCountries('', prefix).has(country));
    if (!front) return none;
    // A vocational or affiliated school after it (北京理工 + 职业学院, + 附属中学; words.yaml cjkAnotherBodyAfter) is
    // another body: a person looks.
    // So is a university of its own named after a body (图波列夫 + 喀山国立技术研究大学: KAI, named after Tupolev); 大学
    // alone after it is the body's own word (スコルテク大学 is Skoltech).
    const rest = q.cjk.slice(at + n.cjk.length);
    const other =
      lexicon.anotherBodyAfter(rest) ||
      (rest.length >= 4 && UNIVERSITY_END.test(rest)) ||
      // And a university or college after a company's name (中国北方工业有限公司 met in 中国北方工業大学): its 大学 is
      // no word of a company's, so the text names a university of its own.
      (COMPANY_END.test(n.text) && /^(?:大学|学院)/u.test(rest)) ||
      placeCollegeAfter(lexicon, q.cjk, at + n.cjk.length);
    return { score: CJK_CONTAINED_SCORE, placePrefix: other };
  }
  // A katakana name with other generic katakana words around it (スホイ・カンパニー for スホイ, アライン・トレーディング for
  // アライン・トレーディング・カンパニー): the generic words weigh as little as in Latin, a possible match. Not a short name
  // (プロトン株式会社): one ordinary katakana word is not enough to tell.
  // Only katakana is left out, so both names are katakana only.
  const bare =
    n.short || !KATAKANA_ONLY.test(q.cjk) || !KATAKANA_ONLY.test(n.cjk) ? '' : lexicon.withoutGenericKana(q.cjk);
  if (bare.length >= 3 && bare === lexicon.withoutGenericKana(n.cjk))
    return { score: GENERIC_KANA_SCORE, placePrefix: false };
  if (dice(q.coreBigrams, n.coreBigrams) < 0.6) return none;
  // One variant character the folding does not know (連/联 in 常州連拓) costs one edit, not two bigrams. Edits
  // count on the whole name and on the distinctive part, the worse of the two: 哈尔滨工业 and 哈尔滨工程 differ by
  // a word, not a character; 西北大学 is not 西北工业大学 although 工业 is generic.
  const similarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(a.length, b.length);
  const whole = Math.max(dice(bigrams(q.cjk), n.cjkBigrams), similarity(q.cjk, n.cjk));
  // The distinctive part caps the score: 北京理工大学 and 南京理工大学 share most bigrams but not their city.
  const core = Math.max(dice(q.coreBigrams, n.coreBigrams), similarity(q.core, n.core));
  return { score: Math.min(whole, core), placePrefix: false };
}

/**
 * Whether cjkScore can be more than 0: the names are equal, the listed one is inside the query, or their
 * distinctive parts pass the bigram filter (the dice test of cjkScore, over the same bigram sets).
 */
export function cjkCanReach(q: Query, qCore: ReadonlySet<string>, n: IndexedName): boolean {
  if (q.cjk.includes(n.cjk)) return true;
  if (q.coreBigrams.length === 0 || n.coreBigrams.length === 0) return false;
  let common = 0;
  for (const g of n.coreBigrams) if (qCore.has(g)) common++;
  return (2 * common) / (q.coreBigrams.length + n.coreBigrams.length) >= 0.6;
}
