/**
 * @module screening/query
 * A query as the matcher compares it: folded, split into ordered tokens (CJK runs translated word by word by
 * the lexicon, katakana by sound) and into segments at commas, brackets, "at"/"in" and particles, so that
 * "School of Materials, Beihang University" offers its listed name as a whole segment; with its numbers,
 * places and the countries it names, for the guards.
 */

import { bigrams } from './cjk-score.ts';
import type { Lexicon, QueryToken } from './lexicon.ts';
import {
  abbreviationAlternatives,
  BRACKETED_LEGAL,
  CJK_RUN,
  foldCjkRun,
  GENERIC_INFLECTIONS,
  latinKeyOf,
  latinTerms,
  latinWords,
  type NormalizedName,
  normalizeName,
  STOPWORDS,
  tokenWeight,
} from './normalize.ts';
import { institutesInKanji } from './numbering.ts';
import { queryTokenWeight } from './token-similarity.ts';
import { truncationShaped } from './truncations.ts';

/** Where a query splits into separate contexts: punctuation, "at"/"in"/"c/o", Japanese particles. */
const SEGMENT_BREAK = /[,;()[\]{}（）「」『』【】、。，；/|:：]+|\s[-–—]\s|\b(?:at|in|c\/o|of the)\b(?=\s)/giu;
const HIRAGANA_RUN = /[\u3041-\u309f]+/gu;
const CJK_RUN_ONE = new RegExp(`^(?:${CJK_RUN.source})$`, 'u');
const CJK_RUN_SPLIT = new RegExp(`(${CJK_RUN.source})`, 'u');

/**
 * A katakana letter: what carries a foreign name's sound. Hiragana in a query is particles and verbs around a name
 * (電子部品を海外に送る), which say nothing about how the name sounds.
 */
const KATAKANA_LETTER = /[\u30a1-\u30fa]/u;

export interface Query {
  norm: NormalizedName;
  hasKana: boolean;
  tokens: QueryToken[];
  weights: number[];
  /** Tokens that never count against a match: titles, funders, a number the name does not carry. */
  context: Uint8Array;
  segments: { lo: number; hi: number; key: string; numbered?: string; names?: boolean }[];
  /** Places in the query, for the country veto. */
  places: QueryToken[];
  cjk: string;
  latinKey: string;
  core: string;
  coreBigrams: string[];
  numbers: Set<number>;
  /** An institute's own numbers (before 所 or 研究所), as IndexedName's. */
  instituteNumbers: Set<number>;
  countries: Set<string>;
  /** Distinctive Latin words as typed, for scoring a mixed-script name as a whole. */
  latinDistinctive: string[];
  /** 1 for a translated CJK word that names a country (イラン, パキスタン, 朝鮮): see latinScore's generic names. */
  countryWords: Uint8Array;
  /**
   * Per token, the country of a name of several words it is part of ("North Korea", "Russian Federation"): read
   * only when the query names a country at all (`countries`, which finds the same names in the text).
   */
  countryPhrases: readonly (string | undefined)[] | undefined;
}

/**
 * 社 glued to the end of a katakana name is "company", as the press writes a foreign firm (カマズ社, ツポレフ社,
 * アルビン・ファン・アバル・ビラ社): the query is also read without it, as a legal form like 株式会社. Listed and curated
 * names keep it (ミクロン社 is curated so that a one-word name is not met inside ミクロン精密), and so does the query's
 * first reading (a curated アディス社 is still its own spelling).
 */
