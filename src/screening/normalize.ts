/**
 * @module screening/normalize
 * Name folding for screening: NFKC, case, punctuation, legal forms in Latin, Japanese and Chinese scripts,
 * and simplified/traditional/Japanese-shinjitai kanji folded to one form with opencc-js (哈尔滨 / 哈爾濱 /
 * 哈爾浜 all become 哈尔滨). Hiragana folds to katakana. Kanji are never romanised.
 */
import * as OpenCC from 'opencc-js';
import { foldKana } from '../core/text.ts';
import { bundledScreeningData } from './bundled.ts';
import { institutesInKanji } from './numbering.ts';

// Japanese shinjitai → traditional → simplified: folding towards simplified is the many-to-one direction
// (製/制 → 制, 濱/浜 → 滨), so a simplified query and a Japanese listed name meet.
// Made on first use (some 30 ms of dictionary building): a process that screens only Latin names against an
// index read from screening/index-cache never needs them.
let toSimplified: ((s: string) => string) | undefined;
function simplified(s: string): string {
  if (!toSimplified) {
    const jpToT = OpenCC.Converter({ from: 'jp', to: 't' });
    const tToCn = OpenCC.Converter({ from: 't', to: 'cn' });
    toSimplified = (x) => tToCn(jpToT(x));
  }
  return toSimplified(s);
}

const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]+/gu;

/** Legal forms and corporate suffixes that say nothing about who the entity is. */
const LATIN_LEGAL = new Set(
  'co ltd limited incorporated llc lc llp inc corp jsc ojsc cjsc pjsc oao zao pao ooo gmbh ag sa bv nv srl spa plc pvt pte fze fzco fzc dmcc kft sro sdn bhd tov pp ao psc pls fsue fgup fgbu gup oo osoo too sarl sal sftue sirketi sti anonim as'.split(
    ' ',
  ),
);
const BRACKETED_CJK_LEGAL = /[(（][株有][)）]/g;
/** Longest first, so that 股份有限公司 goes before 有限公司 can leave 股份 behind. */
const CJK_LEGAL = [
  '非公開型株式会社',
  '公開型株式会社',
  '股份有限公司',
  '有限責任公司',
  '有限責任会社',
  '有限公司',
  '株式会社',
  '有限会社',
  '合同会社',
];

/**
 * A legal or state form written out in words before or after the name ("Open Joint Stock Company Aviadvigatel",
 * "Federal State Unitary Enterprise Dukhov Automatics Research Institute", "Federal State Budgetary Institution
 * of Science …", "… Anonim Şirketi"): with "Open" a distinctive word, the name alone was not found by itself. The index adds the name without it (name-index.ts); "joint", "stock" and
 * "company" alone stay generic words.
 */
const LEGAL_PHRASE_BEFORE =
  /^\s*(?:(?:non[\s-]*public|open|closed|public|private)\s+)?(?:joint[\s-]+stock\s+company|(?:otkrytoe|zakrytoe|publichnoe|nepublichnoe)?\s*aktsionernoe\s+obshchestvo|limited\s+liability\s+company|(?:federal\s+)?state(?:[-\s]owned)?\s+(?:foreign\s+trade\s+)?(?:unitary|budgetary|autonomous|treasury)\s+(?:enterprise|institution)(?:\s+of\s+science)?)\s+/iu;
const LEGAL_PHRASE_AFTER = /\s+(?:anonim|limited)\s+[sş]irketi\s*$/iu;

/** `text` without a written-out legal form before or after it; undefined when it has none, or is nothing else. */
export function withoutLegalPhrase(text: string): string | undefined {
  const stripped = text.replace(LEGAL_PHRASE_BEFORE, '').replace(LEGAL_PHRASE_AFTER, '').trim();
  return stripped && stripped !== text.trim() ? stripped : undefined;
}

/**
 * Latin letters with diacritics as typed without them (Inşaat and Insaat, Mimarlık and Mimarlik, Škoda and
 * Skoda meet); Turkish dotless ı and letters NFKD does not split are mapped by hand.
 */
const LETTER_FOLDS: Record<string, string> = { ı: 'i', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ł: 'l', þ: 'th' };
function foldDiacritics(lower: string): string {
  // Also a bare combining mark: "İ" lowercases to i + U+0307.
  if (!/[\u00c0-\u024f]|\p{M}/u.test(lower)) return lower;
  return lower
    .replace(/[ıßøæœđłþ]/gu, (c) => LETTER_FOLDS[c]!)
    .normalize('NFKD')
    .replace(/(?<=[a-z])\p{M}+/gu, '')
    .normalize('NFC');
}

