/**
 * @module screening/matcher
 * In-process restricted-party matching over every loaded list. Aliases (listed and curated) are first-class
 * names; the result says which name matched. Generic words (university, 大学, センター, trading…) cannot make a
 * match on their own; acronyms (HIT, NUDT) match only exactly; CJK names compare after kanji folding; a
 * Japanese or Chinese rendering is translated word by word (katakana by sound) and compared with the
 * listed English name. A listed name inside a longer name (a department, a city, a person's title) still
 * matches, unless the rest names another institution. Guards keep innocent partners from hard hits: short
 * names need the country, a place in front or another country named caps a match at `possible`, numbers must
 * agree.
 */
import type { MatchType, ScreeningHit } from '../core/decision.ts';
import type { CuratedAlias } from './data.ts';
import { editDistance, jaroWinkler } from './jaro-winkler.ts';
import { Lexicon, type QueryToken } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import {
  BRACKETED_LEGAL,
  CJK_RUN,
  compactKey,
  foldCjkRun,
  GENERIC_LATIN,
  LONG_LEGAL_FORMS,
  latinWords,
  type NormalizedName,
  normalizeName,
  STOPWORDS,
  tokenWeight,
} from './normalize.ts';
import { phoneticKey, phoneticMatch } from './phonetic.ts';

export interface MatchThresholds {
  possible: number;
  strong: number;
}
export const DEFAULT_THRESHOLDS: MatchThresholds = { possible: 0.8, strong: 0.9 };
export const MAX_QUERY_LENGTH = 1000;

interface IndexedName {
  listIndex: number;
  entryIndex: number;
  text: string;
  norm: NormalizedName;
  weight: number;
  acronym: boolean;
  /** CJK part after the lexicon's normalisation (places in Han, 科学技术 → 科技 …). */
  cjk: string;
  core: string;
  coreBigrams: string[];
  cjkBigrams: string[];
  /** Whether any token is distinctive (weight ≥ 0.6). */
  distinctive: boolean;
  compact: string;
  tokenWeights: number[];
  numbers: Set<number>;
  latinKey: string;
  /** Sum of the distinctive words' weights. */
  distinctiveWeight: number;
  /** Number of words that weigh anything. */
  content: number;
  /** Its only distinctive words are places ("Beijing Institute of Technology"): its generic words identify it. */
  placeOnly: boolean;
  /** One word or a very short CJK name (STAR, Center, センター): only with the country it is more than possible. */
  short: boolean;
}

const TOKEN_SIM = 0.9;
/** Fuzzy token matching compares only tokens this long, within this length difference. */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MAX_LENGTH_DIFF = 2;
/** Score of a name equal to the query once spacing and punctuation are ignored ("QA IDA" for "Qa'ida"). */
const COMPACT_SCORE = 0.95;
/** Score of a listed name that is a whole segment of the query ("School of Materials, Beihang University"). */
const SEGMENT_SCORE = 0.95;
/** Score of a listed CJK name inside a longer CJK text ("北京理工大学の王先生"). */
const CJK_CONTAINED_SCORE = 0.95;
const PHONETIC_EQUAL = 0.97;
const GENERIC_MISMATCH_PENALTY = 0.1;
const DESCRIPTOR_SCORE = 0.85;
const PHONETIC_NEAR = 0.92;
const BRACKETED_LONG = /\s*[(（]([^()（）]{8,})[)）]\s*$/u;
const BRACKETED_ACRONYM = /\s*[(（]\s*([A-Z][A-Z0-9&.-]{1,9}(?: \d{1,3})?)\s*[)）]/;
/** Where a query splits into separate contexts: punctuation, "at"/"in"/"c/o", Japanese particles. */
const SEGMENT_BREAK = /[,;()[\]{}（）「」『』【】、。，；/|:：]+|\s[-–—]\s|\b(?:at|in|c\/o|of the)\b(?=\s)/giu;
const HIRAGANA_RUN = /[\u3041-\u309f]+/gu;

