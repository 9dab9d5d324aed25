/**
 * @module screening/token-similarity
 * When one word matches another: equal, a typo of it (Jaro-Winkler within one or two edits; two dictionary
 * words are never typos of each other), its ISO 4 truncation ("Environm"; truncations.ts), or its sound in
 * katakana (phonetic keys). TokenSims computes a
 * query's similarities once per distinct listed token, however many names share it; TokenTable numbers the
 * listed tokens so the best similarity of each can be kept per query in flat arrays.
 */
import { editDistance, jaroWinkler } from './jaro-winkler.ts';
import type { QueryToken } from './lexicon.ts';
import { GENERIC_LATIN, LONG_LEGAL_FORMS, tokenWeight } from './normalize.ts';
import { latinKeys, phoneticKey, phoneticMatch } from './phonetic.ts';
import { TRUNCATION_SIM, truncates, truncationStems } from './truncations.ts';

/** Two tokens at least this similar match. */
export const TOKEN_SIM = 0.9;
/** Fuzzy token matching compares only tokens this long, within this length difference. */
export const FUZZY_MIN_LENGTH = 5;
export const FUZZY_MAX_LENGTH_DIFF = 2;
/** A katakana word whose key equals a listed word's key, or is one edit from it. */
export const PHONETIC_EQUAL = 0.97;
export const PHONETIC_NEAR = 0.92;

const INSTITUTE_ACRONYM = /^(?:vnii|tsnii|cnii|nii)/;

/**
 * Jaro-Winkler, kept only when the tokens are also within a typo's reach (one edit, two for long words).
 * Two different dictionary words are never a typo of each other (Electric is not Electronic), and a word
 * against a dictionary word gets one edit only.
 */
export function tokenSimilarity(a: string, b: string, dictionary: ReadonlySet<string>): number {
  const jw = jaroWinkler(a, b);
  if (jw < TOKEN_SIM) return jw;
  // Russian institute acronyms open alike (VNII, NII, TsNII: "(All-Russian) Scientific Research Institute"); the
  // letters after it name the institute, so a letter changed there is another one (VNIITF, Snezhinsk, is not VNIIEF).
  if (INSTITUTE_ACRONYM.test(a) && INSTITUTE_ACRONYM.test(b)) return 0;
  const da = dictionary.has(a);
  const db = dictionary.has(b);
  if (da && db) return a === `${b}s` || b === `${a}s` ? jw : 0;
  const maxEdits = da || db ? 1 : Math.max(a.length, b.length) > 8 ? 2 : 1;
  return editDistance(a, b) <= maxEdits ? jw : 0;
}

/**
 * Whether two tokens may match fuzzily: both long enough, close in length, and sharing the first two letters
 * (typos rarely hit the start of a word, and the fuzzy index is keyed on it).
 */
export function fuzzyComparable(a: string, b: string): boolean {
  return (
    a.length >= FUZZY_MIN_LENGTH &&
    b.length >= FUZZY_MIN_LENGTH &&
    Math.abs(a.length - b.length) <= FUZZY_MAX_LENGTH_DIFF &&
    a.charCodeAt(0) === b.charCodeAt(0) &&
    a.charCodeAt(1) === b.charCodeAt(1)
  );
}

const genericWeightCache = new Map<string, number>();
const NO_DICTIONARY: ReadonlySet<string> = new Set();
/**
 * A query token's weight; a misspelt generic word ("Interntional") weighs as the generic word, or a typo
 * would make it the most distinctive word of the query.
 */
