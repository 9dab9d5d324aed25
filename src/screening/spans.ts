/**
 * @module screening/spans
 * A listed name inside a longer text that researchers and the extractor pass whole: "AK-47 parts from Kalashnikov
 * Concern, Izhevsk", 「共同研究者：シャリフ工科大学 物理学科」, 「KAMAZ社」, "HIAST Damascus". The text is cut into
 * spans only where something else begins — delimiters (commas, colons, brackets), a quoted name (「…」, “…”), a
 * form label before ：/:, Japanese particles between names, an English frame after a sentence word ("signed with
 * …", "made by …") or before a place ("… in Moscow"), a place or country after the name, a faculty after a space,
 * 社/公司 after a Latin name — never inside a name: a place in front of a CJK name (西安电子科技大学) stays, it is
 * another institution, and a text that is itself a listed name (an exact hit) is not cut at all. Each span is
 * screened as a query of its own (at most MAX_SPANS) and its hits are merged with the whole text's.
 *
 * A span never makes a hit stronger than the matcher gives that span, and never exact (the text is not the
 * listed name). A span that names nothing (generic words, a place, a person's title) is not screened; a short
 * form (南航, ROE) or a lone word between commas only when everything cut away is context; a country or a place
 * of another country named in the text drops the hit, as the matcher's guard does for the whole text. Words are
 * data: words.yaml contextWords (frames, labels, cjkDepartments, companySuffixes, particles, orgNouns).
 */
import type { ScreeningHit } from '../core/decision.ts';
import { restatedAcronym } from './acronym.ts';
import type { ScreeningData } from './data.ts';
import { FieldInstitutes } from './field-institutes.ts';
import { asPossible, mergeHits, POSSIBLE_SCORE } from './hit-order.ts';
import type { Lexicon } from './lexicon.ts';
import { isLatinLegalForm, latinWords, normalizeName, STOPWORDS, tokenWeight } from './normalize.ts';
import { escapeRegExp } from './regexp.ts';
import { typedPlainly } from './typed-text.ts';

/** At most this many spans are screened per query: each costs one screening. */
export const MAX_SPANS = 6;
/** Longer texts are not cut: a pasted paragraph is for the extractor, and each span costs a screening. */
const MAX_SPAN_TEXT = 400;
/** How deep cuts apply to the spans of spans (a label, then a frame, then a place). */
const MAX_DEPTH = 4;
/** The name before descriptive words is screened alone only when it is this many words or fewer. */
const MAX_TAIL_HEAD = 2;
/** The longest run of two pieces joined by の the sentence guard looks up as one name (寧辺の核施設). */
const MAX_NO_RUN = 40;
/** A span's hit is at most strong, at this score: the text is not one of the entry's names. */
const SPAN_STRONG_SCORE = 0.95;

/** Where a text splits into parts: punctuation, brackets, a spaced dash or slash. */
const DELIMITER = /[,;:|、，；。!?！？【】〈〉《》()[\]{}]+|\s[-–—/]\s/gu;
/**
 * A quoted name (「ウラルエレメント」, AO “Vympel”): the quoted words are a span; what stands around them is the
 * descriptor or legal form (プラント, Aktsionernoe Obshchestvo) or a parent, never screened without them.
 */
