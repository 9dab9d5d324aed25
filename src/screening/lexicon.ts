/**
 * @module screening/lexicon
 * The word map, generic katakana words and gazetteer of rules/screening compiled for the matcher: CJK text
 * normalised the same way on both sides (katakana Chinese places to Han, 科学技术 to 科技, the PLA prefix
 * dropped, ヴ to ブ), the distinctive CJK core, numbers, and a Japanese or Chinese name translated word by word
 * into English-comparable tokens (katakana as a phonetic key).
 */

import { toRomaji } from 'wanakana';
import { CountryMarkers } from './country-markers.ts';
import type { ScreeningData } from './data.ts';
import { foldCjk, GENERIC_INFLECTIONS, HAN, normalizeName, tokenWeight } from './normalize.ts';
import { kanjiNumber, numberedInstitutes } from './numbering.ts';
import { ParentTails } from './parent-tails.ts';
import { kanaKey, kanaKeys, phoneticKey } from './phonetic.ts';
import { escapeRegExp } from './regexp.ts';

/** A Han or katakana character: what a one-character country name may stand before (露国防省, 露ドゥホフ…). */
const HAN_OR_KATAKANA = /[\u3400-\u9fff\uf900-\ufaff\u30a1-\u30fa]/u;

/**
 * Whether a folded CJK text is, all of it, a college named by a city (珠海学院, 成都市学院): after a university's name,
 * one of China's independent colleges, founded by the university and run apart from it, so a body of its own. A
 * faculty (材料学院) is the university's: its subject and a city are both two Han, so only places of the gazetteer
 * count.
 */
export function isCityCollege(text: string, isPlace: (han: string) => boolean): boolean {
  const m = CITY_COLLEGE.exec(text);
  return m !== null && isPlace(m[1]!);
}
const CITY_COLLEGE = /^(.{2,}?)市?学院$/u;

/** Words whose tokens translateWord keeps: far more than a conversation's queries hold. */
const WORD_CACHE_SIZE = 20_000;

/** One query token: the English words it may stand for, or a phonetic key for a katakana word. */
export interface QueryToken {
  alts: readonly string[];
  /** Phonetic key of a katakana word (matched against the key of each listed token). */
  phon?: string;
  /** The katakana word's other keys (ー as r …; phonetic.kanaKeys), matched like `phon`. */
  phonAlts?: readonly string[];
  /** The key of the word a katakana word was split from (キム, チェク of キムチェク): it may be two listed words as one. */
  wholePhon?: string;
  /** The first vowel of that word: a listed pair met by `wholePhon` must start with it too (オラクル is not Air Koryo). */
  wholeVowel?: string;
  /** The first vowel of the romanised word, an epenthetic u skipped (クラフト kurafuto → a). */
  vowel?: string;
  /**
   * The Latin vowel a katakana diphthong may stand for: アイ is English i (Mining マイニング, Pine パイン), エイ English a
   * (Cape ケイプ). Compared wherever `vowel` is.
   */
  vowelAlt?: string;
  /** A katakana word of four or more characters: a two-consonant key (ベイハン "bn") is still a word. */
  long?: boolean;
  /**
   * A short katakana name among translated institution words only (ネダ in ネダ工業グループ): its two-consonant key
   * may meet a listed word by sound, the name being judged as a whole (see parseQuery).
   */
  inWords?: boolean;
  /** A Latin word as typed, when it may be an ISO 4 truncation of a longer listed word ("environm"; truncations.ts). */
  stem?: string;
  kind: 'latin' | 'word' | 'kana' | 'place' | 'unknown' | 'number' | 'context';
  /** A number written as an ordinal ("2nd", "Second"): it numbers the name, it is never an amount glued on. */
  ordinal?: boolean;
  /** Tokens in different segments (split at commas, brackets, "at", "in", の …) are separate contexts. */
  segment: number;
  /** Country of a gazetteer place. */
  placeCountry?: string;
}