export function queryTokenWeight(t: string): number {
  const w = tokenWeight(t);
  if (w < 1 || t.length < FUZZY_MIN_LENGTH) return w;
  let cached = genericWeightCache.get(t);
  // Stryker disable next-line ConditionalExpression: a memo read; computing again gives the same weight.
  if (cached === undefined) {
    cached = LONG_LEGAL_FORMS.some((f) => fuzzyComparable(t, f) && tokenSimilarity(t, f, NO_DICTIONARY) >= TOKEN_SIM)
      ? 0
      : 1;
    if (cached)
      for (const g of GENERIC_LATIN)
        if (fuzzyComparable(t, g) && tokenSimilarity(t, g, NO_DICTIONARY) >= TOKEN_SIM) {
          cached = tokenWeight(g);
          break;
        }
    // Stryker disable next-line all: a memo's bound, not its answer.
    if (genericWeightCache.size > 10_000) genericWeightCache.clear();
    genericWeightCache.set(t, cached);
  }
  return cached;
}

/** A Latin word is compared by its transliteration key only when the key is this long. */
export const TRANSLIT_MIN_KEY = 3;
/** Both words at least this long: shorter ones are acronyms or short names, which match only as spelled. */
export const TRANSLIT_MIN_LENGTH = 5;
const TRANSLIT_CACHE = new Map<string, string>();

/**
 * One key for the romanisations of a Russian, Persian or Arabic word: kh/h, gh/g, ts/tz/c (before e, i, y), c/k/q,
 * ph/f, w/v, y/j-less i, oo/ou/u, ee/i, doubled letters, Rus-/Ros- at the start. "Roselectronics" meets
 * "Ruselectronics", "Tsentr" "Centr", "Korporatsiya" "Korporatsia", "Mikhail" "Mihail". Two words with
 * one key are the same word, spelled the same modulo transliteration.
 */
export function translitKey(w: string): string {
  let key = TRANSLIT_CACHE.get(w);
  // Stryker disable next-line ConditionalExpression: a memo read; computing again gives the same key.
  if (key !== undefined) return key;
  key = w
    .replace(/shch|sch/g, 'Щ')
    .replace(/tch|ch/g, 'Ч')
    .replace(/sh/g, 'Ш')
    .replace(/zh/g, 'Ж')
    .replace(/kh/g, 'h')
    .replace(/gh/g, 'g')
    .replace(/ts|tz|cz/g, 'Ц')
    .replace(/c(?=[eiy])/g, 'Ц')
    .replace(/ck|c|q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/y/g, 'i')
    .replace(/oo|ou/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/^rus/, 'ros');
  // Stryker disable next-line all: a memo's bound, not its answer.
  if (TRANSLIT_CACHE.size > 200_000) TRANSLIT_CACHE.clear();
  TRANSLIT_CACHE.set(w, key);
  return key;
}

/**
 * Whether two different Latin words are one word in another romanisation: the same transliteration key, long
 * enough to tell, letters only, not two dictionary words (a dictionary word is spelled one way).
 */
export function sameTransliteration(a: string, b: string, dictionary: ReadonlySet<string>): boolean {
  // A short word matches only as spelled (Vasc is not Vask): acronyms and short names are their letters.
  if (a === b || Math.min(a.length, b.length) < TRANSLIT_MIN_LENGTH) return false;
  if (!/^[a-z]+$/.test(a) || !/^[a-z]+$/.test(b)) return false;
  if (dictionary.has(a) && dictionary.has(b)) return false;
  const key = translitKey(a);
  return key.length >= TRANSLIT_MIN_KEY && key === translitKey(b);
}

/** Phonetic keys of listed (and query) tokens: a key costs some twenty regex passes, a lookup nothing. */
const PHONETIC_CACHE = new Map<string, string>();
export function cachedPhoneticKey(t: string): string {
  let key = PHONETIC_CACHE.get(t);
  // Stryker disable next-line ConditionalExpression: a memo read; computing again gives the same key.
  if (key === undefined) {
    key = phoneticKey(t);
    // Stryker disable next-line all: a memo's bound, not its answer.
    if (PHONETIC_CACHE.size > 200_000) PHONETIC_CACHE.clear();
    PHONETIC_CACHE.set(t, key);
  }
  return key;
}