const QUOTED = /[「『“"«]([^「」『』“”"«»]{2,80}?)[」』”"»]/gu;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/u;
const UPPER = /\p{Lu}/u;
const KANA_CHAR = /[\u3041-\u30ff]/u;
/** One word typed in capitals, three to six letters (SADRA, HESA): an acronym. */
const ACRONYM_TYPED = /^[A-Z]{3,6}$/u;
/** An acronym (2–8 capitals or digits, with & or -) and a run of CJK script, either first, glued or spaced. */
const ACRONYM_BESIDE_CJK =
  /^(?:([A-Z][A-Z0-9&-]{1,7})\s?([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,})|([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,})\s?([A-Z][A-Z0-9&-]{1,7}))$/u;
/**
 * What an acronym's body is, abbreviated after it as in notes and forms ("BUAA Univ", "NWPU Inst."): the acronym alone
 * says as much. Not the word written out: "AUT University" is Auckland's own brand, not Amirkabir's AUT.
 */
const ACRONYM_KIND_WORDS: ReadonlySet<string> = new Set(['univ', 'inst']);
/** A katakana or Latin name and 大, the Japanese short form of …大学 (シャリフ大, ベヘシュティ大, Sharif大). */
const SHORT_DAIGAKU = /^(?:[\u30a1-\u30ffー・]{2,}|[A-Za-z][A-Za-z .'’-]*[A-Za-z])\s?大$/u;
/** What a news wire's description before a name ends in ("missile maker", "state conglomerate"): the body's kind. */
const DESCRIPTION_NOUNS: ReadonlySet<string> = new Set([
  'maker',
  'manufacturer',
  'producer',
  'developer',
  'designer',
  'supplier',
  'exporter',
  'contractor',
  'firm',
  'company',
  'conglomerate',
  'corporation',
  'group',
  'giant',
  'operator',
  'carrier',
  'airline',
  'shipyard',
  'shipbuilder',
  'bureau',
  'agency',
  'arm',
  'unit',
  'subsidiary',
  'outfit',
  'lab',
  'laboratory',
  'bank',
  'lender',
]);
/** A state's hold on the body, as a wire writes it in front of the name ("state-owned", "IRGC-run"). */
const STATE_FORMS =
  /^(?:state-(?:owned|run|backed|controlled)|[a-z]+-(?:run|owned|backed|controlled|linked|affiliated))$/u;
/** A one-word place in Latin letters and a Han name after it, glued or spaced: "Changchun光機所". */
const ROMANISED_PLACE_BEFORE_HAN =
  /^([A-Z][a-z]{2,})\s?([\u3400-\u9fff\uf900-\ufaff][\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]+)$/u;
/** How an English apposition or the sentence's own words open after a comma: "China's main …", "one of …", "was …". */
const APPOSITION =
  /^(?:one of|a|an|the|which|who|whose|was|were|is|are|has|had|also known as|known as|\p{Lu}[\p{L}-]*['’]s)\s+\p{Ll}/u;
/** A destination in an English sentence: "to" or "into" and the capitalised word after it ("… to Tokyo"). */
const DESTINATION = /\b(?:to|into)\s+\p{Lu}[\p{L}'’-]*/gu;
/** What an institution is called, on both sides of an and/& that joins two (spans.cut). */
const INSTITUTION_NOUNS: ReadonlySet<string> = new Set([
  'university',
  'institute',
  'academy',
  'college',
  'laboratory',
  'laboratories',
  'school',
  'center',
  'centre',
]);
/** What a university or institute's name ends in, in CJK (…工科大学, …研究所). */
const CJK_INSTITUTION = /大学|大學|研究所|研究院|学院|學院/gu;
/** A Latin word (ending in a letter, a period or a bracket) with CJK script glued after it: "Technology深圳校". */
const GLUED_CJK_TAIL = /^(.*[A-Za-z.)])([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]+)$/u;
/** A Chinese short form of four to eight characters, digits among them (长春光机所, 中国电科10所). */
const ZH_SHORT_FORM = /^(?=.*[\u3400-\u9fff])[\u3400-\u9fff0-9]{4,8}$/u;
/** CJK text, a short aside in brackets, CJK text again: 航天科工(CASIC)第二研究院. */
const BRACKET_ASIDE =
  /^([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,40})\s*[(（][^()（）]{1,40}[)）]\s*([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,40})$/u;
/** A campus or seat after a city or alone (深圳校, 威海校区, 本部, キャンパス). */
const CAMPUS_WORD = /(校区|校區|分校|本校|本部|キャンパス|校)$/u;
/** What names an institution an office or programme may be of (spans.beforeSubunit). */
const SUBUNIT_PARENTS: ReadonlySet<string> = new Set(['university', 'institute', 'academy', 'college']);
/**
 * What joins two institutions in English ("Sharif University of Technology and University of Tokyo", "Kyoto
 * University / HIT"), for the places each names.
 */
const LATIN_SIDES = /\s(?:and|&|\/|／)\s/u;
/** A Latin word as the gazetteer keys it (letters only, lower case), or undefined for a stopword or a lone letter. */
function placeKey(w: string): string | undefined {
  const l = lower(w).replace(/[^a-z]/gu, '');
  return l.length >= 2 && !STOPWORDS.has(l) ? l : undefined;
}

/** A place's possessive or a "-based" in front of a name: "China's", "Xi'an's", "Chengdu-based". */
const PLACE_LEAD = /^(.+?)(?:['’]s|-based)$/u;
/** What a university's faculty is called in English, before "of" ("School of Astronautics"). */
const FACULTY_NOUNS: ReadonlySet<string> = new Set(['school', 'college', 'department', 'dept', 'faculty']);
/** First words of a unit inside a university or academy, beside the departments of words.yaml (none starts a listed name). */
const UNIT_HEADS: ReadonlySet<string> = new Set(['laboratory', 'key', 'college']);
/** A word that may be one of a name's in an English sentence: capitalised, an acronym or a number. */
const NAME_WORD = /^[\p{Lu}\d][\p{L}\p{N}&.'’-]*$/u;
/** An acronym standing alone for a body in a sentence (the NUDT team, KAMAZ engineers); not a model (AK-47). */
const RUN_ACRONYM = /^\p{Lu}{3,8}$/u;
/** Small words between the capitalised words of one name (Institute of Technology, Science and Technology). */
const RUN_JOINERS: ReadonlySet<string> = new Set(['of', 'the', 'and', '&', 'for', 'named', 'after']);
/** A lower-case word glued after a name with a hyphen ("…-affiliated", "…-based"). */
const GLUED_LOWER = /-\p{Ll}[\p{Ll}-]*$/u;
/** How addresses write the state before its name (P.R. China, PR China, Peoples R China, I.R. Iran). */
const STATE_FORM =
  /(?<![\p{L}\p{N}])(?:P\.?\s?R\.?|I\.?\s?R\.?|Peoples?\s+R\.?|People['’]s\s+Republic\s+of|Islamic\s+Republic\s+of)\s*(?=(?:China|Iran)(?![\p{L}\p{N}]))/giu;
/** Line breaks, with the blanks around them: each line is a part of its own. */
const LINE_BREAKS = /[^\S\r\n\u2028\u2029\u0085]*[\r\n\u2028\u2029\u0085]+\s*/gu;
/** The word before a place that makes the place part of the name (University of Tehran). */
const OF_BEFORE_PLACE = /^(?:of|the)$/iu;
/** A word in katakana alone, three characters or more (スホーイ, ロシアン・ヘリコプターズ). */
const KANA_NAME = /^[\u30a1-\u30fa\u30fc・･]{3,}[派社]?$/u;
/** A short word, a middle dot and a name (中国・北航): the word may be a country or place before the name. */
const COUNTRY_DOT = /^([^・･\s]{1,8})[・･]([^・･\s]{2,})$/u;
/** A text in Chinese script alone (no kana, no Latin): a Chinese sentence, cut at its function words. */
const HAN_ONLY = /^[\u3400-\u9fff\uf900-\ufaff\s0-9]+$/u;
/** After a Chinese sentence verb, a body's noun makes it a name (俄罗斯联邦军事技术合作局, 上海合作组织): no cut there. */
const NOT_A_BODY_AFTER = '(?!局|组织|組織|公司|协会|協會|中心|委员会|委員會|社|部|署|银行|銀行)';
/**
 * Two to four CJK runs separated by spaces, nothing else, digits allowed (十四所 南京电子技术研究所, an address before
 * a name: 北京市海淀区中关村南大街5号 北京理工大学).
 */
const CJK_SPACED_RUNS =
  /^\s*(?=[^\s]*[\u3040-\u30ff\u3400-\u9fff])[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々0-9０-９]+(?:\s+[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々0-9０-９]+){1,3}\s*$/u;
/** A hiragana run that ends a verb (する, される, とされる, ている, した): the end of a clause, not part of a name. */
const VERB_ENDING = /^[\u3041-\u309f]*(?:する|される|れる|ている|した|された)$/u;
/**
 * A katakana name after the head noun that describes it (露半導体大手ミクロン, 国際テロ組織アルカイダ, 武装組織フーシ派), or
 * after a Russian body's kind translated before its proper name (科学生産合同テンプ・アヴィア, 設計局ノヴァトル; dev set kana5).
 */
const HEADED_KANA =
  /(?:大手|組織|企業|勢力|集団|メーカー|生産合同|生産公団|公団|設計局)([\u30a1-\u30fa・ー]{2,}(?:社|派)?)$/u;
/**
 * A postal address written before a Chinese name: two or three administrative units, each marked as one (黑龙江省
 * 哈尔滨市, 北京市海淀区, 四川省成都市). What follows is the organisation at that address; a place without its unit
 * word (西安电子科技大学) or one unit alone (三明市中伊欧进出口) stays part of the name.
 */
const CN_ADDRESS = /^(?:[\u4e00-\u9fff]{2,7}?(?:自治区|省|市|区|县)){2,3}(?=[\u4e00-\u9fff]{3})/u;
/** Japanese words that join two institutions: a place in the other one says nothing about this one. */
const COORDINATION = /と|や|及び|および|並びに|ならびに/u;

export interface Span {
  text: string;
  /** Found as the head of a longer Latin name ("Almaz-Antey … Concern"): only a hard hit of the head counts, as possible. */
  head?: boolean;
  /** Only a parent body (an academy, a state group): only a hard hit counts, the body itself. */
  parent?: boolean;
  /**
   * The name before descriptive words ("KAMAZ" of "KAMAZ truck plant"): only a hard hit counts; strong, or possible
   * when the name is one dictionary word ("Progress" of "Progress steel plant" may be another Progress).
   */
  tail?: boolean;
  /** A katakana word before a particle (スホーイに部品を送る): only a hard hit counts (サンプルに names no one). */
  kana?: boolean;
}

interface Candidate extends Span {
  /** Everything cut away around it is context (a place, a label, 社): a short form may be screened. */
  context: boolean;
  /** Made by a cut inside a part (frame, place, faculty, suffix), not a part between delimiters. */
  cut: boolean;
  /** A short form between particles (哈工大 of 来自哈工大的博士, 哈工大に…): screened although it reads as no name. */
  shortForm?: boolean;
  /**
   * A part between delimiters or quotes: one word there (", Shiraz", "(Zhukovsky)", “Eleron”) is a place or a
   * word of the name around it unless everything else is context.
   */
  piece?: boolean;
  /** One side of an acronym and a CJK name written together (哈工程HEU): an institution word there names. */
  restated?: boolean;
}

interface Reading {
  /** Holds a word that can name something: not only generic words, places, countries, titles, numbers. */
  names: boolean;
  /** Holds an institution word or a Latin name (not only katakana or unknown kanji: サンプル, 来た). */
  org: boolean;
  /** Holds a place or country (成都, Tehran). */
  place: boolean;
  /** One short word (an acronym, 南航): names its entry only where nothing else names another. */
  short: boolean;
  /** One Latin word. */
  oneWord: boolean;
  /** Something is left of its CJK part once generic words, places and context are taken out (哈 of 哈工程). */
  cjkLeft: boolean;
  /** Holds a generic institution word (大学, 研究所, 公司) or a Latin name: a body, not goods (炭素繊維). */
  body: boolean;
}

/**
 * A text as spans read it: line breaks as delimiters (an e-mail signature or an address block pasted line by line:
 * "Dr. Reza Ahmadi\nDepartment of Physics\nSharif University of Technology\nTehran, Iran"), other control
 * characters as spaces, NFKC, single spaces; the state's form before China and Iran dropped ("Beijing 100081, P.R.
 * China", "Peoples R China", "Tehran, I.R. Iran"): the country, not a name beside the institution's.
 */
const spanText = (query: string) =>
  query
    .replace(LINE_BREAKS, ' | ')
    .replace(/\p{Cc}/gu, ' ')
    .normalize('NFKC')
    .replace(STATE_FORM, '')
    .replace(/\s+/gu, ' ')
    .trim();

const lower = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}&-]+/gu, '');

export class SpanScreener {
  private readonly frames: ReadonlySet<string>;
  private readonly titles: ReadonlySet<string>;
  private readonly labels: readonly string[];
  private readonly departments: readonly string[];
  private readonly particles: ReadonlySet<string>;
  private readonly orgNouns: ReadonlySet<string>;
  private readonly descriptorTail: ReadonlySet<string>;
  private readonly addressWords: ReadonlySet<string>;
  private readonly relationWords: ReadonlySet<string>;
  private readonly subunitWords: ReadonlySet<string>;
  private readonly objectParticles: ReadonlySet<string>;
  private readonly personWords: readonly string[];
  /** Where a Japanese part splits: hiragana runs and the words glued after a name (向け, 宛て, 訪問). */
  private readonly jaCuts: RegExp;
  private readonly afterName: ReadonlySet<string>;
  private readonly homePieces: ReadonlySet<string>;
  private readonly openers: readonly string[];
  private readonly chineseParticles: RegExp | undefined;
  /** Subjects and verbs of a Chinese sentence (他们, 合作): a conjunction after one opens a name (他们和哈工大). */
  private readonly sentenceWords: ReadonlySet<string>;
  /** The subjects and verbs of a Chinese sentence, as one pattern to split a text's clauses at. */
  private readonly verbSplit: RegExp | undefined;
  /** 和, 与 opening a piece of a Chinese sentence: not part of the name after them. */
  private readonly conjunctions: readonly string[];
  private readonly suffix: RegExp | undefined;
  private readonly fieldInstitutes: FieldInstitutes;
  /** A title-case headline's verbs and nouns around a name, lower-cased as a sentence writes them (asSentence). */
  private readonly headlineWords: ReadonlySet<string>;

  /** Folded CJK forms taken out when reading a span: generic institution words, places, countries, context. */
  private cjkForms: [string, 'generic' | 'place' | 'country' | 'context'][] = [];
  /** Folded CJK institution words that name something (航空, 国防): they make a span read as an institution. */
  private readonly cjkNaming: string[] = [];
  /** Gazetteer places in Han (katakana places are folded to Han by the lexicon), with their country. */
  private readonly hanPlaces: [string, string][];
  /** The gazetteer's one-word Latin places and their Han forms: a romanised place before a Han name (Changchun光機所). */
  private readonly hanOfLatin = new Map<string, string>();
  /** The gazetteer's Han places as written, longest first: a province and a city before a name (湖南长沙…). */
  private readonly rawHanPlaces: string[];

  constructor(
    data: Pick<ScreeningData, 'words' | 'gazetteer'>,
    private readonly lexicon: Lexicon,
  ) {
    const words = data.words.contextWords;
    const fold = (f: string) => lexicon.foldedCjk(f);
    const generic = (en: readonly string[]) => en.every((w) => tokenWeight(w) < 0.6);
    for (const g of [...data.words.institutionWords, ...data.words.genericKatakana])
      for (const f of g.forms)
        if (g.en.some((w) => lexicon.isCountryWord(w))) this.cjkForms.push([fold(f), 'country']);
        else if (generic(g.en)) this.cjkForms.push([fold(f), 'generic']);
        else this.cjkNaming.push(fold(f));
    this.hanPlaces = data.gazetteer.places.map((p) => [fold(p.han), p.country]);
    this.rawHanPlaces = data.gazetteer.places.map((p) => p.han).sort((a, b) => b.length - a.length);
    for (const p of data.gazetteer.places)
      for (const l of p.latin) if (/^[a-z]+$/u.test(l) && !this.hanOfLatin.has(l)) this.hanOfLatin.set(l, p.han);
    for (const [han] of this.hanPlaces) this.cjkForms.push([han, 'place']);
    for (const m of data.gazetteer.nationalMarkers)
      for (const name of m.names) if (CJK.test(name)) this.cjkForms.push([fold(name), 'country']);
    for (const f of [...data.words.cjkContextWords, ...(words.cjkDepartments ?? []), ...(words.companySuffixes ?? [])])
      this.cjkForms.push([fold(f), 'context']);
    // Longest first, so that 科学院 goes before 学院 can leave 科 behind.
    this.cjkForms = this.cjkForms.filter(([f]) => f).sort((a, b) => b[0].length - a[0].length);
    this.titles = new Set(words.titles.map((w) => w.toLowerCase()));
    this.frames = new Set((words.frames ?? []).map((w) => w.toLowerCase()));
    this.headlineWords = new Set((words.headlineWords ?? []).map((w) => w.toLowerCase()));
    this.fieldInstitutes = new FieldInstitutes(lexicon, (w) => this.isPlace(w));
    this.labels = (words.labels ?? []).map((w) => w.toLowerCase());
    this.departments = words.cjkDepartments ?? [];
    this.particles = new Set(words.particles ?? []);
    this.orgNouns = new Set((words.orgNouns ?? []).map((w) => w.toLowerCase()));
    this.descriptorTail = new Set((words.descriptorTail ?? []).map((w) => w.toLowerCase()));
    this.addressWords = new Set((words.addressWords ?? []).map((w) => w.toLowerCase()));
    this.relationWords = new Set((words.relationWords ?? []).map((w) => w.toLowerCase()));
    this.subunitWords = new Set((words.subunitWords ?? []).map((w) => w.toLowerCase()));
    this.objectParticles = new Set(words.objectParticles ?? []);
    this.personWords = words.cjkPersonWords ?? [];
    this.afterName = new Set(words.cjkAfterName ?? []);
    const after = [...this.afterName].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.jaCuts = new RegExp(`(${[...after, '[\\u3041-\\u309f]+'].join('|')})`, 'u');
    this.homePieces = new Set(words.homePieces ?? []);
    this.openers = [...(words.cjkSentenceOpeners ?? [])].sort((a, b) => b.length - a.length);
    // A text all in Han is cut at the words after a name too (北航訪問), and at the subjects and verbs of a Chinese
    // sentence (他们和哈工大合作) unless a body's noun follows the verb (军事技术合作局 is a name).
    const zh = [...(words.chineseParticles ?? []), ...(words.cjkAfterName ?? [])].map(escapeRegExp);
    const verbs = (words.chineseSentenceWords ?? []).map((w) => `${escapeRegExp(w)}${NOT_A_BODY_AFTER}`);
    const alternatives = [...zh, ...verbs].sort((a, b) => b.length - a.length);
    this.chineseParticles = words.chineseParticles?.length ? new RegExp(`(${alternatives.join('|')})`, 'u') : undefined;
    this.sentenceWords = new Set(words.chineseSentenceWords ?? []);
    this.verbSplit = verbs.length
      ? new RegExp([...verbs].sort((a, b) => b.length - a.length).join('|'), 'u')
      : undefined;
    this.conjunctions = [...(words.chineseConjunctions ?? [])].sort((a, b) => b.length - a.length);
    const suffixes = [...(words.companySuffixes ?? [])].sort((a, b) => b.length - a.length).map(escapeRegExp);
    // A Latin name with 社/公司 glued on (KAMAZ社製, Huawei公司); 社会 (society) is a word of its own.
    this.suffix = suffixes.length
      ? new RegExp(`(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9&.'’ -]*[A-Za-z0-9.])\\s*(?:${suffixes.join('|')})(?!会)`, 'gu')
      : undefined;
  }

  /**
   * The hits of the whole text (`screen` is the screener without spans), with the hits of its spans merged in:
   * per entry the better one, best first.
   */
  apply(
    query: string,
    country: string | undefined,
    screen: (name: string, country?: string) => ScreeningHit[],
  ): ScreeningHit[] {
    // A mention, an address or a domain beside a name is never part of it: the text is what is left. "Pak" after an
    // acronym is Pakistan, and a title-case headline is read as a sentence.
    const bare = typedPlainly(query, this.headlineWords);
    if (bare !== query && bare) return this.apply(bare, country, screen);
    // One screening per text: the guard below and the spans screen the same pieces (the country is this one).
    const screened = new Map<string, ScreeningHit[]>();
    const once = (text: string, c: string | undefined) => {
      const known = screened.get(text);
      if (known) return known;
      const found = screen(text, c);
      screened.set(text, found);
      return found;
    };
    // A text and each span of it: a sentence no stronger than its pieces (noStrongerThanItsPieces).
    const guarded = (text: string, c: string | undefined) => {
      const found = once(text, c);
      return found.some((h) => h.matchType === 'exact') ? found : this.noStrongerThanItsPieces(text, c, found, once);
    };
    const whole = guarded(query, country);
    // Whatever the text found, an institute named by its field is then held where the text puts it under another
    // parent (field-institutes.ts).
    const held = (found: ScreeningHit[]) => this.fieldInstitutes.hold(this.latinParts(query), country, found);
    // "Communication University of China (CUC)", "Digital Equipment Corporation (DEC)": brackets holding the initials of
    // the name before them restate that name; they are not a second body beside it. The acronym's hit counts where the
    // name finds the same entry, even as possible (a misspelt name: "Aerospace Indusries Organization (AIO)"), and as
    // possible where it does not (the name may be misspelt past finding: it must still reach an officer).
    const restates = restatedAcronym(spanText(query));
    const byName = restates && new Map(guarded(restates.name, country).map((h) => [`${h.list}#${h.entry}`, h]));
    const restatedHit = (h: ScreeningHit) =>
      h.matchType === 'possible' || byName!.has(`${h.list}#${h.entry}`) ? h : asPossible(h);
    const acronymKey = restates && normalizeName(restates.acronym).key;
    const hits = byName
      ? whole.map((h) => (normalizeName(h.matchedOn).key === acronymKey ? restatedHit(h) : h))
      : whole;
    // The whole text is a listed name (TMC's 「ヴィンペル」 description, "Ministry of Defence …, including …"):
    // every cut would be inside that name.
    if (hits.some((h) => h.matchType === 'exact')) return held(hits);
    // The head of a descriptive name is tried only when the text found nothing hard by itself.
    const hard = hits.some((h) => h.matchType === 'strong');
    const spans = this.spans(query).filter((s) => !((s.head || s.tail) && hard));
    if (!spans.length) return held(hits);
    const added: ScreeningHit[] = [];
    for (const s of spans) {
      const raw = guarded(s.text, country);
      const found = byName && s.text === restates!.acronym ? raw.map(restatedHit) : raw;
      // A span that is a hard hit's name is that entity's: its possible neighbours (北京航空航天大学 beside
      // 南京航空航天大学) add nothing to what the whole text found.
      const named = found.some((h) => h.matchType !== 'possible');
      const countries = found.length ? this.namedCountries(query, s.text) : undefined;
      for (const h of found) {
        if (named && h.matchType === 'possible') continue;
        // A country or a place of another country named around the span says it is not this entity; an entity
        // of no known country cannot be told apart so ("NUST Islamabad"): at most possible.
        const veto = this.veto(h, countries!);
        if (veto === 'drop') continue;
        // A possible match of a name that says where it is, in a text that puts it elsewhere ("Kelvorix Trading,
        // Beijing" for "Hong Kong Kelvorix Trading"): another body, as the matcher's rare-word rule reads the text
        // whole; the span cut off the place, not the doubt.
        if (h.matchType === 'possible' && this.placedElsewhere(h, countries!)) continue;
        if (veto === 'cap') {
          added.push(h.matchType === 'possible' ? h : { ...h, matchType: 'possible', score: POSSIBLE_SCORE });
          continue;
        }
        // A parent body alone (ロシア科学アカデミー シベリア支部) names none of its institutes: only itself, if listed.
        if (s.parent && h.matchType === 'possible') continue;
        if (s.kana && h.matchType === 'possible') continue;
        if (s.head) {
          if (h.matchType === 'possible') continue;
          added.push(asPossible(h));
        } else if (s.tail) {
          // An acronym without its country is at most possible by itself ("SADRA shipyard"): it stays so.
          if (h.matchType === 'possible') {
            if (ACRONYM_TYPED.test(s.text)) added.push(h);
            continue;
          }
          const oneWord = latinWords(s.text);
          if (oneWord.length === 1 && this.lexicon.dictionary.has(oneWord[0]!)) added.push(asPossible(h));
          else added.push({ ...h, matchType: 'strong', score: Math.min(h.score, SPAN_STRONG_SCORE) });
        } else if (h.matchType === 'exact') added.push({ ...h, matchType: 'strong', score: SPAN_STRONG_SCORE });
        else added.push(h);
      }
    }
    return held(mergeHits(hits, added));
  }

  /**
   * A Japanese sentence (ハルビン理工大学に炭素繊維の試料を送る): its particles cut it into pieces, names and what
   * is done with them; and so do delimiters, where a part is in CJK script beside Latin ones. The guards that
   * tell a name from its neighbours (a Han name, a whole-name alias, a common-word name) read a query as a
   * name, so a sentence must not find more than its pieces do: a hard hit
   * of the whole text that no piece alone finds hard is held to a possible match (never dropped). Without
   * this, 哈尔滨理工大学 (unlisted) alone found nothing and, followed by に送りたい, HIT as a strong match.
   */
  private noStrongerThanItsPieces(
    query: string,
    country: string | undefined,
    hits: ScreeningHit[],
    screen: (name: string, country?: string) => ScreeningHit[],
  ): ScreeningHit[] {
    if (!hits.some((h) => h.matchType !== 'possible')) return hits;
    const text = spanText(query);
    if (text.length > MAX_SPAN_TEXT) return hits;
    const parts = text.split(DELIMITER).map((part) => this.particlePieces(part.trim()));
    // Also a CJK name beside Latin context ("Dept. of Physics, 哈尔滨理工大学"): with Latin words in the query
    // the Han name is translated word by word, which cannot tell it from a listed neighbour.
    const latin = ({ part }: { part: string }) => /[A-Za-z]/u.test(part);
    // Only where the Latin parts are context (a department, a title, a place), not a name in a second script
    // ("イラン航空機製造産業（HESA）").
    const context = (p: { part: string }) => this.isDepartment(p.part) || !this.read(p.part).names;
    const cjkPart =
      parts.some((p) => CJK.test(p.part) && !latin(p)) && parts.some(latin) && parts.filter(latin).every(context);
    if (!cjkPart && !parts.some(({ pieces }) => pieces.length > 1)) return hits;
    // Each piece, and a piece with a place or country alone before it, as written
    // (成都の電子科技大学: the city says which one). Not runs across other pieces: 哈尔滨理工大学に炭素繊維 is a
    // sentence again, so a curated name with の in it (寧辺の核施設) is held to possible when a sentence follows.
    const candidates = new Set<string>();
    for (const { part, pieces } of parts)
      pieces.forEach((p, i) => {
        candidates.add(p.text);
        const r = this.read(p.text);
        if (pieces[i + 1] && r.place && !r.names) candidates.add(part.slice(p.start, pieces[i + 1]!.end));
      });
    const found = new Set<string>();
    for (const piece of candidates)
      for (const h of screen(piece, country)) if (h.matchType !== 'possible') found.add(`${h.list}#${h.entry}`);
    // Two pieces joined by の that are, as written, a listed or curated name (寧辺の核施設に送る): that name.
    for (const { part, pieces } of parts)
      pieces.forEach((p, i) => {
        const next = pieces[i + 1];
        if (p.particle !== 'の' || !next || next.end - p.start > MAX_NO_RUN) return;
        for (const h of screen(part.slice(p.start, next.end).trim(), country))
          if (h.matchType === 'exact') found.add(`${h.list}#${h.entry}`);
      });
    return hits.map((h) => (h.matchType === 'possible' || found.has(`${h.list}#${h.entry}`) ? h : asPossible(h)));
  }

  /** The spans of a text worth screening on their own, cuts first, at most MAX_SPANS. */
  spans(query: string): Span[] {
    const text = spanText(query);
    if (text.length > MAX_SPAN_TEXT || text.length < 3) return [];
    const readings = new Map<string, Reading>();
    const read = (t: string) => {
      let r = readings.get(t);
      if (!r) {
        r = this.read(t);
        readings.set(t, r);
      }
      return r;
    };
    const out: Candidate[] = [];
    // An aside in brackets inside a name (航天科工(CASIC)第二研究院, 中国電子科技集団（CETC）第14研究所): the name without it.
    const aside = BRACKET_ASIDE.exec(text);
    if (aside) out.push({ text: `${aside[1]}${aside[2]}`, context: true, cut: true });
    // A word glued after a name restated in brackets (哈工大(HIT)宛, 北航（BUAA）向け): the name and its brackets.
    // So does a sentence going on after the brackets in hiragana (HIT(哈工大)の人, HIT(哈工大)さんと).
    const closed = /^(.+[)）])\s*(\S.*)$/u.exec(text);
    if (closed && (this.afterName.has(closed[2]!) || /^[\u3041-\u309f]/u.test(closed[2]!)))
      out.push({ text: closed[1]!, context: true, cut: true });
    this.parts(text, true, read, out, 0);
    if (!out.length) return [];
    const whole = normalizeName(text).key;
    const seen = new Set<string>([whole]);
    const chosen: Span[] = [];
    // A text cut out twice, once as a short form (a name before a country: "Ninth Academy China"), is one.
    const shortForms = new Set(out.filter((c) => c.shortForm).map((c) => c.text));
    // Cuts first (a name the matcher cannot see), then the parts between delimiters.
    for (const found of [...out.filter((c) => c.cut), ...out.filter((c) => !c.cut)]) {
      const c = shortForms.has(found.text) ? { ...found, shortForm: true } : found;
      const key = normalizeName(c.text).key;
      if (key === '|' || seen.has(key)) continue;
      seen.add(key);
      const r = read(c.text);
      // A name of generic words only with its legal form ("… placed with Engineering Center Ltd."): a company's name.
      const company = !r.names && r.org && c.cut && this.companyName(c.text);
      const names = r.names || (c.restated === true && r.org && r.cjkLeft);
      if ((!names && !company && !c.shortForm) || ((r.short || (c.piece && r.oneWord)) && !c.context)) continue;
      chosen.push({
        text: c.text,
        ...(c.head ? { head: true } : {}),
        ...(c.tail ? { tail: true } : {}),
        ...(c.kana ? { kana: true } : {}),
        ...(this.lexicon.isParentBody(c.text) ? { parent: true } : {}),
      });
      if (chosen.length >= MAX_SPANS) break;
    }
    return chosen;
  }

  /** The parts between delimiters, each cut further; `context` says whether what lies outside is only context. */
  private parts(text: string, context: boolean, read: (t: string) => Reading, out: Candidate[], depth: number) {
    const parts: { text: string; label: boolean }[] = [];
    let last = 0;
    const push = (piece: string, after: string) => {
      const t = piece.trim();
      if (t) parts.push({ text: t, label: after.includes(':') && this.isLabel(t) });
    };
    for (const m of text.matchAll(DELIMITER)) {
      push(text.slice(last, m.index), m[0]);
      last = m.index + m[0].length;
    }
    push(text.slice(last), '');
    for (const m of text.matchAll(QUOTED)) out.push({ text: m[1]!.trim(), context: false, cut: false, piece: true });
    // One part is the text itself: it is screened as the whole query, never read here.
    // A time word alone before a comma (来月、HITの研究者を…) is the sentence's, not a name.
    // What a form's label names (需要者：シリア科学研究センター) is typed as a name alone, as after an address: screened
    // even when it reads as generic words and a country only.
    const labelled = parts.length === 2 && parts[0]!.label && !parts[1]!.label;
    const naming =
      parts.length === 1
        ? [true]
        : parts.map(
            (p, i) => (labelled && i === 1) || (!p.label && !this.openers.includes(p.text) && read(p.text).names),
          );
    const departments = parts.map((p) => this.isDepartment(p.text));
    // The sentence going on after a bracket or comma (北航（中国）に送る): a part opening with a particle and
    // naming no body in its pieces is no other name beside one.
    const rest = parts.map((p, i) => naming[i] && this.sentenceRest(p.text, read));
    parts.forEach((p, i) => {
      if (!naming[i]) return;
      // A faculty beside a name is context ("School of Materials, Beihang University"), not a name to screen.
      if (departments[i] && naming.some((n, j) => n && j !== i && !departments[j])) return;
      const alone = context && naming.every((n, j) => j === i || !n || departments[j] || rest[j]);
      if (parts.length > 1)
        out.push({ text: p.text, context: alone, cut: false, piece: true, ...(labelled ? { shortForm: true } : {}) });
      this.cut(p.text, alone, read, out, depth + 1);
    });
  }

  /** Cuts inside one part: particles, 社 after a Latin name, English frames, a place, a faculty after a space. */
  private cut(text: string, context: boolean, read: (t: string) => Reading, out: Candidate[], depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    let emitted = false;
    // A span cut further is screened through what it is cut into ("Rosoboronexport in Moscow" as Rosoboronexport);
    // a piece between particles also as itself (寧辺の核施設 is one curated name).
    const emit = (t: string, ctx: boolean, piece = false) => {
      const span = t.trim();
      if (!span || span === text) return;
      emitted = true;
      if (!this.cut(span, ctx, read, out, depth + 1) || piece) out.push({ text: span, context: ctx, cut: true });
    };
    // A place in Latin letters before a Han name (Changchun光機所, Nanjing 玻璃纤维研究设计院; dev set mix15): the place in
    // Han, as the Han names write it.
    const romanised = ROMANISED_PLACE_BEFORE_HAN.exec(text);
    const han = romanised && this.hanOfLatin.get(romanised[1]!.toLowerCase());
    if (han) out.push({ text: `${han}${romanised![2]}`, context, cut: true });
    // A university cut to 大 after its proper name (シャリフ大, Sharif大), as Japanese writes 東大 for 東京大学: also read
    // with 学 back. Only after katakana or Latin, so never 大 of a word (大手, 巨大).
    if (SHORT_DAIGAKU.test(text)) out.push({ text: `${text}学`, context, cut: true });
    // The name before descriptive words, places among them ("KAMAZ truck plant", "SUPARCO Headquarters"), for a
    // hard hit of that name only (see Span.tail).
    const tailCut = () => {
      let d = words.length;
      while (d > 1 && (this.descriptorTail.has(lower(words[d - 1]!)) || this.isPlace(words[d - 1]!))) d--;
      // A short name (KAMAZ, POF Wah): a longer one before "Plant" is a name the matcher reads whole.
      if (d === words.length || d > MAX_TAIL_HEAD) return;
      if (!words.slice(d).some((w) => this.descriptorTail.has(lower(w)))) return;
      const head = words.slice(0, d).join(' ');
      if (CJK.test(head) || !read(head).names) return;
      out.push({ text: head, context, cut: true, tail: true });
    };
    // An address before a Chinese name (四川省成都市电子科技大学): the name after it is screened as typed alone, even
    // when its words are institution words only.
    const address = CN_ADDRESS.exec(text);
    if (address) {
      const rest = text.slice(address[0].length).trim();
      out.push({ text: rest, context, cut: true, shortForm: true });
      this.cut(rest, context, read, out, depth + 1);
      emitted = true;
    }
    // A katakana name after a head noun describing it (露トラック大手カマズ): the name alone.
    const headed = HEADED_KANA.exec(text);
    if (headed && headed.index > 0) {
      out.push({ text: headed[1]!, context, cut: true });
      emitted = true;
    }
    // A province and its city before a name, without their unit words (湖南长沙国防科技大学, 四川绵阳中国工程物理研究院):
    // the name after them, when it names something by itself. Institution words only after them (陕西西安电子科技大学)
    // is another institution, the city's own, as one place in front is.
    // And the city with the name, as typed alone (江苏南京理工大学 is 南京理工大学; 陕西西安电子科技大学 is Xidian's).
    const placed = this.twoPlacesBefore(text);
    if (placed) {
      out.push({ text: placed.city, context, cut: true, shortForm: true });
      out.push({ text: placed.name, context, cut: true });
      emitted = true;
    }
    // Where, then who: places alone before a space (四川绵阳 中国工程物理研究院, 北京 北京航空航天大学), or one place glued
    // before a name that says its own place or country (绵阳中国工程物理研究院). Not before a name without one
    // (西安电子科技大学 is Xidian, the city's own university, not UESTC).
    const after = this.nameAfterPlaces(text);
    if (after) {
      out.push({ text: after, context, cut: true });
      emitted = true;
    }
    // CJK names side by side with a space between (十四所 南京电子技术研究所, 材料学院 北京航空航天大学): each is
    // screened as a piece, as between commas. The whole text is still read first.
    const runs = CJK_SPACED_RUNS.test(text) ? text.trim().split(/\s+/u) : [];
    for (const r of runs) if (r.length >= 3) out.push({ text: r, context: false, cut: true, piece: true });
    if (runs.length) emitted = true;
    // Japanese particles between names (招へい研究者の所属, 北京理工大学から来た): each side alone, when it reads as
    // an institution; katakana or unknown kanji alone (サンプル, 来た) is not screened.
    const { pieces: split, chinese } = this.particlePieces(text, true);
    const pieces = split.map((p) => p.text);
    // One piece too where a particle or a word after the name was cut off (西工大宛て, 北航訪問).
    if (pieces.length > 1 || (pieces.length === 1 && pieces[0] !== text.trim())) {
      const naming = pieces.map((p) => read(p).names && read(p).org && !this.isLabel(p));
      // A short form between particles reads as unknown kanji (哈工大, 浙大) or as institution words only (工大):
      // it is screened too when it stands alone in the sentence, and names no other body beside one.
      // So is a name of institution words only between the words of a Chinese sentence (我在电子科技大学读博):
      // typed alone it is a listed name or nothing, as the matcher reads it.
      // And, in a Chinese sentence, a longer short form the reading does not take for a name (长春光机所 of
      // 在长春光机所读博, 中国电科10所 of 入职中国电科10所): the words cut away are the sentence's own.
      const short = pieces.map(
        (p, i) =>
          !naming[i] &&
          (this.shortForm(p, read) || (chinese && (this.institutionWordsOnly(p, read) || ZH_SHORT_FORM.test(p)))),
      );
      // What the sentence acts on (炭素繊維を送る) is goods, not another body beside the name: 北航 stays alone.
      // So is a person (客員研究員が来ます), unless a body stands before the person word (清華大学教授).
      // And what qualifies it with の (炭素繊維のサンプルを: 炭素繊維 is goods too), read from the right.
      const goods = split.map(
        (p) => (p.particle !== undefined && this.objectParticles.has(p.particle)) || this.isPerson(p.text, read),
      );
      // Not a body (北京大学の研究者を: 北京大学 stands beside the short form).
      for (let j = split.length - 2; j >= 0; j--)
        if (split[j]!.particle === 'の' && goods[j + 1] && !read(split[j]!.text).body) goods[j] = true;
      // A katakana word before a particle other than を (スホーイに, カマズから) is a name by its sound or a word
      // (サンプルに): screened alone in the sentence, for a hard hit only.
      // So is the last piece after の (イエメンのフーシ派: where, then who).
      const kana = pieces.map((p, i) => {
        const particle = split[i]!.particle;
        const last = i === pieces.length - 1 && i > 0 && split[i - 1]!.particle === 'の';
        return (
          !naming[i] &&
          !short[i] &&
          ((particle !== undefined && !this.objectParticles.has(particle)) || last) &&
          KANA_NAME.test(p)
        );
      });
      pieces.forEach((p, i) => {
        if (kana[i] && context && naming.every((n, j) => j === i || !n || goods[j]))
          out.push({ text: p, context: true, cut: true, kana: true });
        // A university cut to 大 (シャリフ大の先生): with 学 back, as alone (see SHORT_DAIGAKU).
        if (SHORT_DAIGAKU.test(p) && context && naming.every((n, j) => j === i || !n || goods[j]))
          out.push({ text: `${p}学`, context: true, cut: true });
        if (!naming[i] && !short[i]) return;
        if (this.isDepartment(p) && naming.some((n, j) => n && j < i)) return;
        const alone = context && naming.every((n, j) => j === i || !n || goods[j]);
        if (short[i]) {
          if (alone) out.push({ text: this.undotted(p, read), context: true, cut: true, shortForm: true });
        } else emit(p, alone, true);
      });
      // Chinese function words are read into a text, not found in it (在 of 创新在线): the text is screened too.
      return emitted && !chinese;
    }
    // A country or place and a middle dot before the name (中国・北航, イラン・シャリフ工科大学): the name alone.
    const undotted = this.undotted(text, read);
    if (undotted !== text)
      out.push({ text: undotted, context, cut: true, ...(this.shortForm(undotted, read) ? { shortForm: true } : {}) });
    // A Latin name with 社/公司 glued on: 社 says the Latin run is a company's whole name (KAMAZ社製トラック).
    if (this.suffix && CJK.test(text)) for (const m of text.matchAll(this.suffix)) emit(m[1]!, context);
    // An acronym glued to or beside a CJK name, before or after it (BIT北京理工大学, 哈工程HEU, 北京理工大学 BIT): each
    // restates the other, as in brackets (BIT（北京理工大学）); each alone, the other being its context. Not a
    // suffix, legal form or context word alone on the CJK side (KAMAZ社, SONY株式会社).
    const restated = ACRONYM_BESIDE_CJK.exec(text);
    if (restated) {
      const [acronym, cjk] = restated[1] ? [restated[1], restated[2]!] : [restated[4]!, restated[3]!];
      // In Han script (a katakana side is a transcription, the katakana screening's), naming by itself or a short
      // form, an institution word and one kanji of the name left (哈工程); not generic words only (TCL科技).
      const side = read(cjk);
      if (HAN.test(normalizeName(cjk).cjk) && (side.names || (side.org && side.cjkLeft))) {
        emit(acronym, context);
        out.push({ text: cjk, context, cut: true, restated: true });
      }
    }
    const words = text.split(' ');
    // "AK-47 parts from Kalashnikov Concern", "procurement for the Ministry of …": after a frame word that
    // follows a sentence word (lowercase, not an organisation noun: "Institute for …" is a name), up to the next.
    const starts: number[] = [];
    words.forEach((w, i) => {
      if (i === words.length - 1 || !this.frames.has(w.toLowerCase())) return;
      // The sentence's first word may be capitalised ("Procurement for the Ministry of …"); a span cut out of
      // the text starts with a name ("Angstrem in Zelenograd"), not a sentence.
      const prev = i === 1 && depth === 1 ? words[0]!.toLowerCase() : words[i - 1];
      if (i === 0 || this.sentenceWord(prev!)) starts.push(i);
    });
    // Where the rest is only the sentence (lower case, and its first word), a name is alone in it, as a whole
    // query would be: an acronym or short form counts ("ship samples to HIT next month").
    // A place after "in" is where, not another name ("our partner is NUDT in Changsha").
    const aloneIn = (from: number, to: number) =>
      context &&
      words.every(
        (w, i) =>
          (i >= from && i < to) ||
          (i === 0 && depth === 1) ||
          (!UPPER.test(w) && !CJK.test(w)) ||
          (words[i - 1] === 'in' && this.isPlace(w)),
      );
    starts.forEach((s, k) => {
      const from = s + 1;
      const to = starts[k + 1] ?? words.length;
      const spanWords = words.slice(from, to);
      const span = spanWords.join(' ');
      // A name in an English sentence is capitalised ("made by hand" names no one).
      if (!UPPER.test(span) && !CJK.test(span)) return;
      emit(span, aloneIn(from, to));
      // The sentence goes on after the name ("ship samples to Harbin Institute of Technology next month",
      // "joint research with 北京航空航天大学 on batteries"): also the name alone, up to the first word typed in
      // lower case that no name holds (of, and, named … stay).
      const end = spanWords.findIndex((w, i) => i > 0 && /^[a-z]/u.test(w) && !STOPWORDS.has(w.replace(/[.,]$/u, '')));
      if (end > 0) emit(spanWords.slice(0, end).join(' '), aloneIn(from, from + end));
    });
    // A name in an English sentence with no frame word before it ("former Harbin Institute of Technology researcher",
    // "the NUDT team", "graduate of Beihang University", "MoU between HIT and Kyoto University"): each run of
    // capitalised words, with the small words of a name between them, where the sentence's own words are lower case.
    const lowerCase = (w: string) => /^\p{Ll}/u.test(w) && !RUN_JOINERS.has(w) && !STOPWORDS.has(w);
    if (!starts.length && this.orgNouns.size && !CJK.test(text) && words.some(lowerCase)) {
      const nameWord = (w: string) => NAME_WORD.test(w);
      for (let i = 0; i < words.length; ) {
        if (!nameWord(words[i]!)) {
          i++;
          continue;
        }
        let j = i + 1;
        for (;;) {
          let k = j;
          while (k < words.length && RUN_JOINERS.has(words[k]!)) k++;
          if (k < words.length && nameWord(words[k]!)) j = k + 1;
          else break;
        }
        // "Beihang University-affiliated": the lower-case word glued on is the sentence's.
        const run = words.slice(i, j);
        run[run.length - 1] = run[run.length - 1]!.replace(GLUED_LOWER, '');
        // The run itself too, not only what it is cut into ("Harbin" off "Harbin Institute of Technology"); only
        // a body's name (an organisation noun in it, or an acronym): a romanised Russian reading keeps words in
        // lower case ("Institute problem Chemical Physics RAN"), and "Chemical Physics RAN" names no body.
        if (j - i < words.length && this.bodyRun(run)) emit(run.join(' '), aloneIn(i, j), true);
        // A sentence's first word is capitalised ("Former HIT researcher"): the run without it too.
        if (
          i === 0 &&
          depth === 1 &&
          run.length > 1 &&
          this.sentenceWord(run[0]!.toLowerCase()) &&
          this.bodyRun(run.slice(1))
        )
          emit(run.slice(1).join(' '), aloneIn(1, j), true);
        i = j;
      }
    }
    // A person and the body they are of ("invite Prof. Wang of Sharif University of Technology", "Dr. Li Wei of the
    // Harbin Institute of Technology"): the body. The title says the capitalised words before "of" are a name.
    const titled = words.findIndex((w) => this.titles.has(lower(w)));
    const personOf =
      titled < 0 ? -1 : words.findIndex((w, i) => i > titled + 1 && i <= titled + 4 && w.toLowerCase() === 'of');
    if (personOf > 0 && words.slice(titled + 1, personOf).every((w) => UPPER.test(w[0] ?? ''))) {
      const body = words.slice(words[personOf + 1]?.toLowerCase() === 'the' ? personOf + 2 : personOf + 1);
      if (body.length && UPPER.test(body[0]![0] ?? '')) emit(body.join(' '), context);
    }
    // What a body is of another ("branch of PJSC Tupolev", "a subsidiary of Rostec State Corporation"): the other.
    const of = words.findIndex(
      (w, i) => i + 2 < words.length && this.relationWords.has(lower(w)) && words[i + 1]!.toLowerCase() === 'of',
    );
    if (of >= 0) emit(words.slice(of + 2).join(' '), context);
    // A unit named before the institution it belongs to ("School of Astronautics of Harbin Institute of Technology",
    // "Institute of Physics of the Kim Il Sung University", "Joint Laboratory of …"): the institution after the
    // first "of" that follows the unit's own name and is followed by an organisation noun.
    const unitOf = this.unitOf(words);
    if (unitOf !== undefined) emit(unitOf, context);
    // An institution's own council, office or grant after its name ("University of Tehran Research Council",
    // "Sharif University of Technology grant No. 12"): the institution.
    const own = this.beforeSubunit(words);
    if (own) emit(own, context, true);
    // Two institutions joined by and/& ("Sharif University of Technology and University of Tokyo"): each alone,
    // only where both sides hold an institution noun (not "Iran University of Science and Technology").
    const joined = words.findIndex((w, i) => i > 0 && i < words.length - 1 && (w === 'and' || w === '&'));
    if (joined > 0) {
      const left = words.slice(0, joined);
      const right = words.slice(joined + 1);
      const institution = (ws: readonly string[]) => ws.some((w) => INSTITUTION_NOUNS.has(lower(w)));
      // An acronym on one side names a body as an institution noun does ("NWPU and Tsinghua", "HIT and Tohoku
      // University", "MIPT and MSU"); the other side is then a name of its own, one capitalised word at least.
      const acronym = (ws: readonly string[]) => ws.length === 1 && ACRONYM_TYPED.test(ws[0]!);
      const named = (ws: readonly string[]) => institution(ws) || acronym(ws);
      const capitalised = (ws: readonly string[]) => ws.length === 1 && /^\p{Lu}\p{Ll}{2,}$/u.test(ws[0]!);
      const bodies =
        (institution(left) && institution(right)) ||
        (acronym(left) && (named(right) || capitalised(right))) ||
        (acronym(right) && (named(left) || capitalised(left)));
      if (/^\p{Lu}/u.test(right[0]!) && bodies) {
        // An acronym there is a body's name, as alone in the text: the other side is a body, not words around it.
        emit(left.join(' '), acronym(left));
        emit(right.join(' '), acronym(right));
      }
    }
    // A place or country after the name ("HIAST Damascus", "Rosoboronexport in Moscow", "FSB Russia").
    let k = words.length;
    while (k > 1 && this.isPlace(words[k - 1]!)) k--;
    // Not a place after "of" ("University of Tehran", "… Technology of China"): that place is the name's own word,
    // and the name is screened as a whole.
    if (k < words.length && !OF_BEFORE_PLACE.test(words[k - 1]!)) {
      if (k > 1 && this.frames.has(words[k - 1]!.toLowerCase())) k--;
      emit(words.slice(0, k).join(' '), context);
    }
    // A faculty glued after a name in Latin and CJK (Sharif工科大学物理学科, Tehran大学工学部): the name before it.
    const faculty = this.gluedFaculty(text);
    if (faculty) emit(faculty, context);
    // A faculty, a campus or a city glued after a Latin name ("University of Tehran工学部", "Harbin Institute of
    // Technology深圳校", "NUDT長沙"): the Latin name before it.
    const glued = this.gluedContextTail(words[words.length - 1]!);
    if (glued !== undefined) emit([...words.slice(0, -1), glued].join(' '), context);
    // A faculty or a place after a space (シャリフ工科大学 物理学科, テヘラン大学 工学部): the institution before it.
    const tail = words[words.length - 1]!;
    if (words.length > 1 && CJK.test(tail) && (this.cjkContext(tail) || !read(tail).names))
      emit(words.slice(0, -1).join(' '), context);
    tailCut();
    // A country after a name without a comma ("Ninth Academy China", "771 Institute China"), as with one: the name
    // before it. The country is still named in the text, so a hit of another country's entity is dropped (veto).
    if (words.length >= 3 && !CJK.test(text) && this.lexicon.countryOfWord(lower(words[words.length - 1]!)))
      out.push({ text: words.slice(0, -1).join(' '), context, cut: true, shortForm: true });
    // A city before an acronym ("Xi'an NWPU", "Changsha NUDT"), as after it ("NUDT Changsha"): where, then who. A city
    // of another country says it is not the entity (veto).
    const acronym = words[words.length - 1]!;
    const before = words.slice(0, -1).join(' ');
    if (words.length >= 2 && words.length <= 3 && ACRONYM_TYPED.test(acronym) && this.isPlace(before))
      out.push({ text: acronym, context, cut: true, shortForm: true });
    // "Sharif UT", "Amirkabir UT": UT after a name is its University of Technology, as Iranian authors write it. Not UT
    // alone or before a city (UT Austin), and not after an acronym.
    if (words.length >= 2 && words[words.length - 1] === 'UT' && /^\p{Lu}\p{Ll}/u.test(words[words.length - 2]!))
      emit([...words.slice(0, -1), 'University', 'of', 'Technology'].join(' '), context);
    // An acronym with the word for what it is after it ("BUAA Univ", "NWPU Inst."): the acronym, as typed alone. A
    // word of a name there (BUAA Press) is not such a word.
    if (words.length === 2 && ACRONYM_TYPED.test(words[0]!) && ACRONYM_KIND_WORDS.has(lower(words[1]!)))
      out.push({ text: words[0]!, context, cut: true, shortForm: true });
    // A short name before a unit of it ("Skoltech Center for Photonics and Quantum Materials"): the name, as the
    // head of a descriptive name is (a hard hit of it only, as possible).
    const unit = words.findIndex(
      (w, i) => i > 0 && i <= MAX_TAIL_HEAD && INSTITUTION_NOUNS.has(lower(w)) && words[i + 1]?.toLowerCase() === 'for',
    );
    if (unit > 0) {
      const head = words.slice(0, unit).join(' ');
      if (!CJK.test(head) && !words.slice(0, unit).some((w) => this.isPlace(w)) && read(head).names)
        out.push({ text: head, context: false, cut: true, head: true });
    }
    // A news wire's description before the name ("missile maker MKB Raduga", "Chinese arms maker Norinco", "state-owned
    // Iran Electronics Industries"): the name after it, as typed alone.
    const described = this.descriptionBefore(words);
    if (described > 0) out.push({ text: words.slice(described).join(' '), context, cut: true, shortForm: true });
    // A country's or city's possessive, or a city-based, in front ("China's Harbin Institute of Technology",
    // "Changsha's NUDT", "Chengdu-based CETC 10th Institute"): where the body is, not part of its name.
    const lead = PLACE_LEAD.exec(words[0] ?? '');
    if (words.length > 1 && lead && this.isPlace(lead[1]!)) emit(words.slice(1).join(' '), context);
    // A city in front of a listed name ("Beijing Beihang University", "Tehran Sharif University of Technology"): in
    // Latin script the city may be only where it is, or another body's own word (Xi'an Jiaotong University); the rest
    // alone, for a hard hit of it only, as possible (a head's reading). A city of another country vetoes it.
    if (words.length >= 3 && this.isCity(words[0]!) && !this.isPlace(words[1]!) && /^\p{Lu}/u.test(words[1]!))
      out.push({ text: words.slice(1).join(' '), context: false, cut: true, head: true });
    // An acronym before one of its faculties ("BIT School of Aerospace Engineering", "NUDT College of
    // Computer", "HIT's School of Astronautics"): the name, as "School of Materials, Beihang University" gives it.
    const facultyAt = words.findIndex(
      (w, i) => i > 0 && i <= MAX_TAIL_HEAD && FACULTY_NOUNS.has(lower(w)) && words[i + 1]?.toLowerCase() === 'of',
    );
    if (facultyAt > 0) {
      // Only an acronym: a word of a name before "School of" may be another body's (Skolkovo School of Management).
      const head = words.slice(0, facultyAt).map((w) => w.replace(/['’]s$/u, ''));
      if (head.length === 1 && RUN_ACRONYM.test(head[0]!)) emit(head[0]!, context);
    }
    // The head of a descriptive name is only a weaker reading: the span itself is still screened.
    this.descriptive(words, out);
    return emitted;
  }

  /**
   * "Almaz-Antey Air and Space Defence Concern": a Latin name whose first word is a name and whose last is an
   * organisation noun, with descriptive words between. The head alone is screened and counts only where it is
   * itself a hard hit (Almaz-Antey is; Sharif, a word of many names, is not), and then as a possible match.
   */
  private descriptive(words: readonly string[], out: Candidate[]): boolean {
    // Written as a name: every word capitalised but the small ones ("parts from …" is a sentence).
    if (words.length < 3 || !words.every((w) => /^[\p{Lu}\d"“«(]/u.test(w) || STOPWORDS.has(w))) return false;
    if (words.some((w) => CJK.test(w))) return false;
    const latin = words.filter((w) => latinWords(w).length > 0);
    if (latin.length < 3) return false;
    const head = latin[0]!;
    const tail = latinWords(latin[latin.length - 1]!).at(-1) ?? '';
    if (this.isPlace(head) || !this.orgNouns.has(tail)) return false;
    if (!latinWords(head).every((w) => tokenWeight(w) >= 0.6 && !/^\d+$/.test(w))) return false;
    out.push({ text: head, context: false, cut: true, head: true });
    return true;
  }

  /**
   * The words before an institution's own office or programme (subunitWords, "Research" with them): only where a
   * university, institute, academy or college is named before it.
   */
  private beforeSubunit(words: readonly string[]): string | undefined {
    const named = words.findIndex((w) => SUBUNIT_PARENTS.has(lower(w)));
    if (named < 0) return undefined;
    for (let k = named + 1; k < words.length; k++) {
      if (!this.subunitWords.has(lower(words[k]!))) continue;
      const end = k > named + 1 && lower(words[k - 1]!) === 'research' ? k - 1 : k;
      const head = words
        .slice(0, end)
        .join(' ')
        .replace(/['’]s$/u, '');
      return end > named && /^\p{Lu}/u.test(words[end - 1]!) ? head : undefined;
    }
    return undefined;
  }

  /**
   * The Latin part of a word that is a Latin name with a faculty (工学部), a campus (深圳校, 本部, 校区) or a city (長沙)
   * glued after it; undefined for anything else, a CJK word naming a body of its own (BIT北京理工大学) among them.
   */
  private gluedContextTail(word: string): string | undefined {
    const m = GLUED_CJK_TAIL.exec(word);
    return m && this.cjkContext(m[2]!) ? m[1] : undefined;
  }

  /** A faculty (工学部), a campus (深圳校, 威海校区, 本部) or a known city (長沙) in CJK script: where, not who. */
  private cjkContext(cjk: string): boolean {
    if (this.isDepartment(cjk)) return true;
    // A campus named by its city, known or not (威海校区, 深圳校); 校 alone only after a known city (学校 is a school).
    const campus = CAMPUS_WORD.exec(cjk);
    if (campus && (campus[1] !== '校' || !campus.index)) return true;
    const place = this.lexicon.foldedCjk(cjk.slice(0, campus?.index ?? cjk.length)).replace(/[市省]$/u, '');
    return this.lexicon.isHanPlace(place);
  }

  /**
   * A Latin-and-CJK name with a faculty glued after it (Sharif工科大学物理学科): the text up to the last university
   * or institute word before a CJK run that ends in a faculty word (cjkDepartments). Only mixed script: a CJK name
   * with its faculty is read whole by the curated names (whole-aliases.ts).
   */
  private gluedFaculty(text: string): string | undefined {
    if (!/[A-Za-z]/u.test(text) || !CJK.test(text) || text.includes(' ')) return undefined;
    let at = -1;
    for (const m of text.matchAll(CJK_INSTITUTION)) at = m.index + m[0].length;
    if (at <= 0 || at >= text.length) return undefined;
    const tail = text.slice(at);
    if (/[A-Za-z]/u.test(tail) || !this.departments.some((d) => tail.endsWith(d))) return undefined;
    return text.slice(0, at);
  }

  /**
   * The institution a unit is of, when the unit is named first: capitalised words ending in an organisation or
   * faculty noun ("School", "Joint Laboratory", "Institute"), its "of" and its field ("of Astronautics"), then "of"
   * (and "the") and capitalised words holding an organisation noun.
   */
  private unitOf(words: readonly string[]): string | undefined {
    const first = words.findIndex((w) => w.toLowerCase() === 'of');
    if (first < 1 || !words.slice(0, first).every((w) => /^\p{Lu}/u.test(w))) return undefined;
    const noun = lower(words[first - 1]!);
    if (!this.orgNouns.has(noun) && !this.lexicon.departments.has(latinWords(noun)[0] ?? '')) return undefined;
    const after = (i: number) => {
      let rest = words.slice(i + 1);
      if (rest[0]?.toLowerCase() === 'the') rest = rest.slice(1);
      if (!rest.length || !/^\p{Lu}/u.test(rest[0]!) || !rest.some((w) => this.orgNouns.has(lower(w))))
        return undefined;
      // A parent academy after "of" is part of the institute's own name (… Institute of the Russian Academy of
      // Sciences): it names no other body, and would take a span from the ones that do.
      const name = rest.join(' ');
      return this.lexicon.isParentBody(name) ? undefined : name;
    };
    for (let i = first + 2; i < words.length - 1; i++) {
      const rest = words[i]!.toLowerCase() === 'of' ? after(i) : undefined;
      if (rest) return rest;
    }
    // No field of its own ("Joint Laboratory of Sharif University of Technology"): the institution after the first.
    return after(first);
  }

  /**
   * The pieces of `part` between its particles, each with where it is in `part` and the particle after it; a time
   * word in front of a piece (来月北航から) is cut off it. With `chinese`, a part all in Han is cut at Chinese
   * function words too (他是北航的教授): for spans only, never for the guard, which must not read more pieces
   * into a name than the Japanese particles make.
   */
  private particlePieces(
    part: string,
    chinese = false,
  ): { part: string; pieces: { text: string; start: number; end: number; particle?: string }[]; chinese: boolean } {
    const pieces: { text: string; start: number; end: number; particle?: string }[] = [];
    let at = 0;
    let start = -1;
    let before: string | undefined;
    const close = (particle?: string) => {
      if (start < 0) return;
      const raw = part.slice(start, at);
      let from = start + raw.length - raw.trimStart().length;
      let t = raw.trim();
      // 和 / 与 opening the sentence or after its subject or verb (与北航的联合研究, 他们和哈工大合作): not the name's.
      const conjunction =
        zh && (!pieces.length || (before !== undefined && this.sentenceWords.has(before)))
          ? this.conjunctions.find((c) => t.startsWith(c) && t.length > c.length + 1)
          : undefined;
      if (conjunction) {
        from += conjunction.length;
        t = t.slice(conjunction.length);
      }
      const opener = this.openers.find((o) => t.startsWith(o) && t.length > o.length);
      if (opener) {
        const rest = t.slice(opener.length);
        from += opener.length + rest.length - rest.trimStart().length;
        t = rest.trim();
      }
      if (t) pieces.push({ text: t, start: from, end: at, ...(particle ? { particle } : {}) });
      start = -1;
    };
    const zh = chinese && this.chineseParticles && HAN_ONLY.test(part) ? this.chineseParticles : undefined;
    // Split with a capturing group: every second element is a hiragana run (a particle if listed) or a Chinese
    // function word.
    part.split(zh ?? this.jaCuts).forEach((piece, i) => {
      if (i % 2 === 1 && (zh || this.afterName.has(piece) || this.isParticleRun(piece))) {
        close(piece);
        before = piece;
      } else if (start < 0 && piece) start = at;
      at += piece.length;
    });
    close();
    return { part, pieces, chinese: zh !== undefined };
  }

  /**
   * A short form as typed between particles: two or three kanji or hanzi (哈工大, 北航), or a Latin acronym (HIT,
   * NUDT); not a person, a department or a place.
   */
  private shortForm(text: string, read: (t: string) => Reading): boolean {
    // With its country before a middle dot (中国・哈工大), as the dotted cut reads it.
    const name = this.undotted(text, read);
    if (name !== text) return this.shortForm(name, read);
    const han = /^[\u3400-\u9fff\uf900-\ufaff]{2,3}$/u.test(text);
    if (!han && !ACRONYM_TYPED.test(text)) return false;
    const r = read(text);
    return (r.names || r.org) && !r.place && !this.isPerson(text, read) && !this.isDepartment(text);
  }

  /** The gazetteer's Han place, as written, that stands in `text` at `at` (the longest), if any. */
  private placeAt(text: string, at: number): string | undefined {
    return this.rawHanPlaces.find((p) => text.startsWith(p, at));
  }

  /**
   * After two or more places at the start of a text (湖南长沙…), when four or more Han follow: the name after them,
   * and the last place with it (南京理工大学 of 江苏南京理工大学).
   */
  private twoPlacesBefore(text: string): { name: string; city: string } | undefined {
    let at = 0;
    let last = 0;
    let places = 0;
    for (;;) {
      const place = this.placeAt(text, at);
      if (!place) break;
      last = at;
      at += place.length;
      places++;
    }
    const name = text.slice(at);
    if (places < 2 || !/^[\u3400-\u9fff\uf900-\ufaff]{4,}$/u.test(name)) return undefined;
    return { name, city: text.slice(last) };
  }

  /**
   * The Han name after the places that open a text: after a space that follows places only, or after one place
   * glued to a name that itself opens with a place or country (the name says where it is, so the place before it is
   * only where). Four or more Han after them; undefined otherwise.
   */
  private nameAfterPlaces(text: string): string | undefined {
    // A place's length with its 省 or 市, if one follows.
    const place = (at: number) => {
      const p = this.placeAt(text, at);
      return p ? p.length + (/[省市]/u.test(text[at + p.length] ?? '') ? 1 : 0) : 0;
    };
    let at = 0;
    for (let len = place(0); len > 0; len = place(at)) at += len;
    if (at === 0) return undefined;
    const rest = text.slice(at);
    const spaced = /^\s+/u.exec(rest);
    const name = spaced ? rest.slice(spaced[0].length) : rest;
    if (!/^[\u3400-\u9fff\uf900-\ufaff]{4,}$/u.test(name)) return undefined;
    if (spaced) return name;
    const named = place(at) > 0 || this.lexicon.namedCountries('', this.lexicon.foldedCjk(name)).size > 0;
    return named ? name : undefined;
  }

  /** A Han name of institution words only, an institution noun in it (电子科技大学): no place, person or faculty. */
  private institutionWordsOnly(text: string, read: (t: string) => Reading): boolean {
    if (!/^[\u3400-\u9fff\uf900-\ufaff]{4,16}$/u.test(text)) return false;
    const r = read(text);
    return r.org && !r.names && !r.place && !this.isPerson(text, read) && !this.isDepartment(text);
  }

  /** A piece naming a person: it ends in a person word and what stands before it is no body (客員研究員, 留学生). */
  private isPerson(text: string, read: (t: string) => Reading): boolean {
    const word = this.personWords.find((w) => text.endsWith(w));
    if (!word) return false;
    const before = text.slice(0, -word.length).trim();
    return !before || !read(before).org;
  }

  /** A text that goes on a sentence: it opens with a particle and no piece of it names a body (に送る, の先生). */
  private sentenceRest(text: string, read: (t: string) => Reading): boolean {
    // An English apposition after a comma: what the name before it is ("CAEP, China's main nuclear weapons
    // laboratory", "HIT, one of the so-called Seven Sons of National Defence"; dev set en16).
    if (!CJK.test(text) && APPOSITION.test(text)) return true;
    const first = /^[\u3041-\u309f]+/u.exec(text)?.[0];
    if (!first || !this.isParticleRun(first)) return false;
    return !this.particlePieces(text).pieces.some((p) => read(p.text).names && read(p.text).org);
  }

  /** The name after a country or place and a middle dot (中国・北航 → 北航); else the text itself. */
  private undotted(text: string, read: (t: string) => Reading): string {
    const dotted = COUNTRY_DOT.exec(text);
    return dotted && CJK.test(dotted[1]!) && !read(dotted[1]!).names && this.namesCountry(dotted[1]!)
      ? dotted[2]!
      : text;
  }

  /** Whether a CJK text is a country or a place of the gazetteer (中国, イラン, 成都). */
  private namesCountry(text: string): boolean {
    const cjk = this.lexicon.foldedCjk(text);
    return this.lexicon.namedCountries(text.normalize('NFKC'), cjk).size > 0 || this.hanPlaces.some(([h]) => h === cjk);
  }

  /** A hiragana run that separates pieces: particles alone (の, さんと, について), or a verb's ending (とされる). */
  private isParticleRun(run: string): boolean {
    if (this.particles.has(run)) return true;
    // A verb's ending closing a clause before a name (最高学府とされる国防科学技術大学, 兵器開発を統括する第2経済委員会):
    // what follows it is what the clause describes. No listed Japanese name holds such a run.
    if (VERB_ENDING.test(run)) return true;
    // Split into listed particles, longest first from the left (run lengths are a few characters).
    const ok: boolean[] = [true];
    for (let i = 1; i <= run.length; i++) {
      ok[i] = false;
      for (const p of this.particles)
        if (p.length <= i && ok[i - p.length] === true && run.endsWith(p, i)) {
          ok[i] = true;
          break;
        }
    }
    return ok[run.length] === true;
  }

  /** Two words or more ending in a legal form as typed ("Engineering Center Ltd.", "… LLC"). */
  private companyName(text: string): boolean {
    const words = text.split(' ').filter((w) => /[A-Za-z]/.test(w));
    return words.length >= 3 && isLatinLegalForm(words[words.length - 1]!);
  }

  /**
   * A word of a sentence, not of a name: lower case as typed, not a stopword, frame word or organisation noun; a
   * generic word too ("joint research with …", "trading with …").
   */
  private sentenceWord(w: string): boolean {
    if (!/^[a-z][a-z'’-]*$/u.test(w) || STOPWORDS.has(w) || this.frames.has(w) || this.orgNouns.has(w)) return false;
    return latinWords(w).every((t) => tokenWeight(t) > 0);
  }

  /**
   * Whether capitalised words name a body: an organisation noun and a word of the name, or one acronym (NUDT). Not one
   * capitalised word: a romanised reading leaves such words of no body ("Physics", "Teknologi").
   */
  /**
   * Where the name starts after a description in lower case that says what the body is ("drone maker", "arms maker",
   * "state-owned", "state conglomerate"), after a nationality or "the" perhaps: the index of the name's first word,
   * every word from there on capitalised (or a small word of a name); 0 where the text is not so.
   */
  private descriptionBefore(words: readonly string[]): number {
    let i = 0;
    if (words[0] && (/^(?:the|a|an)$/iu.test(words[0]) || (this.isPlace(words[0]) && UPPER.test(words[0][0]!)))) i = 1;
    else if (words[0] && /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i)$/u.test(words[0]) && words.length > 3) i = 1;
    const from = i;
    while (i < words.length && /^\p{Ll}[\p{Ll}-]*$/u.test(words[i]!) && i - from < 4) i++;
    if (i === from || i >= words.length) return 0;
    const lead = words.slice(from, i);
    const last = lead[lead.length - 1]!;
    const describes =
      DESCRIPTION_NOUNS.has(last) || /maker$|builder$/u.test(last) || lead.some((w) => STATE_FORMS.test(w));
    if (!describes) return 0;
    const name = words.slice(i);
    if (!name.every((w) => UPPER.test(w[0] ?? '') || /^\d/u.test(w) || RUN_JOINERS.has(w))) return 0;
    return i;
  }

  /** Whether a Latin part between commas names an institution of its own: an institution noun, not a parent academy. */
  private anotherInstitution(part: string): boolean {
    return part.split(/\s+/u).some((w) => INSTITUTION_NOUNS.has(lower(w))) && !this.lexicon.isParentBody(part);
  }

  /** A Latin text's parts between delimiters, for FieldInstitutes (none for a CJK text). */
  private latinParts(query: string): string[] {
    if (CJK.test(query)) return [];
    return spanText(query)
      .split(DELIMITER)
      .map((p) => p.trim())
      .filter(Boolean);
  }

  private bodyRun(ws: readonly string[]): boolean {
    if (ws.length === 1 && RUN_ACRONYM.test(ws[0]!)) return true;
    // A noun alone ("Commission scolaire …", "Centre de Recherche …" in French) names no one body; a department or
    // school is a unit of one ("IT Department", "Business School").
    const noun = (w: string) =>
      (this.orgNouns.has(lower(w)) || INSTITUTION_NOUNS.has(lower(w))) && !this.lexicon.departments.has(lower(w));
    return ws.some(noun) && ws.some((w) => !noun(w) && !RUN_JOINERS.has(w));
  }

  /** A city or region of the gazetteer written in Latin (Beijing, Xi'an, Tehran), not a country's name. */
  private isCity(w: string): boolean {
    const l = placeKey(w);
    return l !== undefined && this.lexicon.latinPlaces.has(l) && !this.lexicon.isCountryWord(l);
  }

  private isPlace(w: string): boolean {
    const l = placeKey(w);
    return l !== undefined && (this.lexicon.latinPlaces.has(l) || this.lexicon.isCountryWord(l));
  }

  private isLabel(t: string): boolean {
    const l = t.toLowerCase();
    return this.labels.some((w) => l === w || (l.endsWith(w) && (CJK.test(w) || l.endsWith(` ${w}`))));
  }

  /**
   * A postal address between delimiters ("1 Vavilova St.", "Leninsky Prospekt 53", "203 Fontanka emb."): a street
   * word (contextWords.addressWords) after the first word, or anywhere with a number beside it; never a text with an
   * organisation noun or a legal form ("St. Petersburg Naval Design Bureau", "Prospekt LLC"), nor a CJK one.
   */
  private isAddress(text: string): boolean {
    if (!this.addressWords.size || CJK.test(text)) return false;
    const typed = text
      .toLowerCase()
      .split(/[^a-z0-9]+/u)
      .filter(Boolean);
    if (typed.some((w) => this.orgNouns.has(w) || isLatinLegalForm(w))) return false;
    const number = typed.some((w) => /\d/u.test(w));
    return typed.some((w, i) => this.addressWords.has(w) && (i > 0 || number));
  }

  /** A faculty, school or department: ends in one (物理学科, 材料学院) or, in Latin, opens with one (School of …). */
  private isDepartment(t: string): boolean {
    // One word ending in a faculty word (材料学院); "哈爾浜工業大学 材料学院" holds the institution before it.
    if (!t.includes(' ') && this.departments.some((d) => t.endsWith(d))) return true;
    const [w0, w1] = t.split(' ');
    // "Branch of PJSC Tupolev" names the body it is a branch of (relationWords), unlike "Department of Physics".
    if (w0 && w1?.toLowerCase() === 'of' && this.relationWords.has(lower(w0))) return false;
    const words = latinWords(t);
    const first = words[0];
    if (first === undefined) return false;
    // A university's laboratory or college before it ("Key Laboratory of Nuclear Physics, CAEP", "State Key
    // Laboratory of Advanced Welding, HIT", "College of Automation, …"): a unit, as a department is.
    if (UNIT_HEADS.has(first) || (first === 'state' && words[1] === 'key')) return true;
    return this.lexicon.departments.has(first);
  }

  /** What a span holds, read the way the matcher reads names (cheaply: no translation, no phonetics). */
  private read(text: string): Reading {
    const n = normalizeName(text);
    const lex = this.lexicon;
    let names = false;
    let org = false;
    let place = false;
    let cjkLeft = false;
    let body = n.tokens.some((w) => !STOPWORDS.has(w) && !lex.contextTokens.has(w));
    for (const w of n.tokens) {
      if (STOPWORDS.has(w) || /^\d+$/.test(w) || lex.contextTokens.has(w)) continue;
      if (lex.latinPlaces.has(w) || lex.isCountryWord(w)) place = true;
      else if (tokenWeight(w) >= 0.6) names = org = true;
      else org = true;
    }
    if (n.cjk) {
      // What is left once generic institution words, places, countries and context words are taken out.
      let rest = lex.normalizeCjk(n.cjk);
      for (const [form, kind] of this.cjkForms)
        if (rest.includes(form)) {
          rest = rest.split(form).join(' ');
          if (kind === 'place') place = true;
          else if (kind !== 'country') org = true;
          if (kind === 'generic') body = true;
        }
      for (const form of this.cjkNaming) if (rest.includes(form)) org = true;
      // One leftover kanji (市, 来) names nothing by itself; kana always does (a name by its sound).
      if (rest.split(' ').some((r) => r.length >= 2 || KANA_CHAR.test(r))) names = true;
      cjkLeft = rest.trim().length > 0;
    }
    // A place with an institution word is a name (テヘラン大学, University of Tehran); a place alone is not.
    if (place && org) names = true;
    const short = n.cjk ? !n.tokens.length && n.cjk.length <= 3 : n.tokens.length === 1 && n.tokens[0]!.length <= 5;
    // A person ("Prof. Wang", "Dr. Ali Rezaei"): a title first names no institution.
    if (n.tokens[0] && this.titles.has(n.tokens[0])) names = false;
    if (names && this.isAddress(text)) names = false;
    const words = n.tokens.filter((w) => !STOPWORDS.has(w) && !lex.contextTokens.has(w));
    return { names, org, place, short, oneWord: !n.cjk && words.length === 1, cjkLeft, body };
  }

  /**
   * Countries a text names: by a country or academy (markers), and by its places, each with its word. As the
   * matcher's guard reads the whole text, a place anywhere counts ("…, The University of Tokyo" says where the
   * institute is), except in another institution joined by と/や/及び (東京大学と北京航空航天大学の共同研究).
   */
  private namedCountries(query: string, span: string): { markers: Set<string>; places: [string, string][] } {
    let text = query.slice(0, 1000).normalize('NFKC');
    // Where a sentence sends someone or something ("invite Prof. Li of HIT to Tokyo", "ship it to Osaka") is not where
    // the body is: a capitalised word after "to" outside the span is left out.
    if (!CJK.test(text)) {
      const where = text.indexOf(span);
      const away = (t: string) => t.replace(DESTINATION, ' ');
      text = where < 0 ? away(text) : `${away(text.slice(0, where))}${span}${away(text.slice(where + span.length))}`;
      // Another institution of its own between commas ("Sharif University of Technology, University of Tokyo", a
      // visiting researcher's two affiliations): its place is its own. A parent academy there (", Chinese Academy of
      // Sciences") says where the span's body belongs, and stays.
      // Not where the span is an institute named by its field (Institute for Solid State Physics, The University of
      // Tokyo): that institute is the university's, and the university's place says where it is.
      if (where >= 0 && text.includes(',') && !this.fieldInstitutes.fieldInstitute(normalizeName(span).tokens))
        text = text
          .split(/\s*[,;]\s*/u)
          .filter((part) => part.includes(span) || !this.anotherInstitution(part))
          .join(', ');
    }
    // The other institution's place says nothing about this one (… and University of Tokyo): in Latin only where
    // each side is an institution, as spans cut them.
    const inCjk = CJK.test(text);
    // The span stands in for itself while the text is split, so that its own "and" ("Moscow Institute of Physics
    // and Technology") joins nothing; a side that is the span is an institution ("Kyoto University and NUDT").
    const at = inCjk ? -1 : text.indexOf(span);
    const marked = at >= 0 ? `${text.slice(0, at)}\u0000${text.slice(at + span.length)}` : text;
    const sides = marked.split(inCjk ? COORDINATION : LATIN_SIDES);
    const institutions = sides.every(
      (side) => side.includes('\u0000') || side.split(/\s+/u).some((w) => INSTITUTION_NOUNS.has(lower(w))),
    );
    const own = sides.filter((part) => part.includes(at >= 0 ? '\u0000' : span)).map((p) => p.replace('\u0000', span));
    if (own.length && (inCjk || institutions)) text = own.join(' ');
    // In a Chinese headline the country before its verb acts on the body after it (美国制裁伊朗革命卫队, 以军空袭叙科学研究中心):
    // only the clause between the verbs that holds the span says where the body is.
    if (inCjk && this.verbSplit) {
      const clauses = text.split(this.verbSplit).filter((c) => c.includes(span));
      if (clauses.length) text = clauses.join(' ');
    }
    // Japan as a piece of its own (日本に来る) is where the exporter is, not where the partner is.
    if (inCjk && this.homePieces.size)
      text = text
        .split(DELIMITER)
        .map((part) =>
          this.particlePieces(part.trim(), true)
            .pieces.filter((p) => !this.homePieces.has(p.text))
            .map((p) => p.text)
            .join(' '),
        )
        .join(' ');
    const n = normalizeName(text);
    const cjk = this.lexicon.normalizeCjk(n.cjk);
    const markers = this.lexicon.namedCountries(text, cjk);
    const places: [string, string][] = [];
    n.tokens.forEach((w, i) => {
      const c = this.lexicon.latinPlaceAt(n.tokens, i);
      if (c && !STOPWORDS.has(w) && w.length >= 2) places.push([w, c]);
    });
    for (const [han, c] of this.hanPlaces) if (cjk.includes(han)) places.push([han, c]);
    return { markers, places };
  }

  /**
   * Whether the hit's listed name holds a place of its own (Latin: "Hong Kong", "Dalian") and the text names a place
   * that name does not hold.
   */
  private placedElsewhere(h: ScreeningHit, named: { places: [string, string][] }): boolean {
    if (!named.places.length) return false;
    const own = normalizeName(h.matchedOn).tokens;
    if (!own.some((_, i) => this.lexicon.latinPlaceAt(own, i) !== undefined)) return false;
    return named.places.some(([place]) => !own.includes(place));
  }

  /**
   * What the countries named in the text make of a span's hit, as the matcher's guard does for the whole text:
   * a place or country word of the entity's own name (Tehran in "Tehran Vostrel Company") says nothing; another
   * country drops the hit; an entity of no known country is at most possible.
   */
  private veto(h: ScreeningHit, named: { markers: Set<string>; places: [string, string][] }): 'drop' | 'cap' | 'pass' {
    if (!named.markers.size && !named.places.length) return 'pass';
    const own = [h.matchedOn, h.name].map((t) => normalizeName(t));
    const ownCjk = own.map((o) => this.lexicon.normalizeCjk(o.cjk)).join(' ');
    // A country word of the entity's own name (Iran Electronics Industries) says nothing either.
    const ownMarkers = this.lexicon.namedCountries(`${h.matchedOn} ${h.name}`.normalize('NFKC'), ownCjk);
    const countries = new Set([...named.markers].filter((c) => !ownMarkers.has(c)));
    for (const [word, c] of named.places)
      if (!own.some((o) => o.tokens.includes(word)) && !ownCjk.includes(word)) countries.add(c);
    if (!countries.size) return 'pass';
    if (!h.country) return 'cap';
    // Hong Kong and Macau entities are listed under either code, and are in China.
    const china = (c: string) => (c === 'HK' || c === 'MO' ? 'CN' : c);
    return [...countries].some((c) => china(c) === china(h.country!)) ? 'pass' : 'drop';
  }
}