const KATAKANA = /[\u30a0-\u30ff]/u;
/** Bound of the per-lexicon memo tables: the listed names and a day's queries fit. */
const CJK_CACHE_LIMIT = 50_000;
/** Longer katakana runs are not split into two listed words (and splitting is quadratic). */
const MAX_SPLIT_WORD = 16;
// A kanji numeral right before 所/院 numbers an institute too (中国电科十所 is CETC 10, not CETC 38).
const CJK_NUMBER =
  /第\s*([〇零一二三四五六七八九十百千\d]+)|(\d+)|([〇一二三四五六七八九十百]+)(?=研究所|研究院|所|院)/gu;
/** An institute's own number is written before 所 or 研究所 (三院三十四所), not before 院. */
const INSTITUTE_AFTER = /^\s*(?:[研硏]究所|所)/u;

/** The numbers a folded CJK text writes (第十四, 三十四所, 14所) into `out`, each only where `keep` accepts what follows it. */
function cjkNumbers(cjk: string, out: Set<number>, keep?: (after: string) => boolean): Set<number> {
  for (const m of cjk.matchAll(CJK_NUMBER)) {
    const n = kanjiNumber(m[1] ?? m[2] ?? m[3] ?? '');
    if (n !== undefined && (!keep || keep(cjk.slice(m.index + m[0].length)))) out.add(n);
  }
  return out;
}

/**
 * The saint before a city's name (St Petersburg, Saint Petersburg) is no place by itself: "St" is the street of an
 * address ("Harbin Eng. Univ., 145 Nantong St, Harbin"), "Saint" begins many names (Lexicon.isPlaceAt).
 */
const SAINT_WORDS: ReadonlySet<string> = new Set(['st', 'saint']);

export class Lexicon {
  /** Folded CJK form → English words, longest forms first. */
  private readonly forms: [string, readonly string[], 'word' | 'generic'][];
  private readonly formsByFirst = new Map<string, [string, readonly string[], 'word' | 'generic'][]>();
  private readonly kanaPlaces: [string, string][];
  private readonly placesByHan = new Map<string, { latin: string[]; country: string }>();
  /** The places by their first character, in placesByHan's order (the first that fits is taken). */
  private readonly placesByFirst = new Map<string, string[]>();
  /** translateWord's tokens per word (segment 0). */
  private readonly wordTokens = new Map<string, readonly QueryToken[]>();
  readonly latinPlaces = new Map<string, string>();
  /** A saint's word of a place (st, saint) → the words that follow it there (petersburg). */
  private readonly saintOf = new Map<string, Set<string>>();
  private readonly equivalents: [string, string][];
  private readonly genericPrefixes: string[];
  /** Headline abbreviations of country names (露 → ロシア), folded; only at the start of a text. */
  /** Abbreviation, country name, and the words it must stand before (any Han or katakana when none). */
  private readonly leadingCountries: [string, string, string[] | undefined][];
  private readonly genericCjk: string[];
  /** Independent colleges' own names (明德, 紫金), folded: words.yaml cjkIndependentColleges. */
  private readonly collegeNames: ReadonlySet<string>;
  /** The generic katakana words (genericKatakana), folded, longest first. */
  private readonly genericKana: string[];
  readonly departments: ReadonlySet<string>;
  readonly contextTokens: ReadonlySet<string>;
  readonly dictionary: ReadonlySet<string>;
  /**
   * Ordinary words of company names (commonNameWords) and the words Latin abbreviations stand for (semiconductor):
   * never a listed name's rare word (rare-words.ts).
   */
  readonly commonWords: ReadonlySet<string>;
  private readonly kanaStopwords: ReadonlySet<string>;
  private readonly parentBodies: ReadonlySet<string>;
  /** The parent bodies' normalised CJK forms, longest first. */
  private readonly parentCjk: string[];
  /** Country named by a marker: single Latin tokens, Latin phrases (joined by spaces) and CJK forms. */
  private readonly markers: CountryMarkers;
  private readonly tails: ParentTails;
  /** Folded words that, right after a listed CJK name, make the text name another body (职业, 附属 …). */
  readonly anotherBodyWords: readonly string[];
  /** Phonetic keys of listed Latin tokens, so a katakana run can be split where two listed words meet. */
  knownKeys = new Set<string>();
  /**
   * normalizeCjk and isParentBody by input: the index build asks them for the same texts many times (every
   * name of an entry checks the entry's first name), and normalizeCjk runs every gazetteer place over the text.
   */
  private readonly cjkCache = new Map<string, string>();
  /** normalizeCjkAs without the spelling fold, by input (translate's reading). */
  private readonly cjkSoundCache = new Map<string, string>();
  /** kanaPlaces with their katakana spelling folded (kanaSpelling), as normalizeCjk compares them. */
  private readonly kanaPlacesSpelled: [string, string][];
  private readonly parentCache = new Map<string, boolean>();
  /** The data it was compiled from, for the readers of Chinese company names (trade-name.ts). */
  readonly source: Pick<ScreeningData, 'words' | 'gazetteer'>;

