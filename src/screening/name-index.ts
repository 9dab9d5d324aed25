/**
 * @module screening/name-index
 * Every name of every loaded list entry, prepared once when the lists load: each listed spelling, the local
 * name, aliases and curated aliases, plus the forms a name implies (the name without its bracketed acronym
 * and the acronym alone, the name before brackets and the long form in them, the head before ", … of the");
 * each with its folded keys, weights, CJK core and guard flags; and the lookups the candidate search uses
 * (by key, compact key, distinctive token, token prefix, phonetic key, CJK core bigram).
 */

import { isAcronymOf } from './acronym.ts';
import { bigrams } from './cjk-score.ts';
import { koreanReading } from './korean-romanisation.ts';
import type { Lexicon } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import {
  compactKey,
  HAN,
  KANA,
  latinKeyOf,
  type NormalizedName,
  normalizeName,
  STOPWORDS,
  tokenWeight,
  withoutLegalPhrase,
} from './normalize.ts';
import { cachedPhoneticKeys, FUZZY_MIN_LENGTH, TokenTable, TRANSLIT_MIN_KEY, translitKey } from './token-similarity.ts';

const BRACKETED_LONG = /\s*[(（]([^()（）]{8,})[)）]\s*$/u;
const BRACKETED_ACRONYM = /\s*[(（]\s*([A-Z][A-Z0-9&.-]{1,9}(?: \d{1,3})?)\s*[)）]/;
/** A Chinese or Japanese institute's name in Han alone, four characters or more before 研究所. */
const INSTITUTE_IN_FULL = /^([\u3400-\u9fff\uf900-\ufaff]{4,})研究所$/u;
/** A stem that ends in an institute's number or holds one (第十四, 第九研究院第十三): numbering.ts reads those. */
const NUMBERED_STEM = /第|[〇零一二三四五六七八九十百千\d]$|研究院/u;
/** Countries whose entities are named in Chinese characters: their curated Han names make an entry Han-named. */
const HAN_NAMED_COUNTRIES = new Set(['CN', 'HK', 'MO', 'TW', 'KP']);

export interface IndexedName {
  listIndex: number;
  entryIndex: number;
  /** `listIndex:entryIndex`, made once: the key of the entry's best hit and of the per-entry sets. */
  entryKey: string;
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
  /** The tokens' ids in the matcher's token table, for per-query lookups by array index. */
  tokenIds: Int32Array;
  numbers: Set<number>;
  /** An institute's own numbers (before 所 or 研究所): they must agree where both sides have one. */
  instituteNumbers: Set<number>;
  latinKey: string;
  /** Sum of the distinctive words' weights. */
  distinctiveWeight: number;
  /** Number of words that weigh anything. */
  content: number;
  /** Its only distinctive words are places ("Beijing Institute of Technology"): its generic words identify it. */
  placeOnly: boolean;
  /** Countries the name itself names ("Iran" in "Iran Electronic Industries"): the query saying so is the name. */
  countries: ReadonlySet<string>;
  /** One word or a very short CJK name (STAR, Center, センター): only with the country it is more than possible. */
  short: boolean;
  /** Two short words of a listed name written as one (addJoined): never the listed spelling itself. */
  joined?: boolean;
}

/** A word short enough to be written together with its neighbour in katakana (Kim Chaek キムチェク). */
const JOINABLE = /^[a-z]{3,5}$/;

/**
 * Whether a Latin alias is an institute's listed name cut short: its words, two or more, are the first of the name's
 * (what is in brackets aside), and a word of content follows them there.
 */
function isTruncationOf(alias: string, name: string): boolean {
  const a = normalizeName(alias).tokens;
  const n = normalizeName(name.replace(/[(（][^()（）]*[)）]/gu, ' ')).tokens;
  if (a.length < 2 || a.length >= n.length || !a.every((t, i) => n[i] === t)) return false;
  // An institute's name of one distinctive word at most: a trade name cut short (Ervin Danesh, KB Radar) is the
  // company's own short name, and stays one.
  if (!a.some((t) => INSTITUTION_HEADS.has(t)) || a.filter((t) => tokenWeight(t) >= 0.6).length > 1) return false;
  return n.slice(a.length).some((t) => tokenWeight(t) >= 0.6);
}
const INSTITUTION_HEADS: ReadonlySet<string> = new Set(['institute', 'university', 'academy', 'center', 'centre']);

