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
 *
 * This module puts the steps together; each has its own: name-index (the names, prepared once), query (the
 * query parsed), candidates (which names to score), token-similarity (typo and sound rules), latin-score and
 * cjk-score (the scores), guards, hit-order (one hit per entry, best first).
 */
import type { ScreeningHit } from '../core/decision.ts';
import { CandidateSearch } from './candidates.ts';
import { cjkScore } from './cjk-score.ts';
import type { CuratedAlias } from './data.ts';
import { guardHit, numberMissing, numbersDisagree, siblingUnderParent } from './guards.ts';
import { TradeNameIndex } from './han-latin-score.ts';
import { type BestHit, keepBest, orderedHits } from './hit-order.ts';
import { koreanReading, NAMES_KOREA } from './korean-romanisation.ts';
import { latinCanReach, latinScore, type Scored } from './latin-score.ts';
import { Lexicon } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import { NameIndex } from './name-index.ts';
import { KANA } from './normalize.ts';
import {
  kanaCompanySuffixAsCorporation,
  parseQuery,
  type Query,
  withoutKanaCompanySuffix,
  withoutSokuon,
} from './query.ts';
import { RareWords } from './rare-words.ts';
import { TokenSims } from './token-similarity.ts';
import { TradeNameWords } from './trade-name.ts';

export interface MatchThresholds {
  possible: number;
  strong: number;
}
export const DEFAULT_THRESHOLDS: MatchThresholds = { possible: 0.8, strong: 0.9 };
export const MAX_QUERY_LENGTH = 1000;

/** Score of a name equal to the query once spacing and punctuation are ignored ("QA IDA" for "Qa'ida"). */
const COMPACT_SCORE = 0.95;
/** Score of a listed name that is a whole segment of the query ("School of Materials, Beihang University"). */
const SEGMENT_SCORE = 0.95;

export interface MatcherOptions {
  thresholds?: MatchThresholds;
  lexicon?: Lexicon;
  /** Curated aliases by `list#entry`, already checked against the entry's name. */
  aliases?: ReadonlyMap<string, readonly string[]>;
}