  constructor(data: Pick<ScreeningData, 'words' | 'gazetteer'>) {
    this.source = data;
    const forms: [string, readonly string[], 'word' | 'generic'][] = [];
    // A word stands for the inflections of its English words too (技術 covers "Technologies" as the Latin
    // "Technology" does).
    const inflected = (en: readonly string[]) => [
      ...new Set(en.flatMap((w) => [w, ...(GENERIC_INFLECTIONS.get(w) ?? [])])),
    ];
    for (const g of data.words.institutionWords)
      for (const f of g.forms) forms.push([fold(f), inflected(g.en), 'word']);
    for (const g of data.words.genericKatakana) for (const f of g.forms) forms.push([fold(f), g.en, 'generic']);
    for (const f of data.words.cjkContextWords) forms.push([fold(f), [], 'word']);
    this.kanaPlaces = [];
    for (const p of data.gazetteer.places) {
      const han = fold(p.han);
      const latin = p.latin.map((l) => l.toLowerCase().replace(/[^a-z]/g, ''));
      this.placesByHan.set(han, { latin, country: p.country });
      const first = this.placesByFirst.get(han[0]!);
      if (first) first.push(han);
      else this.placesByFirst.set(han[0]!, [han]);
      // Without ・ and ー, as normalizeCjk compares them (fold already drops them; this says so once).
      for (const k of p.kana) this.kanaPlaces.push([fold(k).replace(/[・ー]/gu, ''), han]);
      for (const l of p.latin) {
        const words = l
          .toLowerCase()
          .split(/[^a-z]+/)
          .filter(Boolean);
        for (const t of words) this.latinPlaces.set(t, p.country);
        words.forEach((t, i) => {
          if (i + 1 < words.length && SAINT_WORDS.has(t)) {
            const next = this.saintOf.get(t) ?? new Set<string>();
            next.add(words[i + 1]!);
            this.saintOf.set(t, next);
          }
        });
      }
    }
    this.kanaPlaces.sort((a, b) => b[0].length - a[0].length);
    this.kanaPlacesSpelled = this.kanaPlaces
      .map(([k, han]): [string, string] => [kanaSpelling(k), han])
      .sort((a, b) => b[0].length - a[0].length);
    this.forms = forms.sort((a, b) => b[0].length - a[0].length);
    for (const f of this.forms) {
      const first = f[0][0]!;
      const bucket = this.formsByFirst.get(first);
      if (bucket) bucket.push(f);
      else this.formsByFirst.set(first, [f]);
    }
    this.equivalents = data.words.cjkEquivalents.map((e) => [fold(e.from), fold(e.to)]);
    this.genericPrefixes = data.words.cjkGenericPrefixes.map(fold).sort((a, b) => b.length - a.length);
    this.leadingCountries = data.words.cjkLeadingCountryAbbreviations.map((e) => [
      fold(e.from),
      fold(e.to),
      e.before?.map(fold),
    ]);
    this.genericCjk = [
      ...new Set([
        ...[
          '大学',
          '大學',
          '研究所',
          '研究院',
          '公司',
          '集團',
          '學院',
          '学院',
          '中心',
          '技術',
          '科技',
          '工業',
          '有限',
        ].map(fold),
        ...data.words.genericKatakana.flatMap((g) => g.forms.map((f) => kanaSpelling(fold(f)))),
      ]),
    ].sort((a, b) => b.length - a.length);
    this.genericKana = [
      ...new Set(data.words.genericKatakana.flatMap((g) => g.forms.map((f) => kanaSpelling(fold(f))))),
    ].sort((a, b) => b.length - a.length);
    const c = data.words.contextWords;
    this.departments = new Set(c.departments.map((w) => w.toLowerCase()));
    this.contextTokens = new Set([...c.titles, ...c.funders].map((w) => w.toLowerCase()));
    this.dictionary = new Set(data.words.dictionaryWords.map((w) => w.toLowerCase()));
    const abbr = data.words.latinAbbreviations ?? { always: {}, dotted: {} };
    this.commonWords = new Set(
      [...(data.words.commonNameWords ?? []), ...Object.values(abbr.always), ...Object.values(abbr.dotted)].map((w) =>
        w.toLowerCase(),
      ),
    );
    this.kanaStopwords = new Set(data.words.kanaStopwords.map(fold));
    this.tails = new ParentTails(data.words.parentAfterName ?? []);
    this.anotherBodyWords = [...new Set((data.words.cjkAnotherBodyAfter ?? []).map(fold))];
    this.collegeNames = new Set((data.words.cjkIndependentColleges ?? []).map(fold));
    this.parentBodies = new Set((data.words.parentBodies ?? []).map((p) => this.nameKey(p)));
    this.parentCjk = [...new Set((data.words.parentBodies ?? []).map((p) => this.foldedCjk(p)).filter(Boolean))].sort(
      (a, b) => b.length - a.length,
    );
    // A marker never begins inside one of the institution words (物理 before 理化学研究所).
    const twoCharWords = new Set(
      data.words.institutionWords.flatMap((g) => g.forms.map(fold)).filter((f) => f.length === 2 && HAN.test(f)),
    );
    this.markers = new CountryMarkers(data.gazetteer.nationalMarkers, (m) => kanaSpelling(fold(m)), twoCharWords);
  }