/** Distinctive words of a text: not generic, not stopwords, not numbers. */
function distinctiveWords(text: string): number {
  return normalizeName(text).tokens.filter((t) => tokenWeight(t) === 1).length;
}

export interface NameBounds {
  tokenStart: Int32Array;
  flatTokens: Int32Array;
  flatWeights: Float64Array;
  /** The name's weight plus what its uncovered CJK part counts (latinScore's denominator of the name's cover). */
  denominator: Float64Array;
  /** No CJK part and a distinctive word: the descriptor score is possible. */
  descriptorEligible: Uint8Array;
  hasCjk: Uint8Array;
}

function nameBounds(names: readonly IndexedName[]): NameBounds {
  const tokenStart = new Int32Array(names.length + 1);
  names.forEach((n, i) => {
    tokenStart[i + 1] = tokenStart[i]! + n.tokenIds.length;
  });
  const flatTokens = new Int32Array(tokenStart[names.length]!);
  const flatWeights = new Float64Array(tokenStart[names.length]!);
  const denominator = new Float64Array(names.length);
  const descriptorEligible = new Uint8Array(names.length);
  const hasCjk = new Uint8Array(names.length);
  names.forEach((n, i) => {
    flatTokens.set(n.tokenIds, tokenStart[i]!);
    flatWeights.set(n.tokenWeights, tokenStart[i]!);
    denominator[i] = n.weight + (n.cjk ? (n.core ? 1 : 0.35) : 0);
    descriptorEligible[i] = !n.cjk && n.distinctive ? 1 : 0;
    hasCjk[i] = n.cjk ? 1 : 0;
  });
  return { tokenStart, flatTokens, flatWeights, denominator, descriptorEligible, hasCjk };
}

export class NameIndex {
  readonly names: IndexedName[] = [];
  readonly byKey = new Map<string, number[]>();
  readonly byCompact = new Map<string, number[]>();
  readonly byToken = new Map<string, number[]>();
  /** Distinct listed tokens by their first two letters, for fuzzy lookup without touching every name. */
  readonly tokensByPrefix = new Map<string, string[]>();
  readonly byBigram = new Map<string, number[]>();
  /** Distinctive listed tokens by phonetic key, and the keys by first letter for one-edit lookups. */
  readonly tokensByPhon = new Map<string, string[]>();
  readonly phonByFirst = new Map<string, string[]>();
  /**
   * Each entry's own words (`listIndex:entryIndex` → words): the distinctive words of all its names, places,
   * countries and numbers left out, and two adjacent words written as one ("Ship Building" as shipbuilding). In
   * a query beside one of its names they confirm the entry rather than name another (latin-score's selfNamed).
   */
  readonly entryWords = new Map<string, Set<string>>();
  /** Entries with a gazetteer place in one of their Latin names (Shiraz Electronics Industries). */
  readonly placedEntries = new Set<string>();
  /** Distinctive listed words by transliteration key (Ruselectronics under "roselektroniks"). */
  readonly tokensByTranslit = new Map<string, string[]>();
  /** Entries with a name in Chinese characters only (no kana), by `listIndex:entryIndex`. */
  readonly hanNamed = new Set<string>();
  /** Every listed token by id, with the per-query best similarities (see TokenSims.maxById). */
  readonly tokens = new TokenTable();
  /**
   * What the bound of latinCanReach reads, in flat arrays by name id (name `i`'s tokens are
   * flatTokens[tokenStart[i] … tokenStart[i + 1]]): a large list's candidates are read in id order from a few
   * arrays instead of from thousands of scattered objects.
   */
  readonly bound: NameBounds;