/** The keys a listed token may have in katakana (phonetic.latinKeys), its own first; cached like cachedPhoneticKey. */
const PHONETIC_KEYS_CACHE = new Map<string, readonly string[]>();
export function cachedPhoneticKeys(t: string): readonly string[] {
  let keys = PHONETIC_KEYS_CACHE.get(t);
  // Stryker disable next-line ConditionalExpression: a memo read; computing again gives the same keys.
  if (keys === undefined) {
    keys = latinKeys(t);
    // Stryker disable next-line all: a guard that never fires today (latinKeys folds as phoneticKey does, so its
    // first key is the word's own); kept so the word's own key stays first if either changes.
    if (keys[0] !== cachedPhoneticKey(t)) keys = [cachedPhoneticKey(t), ...keys.filter((k) => k !== phoneticKey(t))];
    // Stryker disable next-line all: a memo's bound, not its answer.
    if (PHONETIC_KEYS_CACHE.size > 200_000) PHONETIC_KEYS_CACHE.clear();
    PHONETIC_KEYS_CACHE.set(t, keys);
  }
  return keys;
}

/**
 * How alike the sounds of a katakana word (its keys) and a listed word (its keys) are: equal by any of their keys, one
 * edit apart by their own keys, or 0.
 */
function soundSimilarity(kana: QueryToken, keys: readonly string[]): number {
  // One edit apart only on the words' own keys: the other keys are readings, not a licence for a typo more.
  if (phoneticMatch(kana.phon!, keys[0]!)) return kana.phon === keys[0] ? PHONETIC_EQUAL : PHONETIC_NEAR;
  for (const a of kana.phonAlts ? [kana.phon!, ...kana.phonAlts] : [kana.phon!])
    for (const b of keys) if (a === b && a.length >= 2) return PHONETIC_EQUAL;
  return 0;
}

/** One query's token similarities, computed once per distinct listed token however many names share it. */
export class TokenSims {
  private readonly cache = new Map<string, Float64Array>();
  private readonly generation: number;
  /** What a listed token needs to be similar to any query token at all (see couldMatch). */
  private readonly alts = new Set<string>();
  private readonly fuzzyPrefixes = new Set<string>();
  private readonly phonFirst = new Set<string>();
  /** The transliteration keys of the query's Latin words (translitKey). */
  private readonly translit = new Set<string>();
  /** Per query token, the word as typed when it may stand for a longer listed word (truncations.ts). */
  readonly stems: readonly (string | undefined)[];
  private readonly stemPrefixes = new Set<string>();
  constructor(
    readonly tokens: readonly QueryToken[],
    private readonly dictionary: ReadonlySet<string>,
    private readonly table: TokenTable = new TokenTable(),
  ) {
    this.generation = table.nextQuery();
    for (const qt of tokens) {
      for (const a of qt.alts) {
        this.alts.add(a);
        if (qt.kind === 'latin' && a.length >= FUZZY_MIN_LENGTH) this.fuzzyPrefixes.add(a.slice(0, 2));
        if (qt.kind === 'latin' && a.length >= TRANSLIT_MIN_LENGTH && /^[a-z]+$/.test(a))
          this.translit.add(translitKey(a));
      }
      if (qt.phon) this.phonFirst.add(qt.phon[0]!);
      for (const k of qt.phonAlts ?? []) this.phonFirst.add(k[0]!);
      if (qt.wholePhon) this.phonFirst.add(qt.wholePhon[0]!);
    }
    this.stems = truncationStems(
      tokens.map((t) => (t.kind === 'latin' ? t.stem : undefined)),
      (w) => table.has(w),
      dictionary,
    );
    for (const s of this.stems) if (s) this.stemPrefixes.add(s.slice(0, 4));
  }

  /**
   * False when every similarity of `t` is 0, by the conditions of()'s rules need: an equal alternative, a
   * fuzzy-comparable Latin word (same first two letters), a truncation's first four letters, a katakana key with
   * the same first letter.
   */
  private couldMatch(t: string): boolean {
    if (this.alts.has(t)) return true;
    if (t.length >= FUZZY_MIN_LENGTH && this.fuzzyPrefixes.has(t.slice(0, 2))) return true;
    if (this.stemPrefixes.size > 0 && this.stemPrefixes.has(t.slice(0, 4))) return true;
    if (this.translit.size > 0 && t.length >= TRANSLIT_MIN_LENGTH && this.translit.has(translitKey(t))) return true;
    if (t.length < 4 || this.phonFirst.size === 0) return false;
    return cachedPhoneticKeys(t).some((key) => this.phonFirst.has(key[0]!));
  }