  /** A name's words and normalised CJK part, as the parent-body list is compared. */
  private nameKey(text: string): string {
    const n = normalizeName(text);
    return `${n.tokens.join(' ')}|${this.normalizeCjk(n.cjk)}`;
  }

  /** Whether `text` names only a parent body (ロシア科学アカデミーシベリア支部, CETC, 中国科学院). */
  isParentBody(text: string): boolean {
    if (this.parentBodies.size === 0) return false;
    let known = this.parentCache.get(text);
    if (known === undefined) {
      known = this.parentBodies.has(this.nameKey(text));
      if (this.parentCache.size >= CJK_CACHE_LIMIT) this.parentCache.clear();
      this.parentCache.set(text, known);
    }
    return known;
  }

  /** How many of a query segment's Latin words at its end name a parent academy (see ParentTails). */
  parentTailLength(words: readonly string[]): number {
    return this.tails.length(words);
  }

  /** A listed name without a parent academy at its end, if it has one (see ParentTails). */
  withoutParentTail(text: string): string | undefined {
    return this.tails.strip(text);
  }

  /** Whether CJK text (folded) right after a listed name opens another body: 北京理工 + 职业学院, + 附属中学. */
  anotherBodyAfter(rest: string): boolean {
    // Also after the 大学 a short form leaves out (北京理工 + 大学附属中学): the listed university's own word, then the school.
    const after = rest.startsWith('大学') ? rest.slice(2) : rest;
    return this.anotherBodyWords.some((w) => rest.startsWith(w) || after.startsWith(w));
  }

  /** The longest parent body (normalised CJK) that `cjk` starts with, if any. */
  parentPrefix(cjk: string): string | undefined {
    return this.parentCjk.find((p) => cjk.startsWith(p) && cjk.length > p.length);
  }