function bigrams(s: string): string[] {
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

/**
 * Jaro-Winkler, kept only when the tokens are also within a typo's reach (one edit, two for long words).
 * Two different dictionary words are never a typo of each other (Electric is not Electronic), and a word
 * against a dictionary word gets one edit only.
 */
function tokenSimilarity(a: string, b: string, dictionary: ReadonlySet<string>): number {
  const jw = jaroWinkler(a, b);
  if (jw < TOKEN_SIM) return jw;
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
function fuzzyComparable(a: string, b: string): boolean {
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
function queryTokenWeight(t: string): number {
  const w = tokenWeight(t);
  if (w < 1 || t.length < FUZZY_MIN_LENGTH) return w;
  let cached = genericWeightCache.get(t);
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
    if (genericWeightCache.size > 10_000) genericWeightCache.clear();
    genericWeightCache.set(t, cached);
  }
  return cached;
}

/** Phonetic keys of listed (and query) tokens: a key costs some twenty regex passes, a lookup nothing. */
const PHONETIC_CACHE = new Map<string, string>();
function cachedPhoneticKey(t: string): string {
  let key = PHONETIC_CACHE.get(t);
  if (key === undefined) {
    key = phoneticKey(t);
    if (PHONETIC_CACHE.size > 200_000) PHONETIC_CACHE.clear();
    PHONETIC_CACHE.set(t, key);
  }
  return key;
}

/** One query's token similarities, computed once per distinct listed token however many names share it. */
class TokenSims {
  private readonly cache = new Map<string, Float64Array>();
  constructor(
    readonly tokens: readonly QueryToken[],
    private readonly dictionary: ReadonlySet<string>,
  ) {}

  of(t: string): Float64Array {
    let sims = this.cache.get(t);
    if (sims) return sims;
    sims = new Float64Array(this.tokens.length);
    let key: string | undefined;
    for (let i = 0; i < this.tokens.length; i++) {
      const qt = this.tokens[i]!;
      let best = 0;
      for (const a of qt.alts) {
        // Short tokens (acronyms, numbers) must be equal: "HIT" never fuzzily matches "HIS".
        const s =
          a === t ? 1 : qt.kind === 'latin' && fuzzyComparable(a, t) ? tokenSimilarity(a, t, this.dictionary) : 0;
        if (s > best) best = s;
      }
      // Katakana renders words, not letters: a short key never meets a short listed token (キヤノン is not CNII).
      if (best < TOKEN_SIM && qt.phon && t.length >= 4 && (qt.phon.length >= 3 || (t.length >= 5 && qt.long))) {
        key ??= cachedPhoneticKey(t);
        if (phoneticMatch(qt.phon, key)) best = qt.phon === key ? PHONETIC_EQUAL : PHONETIC_NEAR;
      }
      sims[i] = best;
    }
    this.cache.set(t, sims);
    return sims;
  }
}

interface Query {
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
  countries: Set<string>;
  /** Distinctive Latin words as typed, for scoring a mixed-script name as a whole. */
  latinDistinctive: string[];
}

interface Scored {
  score: number;
  /** A place directly in front of the listed name (another institution), or a one-word name met by a typo: at most possible. */
  placePrefix: boolean;
}

export interface MatcherOptions {
  thresholds?: MatchThresholds;
  lexicon?: Lexicon;
  /** Curated aliases by `list#entry`, already checked against the entry's name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
}

/** Whether `acronym` is the initials of a longer name ("HIT" for "Harbin Institute of Technology"). */
function isAcronymOf(acronym: string, names: readonly string[]): boolean {
  const a = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (a.length < 2) return false;
  return names.some((n) => {
    const words = n
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter(Boolean);
    if (words.length < 2) return false;
    const all = words.map((w) => w[0]).join('');
    const content = words
      .filter((w) => !STOPWORDS.has(w))
      .map((w) => w[0])
      .join('');
    return all.startsWith(a) || content.startsWith(a) || all.includes(a) || content.includes(a);
  });
}

export class Matcher {
  private readonly names: IndexedName[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byToken = new Map<string, number[]>();
  /** Distinct listed tokens by their first two letters, for fuzzy lookup without touching every name. */
  private readonly tokensByPrefix = new Map<string, string[]>();
  private readonly byBigram = new Map<string, number[]>();
  /** Distinctive listed tokens by phonetic key, and the keys by first letter for one-edit lookups. */
  private readonly tokensByPhon = new Map<string, string[]>();
  private readonly phonByFirst = new Map<string, string[]>();
  /** Entries with a name in Chinese characters only (no kana), by `listIndex:entryIndex`. */
  private readonly hanNamed = new Set<string>();
  private readonly thresholds: MatchThresholds;
  /** Where a guard caps a match: a possible match at the shipped threshold, whatever this matcher's. */
  private readonly possibleCap: number;
  readonly lexicon: Lexicon;

  constructor(
    private readonly lists: readonly ListFile[],
    options: MatcherOptions | MatchThresholds = {},
  ) {
    const opts: MatcherOptions = 'possible' in options ? { thresholds: options } : options;
    this.thresholds = opts.thresholds ?? DEFAULT_THRESHOLDS;
    this.possibleCap = Math.min(
      this.thresholds.strong - 0.001,
      Math.max(this.thresholds.possible, DEFAULT_THRESHOLDS.possible),
    );
    this.lexicon = opts.lexicon ?? EMPTY_LEXICON;
    lists.forEach((list, listIndex) => {
      list.entries.forEach((entry, entryIndex) => {
        const curated = opts.aliases?.get(`${list.list}#${entry.entry}`) ?? [];
        const longNames = [entry.name, ...entry.aliases];
        const texts = [entry.name, ...(entry.localName ? [entry.localName] : []), ...entry.aliases];
        // An entry written in Chinese characters is compared in them: a kanji query is not translated for it
        // (北京工业大学 translates as well to "Beijing Institute of Technology" as 北京理工大学 does).
        const hanNamed = [...texts, ...curated].some((t) => HAN.test(t) && !KANA.test(t));
        if (hanNamed) this.hanNamed.add(`${listIndex}:${entryIndex}`);
        for (const text of texts) {
          // "Harbin Institute of Technology (HIT)": the name without the bracketed acronym, and the acronym alone.
          const acronym = BRACKETED_ACRONYM.exec(text);
          this.add(listIndex, entryIndex, text, longNames, 'listed');
          if (acronym) {
            this.add(listIndex, entryIndex, text.replace(BRACKETED_ACRONYM, ' ').trim(), longNames, 'listed');
            this.add(listIndex, entryIndex, acronym[1]!, longNames, 'acronym');
          }
          // "Rostec (Russian Technologies State Corporation)": the name before the brackets and the long form in
          // them are names of their own.
          const long = BRACKETED_LONG.exec(text);
          if (long && !acronym) {
            this.add(listIndex, entryIndex, text.slice(0, long.index).trim(), longNames, 'listed');
            this.add(listIndex, entryIndex, long[1]!.trim(), longNames, 'listed');
          }
          // "Rzhanov Institute of Semiconductor Physics, Siberian Branch of …": the head names it too, when it
          // has two distinctive words of its own.
          const head = /^(.+?)(?:,\s+|\s+of the\s+)/iu.exec(text.replace(BRACKETED_ACRONYM, ' '))?.[1];
          if (head && distinctiveWords(head) >= 2) this.add(listIndex, entryIndex, head, longNames, 'listed');
        }
        // A curated alias was chosen by a person as identifying: the short-name guard does not apply.
        for (const text of curated) this.add(listIndex, entryIndex, text, longNames, 'curated');
      });
    });
  }

  private push(map: Map<string, number[]>, key: string, id: number): void {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else map.set(key, [id]);
  }

  private add(
    listIndex: number,
    entryIndex: number,
    text: string,
    longNames: string[],
    origin: 'listed' | 'acronym' | 'curated',
  ): void {
    const norm = normalizeName(text);
    const content = norm.tokens.filter((t) => tokenWeight(t) > 0);
    // A junk alias ("and") names nothing; a bracketed place ("(HK)") is not an acronym of the entity.
    if (!content.length && !norm.cjk) return;
    if (origin === 'acronym' && content.every((t) => this.lexicon.latinPlaces.has(t))) return;
    const weight = norm.tokens.reduce((s, t) => s + tokenWeight(t), 0);
    const acronym = !norm.cjk && content.length === 1 && (content[0]!.length <= 5 || origin === 'acronym');
    const id = this.names.length;
    const cjk = this.lexicon.normalizeCjk(norm.cjk);
    const core = this.lexicon.core(cjk);
    const coreBigrams = [...new Set(bigrams(core))];
    // One word (STAR), one katakana word (プロトン), a generic-only or very short CJK name (センター), or one
    // distinctive word that is an ordinary English word (Delta Electronic).
    const distinctiveTokens = content.filter((t) => tokenWeight(t) >= 0.6);
    const oneWord =
      (!cjk && content.length === 1) ||
      (!content.length && (core.length === 0 || cjk.length <= 3 || /^[\u30a0-\u30ff]+$/u.test(core))) ||
      (!cjk && distinctiveTokens.length === 1 && this.lexicon.dictionary.has(distinctiveTokens[0]!));
    const short =
      oneWord &&
      origin !== 'curated' &&
      !(content.length === 1 && origin !== 'listed' && isAcronymOf(text, longNames)) &&
      !(
        content.length === 1 &&
        origin === 'listed' &&
        /^[A-Z0-9]{2,6}$/.test(text.trim()) &&
        isAcronymOf(text, longNames)
      );
    this.names.push({
      listIndex,
      entryIndex,
      text,
      norm,
      weight,
      acronym,
      cjk,
      core,
      coreBigrams,
      cjkBigrams: bigrams(cjk),
      distinctive: norm.tokens.some((t) => tokenWeight(t) >= 0.6),
      compact: compactKey(norm),
      tokenWeights: norm.tokens.map(tokenWeight),
      numbers: this.lexicon.numbers(norm.tokens, cjk),
      content: content.length,
      distinctiveWeight: distinctiveTokens.reduce((s, t) => s + tokenWeight(t), 0),
      short,
      placeOnly: distinctiveTokens.length > 0 && distinctiveTokens.every((t) => this.lexicon.latinPlaces.has(t)),
      latinKey: norm.key.split('|')[0]!,
    });
    if (norm.key !== '|') {
      this.push(this.byKey, norm.key, id);
      this.push(this.byKey, `${norm.key.split('|')[0]}|${cjk}`, id);
    }
    this.push(this.byCompact, this.names[id]!.compact, id);
    // A name made only of generic words is found through them; a distinctive name only through its own.
    const genericOnly = !this.names[id]!.distinctive;
    for (const t of content) {
      if (tokenWeight(t) < 0.6 && !genericOnly) continue;
      if (!this.byToken.has(t)) {
        if (t.length >= FUZZY_MIN_LENGTH) {
          const bucket = this.tokensByPrefix.get(t.slice(0, 2));
          if (bucket) bucket.push(t);
          else this.tokensByPrefix.set(t.slice(0, 2), [t]);
        }
        const key = cachedPhoneticKey(t);
        if (key.length >= 2 && !/^\d/.test(t)) {
          const same = this.tokensByPhon.get(key);
          if (same) same.push(t);
          else {
            this.tokensByPhon.set(key, [t]);
            const first = this.phonByFirst.get(key[0]!);
            if (first) first.push(key);
            else this.phonByFirst.set(key[0]!, [key]);
            this.lexicon.knownKeys.add(key);
          }
        }
      }
      this.push(this.byToken, t, id);
    }
    for (const g of coreBigrams) this.push(this.byBigram, g, id);
  }

  /** The query split into ordered tokens (CJK translated) and segments, with the context each may be. */
  private parse(raw: string): Query {
    const norm = normalizeName(raw);
    const lex = this.lexicon;
    const tokens: QueryToken[] = [];
    const segments: Query['segments'] = [];
    let segment = 0;
    const text = raw.normalize('NFKC').replace(BRACKETED_LEGAL, ' ').replace(HIRAGANA_RUN, ', ');
    for (const part of text.split(SEGMENT_BREAK)) {
      if (!part?.trim()) continue;
      let start = tokens.length;
      const close = () => {
        if (tokens.length === start) return;
        segments.push(this.segmentOf(tokens, start, tokens.length));
        segment++;
        start = tokens.length;
      };
      // CJK runs in place, Latin words around them; a department word ("School of …") opens a new segment.
      for (const piece of part.split(CJK_RUN_SPLIT)) {
        if (!piece) continue;
        if (CJK_RUN_ONE.test(piece)) {
          lex.translate(foldCjkRun(piece), segment, tokens);
          continue;
        }
        for (const w of latinWords(piece)) {
          if (lex.departments.has(w) && tokens.length > start) close();
          const place = lex.latinPlaces.get(w);
          tokens.push({
            alts: [w],
            kind: /^\d+$/.test(w) ? 'number' : place ? 'place' : 'latin',
            segment,
            ...(place ? { placeCountry: place } : {}),
          });
        }
      }
      close();
    }
    const cjk = lex.normalizeCjk(norm.cjk);
    const core = lex.core(cjk);
    const context = new Uint8Array(tokens.length);
    tokens.forEach((t, i) => {
      if (t.kind === 'latin' && lex.contextTokens.has(t.alts[0]!)) context[i] = 1;
    });
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
      latinKey: norm.key.split('|')[0]!,
      hasKana: KANA.test(raw),
      core,
      coreBigrams: [...new Set(bigrams(core))],
      numbers: lex.numbers(
        tokens.filter((t) => t.kind === 'number').map((t) => t.alts[0]!),
        cjk,
      ),
      countries: lex.namedCountries(text, cjk),
      places: tokens.filter((t) => t.kind === 'place' && t.placeCountry),
      latinDistinctive: norm.tokens.filter(
        (t) => tokenWeight(t) >= 0.6 && !/^\d+$/.test(t) && !lex.contextTokens.has(t),
      ),
    };
  }

  private segmentOf(tokens: readonly QueryToken[], lo: number, hi: number): Query['segments'][number] {
    const part = tokens.slice(lo, hi);
    if (part.some((t) => t.kind !== 'latin' && t.kind !== 'number' && t.kind !== 'place'))
      return {
        lo,
        hi,
        key: '',
        names: part.some((t) => t.kind === 'word' || t.kind === 'kana' || t.kind === 'unknown'),
      };
    const words = part
      .filter((t) => !(t.kind === 'latin' && this.lexicon.contextTokens.has(t.alts[0]!)))
      .map((t) => t.alts[0]!)
      .filter((w) => !STOPWORDS.has(w));
    // With its numbers ("CETC 14") and without them ("300 Beihang University": an amount glued on).
    return {
      lo,
      hi,
      key: `${words.filter((w) => !/^\d+$/.test(w)).join(' ')}|`,
      numbered: `${words.join(' ')}|`,
      // A segment scored on its own must hold a word that can name something: not only places, titles, numbers.
      names: part.some((t) => t.kind === 'latin' && !this.lexicon.contextTokens.has(t.alts[0]!)),
    };
  }

  /**
   * Share of each side's weight that the other side covers, averaged, over the query tokens [lo, hi); 0
   * unless a distinctive token matched.
   */
  private latinScore(
    q: Query,
    sims: TokenSims,
    n: IndexedName,
    lo: number,
    hi: number,
    selfNamed?: ReadonlySet<number>,
  ): Scored {
    const none = { score: 0, placePrefix: false };
    if (n.norm.tokens.length === 0 || hi <= lo) return none;
    let nameMatched = 0;
    let distinctive = 0;
    let exactDistinctive = 0;
    let nameGenericLeft = false;
    let queryGenericLeft = false;
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
          ((qt.phon?.length ?? 0) >= 4 && qt.vowel === /[aeiouy]/.exec(tokens[k]!)?.[0]?.replace('y', 'i'));
        if (w >= 0.6 && best >= PHONETIC_EQUAL && sure) exactDistinctive += w;
      }
    }
    if (last < 0) return none;
    let queryWeight = 0;
    let usedQuery = 0;
    for (let i = lo; i < hi; i++) {
      const t = q.tokens[i]!;
      let w = q.weights[i]!;
      // Context, not another institution: a title or funder, a number the name does not carry, a place after
      // the name ("Harbin Institute of Technology Shenzhen").
      if (
        q.context[i] ||
        selfNamed?.has(i) ||
        (t.kind === 'number' && n.numbers.size === 0) ||
        (t.kind === 'place' && i > last)
      )
        w = 0;
      queryWeight += w;
      if (used[i]) usedQuery += q.weights[i]!;
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
      if (q.tokens.slice(lo, hi).some((t) => t.kind !== 'latin')) return none;
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
      placePrefix: placePrefix || weak,
    };
  }

  /** Whether every katakana word of the query starts with the vowel of a distinctive word of the name. */
  private sameFirstVowel(q: Query, n: IndexedName): boolean {
    const vowels = new Set(
      n.norm.tokens.filter((t) => tokenWeight(t) >= 0.6).map((t) => /[aeiouy]/.exec(t)?.[0]?.replace('y', 'i')),
    );
    return q.tokens.every((t) => t.kind !== 'kana' || !t.vowel || vowels.has(t.vowel));
  }

  /** Entries (`listIndex:entryIndex`) a maximal Latin run of a mixed-script query names by itself, with the run. */
  private selfNamed(q: Query): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    if (!q.norm.cjk || !q.norm.tokens.length) return out;
    const latin = (t: QueryToken) => t.kind === 'latin' || t.kind === 'number';
    let i = 0;
    while (i < q.tokens.length) {
      if (!latin(q.tokens[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < q.tokens.length && latin(q.tokens[j]!)) j++;
      const words = q.tokens
        .slice(i, j)
        .map((t) => t.alts[0]!)
        .filter((w) => !STOPWORDS.has(w));
      for (const id of this.byKey.get(`${words.join(' ')}|`) ?? []) {
        const n = this.names[id]!;
        const key = `${n.listIndex}:${n.entryIndex}`;
        const set = out.get(key) ?? new Set<number>();
        for (let k = i; k < j; k++) set.add(k);
        out.set(key, set);
      }
      i = j;
    }
    return out;
  }

  /** A mixed-script name is one name: the Latin words on either side must be found on the other. */
  private latinAgrees(q: Query, n: IndexedName, selfNamed?: ReadonlySet<number>): boolean {
    if (selfNamed?.size && n.norm.tokens.every((t) => tokenWeight(t) < 0.6)) return true;
    const nameWords = n.norm.tokens.filter((t) => tokenWeight(t) >= 0.6 && !/^\d+$/.test(t));
    const found = (t: string, among: readonly string[]) =>
      among.some(
        (u) => u === t || (fuzzyComparable(t, u) && tokenSimilarity(t, u, this.lexicon.dictionary) >= TOKEN_SIM),
      );
    return q.latinDistinctive.every((t) => found(t, nameWords)) && nameWords.every((t) => found(t, q.norm.tokens));
  }

  private cjkScore(
    q: Query,
    n: IndexedName,
    entry?: { country?: string | undefined },
    selfNamed?: ReadonlySet<number>,
  ): Scored {
    const none = { score: 0, placePrefix: false };
    if (!q.cjk || !n.cjk || !this.latinAgrees(q, n, selfNamed)) return none;
    if (q.cjk === n.cjk) return { score: 1, placePrefix: false };
    // The listed name inside a longer text ("北京理工大学の王先生") counts when its distinctive part is long
    // enough; a place or another name in front of it (西安 + 电子科技大学) is another institution.
    const at = n.cjk.length >= 4 && n.core.length >= 2 && !n.short ? q.cjk.indexOf(n.cjk) : -1;
    if (at >= 0) {
      const prefix = q.cjk.slice(0, at);
      // In front only a particle's end (中国の…) or the entity's own country may stand.
      if (!prefix || prefix.endsWith('ノ') || this.lexicon.namedCountries('', prefix).has(entry?.country ?? '?'))
        return { score: CJK_CONTAINED_SCORE, placePrefix: false };
      return none;
    }
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

  /** Names sharing a distinctive token with the query, exactly, within the fuzzy threshold, or by sound. */
  private latinCandidates(q: Query, sims: TokenSims, into: Set<number>): void {
    for (const qt of q.tokens) {
      for (const a of qt.alts) {
        for (const id of this.byToken.get(a) ?? []) into.add(id);
        if (qt.kind !== 'latin' || a.length < FUZZY_MIN_LENGTH) continue;
        for (const t of this.tokensByPrefix.get(a.slice(0, 2)) ?? []) {
          if (t === a || Math.abs(t.length - a.length) > FUZZY_MAX_LENGTH_DIFF) continue;
          if (Math.max(...sims.of(t)) < TOKEN_SIM) continue;
          for (const id of this.byToken.get(t)!) into.add(id);
        }
      }
      if (!qt.phon) continue;
      for (const key of this.phonByFirst.get(qt.phon[0]!) ?? []) {
        if (!phoneticMatch(qt.phon, key)) continue;
        for (const t of this.tokensByPhon.get(key)!) for (const id of this.byToken.get(t) ?? []) into.add(id);
      }
    }
  }

  /** Names whose distinctive CJK part shares enough bigrams with the query's to pass the dice filter. */
  private cjkCandidates(qCoreBigrams: readonly string[], into: Set<number>): void {
    if (qCoreBigrams.length === 0) return;
    const shared = new Map<number, number>();
    for (const g of qCoreBigrams)
      for (const id of this.byBigram.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    for (const [id, common] of shared) {
      const n = this.names[id]!;
      // Containment ("北京理工大学の王先生") is scored separately, so keep any name wholly inside the query.
      if ((2 * common) / (qCoreBigrams.length + n.coreBigrams.length) >= 0.6 || common === n.coreBigrams.length)
        into.add(id);
    }
  }

  /** Every entry at or above the possible-match threshold, best first. */
  screen(rawName: string, country?: string): ScreeningHit[] {
    const query = rawName.replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH);
    const q = this.parse(query);
    if (!q.tokens.length && !q.cjk) return [];
    const sims = new TokenSims(q.tokens, this.lexicon.dictionary);
    const qCompact = compactKey(q.norm);
    const segmentHits = new Set<number>();
    // A segment that is only a place, a title or a number ("(H.K.)", "in Tehran") names no institution.
    for (const s of q.segments)
      if (q.tokens.slice(s.lo, s.hi).some((t) => t.kind === 'latin'))
        for (const k of new Set([s.key, s.numbered ?? '']))
          if (k && k !== '|') for (const id of this.byKey.get(k) ?? []) segmentHits.add(id);
    // A Latin run that by itself names an entry ("哈工大HIT", "MAI モスクワ航空大学") is that entry's name written
    // beside its rendering: it does not count against the rendering.
    const selfNamed = this.selfNamed(q);
    const candidates = new Set<number>([
      ...(this.byKey.get(q.norm.key) ?? []),
      ...(this.byKey.get(`${q.norm.key.split('|')[0]}|${q.cjk}`) ?? []),
      ...(this.byCompact.get(qCompact) ?? []),
      ...segmentHits,
    ]);
    this.latinCandidates(q, sims, candidates);
    this.cjkCandidates(q.coreBigrams, candidates);

    const best = new Map<string, { score: number; exact: boolean; name: IndexedName }>();
    for (const id of candidates) {
      const n = this.names[id]!;
      const entry = this.lists[n.listIndex]!.entries[n.entryIndex]!;
      const own = selfNamed.get(`${n.listIndex}:${n.entryIndex}`);
      // Exact is the listed spelling itself (after folding); equal only after the lexicon's rewrites is strong.
      let exact = n.norm.key === q.norm.key;
      // Numbers must agree: 第十三研究所 is not 第十研究所, CETC 14 is not CETC 10.
      if (n.numbers.size > 0 && q.numbers.size > 0 && ![...n.numbers].some((x) => q.numbers.has(x))) continue;
      let capped = n.numbers.size > 0 && q.numbers.size === 0;
      let score: number;
      if (exact || (q.cjk !== '' && q.cjk === n.cjk && q.latinKey === n.latinKey)) score = 1;
      else if (segmentHits.has(id) && (n.distinctive || n.content >= 3)) score = SEGMENT_SCORE;
      else if (n.acronym) score = 0;
      else if (n.compact === qCompact) score = COMPACT_SCORE;
      else {
        const translated =
          q.norm.tokens.length === 0 || q.tokens.some((t) => t.kind === 'word' || t.kind === 'unknown');
        const skipLatin =
          translated && q.norm.tokens.length === 0 && !q.hasKana && this.hanNamed.has(`${n.listIndex}:${n.entryIndex}`);
        let s = skipLatin ? { score: 0, placePrefix: false } : this.latinScore(q, sims, n, 0, q.tokens.length, own);
        if (q.segments.length > 1 && !skipLatin && (n.distinctive || n.content >= 3))
          for (const seg of q.segments) {
            // "X in Tehran": a segment that is only a place, a title or a number is context, never a name.
            if (!seg.names) continue;
            const t = this.latinScore(q, sims, n, seg.lo, seg.hi, own);
            if (t.score > s.score) s = t;
          }
        // A translated kanji name is a confident whole match or nothing: 哈尔滨工业大学 translated half-covers
        // "Harbin Engineering University", which the CJK comparison tells apart. Katakana carries the name's
        // sound, so a katakana rendering may also be a possible match (クラフトウェイ for "Kraftway Corporation").
        if (q.norm.tokens.length === 0 && !q.hasKana && s.score < this.thresholds.strong)
          s = { score: 0, placePrefix: false };
        const c = this.cjkScore(q, n, entry, own);
        if (c.score > s.score) s = c;
        score = s.score;
        if (s.placePrefix) capped = true;
      }
      if (score < this.thresholds.possible) continue;
      if (country && entry.country && entry.country !== country && !exact) continue;
      // A short name (STAR, Center, センター) is more than possible only where its country is; a country or national
      // academy named in the query vetoes a hard match to another country's entity.
      if (n.short && (!country || country !== entry.country)) {
        // A one-word name met only by its sound in katakana must also start with the same vowel: ミクロン is
        // "Mikron", オラクル is not "Airkoryo".
        if (!exact && q.norm.tokens.length === 0 && n.norm.tokens.length > 0 && !this.sameFirstVowel(q, n)) continue;
        capped = true;
      }
      // A place of another country around the name counts too ("…, The University of Tokyo").
      const named = q.places.length ? new Set(q.countries) : q.countries;
      for (const t of q.places) if (!t.alts.some((a) => n.norm.tokens.includes(a))) named.add(t.placeCountry!);
      // Hong Kong and Macau entities are listed under either code, and are in China.
      if ((named.has('HK') || named.has('MO')) && !named.has('CN')) named.add('CN');
      if (
        entry.country &&
        named.size > 0 &&
        !named.has(entry.country) &&
        !(entry.country === 'HK' && named.has('CN')) &&
        !(entry.country === 'MO' && named.has('CN'))
      )
        continue;
      if (capped) {
        score = Math.min(score, this.possibleCap);
        exact = false;
      }
      const key = `${n.listIndex}:${n.entryIndex}`;
      const prior = best.get(key);
      if (!prior || score > prior.score || (score === prior.score && exact && !prior.exact))
        best.set(key, { score, exact, name: n });
    }
    const hits: ScreeningHit[] = [];
    for (const { score, exact, name } of best.values()) {
      const list = this.lists[name.listIndex]!;
      const entry = list.entries[name.entryIndex]!;
      const matchType: MatchType = exact ? 'exact' : score >= this.thresholds.strong ? 'strong' : 'possible';
      hits.push({
        list: list.list,
        entry: entry.entry,
        name: entry.name,
        matchedOn: name.text,
        score: Math.round(score * 1000) / 1000,
        matchType,
        kind: list.kind,
        ...(entry.country ? { country: entry.country } : {}),
        ...(entry.concerns.length ? { concerns: entry.concerns } : {}),
        listDate: list.date,
      });
    }
    const rank = { exact: 2, strong: 1, possible: 0 } as const;
    return hits.sort(
      (a, b) =>
        rank[b.matchType] - rank[a.matchType] || b.score - a.score || a.list.localeCompare(b.list) || a.entry - b.entry,
    );
  }
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const KANA = /[\u3041-\u309f\u30a1-\u30fa]/u;

/** Distinctive words of a text: not generic, not stopwords, not numbers. */
function distinctiveWords(text: string): number {
  return normalizeName(text).tokens.filter((t) => tokenWeight(t) === 1).length;
}

const CJK_RUN_ONE = new RegExp(`^(?:${CJK_RUN.source})$`, 'u');
const CJK_RUN_SPLIT = new RegExp(`(${CJK_RUN.source})`, 'u');

const EMPTY_LEXICON = new Lexicon({
  words: {
    version: 1,
    institutionWords: [],
    genericKatakana: [],
    cjkEquivalents: [],
    cjkGenericPrefixes: [],
    cjkContextWords: [],
    kanaStopwords: [],
    contextWords: { departments: [], titles: [], funders: [] },
    dictionaryWords: [],
  },
  gazetteer: { version: 1, places: [], nationalMarkers: [] },
});

export type { CuratedAlias };