export class Matcher {
  private readonly index: NameIndex;
  private readonly search: CandidateSearch;
  private readonly tradeNames: TradeNameIndex;
  private readonly rare: RareWords;
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
    this.lexicon = opts.lexicon ?? emptyLexicon();
    this.index = new NameIndex(lists, this.lexicon, opts.aliases);
    this.search = new CandidateSearch(this.index, this.thresholds.possible);
    this.tradeNames = new TradeNameIndex(this.index.names, lists, new TradeNameWords(this.lexicon));
    this.rare = new RareWords(this.index.names, this.lexicon);
  }

  /** Every entry at or above the possible-match threshold, best first. */
  screen(rawName: string, country?: string): ScreeningHit[] {
    const query = rawName.replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH);
    const best = new Map<string, BestHit>();
    this.collect(query, country, best, true);
    // カマズ社, ツポレフ社: also read without the 社 that says "company" after a katakana name (query.ts). That reading
    // is ours, not the spelling typed: at most strong.
    const withoutSuffix = withoutKanaCompanySuffix(query);
    // Also without a ッ the listed spelling may not write (ラテップ for ラテプ): again ours, at most strong. Read once,
    // with the 社 reading's text: each reading is a whole screening again, and a query with both (…ヘッド…社) read four
    // times took twice as long as before, for nothing these two readings miss (screening-diff: no query of any set
    // differs).
    const readings = new Set([withoutSuffix, withoutSokuon(withoutSuffix), kanaCompanySuffixAsCorporation(query)]);
    // A Korean body's name in another romanisation (Geumsan for Kumsan): read by its key, where the country given or
    // the text says Korea, and met by the DPRK names indexed so (korean-romanisation.ts).
    if (country === 'KP' || NAMES_KOREA.test(query)) readings.add(koreanReading(query, this.lexicon));
    readings.delete(query);
    for (const reading of readings) this.collect(reading, country, best, false);
    return orderedHits(best, this.lists, this.thresholds.strong);
  }

  /** The best hit per entry of one reading of the query, added to `best`; `asTyped`: the query as typed (exact hits). */
  private collect(query: string, country: string | undefined, best: Map<string, BestHit>, asTyped: boolean): void {
    const q = parseQuery(query, this.lexicon);
    if (!q.tokens.length && !q.cjk) return;
    const sims = new TokenSims(q.tokens, this.lexicon.dictionary, this.index.tokens);
    const found = this.search.find(q, sims);
    const own = new Map<string, ReadonlySet<number> | undefined>();
    for (const id of found.ids) {
      const n = this.index.names[id]!;
      const entry = this.lists[n.listIndex]!.entries[n.entryIndex]!;
      // Exact is the listed spelling itself (after folding); equal only after the lexicon's rewrites is strong.
      let exact = asTyped && n.norm.key === q.norm.key && !n.joined;
      if (numbersDisagree(q, n)) continue;
      let capped = numberMissing(q, n);
      let score: number;
      if (!own.has(n.entryKey)) own.set(n.entryKey, this.ownWords(q, n.entryKey, entry.country));
      const ownWords = own.get(n.entryKey);
      if (exact || (q.cjk !== '' && q.cjk === n.cjk && q.latinKey === n.latinKey)) score = 1;
      else if (found.segmentHits.has(id) && (n.distinctive || n.content >= 3)) score = SEGMENT_SCORE;
      // An acronym matches only as itself, or beside words of its own entry ("VNIIA Dukhov").
      else if (n.acronym && !confirmsAcronym(q, n.norm.tokens[0]!, ownWords)) score = 0;
      else if (n.compact === found.compact) score = COMPACT_SCORE;
      else {
        const s = this.scoreName(q, sims, id, entry, found.selfNamed.get(n.entryKey), ownWords);
        score = s.score;
        if (s.placePrefix) capped = true;
      }
      if (score < this.thresholds.possible) continue;
      const guard = guardHit(q, n, entry.country, country, exact);
      if (guard === 'drop') continue;
      const sibling = exact ? 'pass' : siblingUnderParent(q, n, this.lexicon);
      if (sibling === 'drop') continue;
      if (capped || guard === 'cap' || sibling === 'cap') {
        score = Math.min(score, this.possibleCap);
        exact = false;
      }
      keepBest(best, { score, exact, name: n });
    }
    // A Han name met with a listed Chinese company's pinyin or Han name by its trade name (han-latin-score.ts).
    for (const [id, score] of this.tradeNames.find(query, q)) this.keepTradeName(best, q, id, score, country);
    // A listed name's rare core word in the query ("Iprogift Tech"): a possible match at the shipped threshold,
    // never more by itself (and nothing under a stricter one).
    const rareScore = Math.min(DEFAULT_THRESHOLDS.possible, this.possibleCap);
    if (rareScore >= this.thresholds.possible)
      for (const id of this.rare.find(q)) {
        const n = this.index.names[id]!;
        if ((best.get(n.entryKey)?.score ?? 0) >= rareScore || numbersDisagree(q, n)) continue;
        const entry = this.lists[n.listIndex]!.entries[n.entryIndex]!;
        if (guardHit(q, n, entry.country, country, false) === 'drop') continue;
        keepBest(best, { score: rareScore, exact: false, name: n });
      }
  }

  /**
   * The query's Latin words that confirm the entry: a word of another of its names (its acronym, a word of its long
   * form: "VNIIA Dukhov", "Dukhov Automat Res Inst VNIIA", "SATRA Pars Reactors"), and the entity's own country
   * written beside a name without a place ("Syrian Army Supply Bureau"; "Iran" of "Iran Electronics Industries,
   * Shiraz" is not context for "Shiraz Electronics Industries"). They do not count against a name of the entry
   * that does not itself cover them; every other word still does. A country translated from Japanese counts as its
   * Latin name.
   */
  private ownWords(q: Query, entryKey: string, country: string | undefined): ReadonlySet<number> | undefined {
    const words = this.index.entryWords.get(entryKey);
    const byCountry = country !== undefined && !this.index.placedEntries.has(entryKey);
    let out: Set<number> | undefined;
    // "North Korea", "Russian Federation": a country of several words (none of them the country alone) beside a name.
    const phrases = q.tokens.length > 2 ? q.countryPhrases : undefined;
    if (q.tokens.length > 1)
      q.tokens.forEach((t, i) => {
        // A country translated from Japanese (パキスタン of パキスタン国家開発複合体) is written beside a name as "Pakistan" is.
        if (t.kind !== 'latin' && !(t.kind === 'word' && q.countryWords[i])) return;
        const w = t.alts[0]!;
        const ofCountry = byCountry && (this.lexicon.countryOfWord(w) === country || phrases?.[i] === country);
        if (!words?.has(w) && !ofCountry) return;
        out ??= new Set();
        out.add(i);
      });
    return out;
  }

  /** A trade-name match under the guards of any other: numbers, the country given or named, a short name. */
  private keepTradeName(best: Map<string, BestHit>, q: Query, id: number, s: number, country?: string): void {
    const n = this.index.names[id]!;
    if (s < this.thresholds.possible || numbersDisagree(q, n)) return;
    const guard = guardHit(q, n, this.lists[n.listIndex]!.entries[n.entryIndex]!.country, country, false);
    if (guard === 'drop') return;
    const capped = guard === 'cap' || numberMissing(q, n);
    keepBest(best, { score: capped ? Math.min(s, this.possibleCap) : s, exact: false, name: n });
  }

  /** A name neither equal to the query nor to one of its segments: the better of its word and CJK scores. */
  private scoreName(
    q: Query,
    sims: TokenSims,
    id: number,
    entry: { country?: string | undefined },
    selfNamed: ReadonlySet<number> | undefined,
    own: ReadonlySet<number> | undefined,
  ): Scored {
    const n = this.index.names[id]!;
    // A kanji-only query (no Latin word, no kana) is not compared word by word with an entry named in Han.
    // Read after the lexicon folded katakana places to Han: ハルビン理工大学 is compared in Han like 哈尔滨理工大学.
    const hanOnly = hanOnlyQuery(q);
    const skipLatin = hanOnly && !KANA.test(q.cjk) && this.index.hanNamed.has(n.entryKey);
    // Names whose words the query cannot cover enough are not scored word by word (most candidates of a
    // large list): the bound is exact, so this changes no result.
    const latin = !skipLatin && latinCanReach(sims, this.index.bound, id, this.thresholds.possible);
    let s = latin ? latinScore(q, sims, n, 0, q.tokens.length, selfNamed, own) : { score: 0, placePrefix: false };
    if (q.segments.length > 1 && latin && (n.distinctive || n.content >= 3))
      for (const seg of q.segments) {
        // "X in Tehran": a segment that is only a place, a title or a number is context, never a name.
        if (!seg.names) continue;
        const t = latinScore(q, sims, n, seg.lo, seg.hi, selfNamed, own);
        if (t.score > s.score) s = t;
      }
    // A translated kanji name is a confident whole match or nothing: 哈尔滨工业大学 translated half-covers
    // "Harbin Engineering University", which the CJK comparison tells apart. Katakana carries the name's
    // sound, so a katakana rendering may also be a possible match (クラフトウェイ for "Kraftway Corporation").
    if (hanOnly && !q.hasKana) {
      if (s.score < this.thresholds.strong) s = { score: 0, placePrefix: false };
      // And one word of the listed name left uncovered is not confident: 莫斯科工程物理学院 (MEPhI) translated covers
      // all of "Moscow … Institute of Physics …" but its Technology, 0.90. At most possible below TRANSLATED_CONFIDENT.
      else if (s.score < TRANSLATED_CONFIDENT) s = { score: s.score, placePrefix: true };
    }
    const c = cjkScore(this.lexicon, q, n, entry, selfNamed);
    if (c.score > s.score) s = c;
    return s;
  }
}

