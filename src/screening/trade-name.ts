/**
 * @module screening/trade-name
 * A Chinese company name read as its parts, [place][trade name][industry][legal form] (河南 嘉源 铝业 有限公司,
 * "Henan Jiayuan Aluminium Industry Co., Ltd.", "Dalian Zhenghua Maoyi Youxian Gongsi"): the places (gazetteer,
 * or a name before 市/县), the trade name (字号) that tells one company from another, and the industry words in
 * English (words.yaml; in a listed pinyin name, their pinyin: maoyi is 贸易, Trading). Legal and group forms are
 * dropped. Han text is read from both ends: places from the front, industry and legal words from the back, so a
 * word inside the trade name (东 in 东源) is never translated.
 */
import type { Lexicon } from './lexicon.ts';
import {
  BRACKETED_LEGAL,
  CJK_RUN,
  foldCjk,
  foldCjkRun,
  GENERIC_INFLECTIONS,
  GENERIC_LATIN,
  HAN,
  STOPWORDS,
} from './normalize.ts';
import { pinyinKey } from './pinyin.ts';

export interface TradeNameParts {
  /** Places, by their first Latin spelling in the gazetteer (an unknown place before 市/县 by its pinyin). */
  places: string[];
  /** The trade name: Han characters for a Han name, joined lower-case letters for a Latin one. */
  trade: string;
  /** English words of the industry words (legal, group and country words left out). */
  industry: Set<string>;
  /** A group (集团, "Group"): 鸿祥实业集团 is not the listed 鸿祥实业 but the group around it, or another. */
  group?: boolean;
  /** A Latin name whose first word was taken for a place the gazetteer does not know (among `places`): at most possible. */
  leadDropped?: boolean;
  /** The first word of a Latin trade name of two that may be such a place ("chongyi" of "Chongyi Hengyi"). */
  lead?: string;
}

/** What may follow a place in a Han name: the administrative unit (深圳市, 江苏省, 崇义县). */
const PLACE_UNIT = /^(?:特别行政区|自治区|省|市|县|区)/u;
/** A place the gazetteer does not know, named as one by its unit (三河市, 兴和县): two or three characters. */
const UNKNOWN_PLACE = /^([\u3400-\u9fff]{2,3}?)(?:市|县)/u;
/** The most words a pinyin industry or legal form is written in ("you xian gong si"). */
const MAX_PINYIN_WORDS = 6;
/** Where a text splits into names: anything but Han characters, Latin letters and digits (kana, brackets, spaces). */
const CHUNK = /[\p{Script=Han}a-zA-Z0-9々]+/gu;
/** Longer Han runs are sentences, not names. */
const MAX_NAME = 24;
/** A group's word in Han and in Latin letters (jituan is its pinyin). */
const GROUP_HAN = '集团';
const GROUP_LATIN = new Set(['group', 'jituan']);
/** Single characters that end a company name as an industry word; other single-character words (南, 东) do not. */
const SINGLE_INDUSTRY = new Set(['厂']);

export class TradeNameWords {
  /** Han industry and legal forms (folded), longest first, with their English words ([] for a legal form). */
  private readonly suffixes: [string, readonly string[]][];
  /** The suffixes and places by their last character, and the places by their first: a few to try, not all. */
  private readonly suffixesByLast: Map<string, [string, readonly string[]][]>;
  private readonly placesByLast: Map<string, string[]>;
  private readonly placesByFirst: Map<string, string[]>;
  /** The same forms in pinyin (maoyi, keji, youxiangongsi), for listed Latin names. */
  private readonly pinyinSuffixes = new Map<string, readonly string[]>();
  /** English words that name an industry or an institution; the legal, group and country ones are `ignored`. */
  private readonly englishWords: Set<string>;
  private readonly ignored: Set<string>;
  /** A place's first Latin spelling by its Han form and by any of its spellings (one word, or words joined: "hongkong"). */
  private readonly placesByHan = new Map<string, string>();
  private readonly placeByLatin = new Map<string, string>();
  /** The places' Han forms, longest first. */
  private readonly places: string[];
  /** National markers in Han (中国, 中华人民共和国), longest first, and in pinyin: in front of a name, never its trade name. */
  private readonly markers: string[];
  private readonly markerPinyin: Set<string>;
  /** Every Han word the lexicon knows, of any length: a "trade name" made only of them is not one (国防, 西北). */
  private readonly known: Set<string>;
  private readonly knownMax: number;