  of(t: string): Float64Array {
    let sims = this.cache.get(t);
    if (sims) return sims;
    // One slot more than the query has tokens: the row's maximum, read by the candidate search and the bound.
    sims = new Float64Array(this.tokens.length + 1);
    let keys: readonly string[] | undefined;
    let max = 0;
    // Whether some query word may be another romanisation of `t` (checked word by word below).
    const translit = this.translit.size > 0 && t.length >= TRANSLIT_MIN_LENGTH && this.translit.has(translitKey(t));
    // Asked of `t`, not of the query token: once per listed token, not once per pair.
    const joined = this.table.joined.has(t);
    let vowelOfT: string | undefined | null = null;
    const tVowel = () => {
      if (vowelOfT === null) vowelOfT = firstVowel(t);
      return vowelOfT;
    };
    for (let i = 0; i < this.tokens.length; i++) {
      const qt = this.tokens[i]!;
      let best = 0;
      for (const a of qt.alts) {
        // Short tokens (acronyms, numbers) must be equal: "HIT" never fuzzily matches "HIS".
        let s = a === t ? 1 : qt.kind === 'latin' && fuzzyComparable(a, t) ? tokenSimilarity(a, t, this.dictionary) : 0;
        // Another romanisation of the same word (Roselectronics, Ruselectronics) is as sure as its spelling.
        if (translit && s < PHONETIC_EQUAL && qt.kind === 'latin' && sameTransliteration(a, t, this.dictionary))
          s = PHONETIC_EQUAL;
        if (s > best) best = s;
      }
      const stem = this.stems[i];
      if (best < TRUNCATION_SIM && stem && truncates(stem, t)) best = TRUNCATION_SIM;
      // Katakana renders words, not letters: a short key never meets a short listed token (キヤノン is not CNII),
      // and a two-consonant key needs the same first vowel too (キヤノン kiyanon is not Keyhan; ベイハン is Beihang).
      if (best < TOKEN_SIM && qt.phon && joined) {
        // Two listed words written as one (ウィンキー, キムチェク): the same sound exactly, by the katakana word or by the
        // word it was split from; a two-consonant key only from a long word starting with the same vowel.
        keys ??= cachedPhoneticKeys(t);
        const v = tVowel();
        const own = [qt.phon, ...(qt.phonAlts ?? [])].find((k) => keys!.includes(k));
        if (own && (own.length >= 3 || qt.long) && sameVowel(qt, v)) best = PHONETIC_EQUAL;
        else if (qt.wholePhon && qt.wholePhon.length >= 3 && keys.includes(qt.wholePhon) && qt.wholeVowel === v)
          best = PHONETIC_EQUAL;
      } else if (
        best < TOKEN_SIM &&
        qt.phon &&
        t.length >= 4 &&
        (qt.phon.length >= 4 ||
          (qt.phon.length === 3 && mayBeVowelOf(qt, t)) ||
          (t.length >= 5 && qt.long && (!qt.vowel || sameVowel(qt, tVowel()))) ||
          (qt.inWords && qt.vowel !== undefined && sameVowel(qt, tVowel())))
      ) {
        keys ??= cachedPhoneticKeys(t);
        best = Math.max(best, soundSimilarity(qt, keys));
      }
      sims[i] = best;
      if (best > max) max = best;
    }
    sims[this.tokens.length] = max;
    this.cache.set(t, sims);
    return sims;
  }

