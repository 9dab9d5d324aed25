/**
 * @module screening/latin-score
 * A listed name scored word by word against the query (Latin words, translated CJK words, katakana by
 * sound): the share of each side's weight the other covers, generic words weighing little and context
 * (titles, funders, numbers the name lacks, a place after it) nothing. Also the exact upper bound that lets
 * the candidate search skip names that cannot reach the threshold, and the vowel check for katakana.
 */
import type { IndexedName, NameBounds } from './name-index.ts';
import { tokenWeight } from './normalize.ts';
import type { Query } from './query.ts';
import { PHONETIC_EQUAL, sameVowel, TOKEN_SIM, type TokenSims } from './token-similarity.ts';
import { TRUNCATION_SIM } from './truncations.ts';

const GENERIC_MISMATCH_PENALTY = 0.1;
/** A wholly covered query whose listed name adds only generic words (its descriptor). */
export const DESCRIPTOR_SCORE = 0.85;

export interface Scored {
  score: number;
  /** A place directly in front of the listed name (another institution), or a one-word name met by a typo: at most possible. */
  placePrefix: boolean;
}

/**
 * Whether latinScore can reach the possible threshold over any range of the query. Its score is at most
 * 0.75 × the name's cover + 0.25 (the query's cover is at most 1), and the name's cover over the whole query
 * bounds that over any segment; or it is the descriptor score, which needs every distinctive word sure.
 */
export function latinCanReach(sims: TokenSims, bound: NameBounds, id: number, possible: number): boolean {
  const from = bound.tokenStart[id]!;
  const to = bound.tokenStart[id + 1]!;
  if (to === from) return false;
  let matched = 0;
  let allSure = true;
  for (let k = from; k < to; k++) {
    const w = bound.flatWeights[k]!;
    if (w === 0) continue;
    const m = sims.maxById(bound.flatTokens[k]!);
    if (m >= TOKEN_SIM) matched += w * m;
    if (w >= 0.6 && m < PHONETIC_EQUAL) allSure = false;
  }
  const cover = matched / bound.denominator[id]!;
  if (0.75 * cover + 0.25 >= possible - 1e-9) return true;
  return DESCRIPTOR_SCORE >= possible && bound.descriptorEligible[id] === 1 && allSure;
}

/**
 * Share of each side's weight that the other side covers, averaged, over the query tokens [lo, hi); 0
 * unless a distinctive token matched.
 */