  constructor(private readonly lexicon: Lexicon) {
    const { words, gazetteer } = lexicon.source;
    const legal = words.chineseLegalForms.map((f) => foldCjk(f));
    const byForm = new Map<string, readonly string[]>();
    for (const g of words.institutionWords)
      for (const f of g.forms.map((x) => foldCjk(x)))
        if ([...f].every((c) => HAN.test(c)) && (f.length >= 2 || SINGLE_INDUSTRY.has(f)) && !byForm.has(f))
          byForm.set(f, g.en);
    // "Institute" stands for 大学, 学院 and 研究所 alike: it cannot tell a university from a research academy (北航研究院
    // is not 北航大学).
    this.ignored = new Set(['institute']);
    for (const f of legal) {
      for (const w of byForm.get(f) ?? []) this.ignored.add(w);
      byForm.set(f, []);
    }
    this.suffixes = [...byForm].sort((a, b) => b[0].length - a[0].length);
    // A single-syllable form would take a trade name's last syllable (厂 is chang).
    for (const [f, en] of this.suffixes) {
      const key = f.length >= 2 ? pinyinKey(f) : undefined;
      if (key && !this.pinyinSuffixes.has(key)) this.pinyinSuffixes.set(key, en);
    }
    this.englishWords = new Set([
      ...GENERIC_LATIN,
      ...[...GENERIC_INFLECTIONS.values()].flat(),
      ...words.institutionWords.flatMap((g) => g.en),
      ...words.genericKatakana.flatMap((g) => g.en),
    ]);
    for (const w of STOPWORDS) this.englishWords.delete(w);
    for (const p of gazetteer.places) {
      const han = foldCjk(p.han);
      const latin = p.latin.map((l) => l.toLowerCase().replace(/[^a-z]/g, ''));
      this.placesByHan.set(han, latin[0]!);
      for (const l of latin) this.placeByLatin.set(l, latin[0]!);
    }
    this.places = [...this.placesByHan.keys()].sort((a, b) => b.length - a.length);
    this.suffixesByLast = groupBy(this.suffixes, ([f]) => f[f.length - 1]!);
    this.placesByLast = groupBy(this.places, (p) => p[p.length - 1]!);
    this.placesByFirst = groupBy(this.places, (p) => p[0]!);
    const hanOnly = (t: string) => [...t].every((c) => HAN.test(c));
    this.markers = gazetteer.nationalMarkers
      .flatMap((m) => m.names)
      .map((n) => foldCjk(n))
      .filter(hanOnly)
      .sort((a, b) => b.length - a.length);
    this.markerPinyin = new Set(this.markers.map((m) => pinyinKey(m)).filter((k): k is string => Boolean(k)));
    this.known = new Set([
      ...words.institutionWords.flatMap((g) => g.forms.map((f) => foldCjk(f))).filter(hanOnly),
      ...this.places,
      ...this.markers,
    ]);
    this.knownMax = Math.max(1, ...[...this.known].map((w) => w.length));
  }

  /**
   * The Han names in a text: runs of Han characters alone (not beside Latin letters or digits: 航天科工23所 is
   * another name), folded as the matcher folds CJK text (legal forms dropped, katakana places in Han: ハルビン
   *理工大学 is 哈尔滨理工大学), split at kana and punctuation.
   */
  hanNames(text: string): string[] {
    const folded = text
      .normalize('NFKC')
      .replace(BRACKETED_LEGAL, ' ')
      .replace(CJK_RUN, (run) => this.lexicon.normalizeCjk(foldCjkRun(run)));
    const out: string[] = [];
    for (const [chunk] of folded.matchAll(CHUNK))
      if (chunk.length >= 2 && chunk.length <= MAX_NAME && [...chunk].every((c) => HAN.test(c))) out.push(chunk);
    return out;
  }

  /** Whether a Latin word is a place's spelling ("henan", "hongkong"). */
  isPlace(word: string): boolean {
    return this.placeByLatin.has(word);
  }

  /** Whether a Han text is made only of words the lexicon knows (国防, 西北, 北京航空): no trade name in it. */
  private allKnown(text: string): boolean {
    const reach = new Uint8Array(text.length + 1);
    reach[0] = 1;
    for (let i = 0; i < text.length; i++) {
      if (!reach[i]) continue;
      for (let k = 1; k <= this.knownMax && i + k <= text.length; k++)
        if (this.known.has(text.slice(i, i + k))) reach[i + k] = 1;
    }
    return reach[text.length] === 1;
  }

  /** English words of an industry word, as they count in a comparison (legal, group and country words do not). */
  private counted(en: readonly string[], into: Set<string>): void {
    for (const w of en) if (!this.ignored.has(w) && !this.lexicon.isCountryWord(w)) into.add(w);
  }