  constructor(
    readonly lists: readonly ListFile[],
    private readonly lexicon: Lexicon,
    aliases?: ReadonlyMap<string, readonly string[]>,
  ) {
    lists.forEach((list, listIndex) => {
      list.entries.forEach((entry, entryIndex) => {
        const curated = aliases?.get(`${list.list}#${entry.entry}`) ?? [];
        const longNames = [entry.name, ...entry.aliases];
        const texts = [entry.name, ...(entry.localName ? [entry.localName] : []), ...entry.aliases];
        // An entry written in Chinese characters is compared in them: a kanji query is not translated for it
        // (北京工业大学 translates as well to "Beijing Institute of Technology" as 北京理工大学 does).
        // A curated Chinese transliteration of a Russian or Iranian name (莫斯科物理技术学院) does not make the entry
        // Han-named: its Japanese kanji renderings (応用科学技術高等研究所) are still found by translation.
        const ownHan = !entry.country || HAN_NAMED_COUNTRIES.has(entry.country);
        const hanNamed = [...texts, ...(ownHan ? curated : [])].some((t) => HAN.test(t) && !KANA.test(t));
        if (hanNamed) this.hanNamed.add(`${listIndex}:${entryIndex}`);
        for (const text of texts) {
          // "Harbin Institute of Technology (HIT)": the name without the bracketed acronym, and the acronym alone.
          const acronym = BRACKETED_ACRONYM.exec(text);
          const origin = this.genericAlias(entry, text) ? 'generic-alias' : 'listed';
          this.add(listIndex, entryIndex, text, longNames, origin);
          this.addJoined(listIndex, entryIndex, text, longNames, 'listed');
          this.addInstituteShort(listIndex, entryIndex, text, longNames, origin);
          if (acronym) {
            this.add(listIndex, entryIndex, text.replace(BRACKETED_ACRONYM, ' ').trim(), longNames, 'listed');
            // Brackets with more name after them hold the acronym of the body named before them, often a parent
            // ("Scientific Studies and Research Center (SSRC)-NSCL" is a laboratory of SSRC): this entry's only
            // when it spells the entry's own name ("China Academy of Engineering Physics (CAEP)'s 902 Institute").
            const after = text.slice(acronym.index + acronym[0].length);
            if (!/[\p{L}\p{N}]/u.test(after) || /^\s*,/u.test(after) || isAcronymOf(acronym[1]!, [longNames[0]!]))
              this.add(listIndex, entryIndex, acronym[1]!, longNames, 'acronym');
          }
          // "Federal State Unitary Enterprise Dukhov Automatics Research Institute", "Open Joint Stock Company
          // Aviadvigatel": the name without its written-out form names the body too, as publications write it
          // (a one-word one, as any, only where the country agrees).
          const bare = withoutLegalPhrase(text.replace(BRACKETED_ACRONYM, ' ').trim());
          if (bare && distinctiveWords(bare) >= 1) this.add(listIndex, entryIndex, bare, longNames, 'listed');
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
          // "V.A. Trapeznikov Institute of Control Sciences of Russian Academy of Science": the name before its
          // parent academy names it too, as the query's parent after a name is context.
          const own = this.lexicon.withoutParentTail(text);
          if (own && own !== head && distinctiveWords(own) >= 2)
            this.add(listIndex, entryIndex, own, longNames, 'listed');
        }
        // A curated alias was chosen by a person as identifying: the short-name guard does not apply.
        for (const text of curated) {
          this.add(listIndex, entryIndex, text, longNames, 'curated');
          this.addJoined(listIndex, entryIndex, text, longNames, 'curated');
          this.addInstituteShort(listIndex, entryIndex, text, longNames, 'curated');
        }
        // A DPRK body's Latin names also under their romanisation key (korean-romanisation.ts), met by a query read so.
        // Never an exact match (it is not the listed spelling); the hit names the listed text.
        if (entry.country === 'KP')
          for (const [text, origin] of [
            ...texts.map((t): [string, 'listed'] => [t, 'listed']),
            ...curated.map((t): [string, 'curated'] => [t, 'curated']),
          ]) {
            if (!/[A-Za-z]/u.test(text)) continue;
            const keyed = koreanReading(text, this.lexicon);
            if (keyed !== text) this.add(listIndex, entryIndex, keyed, longNames, origin, text);
          }
      });
    });
    this.tokens.seal();
    this.bound = nameBounds(this.names);
  }

  /**
   * A list's alias in CJK script that is generic institution words only (「株式会社科学研究」 beside NIIET's 電子科学研究所,
   * as "AO Scientific Research" beside its English name): it names the entry only where the country agrees, as a
   * one-word name does. The entry's own name and local name are kept as they are (電子科技大学 is UESTC's).
   * So is a Latin alias that is the entry's name cut short before a word of content ("National Institute of Lasers" of
   * the National Institute of Lasers and Optronics): the longer names it begins are other bodies' too (…, Plasma and
   * Radiation Physics).
   */
  private genericAlias(entry: ListFile['entries'][number], text: string): boolean {
    if (!entry.aliases.includes(text) || text === entry.localName || text === entry.name) return false;
    if (!/[A-Za-z]/u.test(text)) return this.lexicon.genericOnlyCjk(this.lexicon.foldedCjk(text));
    return isTruncationOf(text, entry.name);
  }

  private push(map: Map<string, number[]>, key: string, id: number): void {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else map.set(key, [id]);
  }