/** Whether a word as typed ("Ltd.", "LLC", "JSC") is a legal form: what ends a company's name. */
export function isLatinLegalForm(word: string): boolean {
  return LATIN_LEGAL.has(word.toLowerCase().replace(/[^a-z]/g, ''));
}

/** Long legal forms a user may misspell ("Incorprated"); a query token close to one weighs nothing. */
export const LONG_LEGAL_FORMS = ['limited', 'incorporated'];

/** Words so common in institution names that they can never make a match on their own. */
export const GENERIC_LATIN = new Set(
  'university institute institution research technology technologies technological trading trade company group center centre science electronics electronic systems system solutions products production manufacturing concern npk npo npp spc rpc okb nii ntts stc vko pvo sciences scientific engineering national international industry industries industrial academy college school laboratory laboratories lab development state federal joint stock enterprise corporation limited holding holdings the of and for de la del in at china chinese russian iran iranian korea general foreign services service import export factory plant design bureau ministry organization organisation ticaret tic sanayi sanayii elektronik teknoloji'.split(
    ' ',
  ),
);
export const STOPWORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'de',
  'la',
  'del',
  'in',
  'at',
  'a',
  'an',
  '&',
  'named',
  'after',
  'imeni',
  'im',
  've',
]);
export const GENERIC_CJK = [
  '大學',
  '大学',
  '研究所',
  '研究院',
  '公司',
  '集團',
  '學院',
  '中心',
  '技術',
  '科技',
  '工業',
  '有限',
];

/**
 * Latin abbreviations ("Inst. Technol.", "Natl Univ Def Technol") from the shipped words.yaml (`latinAbbreviations`).
 * Read from the shipped file, not a rules folder's copy: the same folding makes the list-import and alias keys,
 * which must not depend on which folder a process was started with. Read on first use; none if the file is broken
 * (the data tests and `rules check` fail then).
 */
let abbreviations:
  | {
      always: ReadonlyMap<string, string>;
      dotted: ReadonlyMap<string, string>;
      alternatives: ReadonlyMap<string, readonly string[]>;
      dottedRe?: RegExp;
    }
  | undefined;
function latinAbbreviations(): NonNullable<typeof abbreviations> {
  if (abbreviations) return abbreviations;
  const a = bundledScreeningData()?.words.latinAbbreviations ?? { always: {}, dotted: {}, alternatives: {} };
  const dotted = new Map(Object.entries(a.dotted));
  abbreviations = {
    always: new Map(Object.entries(a.always)),
    dotted,
    alternatives: new Map(Object.entries(a.alternatives ?? {})),
    // "electron." with its period, as a word of its own: the period is what makes it an abbreviation.
    ...(dotted.size ? { dottedRe: new RegExp(`(?<![a-z0-9])(${[...dotted.keys()].join('|')})\\.`, 'g') } : {}),
  };
  return abbreviations;
}

/**
 * The other words an abbreviation as typed also stands for (words.yaml `latinAbbreviations.alternatives`: "tech"
 * is Technology and Technical), beside the one it is expanded to; none for a word that is no such abbreviation.
 */
export function abbreviationAlternatives(raw: string): readonly string[] {
  return latinAbbreviations().alternatives.get(raw) ?? NO_ALTERNATIVES;
}
const NO_ALTERNATIVES: readonly string[] = [];

/**
 * A place's other one-word Latin spellings folded to its first (gazetteer.yaml `latin`): "Peking Institute of
 * Technology" and "Beijing …", "Nanking", "Esfahan", "Teheran", "Moskva", "Ekaterinburg" meet the listed spelling,
 * as the older postal romanisations and Persian and Russian transliterations write them. From the shipped
 * gazetteer, for the reason latinAbbreviations are; none if the file is broken.
 */