export function latinScore(
  q: Query,
  sims: TokenSims,
  n: IndexedName,
  lo: number,
  hi: number,
  selfNamed?: ReadonlySet<number>,
  /** Words of the entry's other names (matcher's ownWords): context unless this name covers them. */
  own?: ReadonlySet<number>,
): Scored {
  const none = { score: 0, placePrefix: false };
  if (n.norm.tokens.length === 0 || hi <= lo) return none;
  let nameMatched = 0;
  let distinctive = 0;
  let exactDistinctive = 0;
  let nameGenericLeft = false;
  let queryGenericLeft = false;
  let shortSound = false;
  // A distinctive word met by a truncation ("Struct").
  let truncated = false;
  const used = new Uint8Array(q.tokens.length);
  let first = hi;
  let last = -1;
  const tokens = n.norm.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const w = n.tokenWeights[k]!;
    if (w === 0) continue;
    const row = sims.of(tokens[k]!);
    let best = 0;
    let bestIdx = -1;
    for (let i = lo; i < hi; i++) {
      if (row[i]! > best) {
        best = row[i]!;
        bestIdx = i;
      }
    }
    if (best < TOKEN_SIM) {
      if (w < 0.6) nameGenericLeft = true;
    } else {
      nameMatched += w * best;
      // Every query token that renders this word is covered: "KAMAZ カマズ" writes the name twice.
      for (let i = lo; i < hi; i++) if (row[i]! >= TOKEN_SIM) used[i] = 1;
      if (bestIdx < first) first = bestIdx;
      if (bestIdx > last) last = bestIdx;
      if (w >= 0.6) distinctive += w;
      // Spelled the same, or sounded the same by a katakana word long enough to tell and starting alike.
      const qt = q.tokens[bestIdx]!;
      const sure =
        qt.kind !== 'kana' ||
        ((qt.phon?.length ?? 0) >= 4 && sameVowel(qt, /[aeiouy]/.exec(tokens[k]!)?.[0]?.replace('y', 'i')));
      if (w >= 0.6 && best >= PHONETIC_EQUAL && sure) exactDistinctive += w;
      if (w >= 0.6 && best === TRUNCATION_SIM) truncated = true;
      // A short katakana name met by its sound among institution words (ネダ for Neda): at most possible.
      if (w >= 0.6 && qt.inWords) shortSound = true;
    }
  }
  if (last < 0) return none;
  let queryWeight = 0;
  let usedQuery = 0;
  for (let i = lo; i < hi; i++) {
    const t = q.tokens[i]!;
    let w = q.weights[i]!;
    // Context, not another institution: a title or funder, a number the name does not carry (not an ordinal:
    // "2nd Academy" is not "Academy"), a place after the name ("Harbin Institute of Technology Shenzhen").
    if (
      q.context[i] ||
      selfNamed?.has(i) ||
      (own?.has(i) && !used[i]) ||
      (t.kind === 'number' && n.numbers.size === 0 && !t.ordinal) ||
      (t.kind === 'place' && i > last)
    )
      w = 0;
    queryWeight += w;
    // Context the name also holds ("SB RAS" on both sides) covers nothing: it weighs nothing on the query's side.
    if (used[i]) usedQuery += q.context[i] ? 0 : q.weights[i]!;
    else if (w > 0 && w < 0.6) queryGenericLeft = true;
  }
  // Both sides must be covered: a query that is only part of a listed name ("Nanjing University" inside
  // "Nanjing University of Science and Technology") is a different institution, not a near miss.
  // A name that is partly CJK ("ロシア大統領府…「Russia」") is not covered by its Latin words alone.
  const uncoveredCjk = n.cjk ? (n.core ? 1 : 0.35) : 0;
  const nameCover = nameMatched / (n.weight + uncoveredCjk);
  const queryCover = Math.min(1, usedQuery / Math.max(queryWeight, 1e-9));
  if (distinctive < 0.6) {
    // Generic words never make a match against a distinctive name; a listed name made only of generic
    // words ("Engineering Center Ltd.") is identified by all of them, so both sides must be fully covered,
    // word for word in Latin (a translated word covers several English words at once).
    if (n.distinctive || Math.min(nameCover, queryCover) < 0.95) return none;
    if (q.tokens.slice(lo, hi).some((t) => t.kind !== 'latin') && !translatedGenericName(q, lo, hi, used)) return none;
  }
  // A name whose only distinctive words are places, and a one-word name, must be the whole query:
  // "Beijing Technology Co." is not "Beijing Institute of Technology", "Planar Systems" not "OOO Planar".
  if ((n.placeOnly || n.short) && Math.min(nameCover, queryCover) < 0.9) return none;
  // A one-word name met by a typo, not by its spelling ("Safran" for "SAIran"), is at most possible.
  const weak = n.content === 1 && exactDistinctive < distinctive;
  const before = first - 1;
  const placePrefix =
    before >= lo &&
    q.tokens[before]!.kind === 'place' &&
    !q.context[before] &&
    q.tokens[before]!.segment === q.tokens[first]!.segment &&
    !used[before];
  // The name's distinctive words all there and the query wholly covered: the generic words left over in the
  // listed name are its descriptor ("Optolink" for "Scientific Production Company Optolink"), a possible match.
  const descriptorLeft =
    !uncoveredCjk &&
    lo === 0 &&
    hi === q.tokens.length &&
    queryCover >= 0.95 &&
    exactDistinctive >= 1 &&
    exactDistinctive >= n.distinctiveWeight - 1e-9
      ? DESCRIPTOR_SCORE
      : 0;
  // A different generic word left on each side ("Harbin Engineering University" for 哈尔滨工业大学, "University
  // of Hong Kong" for "Hong Kong Electronics") is a different kind of institution of the same place.
  const kindDiffers = nameGenericLeft && queryGenericLeft ? GENERIC_MISMATCH_PENALTY : 0;
  return {
    score: Math.max(
      descriptorLeft,
      0.75 * Math.min(nameCover, queryCover) + 0.25 * Math.max(nameCover, queryCover) - kindDiffers,
    ),
    // No distinctive word spelled out, only truncations ("Inst Struct & Environm Engn"): at most possible, as a
    // truncation may stand for another word of the same stem.
    placePrefix: placePrefix || weak || shortSound || (truncated && exactDistinctive === 0),
  };
}

/**
 * A Japanese rendering of a listed name made only of generic words and its country (イラン理工大学 for "Iran University
 * of Science and Technology", パキスタン航空複合体 for "Pakistan Aeronautical Complex", イラン・エレクトロニクス工業): the
 * translated words, with the country the name also holds, identify it as the Latin words would. Only translated
 * words (no katakana heard by sound, no unknown kanji), and the country word must be one the listed name covers;
 * without it (電子研究所 and "Electronics Institute") generic words say nothing.
 */
function translatedGenericName(q: Query, lo: number, hi: number, used: Uint8Array): boolean {
  let country = false;
  for (let i = lo; i < hi; i++) {
    const t = q.tokens[i]!;
    if (t.kind !== 'latin' && t.kind !== 'word' && t.kind !== 'context') return false;
    if (q.countryWords[i] && used[i]) country = true;
  }
  return country;
}

/** Whether every katakana word of the query starts with the vowel of a distinctive word of the name. */
export function sameFirstVowel(q: Query, n: IndexedName): boolean {
  const vowels = new Set(
    n.norm.tokens.filter((t) => tokenWeight(t) >= 0.6).map((t) => /[aeiouy]/.exec(t)?.[0]?.replace('y', 'i')),
  );
  // The vowel as written only, not a diphthong's (マイクロン, Micron, is not Mikron).
  return q.tokens.every((t) => t.kind !== 'kana' || !t.vowel || vowels.has(t.vowel));
}