  /**
   * CJK text (already kana- and kanji-folded) as both sides compare it: katakana places in their Han form,
   * Chinese long forms as short forms, the PLA prefix dropped, ・ and ー and spaces removed.
   */
  normalizeCjk(cjk: string): string {
    return this.normalizeCjkAs(cjk, true);
  }

  /**
   * normalizeCjk; `spelling`: with the katakana spelling variants folded too (kanaSpelling). A word translated
   * by its katakana sound keeps its spelling (ティ is t, チ is ch), so translate() reads the text without it.
   */
  private normalizeCjkAs(cjk: string, spelling: boolean): string {
    if (!cjk) return cjk;
    const cache = spelling ? this.cjkCache : this.cjkSoundCache;
    const cached = cache.get(cjk);
    if (cached !== undefined) return cached;
    let s = cjk.replace(/[・･ー\s]/gu, '').replace(/ヴ/gu, 'ブ');
    // 露国防省 is ロシア国防省, 俄国防部 俄罗斯国防部: a headline's one-character country name, written out before a Han word
    // (not again where it is written out already: 俄罗斯 begins with 俄). A word that
    // begins with it (露天) is rewritten too, harmlessly: both sides fold alike and no listed name begins so.
    // Before a Han or a katakana character (露国防省, 露ドゥホフ自動化研究所), or before one of its words.
    for (const [abbr, full, before] of this.leadingCountries)
      if (
        s.startsWith(abbr) &&
        !s.startsWith(full) &&
        HAN_OR_KATAKANA.test(s.charAt(abbr.length)) &&
        (!before || before.some((w) => s.startsWith(w, abbr.length)))
      )
        s = full + s.slice(abbr.length);
    if (spelling) s = kanaSpelling(s);
    for (const [kana, han] of spelling ? this.kanaPlacesSpelled : this.kanaPlaces)
      if (s.includes(kana)) s = s.split(kana).join(han);
    for (const [from, to] of this.equivalents) if (s.includes(from)) s = s.split(from).join(to);
    // 十四所, 第十四所, 第14研究所 (its digits already kanji) and 第十四研究所 are one numbered institute, written one way.
    s = numberedInstitutes(s);
    for (const p of this.genericPrefixes) if (s.startsWith(p) && s.length > p.length) s = s.slice(p.length);
    if (cache.size >= CJK_CACHE_LIMIT) cache.clear();
    cache.set(cjk, s);
    return s;
  }