let placeSpellings: ReadonlyMap<string, string> | undefined;
function placeFolds(): ReadonlyMap<string, string> {
  if (placeSpellings) return placeSpellings;
  const folds = new Map<string, string>();
  const oneWord = (w: string) => w.replace(/['’`]/g, '');
  for (const p of bundledScreeningData()?.gazetteer.places ?? []) {
    const [first, ...others] = p.latin.map(oneWord);
    if (!first || !/^[a-z]+$/.test(first)) continue;
    for (const o of others) if (/^[a-z]+$/.test(o) && o !== first && o.length > 2) folds.set(o, first);
  }
  placeSpellings = folds;
  return folds;
}

/**
 * Inflections of generic words, offered as alternatives of a query word (never folded into one another, so
 * a typo of the listed word stays one edit away): "Shahid Hemmat Industries Group" meets the listed
 * "… Industrial Group", "Maritime Technologies Complex" the "… Technology Complex", "Tula Arms Factory" the
 * "… Plant".
 */
const INFLECTION_GROUPS = [
  ['industry', 'industries', 'industrial', 'sanayi', 'sanayii'],
  ['technology', 'technologies', 'technological', 'teknoloji'],
  ['factory', 'plant'],
  // A compass word and its adjective ("Far Eastern Branch" for the listed "Far East Branch", "Southern Industry").
  ['east', 'eastern'],
  ['west', 'western'],
  ['north', 'northern'],
  ['south', 'southern'],
  // Turkish company words and the English a listed translation uses ("Smart Trading Tasimacilik" for "Smart
  // Trading Transportation Industry and Trade"); Ve is "and", Şirketi, Sti and A.Ş. legal forms.
  ['trade', 'ticaret', 'tic'],
  ['transportation', 'tasimacilik'],
  ['electronic', 'elektronik'],
  ['engineering', 'muhendislik'],
  ['import', 'ithalat'],
  ['export', 'ihracat'],
  ['marketing', 'pazarlama'],
];
export const GENERIC_INFLECTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  INFLECTION_GROUPS.flatMap((g) => g.map((w) => [w, g.filter((x) => x !== w)] as const)),
);

const FOLD_CACHE_LIMIT = 20_000;
const foldCache = new Map<string, string>();

/** Folds one CJK run; memoised because opencc's per-call cost dominates screening time otherwise. */
export function foldCjk(s: string): string {
  const cached = foldCache.get(s);
  if (cached !== undefined) return cached;
  const folded = simplified(s);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(s, folded);
  return folded;
}

export interface NormalizedName {
  /** Latin tokens after folding, legal forms removed, abbreviations expanded. */
  readonly tokens: readonly string[];
  /** CJK runs after kanji folding and legal-form removal, joined without spaces. */
  readonly cjk: string;
  /** Everything folded into one comparable key (tokens joined + cjk). */
  readonly key: string;
}

/**
 * Katakana renderings of Latin legal forms ("Limited", "Inc.", "LLC"), dropped like the Latin ones: as a word of their
 * own (between ・ or spaces, or the whole run), and the long ones also glued to the end of a name (ウィンキーリミテッド).
 * インク only as a word of its own: glued, it ends ordinary words (ウインク, wink).
 */
const KANA_LEGAL_WORD =
  /(?<=^|[・･])(?:リミテッド|リミテド|インコーポレイテッド|インコーポレーテッド|インク|エルエルシー|エルティーディー|ピーティーイー|ゲーエムベーハー)(?=$|[・･])/gu;
const KANA_LEGAL_GLUED =
  /(?<=[\u30a1-\u30fa\u30fc])(?:リミテッド|インコーポレイテッド|インコーポレーテッド|エルエルシー)$/u;

/** One CJK run folded: kana to katakana, kanji to simplified, legal forms (株式会社, 有限公司, リミテッド …) removed. */
export function foldCjkRun(run: string): string {
  let folded = foldCjk(foldKana(run));
  for (const form of cjkLegalFolded()) if (folded.includes(form)) folded = folded.split(form).join('');
  if (/[リインエピゲ]/u.test(folded))
    folded = folded
      .replace(KANA_LEGAL_WORD, '')
      .replace(KANA_LEGAL_GLUED, '')
      .replace(/[・･]{2,}/gu, '・')
      .replace(/^[・･]|[・･]$/gu, '');
  return folded;
}

/**
 * Ordinal words as numbers, as "2nd" is: "Second Academy", "2nd Academy" and "2nd Acad." are one name, and the
 * number must still agree (guards.ts).
 */
const ORDINAL_WORDS: ReadonlyMap<string, string> = new Map(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i) => [w, String(i + 1)] as const),
);

/**
 * The Latin words of a text in order: folded, accents dropped, legal forms dropped, abbreviations expanded,
 * ordinals as numbers ("14th", "Second" → "14", "2"), "A*STAR" as one word.
 */
export function latinWords(text: string): string[] {
  return latinTerms(text).map((t) => t.word);
}