  /**
   * A name with two short distinctive words side by side ("Kim Chaek Iron Works", "Win Key Limited") also as one word
   * ("Kimchaek Iron Works"): katakana writes such a pair as one word (キムチェク製鉄所, ウィンキー), which no single
   * listed word sounds like. Never an exact match (it is not the listed spelling); the hit names the listed text.
   */
  private addJoined(
    listIndex: number,
    entryIndex: number,
    text: string,
    longNames: string[],
    origin: 'listed' | 'curated',
  ): void {
    const words = normalizeName(text).tokens;
    if (words.length < 2 || HAN.test(text) || KANA.test(text)) return;
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (!JOINABLE.test(a) || !JOINABLE.test(b) || tokenWeight(a) < 1 || tokenWeight(b) < 1) continue;
      const joined = [...words.slice(0, i), a + b, ...words.slice(i + 2)].join(' ');
      this.add(listIndex, entryIndex, joined, longNames, origin, text);
      return;
    }
  }

  /**
   * A Chinese institute's name with 研究所 shortened to 所, as Chinese writes an institute it names in full
   * (北京强度环境研究所 → 北京强度环境所, 北京动力机械研究所 → 北京动力机械所): only a name of four Han characters or
   * more before 研究所, not a numbered one (第十四研究所 and 十四所 meet already, numbering.ts). Never an exact match
   * (it is not the listed spelling), as a joined form; the hit names the listed text.
   */
  private addInstituteShort(
    listIndex: number,
    entryIndex: number,
    text: string,
    longNames: string[],
    origin: 'listed' | 'generic-alias' | 'curated',
  ): void {
    const m = INSTITUTE_IN_FULL.exec(text.normalize('NFKC').trim());
    if (!m || NUMBERED_STEM.test(m[1]!)) return;
    this.add(listIndex, entryIndex, `${m[1]}所`, longNames, origin, text);
  }

  private add(
    listIndex: number,
    entryIndex: number,
    text: string,
    longNames: string[],
    origin: 'listed' | 'generic-alias' | 'acronym' | 'curated',
    /** The listed text a joined form (addJoined) was made from: what its hits name. */
    joinedFrom?: string,
  ): void {
    const norm = normalizeName(text);
    // Each token's weight once: the content, distinctive words and sums below all read it.
    const tokenWeights = norm.tokens.map(tokenWeight);
    const content: string[] = [];
    const distinctiveTokens: string[] = [];
    let weight = 0;
    let distinctiveWeight = 0;
    norm.tokens.forEach((t, i) => {
      const w = tokenWeights[i]!;
      weight += w;
      if (w > 0) content.push(t);
      if (w >= 0.6) {
        distinctiveTokens.push(t);
        distinctiveWeight += w;
      }
    });
    // A junk alias ("and") names nothing; a bracketed place ("(HK)") is not an acronym of the entity.
    if (!content.length && !norm.cjk) return;
    if (origin === 'acronym' && content.every((t) => this.lexicon.latinPlaces.has(t))) return;
    // A listed local name, alias or acronym that is only the parent body (「ロシア科学アカデミーシベリア支部」 for
    // the Rzhanov Institute, "(CETC)" of its 10th institute) names every other institute of it too: not a name
    // of this entry. The entry that is the parent itself keeps it; a curated alias was chosen by a person.
    if (origin !== 'curated' && this.lexicon.isParentBody(text) && !this.lexicon.isParentBody(longNames[0]!)) return;
    const acronym = !norm.cjk && content.length === 1 && (content[0]!.length <= 5 || origin === 'acronym');
    const id = this.names.length;
    // The key's own Latin part (the spelling's, numbers as written): what the by-key lookup is made of.
    const keyLatin = norm.key.split('|')[0]!;
    const cjk = this.lexicon.normalizeCjk(norm.cjk);
    const core = this.lexicon.core(cjk);
    const coreBigrams = [...new Set(bigrams(core))];
    // One word (STAR), one katakana word (プロトン), a generic-only or very short CJK name (センター), or one
    // distinctive word that is an ordinary English word (Delta Electronic).
    const oneWord =
      origin === 'generic-alias' ||
      (!cjk && content.length === 1) ||
      (!content.length && (core.length === 0 || cjk.length <= 3 || /^[\u30a0-\u30ff]+$/u.test(core))) ||
      // Latin words that weigh little beside it ("STC オリオン有限会社") leave it one katakana word.
      (cjk !== '' && !distinctiveTokens.length && /^[\u30a0-\u30ff]+$/u.test(core)) ||
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
      entryKey: `${listIndex}:${entryIndex}`,
      text: joinedFrom ?? text,
      ...(joinedFrom ? { joined: true } : {}),
      norm,
      weight,
      acronym,
      cjk,
      core,
      coreBigrams,
      cjkBigrams: bigrams(cjk),
      distinctive: distinctiveTokens.length > 0,
      compact: compactKey(norm),
      tokenWeights,
      tokenIds: Int32Array.from(norm.tokens, (t) => this.tokens.id(t)),
      numbers: this.lexicon.numbers(norm.tokens, cjk),
      instituteNumbers: this.lexicon.instituteNumbers(cjk),
      countries: this.lexicon.namedCountries(text, cjk),
      content: content.length,
      distinctiveWeight,
      short,
      placeOnly: distinctiveTokens.length > 0 && distinctiveTokens.every((t) => this.lexicon.latinPlaces.has(t)),
      latinKey: latinKeyOf(norm),
    });
    if (norm.key !== '|') {
      this.push(this.byKey, norm.key, id);
      this.push(this.byKey, `${keyLatin}|${cjk}`, id);
    }
    this.push(this.byCompact, this.names[id]!.compact, id);
    // A name made only of generic words is found through them; a distinctive name only through its own.
    const genericOnly = !this.names[id]!.distinctive;
    const ownWords = joinedFrom === undefined ? undefined : new Set(normalizeName(joinedFrom).tokens);
    for (const t of content) {
      if (tokenWeight(t) < 0.6 && !genericOnly) continue;
      if (!this.byToken.has(t)) {
        if (t.length >= FUZZY_MIN_LENGTH) {
          const bucket = this.tokensByPrefix.get(t.slice(0, 2));
          if (bucket) bucket.push(t);
          else this.tokensByPrefix.set(t.slice(0, 2), [t]);
        }
        // A joined pair (addJoined) is met by sound only exactly, and never splits a katakana word (lexicon.pushKana).
        const joinedWord = ownWords !== undefined && !ownWords.has(t);
        if (joinedWord) this.tokens.joined.add(t);
        else this.tokens.joined.delete(t);
        if (t.length >= 5 && /^[a-z]+$/.test(t)) {
          const tk = translitKey(t);
          if (tk.length >= TRANSLIT_MIN_KEY) {
            const same = this.tokensByTranslit.get(tk);
            if (same) same.push(t);
            else this.tokensByTranslit.set(tk, [t]);
          }
        }
        // Its own key and the others it may have in katakana (Tordan: トルダン and トーダン).
        for (const key of /^\d/.test(t) ? [] : cachedPhoneticKeys(t)) {
          if (key.length < 2) continue;
          const same = this.tokensByPhon.get(key);
          if (same) {
            if (!same.includes(t)) same.push(t);
          } else {
            this.tokensByPhon.set(key, [t]);
            const first = this.phonByFirst.get(key[0]!);
            if (first) first.push(key);
            else this.phonByFirst.set(key[0]!, [key]);
          }
          if (!joinedWord) this.lexicon.knownKeys.add(key);
        }
      }
      // A listed word first seen joined (Air Koryo → "airkoryo", then the alias Airkoryo) is a word after all.
      else if (ownWords === undefined && this.tokens.joined.delete(t))
        for (const key of cachedPhoneticKeys(t)) if (key.length >= 2) this.lexicon.knownKeys.add(key);
      this.push(this.byToken, t, id);
    }
    for (const g of coreBigrams) this.push(this.byBigram, g, id);
    this.addEntryWords(this.names[id]!);
  }

  private addEntryWords(n: IndexedName): void {
    let own = this.entryWords.get(n.entryKey);
    if (!own) {
      own = new Set();
      this.entryWords.set(n.entryKey, own);
    }
    const t = n.norm.tokens;
    const names = (w: string) =>
      tokenWeight(w) >= 0.6 && !/\d/.test(w) && !this.lexicon.latinPlaces.has(w) && !this.lexicon.isCountryWord(w);
    for (let i = 0; i < t.length; i++) {
      if (this.lexicon.latinPlaces.has(t[i]!)) this.placedEntries.add(n.entryKey);
      if (names(t[i]!)) own.add(t[i]!);
      const next = t[i + 1];
      if (next && !STOPWORDS.has(t[i]!) && !STOPWORDS.has(next) && (names(t[i]!) || names(next))) own.add(t[i]! + next);
    }
  }
}