const KANA_COMPANY_SUFFIX = /(?<=[\u30a1-\u30fa\u30fc])社(?=$|[\s,、。・（(「\u3041-\u309f])/gu;
export function withoutKanaCompanySuffix(text: string): string {
  return text.includes('社') ? text.replace(KANA_COMPANY_SUFFIX, '') : text;
}

/**
 * The same 社 read as the word it translates where a listed name keeps it ("United Shipbuilding Corporation",
 * "Hassan Scientific Corp.": ユナイテッド・シップビルディング社), as 株式会社 is not: a reading of ours too.
 */
export function kanaCompanySuffixAsCorporation(text: string): string {
  return text.includes('社') ? text.replace(KANA_COMPANY_SUFFIX, ' Corporation') : text;
}

/**
 * A doubled consonant is written ッ or not in katakana (ラテップ and the listed ラテプ for Ratep, ケルディッシュ and
 * ケルディシュ for Keldysh, ハッサン and ハサン): the query is also read without the ッ before a consonant, as a
 * spelling of the same sound. Only a reading of ours, like the one without 社: the query as typed is read too.
 */
const SOKUON = /ッ(?=[カ-ヂツ-ヺ])/gu;
export function withoutSokuon(text: string): string {
  return text.includes('ッ') ? text.replace(SOKUON, '') : text;
}

/** The query split into ordered tokens (CJK translated) and segments, with the context each may be. */
export function parseQuery(raw: string, lex: Lexicon): Query {
  const norm = normalizeName(raw);
  const tokens: QueryToken[] = [];
  const segments: Query['segments'] = [];
  let segment = 0;
  const placeContext = new Set<number>();
  const text = institutesInKanji(raw.normalize('NFKC')).replace(BRACKETED_LEGAL, ' ').replace(HIRAGANA_RUN, ', ');
  for (const part of text.split(SEGMENT_BREAK)) {
    if (!part?.trim()) continue;
    let start = tokens.length;
    const close = () => {
      if (tokens.length === start) return;
      segments.push(segmentOf(lex, tokens, start, tokens.length));
      segment++;
      start = tokens.length;
    };
    // CJK runs in place, Latin words around them; a department word ("School of …") opens a new segment.
    const pieces = part.split(CJK_RUN_SPLIT);
    pieces.forEach((piece, p) => {
      if (!piece) return;
      if (CJK_RUN_ONE.test(piece)) {
        const from = tokens.length;
        const run = foldCjkRun(piece);
        // A CJK place glued to a Latin name (大連LIMMT経貿公司, 深圳市XYZ科技) is where the company is, as a Chinese
        // registered name puts its city first: context, not a place that makes another institution of the name.
        const beforeLatin = /^\s*[a-z]/i.test(pieces[p + 1] ?? '') && latinWords(pieces[p + 1]!).length > 0;
        const place = beforeLatin ? gluedPlace(lex, run, segment) : undefined;
        if (place) {
          for (let i = 0; i < place.length; i++) placeContext.add(from + i);
          tokens.push(...place);
        } else lex.translate(run, segment, tokens);
        return;
      }
      const terms = latinTerms(piece);
      const words = terms.map((t) => t.word);
      terms.forEach(({ word: w, raw }, i) => {
        if (lex.departments.has(w) && tokens.length > start) close();
        const place = lex.latinPlaceAt(words, i);
        const kind = /^\d+$/.test(w) ? 'number' : place ? 'place' : 'latin';
        tokens.push({
          alts: [w, ...(GENERIC_INFLECTIONS.get(w) ?? []), ...abbreviationAlternatives(raw)],
          kind,
          segment,
          ...(place ? { placeCountry: place } : {}),
          ...(kind === 'number' && raw !== w ? { ordinal: true } : {}),
          ...(kind === 'latin' && truncationShaped(raw) ? { stem: raw } : {}),
        });
      });
    });
    close();
  }
  const cjk = lex.normalizeCjk(norm.cjk);
  const core = lex.core(cjk);
  const context = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    if ((t.kind === 'latin' && lex.contextTokens.has(t.alts[0]!)) || placeContext.has(i)) context[i] = 1;
  });
  // A parent academy or group after an institute's name ("… Mathematics RAS", "…, SB RAS", "… of the Russian
  // Academy of Sciences") says where it belongs, not which body it is: context.
  for (const s of segments) {
    const latin: number[] = [];
    for (let i = s.lo; i < s.hi && tokens[i]!.kind === 'latin'; i++) latin.push(i);
    if (latin.length < s.hi - s.lo) continue;
    const tail = lex.parentTailLength(latin.map((i) => tokens[i]!.alts[0]!));
    const own = tail > 0 && tail === s.hi - s.lo;
    // A segment of its own ("Keldysh Institute, RAS") is context only after another segment.
    if (tail > 0 && (!own || s.lo > 0)) for (let i = s.hi - tail; i < s.hi; i++) context[i] = 1;
  }
  // A katakana proper name with translated institution words (ネダ工業グループ, サクル工場, 広州オーサイ科技): a key too
  // short to tell on its own (ネダ "nd") may still meet a listed word, for the other words to confirm; at most possible.
  // So may a short katakana word beside a longer one of the same name (グリーン・パイン: パイン "pn" beside グリーン; キミヤ
  // "km" in キミヤ・パート・シヴァン).
  for (const s of segments) {
    const part = tokens.slice(s.lo, s.hi);
    const kana = part.filter((t) => t.kind === 'kana');
    const short = (t: QueryToken) => (t.phon?.length ?? 0) === 2 && !t.long;
    if (!part.every((t) => t.kind === 'kana' || t.kind === 'word' || t.kind === 'context' || t.kind === 'place'))
      continue;
    const amongWords = kana.length === 1 && part.some((t) => t.kind === 'word');
    const besideName = kana.length >= 2 && kana.some((t) => (t.phon?.length ?? 0) >= 3);
    if (!amongWords && !besideName) continue;
    for (const t of kana) if (short(t)) tokens[tokens.indexOf(t)] = { ...t, inWords: true };
  }
  // A part that only names a country (応用科学技術高等研究所（シリア）, "… (Iran)") is where, not who: context.
  for (const s of segments)
    if (s.hi - s.lo === 1 && s.lo > 0 && tokens[s.lo]!.alts.some((a) => lex.isCountryWord(a))) context[s.lo] = 1;
  const countries = lex.namedCountries(text, cjk);
  return {
    norm,
    tokens,
    weights: tokens.map((t) =>
      t.kind === 'kana' || t.kind === 'unknown'
        ? 1
        : t.kind === 'number'
          ? 0.6
          : t.kind === 'context'
            ? 0
            : queryTokenWeight(t.alts[0]!),
    ),
    context,
    segments,
    cjk,
    latinKey: latinKeyOf(norm),
    hasKana: KATAKANA_LETTER.test(raw),
    core,
    coreBigrams: [...new Set(bigrams(core))],
    numbers: lex.numbers(
      tokens.filter((t) => t.kind === 'number').map((t) => t.alts[0]!),
      cjk,
    ),
    instituteNumbers: lex.instituteNumbers(cjk),
    countries,
    places: tokens.filter((t) => t.kind === 'place' && t.placeCountry),
    latinDistinctive: norm.tokens.filter((t) => tokenWeight(t) >= 0.6 && !/^\d+$/.test(t) && !lex.contextTokens.has(t)),
    countryWords: Uint8Array.from(tokens, (t) =>
      t.kind === 'word' && t.alts.some((a) => lex.isCountryWord(a)) ? 1 : 0,
    ),
    countryPhrases: countries.size ? lex.countryPhrases(tokens.map((t) => t.alts[0] ?? '')) : undefined,
  };
}