const R_AND_D = /(?<![a-z0-9])r\s?&\s?d(?![a-z0-9])/g;
// A capitalised word's or an acronym's possessive: "CETC's 14th Research Institute", "Beihang's School of Materials",
// "North Korea's Second Economic Committee". People's stays (People's Republic: folded as the list folds it).
const POSSESSIVE = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,19})['’]s(?![A-Za-z0-9])/g;
const possessive = (m: string, w: string) => (w.toLowerCase() === 'people' ? m : w);
const U_OF = /(?<![a-z0-9.])(?:u|uni)\.?\s+of(?![a-z0-9])/g;
const NUMBER_SIGN = /(?<![a-z0-9])no\.?\s*(?=\d)/g;
const PLA_PREFIX = /(?<![a-z])(?:chinese\s+)?(?:pla|people['’]?s\s+liberation\s+army)(?:['’]s)?(?=\s+[a-z])/g;
const AERO_ASTRO = /(?<![a-z])aero(?:naut)?\.?\s*(?:&|and)\s*astro(?:naut|nautics)?\.?(?![a-z])/g;
/**
 * U or Uni closing a name after a word ("Beihang U", "Tehran U.", "Northwestern Polytech U", "Beihang Uni"), or U
 * before a field's abbreviation ("Iran U Sci Tech"): University. Only after a word of three letters or more, so a
 * person's initials ("A. U. Khan") stay.
 */
const U_AFTER_NAME =
  /(?<=[a-z]{3}\.?\s+)(?:u|uni)\.?(?:\s*$|(?=\s+(?:sci|tech|technol|eng|engn|def|aeronaut|polytech)\b))/g;

const GLUED_ORDINAL = /^([a-z]{2,})(\d{1,3})(?:st|nd|rd|th)$/;

/** latinWords with each word as written before an abbreviation was expanded ("technol" for "technology"). */
export function latinTerms(text: string): { word: string; raw: string }[] {
  const abbr = latinAbbreviations();
  const places = placeFolds();
  // A name's possessive ("CETC's 14th Research Institute", "Beihang's School of Materials") is the name.
  let lower = foldDiacritics(
    (text.includes("'s") || text.includes('’s') ? text.replace(POSSESSIVE, possessive) : text).toLowerCase(),
  );
  if (abbr.dottedRe) lower = lower.replace(abbr.dottedRe, (_, w: string) => ` ${abbr.dotted.get(w)!} `);
  // "R&D Center ELVEES", "R & D Institute": the ampersand abbreviation of research and development.
  if (lower.includes('&')) lower = lower.replace(R_AND_D, ' research and development ');
  // "Sharif U. of Tech.", "U of Tehran", "Sharif Uni of Technology": U or Uni before "of" is University (a lone
  // initial elsewhere, "A. U. Khan"; Uni alone may be a name, Uni-President).
  // The PLA before a name is generic, as 中国人民解放军 is ("PLA National University of Defense Technology" is NUDT;
  // "PLA National Defense University" is not, and with the PLA counted it read as a strong match of it).
  if (lower.includes('pla') || lower.includes('liberation')) lower = lower.replace(PLA_PREFIX, ' ');
  // "No. 771 Research Institute" is the 771 (771st) Research Institute: No. before a number is its sign, not a word.
  if (lower.includes('no')) lower = lower.replace(NUMBER_SIGN, ' ');
  // "Nanjing Univ of Aero & Astro": the pair is the two words even without their periods (ZALA Aero Group alone is not).
  if (lower.includes('astro')) lower = lower.replace(AERO_ASTRO, ' aeronautics and astronautics ');
  if (lower.includes('u')) lower = lower.replace(U_OF, 'university of').replace(U_AFTER_NAME, 'university');
  const words = lower
    .replace(/(?<=[a-z0-9])\*(?=[a-z0-9])/g, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9\u00c0-\u024f\u0400-\u04ff]+/g, ' ')
    .split(' ')
    .filter((t) => t && !LATIN_LEGAL.has(t))
    // An abbreviation may stand for several words ("PO" for Production Association, "RKTs" for Rocket Space Centre).
    .flatMap((t) => {
      // An ordinal glued to an acronym ("CETC10th", "CASIC2nd"): the acronym and the number, as "CETC 10th" reads.
      const glued = GLUED_ORDINAL.exec(t);
      if (glued)
        return [
          { word: glued[1]!, raw: glued[1]! },
          { word: glued[2]!, raw: t },
        ];
      const word =
        abbr.always.get(t) ?? ORDINAL_WORDS.get(t) ?? places.get(t) ?? t.replace(/^(\d+)(?:st|nd|rd|th)$/, '$1');
      return word.includes(' ') ? word.split(' ').map((w) => ({ word: w, raw: t })) : [{ word, raw: t }];
    });
  // Initials are one word: "K.N. Toosi" and "KN Toosi", "E.S. Co." and "ES Co." meet.
  const out: { word: string; raw: string }[] = [];
  let lastWasInitial = false;
  for (const [i, t] of words.entries()) {
    const w = t.word;
    const prev = out[out.length - 1]?.word;
    if (w.length === 1 && /[a-z]/.test(w) && prev && /^[a-z]+$/.test(prev) && prev.length < 4 && lastWasInitial) {
      out[out.length - 1] = { word: prev + w, raw: prev + w };
      continue;
    }
    // A possessive whose apostrophe was lost ("JSC ALEXEEV S HYDROFOIL …") is the name before it, as "Alexeev's" is.
    // Not an initial of a legal form or a name ("S.A.L.", "S.A.R.L."): no single letter follows.
    const next = words[i + 1]?.word;
    const lone = next === undefined || next.length > 1;
    if (w === 's' && t.raw === 's' && lone && prev && prev.length >= 3 && /^[a-z]+$/.test(prev) && !lastWasInitial)
      continue;
    lastWasInitial = w.length === 1 && /[a-z]/.test(w);
    out.push(t);
  }
  // A legal form written as initials ("L.L.C.", "S.A.R.L.") is one only once its letters are joined.
  return out.filter((t) => !LATIN_LEGAL.has(t.word));
}