  /**
   * A normalised CJK name without the generic katakana words at its ends (スホイカンパニ → スホイ, トレディングアライン →
   * アライン), as a Latin name is compared without its generic words; unchanged when nothing is left.
   */
  withoutGenericKana(cjk: string): string {
    let s = cjk;
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of this.genericKana)
        if (s.length > g.length && (s.endsWith(g) || s.startsWith(g))) {
          s = s.endsWith(g) ? s.slice(0, -g.length) : s.slice(g.length);
          changed = true;
        }
    }
    return s;
  }

  /** The distinctive part of a normalised CJK name: generic words (大学, センター …) removed. */
  core(cjk: string): string {
    let core = cjk;
    for (const g of this.genericCjk) if (core.includes(g)) core = core.split(g).join('');
    return core;
  }

  /**
   * Whether a folded CJK name is generic institution words only (科学研究 of the list's 「株式会社科学研究」, 研究センター):
   * it names no one body, as "Scientific Research" does not; a place or a number is not generic.
   */
  genericOnlyCjk(cjk: string): boolean {
    const tokens: QueryToken[] = [];
    this.translate(cjk, 0, tokens);
    return (
      tokens.some((t) => t.kind === 'word') &&
      tokens.every((t) => t.kind === 'context' || (t.kind === 'word' && t.alts.every((a) => tokenWeight(a) < 0.6)))
    );
  }

  /** A text's CJK part as both sides compare it: normalizeName's CJK, then normalizeCjk. */
  foldedCjk(text: string): string {
    return this.normalizeCjk(normalizeName(text).cjk);
  }

  /** Whether a folded CJK text is a college named by a gazetteer city or an independent college's name (isCityCollege). */
  isCityCollege(text: string): boolean {
    return isCityCollege(text, (han) => this.placesByHan.has(han) || this.collegeNames.has(han));
  }

  /** What may name an independent college before 学院: the gazetteer's Han places and the colleges' own names, folded. */
  collegeNamers(): string[] {
    return [...this.placesByHan.keys(), ...this.collegeNames];
  }

  /** Whether a folded Han text is exactly a place of the gazetteer (哈尔滨, 大连), nothing before or after it. */
  isHanPlace(han: string): boolean {
    return this.placesByHan.has(han);
  }

  /** A Han place name that `prefix` ends with, if any. */
  placeAtEnd(prefix: string): string | undefined {
    for (const han of this.placesByHan.keys()) if (prefix.endsWith(han)) return han;
    return undefined;
  }

  /**
   * The country of the place a folded Latin token names where it stands, or undefined: a saint's word (St, Saint)
   * only before the rest of its place's name ("St Petersburg", not the street of "145 Nantong St").
   */
  latinPlaceAt(tokens: readonly string[], i: number): string | undefined {
    const t = tokens[i]!;
    const place = this.latinPlaces.get(t);
    if (!place) return undefined;
    const next = this.saintOf.get(t);
    return next && !next.has(tokens[i + 1] ?? '') ? undefined : place;
  }

  /** Whether a word is a country's name ("syria" for シリア): alone in brackets it only says where. */
  isCountryWord(word: string): boolean {
    return this.markers.isCountryWord(word);
  }

  /** The country a one-word marker names ("syrian" → SY), if it is one. */
  countryOfWord(word: string): string | undefined {
    return this.markers.countryOfWord(word);
  }

  /** The country a normalised CJK text is the name of, all of it (朝鮮, イラン), if it is one. */
  countryOfCjk(cjk: string): string | undefined {
    return this.markers.countryOfCjk(cjk);
  }

  /** Countries a text names (中国科学院, Russian Academy of Sciences, イラン …). */
  namedCountries(rawLatin: string, cjk: string): Set<string> {
    return this.markers.named(rawLatin, cjk);
  }

  /** Per word of `words`, the country of the marker of several words it is part of ("north korea" → KP). */
  countryPhrases(words: readonly string[]): (string | undefined)[] {
    return this.markers.phrases(words);
  }

  /** Numbers a name carries: digits and ordinals in Latin, 第十三 and digits in CJK. */
  numbers(tokens: readonly string[], cjk: string): Set<number> {
    const out = new Set<number>();
    for (const t of tokens) if (/^\d+$/.test(t)) out.add(Number(t));
    return cjkNumbers(cjk, out);
  }

  /**
   * An institute's own numbers in a folded CJK name: those written before 所 or 研究所, not 院 (34 of 三院三十四所):
   * beside an academy's number they say which of its institutes it is (guards.numbersDisagree).
   */
  instituteNumbers(cjk: string): Set<number> {
    return cjkNumbers(cjk, new Set(), (after) => INSTITUTE_AFTER.test(after));
  }

  /**
   * A CJK run (kana folded to katakana, kanji folded) as English-comparable tokens: institution words to
   * their English counterparts, places to their Latin spellings, katakana words to phonetic keys, anything
   * else to an unknown token that no listed English name can cover.
   */
  translate(run: string, segment: number, out: QueryToken[]): void {
    // ・ and spaces separate words: マレク・アシュタール is two, and the second starts with a vowel.
    for (const word of run.split(/[・･\s]+/u)) {
      if (!word) continue;
      if (this.kanaStopwords.has(fold(word))) out.push({ alts: [], kind: 'context', segment });
      else this.translateWord(word, segment, out);
    }
  }

  /**
   * A word's tokens depend on the word alone, and a long list name's words come back in each of its readings and
   * pieces (some ten parses a query): each is translated once, its tokens copied out with the segment.
   */
  private translateWord(run: string, segment: number, out: QueryToken[]): void {
    let tokens = this.wordTokens.get(run);
    if (!tokens) {
      const fresh: QueryToken[] = [];
      this.translateWordOnce(run, 0, fresh);
      tokens = fresh;
      if (this.wordTokens.size >= WORD_CACHE_SIZE) this.wordTokens.clear();
      this.wordTokens.set(run, tokens);
    }
    for (const t of tokens) out.push({ ...t, segment });
  }

  private translateWordOnce(run: string, segment: number, out: QueryToken[]): void {
    const s = this.normalizeCjkAs(run, false);
    let i = 0;
    let unknown = '';
    const flushUnknown = () => {
      if (unknown) out.push({ alts: [`?${unknown}`], kind: 'unknown', segment });
      unknown = '';
    };
    while (i < s.length) {
      const ch = s[i]!;
      const num = /^第([〇零一二三四五六七八九十百千]+)/u.exec(s.slice(i));
      if (num) {
        flushUnknown();
        out.push({ alts: [String(kanjiNumber(num[1]!) ?? num[1])], kind: 'number', segment });
        i += num[0].length;
        continue;
      }
      const place = this.placeAt(s, i);
      if (place) {
        flushUnknown();
        out.push({ alts: place.latin, kind: 'place', segment, placeCountry: place.country });
        i += place.length;
        continue;
      }
      const form = this.formAt(s, i);
      if (form) {
        flushUnknown();
        const [f, en] = form;
        // A katakana loanword also keeps its sound, so エネルギー meets "Energiya" as well as "energy".
        const phon = KATAKANA.test(f) ? kanaKey(f) : undefined;
        out.push({ alts: en, kind: en.length ? 'word' : 'context', segment, ...(phon ? { phon } : {}) });
        i += f.length;
        continue;
      }
      if (KATAKANA.test(ch)) {
        flushUnknown();
        let j = i + 1;
        while (j < s.length && KATAKANA.test(s[j]!) && !this.formAt(s, j) && !this.placeAt(s, j)) j++;
        this.pushKana(s.slice(i, j), segment, out, run.includes('ー') ? withLongVowels(run, s.slice(i, j)) : undefined);
        i = j;
        continue;
      }
      unknown += ch;
      i++;
    }
    flushUnknown();
  }

  /** `written`: the word as written with its long-vowel marks (normalizeCjk drops them), for its other keys. */
  private pushKana(word: string, segment: number, out: QueryToken[], written?: string): void {
    const [key, ...phonAlts] = kanaKeys(written ?? word);
    if (!key) return;
    if (!this.knownKeys.has(key) && !phonAlts.some((k) => this.knownKeys.has(k)) && word.length <= MAX_SPLIT_WORD) {
      // "マレクアシュタール" written without a dot: split where two listed words' keys meet.
      // Of several splits, the one whose shorter half is longest: マレク|アシュタール, not マレ|クアシュタール.
      let split: [string, string] | undefined;
      for (let k = 2; k <= word.length - 2; k++) {
        const a = kanaKey(word.slice(0, k));
        const b = kanaKey(word.slice(k));
        if (a.length < 2 || b.length < 2 || !this.knownKeys.has(a) || !this.knownKeys.has(b)) continue;
        if (!split || Math.min(a.length, b.length) > Math.min(split[0].length, split[1].length)) split = [a, b];
      }
      if (split) {
        const wholeVowel = /[aeio]/.exec(toRomaji(word))?.[0];
        const whole = { wholePhon: key, ...(wholeVowel ? { wholeVowel } : {}) };
        out.push({ alts: [], phon: split[0], ...whole, kind: 'kana', segment });
        out.push({ alts: [], phon: split[1], ...whole, kind: 'kana', segment });
        return;
      }
    }
    const romaji = toRomaji(word);
    // トゥ and ドゥ are a written u (トゥーラ Tula, ドゥブナ Dubna), which wanakana romanises "tou", "dou": u, or the o
    // of that romanisation (トゥースィー for Toosi); any other u may be the one Japanese inserts, and is skipped.
    const writtenU = /^[トド]ゥ/u.test(word);
    const vowel = writtenU ? 'u' : /[aeio]/.exec(romaji)?.[0];
    const vowelAlt = writtenU
      ? /[aeio]/.exec(romaji)?.[0]
      : /^[^aeiou]*(?:ai|ei)/.exec(romaji)?.[0]?.endsWith('ai')
        ? 'i'
        : /^[^aeiou]*ei/.test(romaji)
          ? 'a'
          : undefined;
    out.push({
      alts: [],
      phon: key,
      ...(phonAlts.length ? { phonAlts } : {}),
      kind: 'kana',
      segment,
      ...(word.length >= 4 ? { long: true } : {}),
      ...(vowel ? { vowel } : {}),
      ...(vowelAlt ? { vowelAlt } : {}),
    });
  }

  private formAt(s: string, i: number): [string, readonly string[], 'word' | 'generic'] | undefined {
    for (const f of this.formsByFirst.get(s[i]!) ?? []) if (s.startsWith(f[0], i)) return f;
    return undefined;
  }

  private placeAt(s: string, i: number): { latin: string[]; country: string; length: number } | undefined {
    for (const han of this.placesByFirst.get(s[i]!) ?? [])
      if (s.startsWith(han, i)) return { ...this.placesByHan.get(han)!, length: han.length };
    return undefined;
  }
}