/**
 * A query in CJK script with no Latin word: postcodes beside it (北京科技大学 新材料技术研究院，北京 100083) are an
 * address, not words to compare; with them read as Latin words the translated query was compared freely and
 * assembled "Beijing Institute of Technology" from 北京, 技术 and 研究院. Five digits or more: an institute's
 * number (第10研究所, 607所) is a word of its name.
 */
function hanOnlyQuery(q: Query): boolean {
  return q.cjk !== '' && q.norm.tokens.every((t) => POSTCODE.test(t));
}
const POSTCODE = /^\d{5,}$/u;

/** A Han-only query translated word by word is strong only from this score: every listed word, or nearly, covered. */
const TRANSLATED_CONFIDENT = 0.95;

/** Whether the query has a word of the acronym's entry other than the acronym itself ("VNIIA Dukhov"). */
function confirmsAcronym(q: Query, acronym: string, own: ReadonlySet<number> | undefined): boolean {
  if (!own) return false;
  for (const i of own) if (q.tokens[i]!.kind === 'latin' && q.tokens[i]!.alts[0] !== acronym) return true;
  return false;
}

/**
 * Made on first use: building it folds kanji, which a process reading its index from the cache may never do (and a
 * lexicon made at import would make every mutant of its constructor static for the mutation run).
 */
let empty: Lexicon | undefined;
const emptyLexicon = () =>
  (empty ??= new Lexicon({
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
      parentBodies: [],
      latinAbbreviations: { always: {}, dotted: {}, alternatives: {} },
      cjkAnotherBodyAfter: [],
      cjkIndependentColleges: [],
      cjkLeadingCountryAbbreviations: [],
      parentAfterName: [],
      commonNameWords: [],
      chineseLegalForms: [],
    },
    gazetteer: { version: 1, places: [], nationalMarkers: [] },
  }));

export type { CuratedAlias };