export const BRACKETED_LEGAL = BRACKETED_CJK_LEGAL;
export { CJK_RUN };

const NAME_CACHE_LIMIT = 50_000;
const nameCache = new Map<string, NormalizedName>();

/**
 * The folded form of a name. Memoised: building the index folds the same text several times (the name index,
 * the alias attachment, the whole-alias keys, the parent-body check), and a name costs some fifteen regex
 * passes. The result is frozen because it is shared between callers.
 */
export function normalizeName(raw: string): NormalizedName {
  const cached = nameCache.get(raw);
  if (cached) return cached;
  const n = foldName(raw);
  Object.freeze(n.tokens);
  if (nameCache.size >= NAME_CACHE_LIMIT) nameCache.clear();
  nameCache.set(raw, Object.freeze(n));
  return n;
}

function foldName(raw: string): NormalizedName {
  const text = raw.normalize('NFKC');
  const numbered = institutesInKanji(text);
  const n = folded(numbered);
  // The key stays the spelling's own (第13研究所 is not the listed 第十三研究所 itself, only equal once folded: strong).
  return numbered === text ? n : { ...n, key: folded(text).key };
}

function folded(text: string): NormalizedName {
  let s = text.replace(BRACKETED_CJK_LEGAL, ' ');
  const cjkParts: string[] = [];
  s = s.replace(CJK_RUN, (run) => {
    cjkParts.push(foldCjkRun(run));
    return ' ';
  });
  // A repeated word ("TEM International FZC (TEM)") says nothing more about who the entity is.
  const tokens = [...new Set(latinWords(s))];
  const cjk = cjkParts.join('');
  return { tokens, cjk, key: `${tokens.filter((t) => !STOPWORDS.has(t)).join(' ')}|${cjk}` };
}

/** The Latin words of a folded name without stopwords, as its key holds them (numbers as folded, 第13 → 13). */
export function latinKeyOf(n: NormalizedName): string {
  return n.tokens.filter((t) => !STOPWORDS.has(t)).join(' ');
}

/** Spacing and punctuation removed: "Qa'ida" typed as "QA IDA", "Malek-e" as "Malek e" meet here. */
export function compactKey(n: NormalizedName): string {
  return `${n.tokens.join('')}|${n.cjk}`;
}

/** Weight of a token: generic words count little, stopwords nothing. */
export function tokenWeight(t: string): number {
  if (STOPWORDS.has(t)) return 0;
  if (GENERIC_LATIN.has(t)) return 0.35;
  if (/^\d+$/.test(t)) return 0.6;
  return 1;
}

// Folded on first use, like the converters they need.
let genericCjkFolded: string[] | undefined;
let legalFolded: string[] | undefined;
const cjkLegalFolded = () => (legalFolded ??= [...new Set(CJK_LEGAL.map(foldCjk))]);

/** Strips generic CJK words so that 大学 alone cannot match. */
export function cjkCore(cjk: string): string {
  let core = cjk;
  genericCjkFolded ??= [...new Set(GENERIC_CJK.map(foldCjk))];
  for (const g of genericCjkFolded) if (core.includes(g)) core = core.split(g).join('');
  return core;
}

/** A Chinese character; and a kana (hiragana or katakana), which makes a name Japanese rather than Chinese. */
export const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
export const KANA = /[\u3041-\u309f\u30a1-\u30fa]/u;