/** An administrative word after a place (深圳市, 广东省, 浦东新区): still only the place. */
const ADMIN_SUFFIX = /(?:市|省|新区|区|县)$/u;

/** The place tokens of a CJK run that is only a place (大连, 深圳市), or undefined. */
function gluedPlace(lex: Lexicon, run: string, segment: number): QueryToken[] | undefined {
  for (const text of [run, run.replace(ADMIN_SUFFIX, '')]) {
    if (!text) continue;
    const out: QueryToken[] = [];
    lex.translate(text, segment, out);
    if (out.length && out.every((t) => t.kind === 'place')) return out;
  }
  return undefined;
}

function segmentOf(lex: Lexicon, tokens: readonly QueryToken[], lo: number, hi: number): Query['segments'][number] {
  const part = tokens.slice(lo, hi);
  // A part with a Japanese or Chinese name in it (北京理工大学の王先生) is scored on its own too.
  if (part.some((t) => t.kind !== 'latin' && t.kind !== 'number' && t.kind !== 'place'))
    return {
      lo,
      hi,
      key: '',
      names: part.some((t) => t.kind === 'word' || t.kind === 'kana' || t.kind === 'unknown'),
    };
  const kept = part.filter((t) => !(t.kind === 'latin' && lex.contextTokens.has(t.alts[0]!)));
  const words = kept.map((t) => t.alts[0]!).filter((w) => !STOPWORDS.has(w));
  // With its numbers ("CETC 14") and without them ("300 Beihang University": an amount glued on; an ordinal,
  // "2nd Academy", numbers the name and stays).
  const unnumbered = kept
    .filter((t) => t.kind !== 'number' || t.ordinal)
    .map((t) => t.alts[0]!)
    .filter((w) => !STOPWORDS.has(w));
  return {
    lo,
    hi,
    key: `${unnumbered.join(' ')}|`,
    numbered: `${words.join(' ')}|`,
    // A segment scored on its own must hold a word that can name something: not only places, titles, numbers.
    names: part.some((t) => t.kind === 'latin' && !lex.contextTokens.has(t.alts[0]!)),
  };
}