  /**
   * A Han name's parts (folded, the legal forms of normalize.ts already dropped): industry, legal words and places
   * taken off its end, the country and places off its front. A word is taken only while two characters are left,
   * and a trade name made only of known words (国防, 西北) is none. Two readings where a place the gazetteer does
   * not know is named by its unit (三河市): without it, and with it as a word of the trade name.
   */
  parseHan(text: string): TradeNameParts[] {
    let end = text.length;
    const taken: [string, readonly string[]][] = [];
    const trailingPlaces: string[] = [];
    for (;;) {
      const rest = text.slice(0, end);
      const last = rest[rest.length - 1] ?? '';
      const place = this.placesByLast.get(last)?.find((p) => rest.endsWith(p) && end - p.length >= 2);
      if (place) {
        trailingPlaces.push(this.placesByHan.get(place)!);
        end -= place.length;
        continue;
      }
      const word = this.suffixesByLast.get(last)?.find(([f]) => rest.endsWith(f) && end - f.length >= 2);
      if (!word) break;
      taken.push(word);
      end -= word[0].length;
    }
    const out: TradeNameParts[] = [];
    const industry = new Set<string>();
    for (const [, en] of taken) this.counted(en, industry);
    const group = taken.some(([f]) => f.includes(GROUP_HAN));
    // The country in front (中国精密机械) says nothing; places come off the front one after another (江苏省苏州市…).
    const marker = this.markers.find((m) => text.startsWith(m) && end - m.length >= 2);
    let at = marker?.length ?? 0;
    const places = [...trailingPlaces];
    const push = (trade: string, ps: string[]) => {
      if (trade.length >= 2 && !this.allKnown(trade))
        out.push({ places: ps, trade, industry, ...(group ? { group } : {}) });
    };
    for (;;) {
      const rest = text.slice(at, end);
      const known = this.placesByFirst
        .get(rest[0] ?? '')
        ?.find((p) => rest.startsWith(p) && rest.length - p.length >= 2);
      if (known) {
        places.push(this.placesByHan.get(known)!);
        at += known.length;
        at += PLACE_UNIT.exec(text.slice(at, end))?.[0].length ?? 0;
        continue;
      }
      const unknown = UNKNOWN_PLACE.exec(rest);
      if (!unknown || rest.length - unknown[0].length < 2) break;
      // 三河市戎邦: the place is 三河 (sanhe), and a listed name may carry it as a word of its own ("Sanhe Rongbang").
      push(unknown[1]! + rest.slice(unknown[0].length), [...places]);
      places.push(pinyinKey(unknown[1]!) ?? unknown[1]!);
      at += unknown[0].length;
    }
    push(text.slice(at, end), places);
    return out;
  }

  /**
   * A listed Latin name's parts from its folded words: legal forms, industry words (English, or pinyin at the
   * end) and places taken off, the words left joined as its trade name. None when nothing is left or what is
   * left cannot be pinyin (digits). Also the reading without its first word, when two long words are left
   * ("Chongyi Hengyi": Chongyi is a county the gazetteer does not know).
   */
  parseLatin(tokens: readonly string[]): TradeNameParts[] {
    const words = tokens.filter((t) => !STOPWORDS.has(t));
    const places: string[] = [];
    const industry = new Set<string>();
    // From the end: pinyin legal and industry forms ("maoyi youxian gongsi"), English industry words, places.
    let end = words.length;
    while (end > 0) {
      let k = 0;
      for (let n = Math.min(MAX_PINYIN_WORDS, end - 1); n >= 1 && !k; n--) {
        const en = this.pinyinSuffixes.get(words.slice(end - n, end).join(''));
        if (en) {
          this.counted(en, industry);
          k = n;
        }
      }
      if (!k) break;
      end -= k;
    }
    // The country in front in pinyin ("Zhongguo Jingmi Jixie Jinchukou Zonggongsi") is not the trade name either.
    let begin = 0;
    for (let n = Math.min(3, end); n >= 1 && !begin; n--)
      if (this.markerPinyin.has(words.slice(0, n).join(''))) begin = n;
    const trade: string[] = [];
    for (let i = begin; i < end; i++) {
      const w = words[i]!;
      // A place in one word or several ("hong kong", "inner mongolia"), wherever it stands ("Kaili Industrial HK").
      let n = 0;
      for (let k = Math.min(3, end - i); k >= 1 && !n; k--) {
        const place = this.placeByLatin.get(words.slice(i, i + k).join(''));
        if (place) {
          places.push(place);
          n = k;
        }
      }
      if (n) i += n - 1;
      else if (this.englishWords.has(w)) this.counted([w, ...(GENERIC_INFLECTIONS.get(w) ?? [])], industry);
      else trade.push(w);
    }
    if (!trade.length || trade.some((w) => !/^[a-z]+$/.test(w))) return [];
    const group = words.some((w) => GROUP_LATIN.has(w)) ? { group: true } : {};
    if (trade.length !== 2 || trade.some((w) => w.length < 4))
      return [{ places, trade: trade.join(''), industry, ...group }];
    return [
      { places, trade: trade.join(''), industry, lead: trade[0]!, ...group },
      { places: [...places, trade[0]!], trade: trade[1]!, industry, leadDropped: true, ...group },
    ];
  }
}

/** Items by a key, each group in the items' order (longest first where they were sorted so). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