  /**
   * max(t) for the candidate search's fuzzy scan, which asks it of every listed word sharing query word `a`'s first
   * letters: most are no typo of `a`, so the whole row (of) is computed only for those that are (0 for the rest; a
   * word similar to another query word is found by that word's own scan). A row computed already is read as max().
   */
  pair(a: string, t: string): number {
    if (this.cache.has(t)) return this.max(t);
    return fuzzyComparable(a, t) && tokenSimilarity(a, t, this.dictionary) >= TOKEN_SIM ? this.max(t) : 0;
  }

  /** The best similarity of listed token `t` to any query token. */
  max(t: string): number {
    return this.of(t)[this.tokens.length]!;
  }

  /** max() of the table's token `id`, kept in the table's arrays for this query: a few array reads a name. */
  maxById(id: number): number {
    const t = this.table;
    if (t.stamp[id] === this.generation) return t.value[id]!;
    const text = t.texts[id]!;
    const m = this.couldMatch(text) ? this.max(text) : 0;
    t.stamp[id] = this.generation;
    t.value[id] = m;
    return m;
  }
}

/** Whether a katakana token starts with vowel `v` of a listed word: its own first vowel, or its diphthong's. */
export function sameVowel(qt: QueryToken, v: string | undefined): boolean {
  return v !== undefined && (qt.vowel === v || qt.vowelAlt === v);
}

/**
 * Whether a katakana word's first vowel may render a listed word's first vowel, as a three-consonant key needs: many
 * words share three consonants (トリノ Turin and テヘラン Tehran are both "trn", バージニア Virginia and Beijing "bjn"), so
 * the vowel must fit too. Katakana writes English a as a, e or o (Cape ケイプ, Hall ホール), e as e or i (Steel
 * スチール) and er as a (Service サービス), i as i or a (Mining マイニング, Bird バード; ティ romanises as "tei"), o as o
 * or a (Power パワー); an initial u, or a word whose vowels the katakana word does not show, is not judged.
 */
export function mayBeVowelOf(qt: QueryToken, t: string): boolean {
  if (!qt.vowel) return true;
  const m = /[aeiou]/.exec(t.replace(/^y(?=[aeiou])/, ''));
  if (!m) return true;
  const v = m[0];
  const after = t.slice(m.index + 1);
  const fits = (k: string) =>
    v === 'u' ||
    k === v ||
    (v === 'a' && (k === 'e' || k === 'o')) ||
    (v === 'e' && (k === 'i' || (k === 'a' && /^(?:r|a)/.test(after)))) ||
    // ティ and ディ romanise as "tei", "dei" (シュティル is Shtil).
    (v === 'i' && (k === 'e' || (k === 'a' && /^r/.test(after)))) ||
    (v === 'o' && k === 'a');
  return fits(qt.vowel) || (qt.vowelAlt !== undefined && fits(qt.vowelAlt));
}

/** The first vowel of a listed word, y read as i (as a katakana token's vowel is compared). */
function firstVowel(t: string): string | undefined {
  return /[aeiouy]/.exec(t)?.[0]?.replace('y', 'i');
}

/** Every listed token once, by id; and per query the best similarity of each, stamped with the query. */
export class TokenTable {
  private readonly ids = new Map<string, number>();
  readonly texts: string[] = [];
  /** Tokens that are two listed words written as one (name-index addJoined): met by sound only exactly. */
  readonly joined = new Set<string>();
  stamp = new Int32Array(0);
  value = new Float64Array(0);
  private generation = 0;

  /** Whether `t` is a listed token. */
  has(t: string): boolean {
    return this.ids.has(t);
  }

  id(t: string): number {
    let id = this.ids.get(t);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(t, id);
      this.texts.push(t);
    }
    return id;
  }

  /** Sizes the per-query arrays once every token is in. */
  seal(): void {
    this.stamp = new Int32Array(this.texts.length);
    this.value = new Float64Array(this.texts.length);
  }

  /** A new query's stamp: the values of earlier queries are stale from now on. */
  nextQuery(): number {
    if (++this.generation === 0x7fffffff) {
      this.generation = 1;
      this.stamp.fill(0);
    }
    return this.generation;
  }
}