/**
 * Katakana spelling variants of one foreign word, folded to one spelling for comparing CJK names with each other
 * (the sound keys of phonetic.ts compare katakana with Latin): ヴァ/バ (ブァ after ヴ → ブ) and the other ヴ syllables,
 * ティ/チ (イニシアティブ, イニシアチブ), ディ/ジ (ラディオ, ラジオ), トゥ/ツ
 * (トゥポレフ, ツポレフ), ドゥ/ド (ドゥブナ, ドブナ), スィ/シ and ズィ/ジ (トゥースィー, トゥーシー), ウィ/ウイ, ウェ/ウエ,
 * ウォ/ウオ, イェ/エ (イェルショフ, エルショフ), クァ/クア, グァ/グア (グァンジョウ), ヂ/ジ, ヅ/ズ, and ヤ/ア after an i sound
 * (ダイヤモンド, ダイアモンド; エネルギヤ, エネルギア; テフノロギヤ, テフノロギア).
 */
export function kanaSpelling(s: string): string {
  if (!KANA_VARIANT.test(s)) return s;
  return s
    .replace(/ブァ/gu, 'バ')
    .replace(/ブィ/gu, 'ビ')
    .replace(/ブェ/gu, 'ベ')
    .replace(/ブォ/gu, 'ボ')
    .replace(/ブュ/gu, 'ビュ')
    .replace(/ティ/gu, 'チ')
    .replace(/ディ/gu, 'ジ')
    .replace(/トゥ/gu, 'ツ')
    .replace(/ドゥ/gu, 'ド')
    .replace(/スィ/gu, 'シ')
    .replace(/ズィ/gu, 'ジ')
    .replace(/ウィ/gu, 'ウイ')
    .replace(/ウェ/gu, 'ウエ')
    .replace(/ウォ/gu, 'ウオ')
    .replace(/イェ/gu, 'エ')
    .replace(/([クグ])ァ/gu, '$1ア')
    .replace(/ヂ/gu, 'ジ')
    .replace(/ヅ/gu, 'ズ')
    .replace(/(?<=[イキシチニヒミリギジビピ])ヤ/gu, 'ア');
}
const KANA_VARIANT = /[ァィゥェォュヂヅヤ]/u;

/** `kana` (normalised, ー dropped) as written in `run`, with its long-vowel marks: トダン in トーダン・… is トーダン. */
function withLongVowels(run: string, kana: string): string | undefined {
  const re = new RegExp(`${[...kana].map(escapeRegExp).join('ー*')}ー*`, 'u');
  return re.exec(run.replace(/ヴ/gu, 'ブ'))?.[0];
}

function fold(s: string): string {
  return foldCjk(s.normalize('NFKC'))
    .replace(/[・･ー\s]/gu, '')
    .replace(/ヴ/gu, 'ブ');
}

export { kanjiNumber, phoneticKey };
