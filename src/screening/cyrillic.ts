/**
 * @module screening/cyrillic
 * A name written in Cyrillic (a Russian partner's letterhead or e-mail signature: «Московский физико-технический
 * институт», «АО «НПО Алмаз»», «ПАО Туполев») screened against lists that write it in English or romanised. The
 * query is screened as itself (curated Cyrillic aliases), as its word-mapped English form (the institution words,
 * places and legal forms of rules/screening/cyrillic-words.yaml in English, any other word romanised: "Moscow
 * Physics and Technology Institute") and as its plain romanisation ("AO NPO Almaz", "PAO Tupolev"). A Cyrillic run
 * inside a longer query is read in place; a word mixing Cyrillic and Latin letters (Rоstec with a Cyrillic о) is
 * romanised whole.
 *
 * A rendering is a reading of the query, not one of the entry's names: like a katakana or Han rendering (compared
 * with the listed English, never equal to its key), its hits are at most strong, never exact, and every guard the
 * matcher applies to the Latin text (short names, places, countries, numbers) applies to it.
 *
 * Romanisation: @sindresorhus/transliterate (MIT; some 9.5M downloads a month; maintained, no dependencies, ESM with
 * types, Node ≥ 20 like this project). Chosen over `transliteration` (which writes х as h and ц as c, not the lists'
 * kh and ts), `cyrillic-to-translit-js` (Russian and Ukrainian only, й as i) and `iuliia` (every Russian scheme, but
 * Russian letters only and little used): its Russian table is the English-language one the lists mostly follow (х kh,
 * ц ts, ж zh, й and ы y, ъ and ь dropped) and it knows Ukrainian and Serbian letters. What it writes otherwise or
 * leaves alone (щ, Kazakh, Belarusian ў) is data in cyrillic-words.yaml (`letters`); initial е as ye is BGN/PCGN.
 * Other romanisations of the same word (Moskovskiy / Moskovsky / Moskovskii, Tsentr / Centr) are the matcher's
 * concern (token-similarity's translitKey).
 */
import transliterate from '@sindresorhus/transliterate';
import type { ScreeningHit } from '../core/decision.ts';
import type { CyrillicWordsFile } from './data.ts';
import { asPossible, mergeHits } from './hit-order.ts';
import type { ListFile } from './list-schema.ts';
import { MAX_QUERY_LENGTH } from './matcher.ts';
import { normalizeName, STOPWORDS, tokenWeight } from './normalize.ts';
import { translitKey } from './token-similarity.ts';

/** Cyrillic letters (with the Cyrillic Supplement: Kazakh, Abkhaz …). */
export const CYRILLIC = /[\u0400-\u052f]/u;
/** A word: letters and digits, hyphens inside; the text between words is kept as it is. */
const WORD = /[\p{L}\p{M}\d]+(?:[-‐‑–][\p{L}\p{M}\d]+)*/gu;
/** Quotation marks Russian, Ukrainian and Bulgarian text use around a name: punctuation. */
const QUOTES = /[«»„“”‟‹›"]/gu;
/** Endings of Russian (and Ukrainian) adjectives and nouns, longest first: what inflection changes. */
const ENDINGS = [
  'иями',
  'ями',
  'ами',
  'ыми',
  'ими',
  'ией',
  'ием',
  'иях',
  'иям',
  'ого',
  'его',
  'ому',
  'ему',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ой',
  'ей',
  'ым',
  'им',
  'ом',
  'ем',
  'ую',
  'юю',
  'ых',
  'их',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ия',
  'ии',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'у',
  'ю',
  'ы',
  'и',
  'ь',
];
/** A stem keeps at least this many letters: шире, не "ш". */
const MIN_STEM = 3;

/** A word's stem: lower case, ё as е, its inflection ending cut (института, институтом → институт). */
export function cyrillicStem(word: string): string {
  const w = word
    .toLowerCase()
    .replace(/ё/gu, 'е')
    .replace(/[-‐‑–]/gu, '-');
  for (const e of ENDINGS) if (w.endsWith(e) && w.length - e.length >= MIN_STEM) return w.slice(0, -e.length);
  return w;
}

/** The words of a text, with their stems. */
function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    start: m.index,
    end: m.index + m[0].length,
    stem: cyrillicStem(m[0]),
  }));
}

/** Whether a form is written in capitals (НПО, ООО, ФГАОУ ВО): an abbreviation, met only as written. */
const isAbbreviation = (words: readonly string[]) => words.every((w) => w.length >= 2 && w === w.toUpperCase());

interface Phrase {
  /** Stems of the form's words, or the abbreviation as written. */
  words: readonly string[];
  abbreviation: boolean;
  /** The Latin it stands for: English words, a Latin legal form, or '' (dropped). */
  latin: string;
  legal: boolean;
}

/** A text a query is also screened as: in Latin or not, and the query's romanisation (for its legal form). */
export interface Rendering {
  text: string;
  romanised: boolean;
  legal: string;
}

/** A word of the query: its text and where it is. */
interface Word {
  text: string;
  start: number;
  end: number;
  stem: string;
}

/**
 * How a rendering writes the query: `english` (the word map's English, the namesake after имени in the nominative),
 * `plain` (every word romanised, the namesake as written), each also `unnamed` (without the namesake: the lists
 * often leave "named after …" out), and `bare` (Cyrillic still, its legal forms dropped, for the curated Cyrillic
 * aliases: ПАО «ОАК» is ОАК).
 */
type Mode = 'english' | 'english-unnamed' | 'plain' | 'plain-unnamed' | 'bare';
const MODES: readonly Mode[] = ['english', 'english-unnamed', 'plain', 'plain-unnamed', 'bare'];

export class CyrillicRenderings {
  private readonly phrases: Phrase[];
  private readonly letters: [string, string][];
  private readonly namedAfter: ReadonlySet<string>;
  /** Each entry's names (`list#entry`), for the legal form a one-word name's entry carries. */
  private readonly entryNames = new Map<string, readonly string[]>();

  constructor(file: CyrillicWordsFile, lists: readonly ListFile[] = []) {
    for (const l of lists)
      for (const e of l.entries) this.entryNames.set(`${l.list}#${e.entry}`, [e.name, ...e.aliases]);
    const phrases: Phrase[] = [];
    const add = (form: string, latin: string, legal: boolean) => {
      const words = form.split(/\s+/u).filter(Boolean);
      const abbreviation = isAbbreviation(words);
      phrases.push({ words: abbreviation ? words : words.map(cyrillicStem), abbreviation, latin, legal });
    };
    for (const g of file.legalForms) for (const f of g.forms) add(f, g.latin ?? '', true);
    for (const g of file.words) for (const f of g.forms) add(f, g.en, false);
    // Longest first (in words), abbreviations before the words they spell in lower case (ПО before по).
    this.phrases = phrases.sort(
      (a, b) => b.words.length - a.words.length || Number(b.abbreviation) - Number(a.abbreviation),
    );
    this.letters = Object.entries(file.letters);
    this.namedAfter = new Set(file.namedAfter.map(cyrillicStem));
  }

  /**
   * The texts a query with Cyrillic in it is also screened as (see Mode), each once and none equal to the query;
   * none for a query without Cyrillic.
   */
  renderings(text: string): Rendering[] {
    if (!CYRILLIC.test(text)) return [];
    // As much of it as the matcher reads.
    const clean = text.slice(0, MAX_QUERY_LENGTH).normalize('NFKC').replace(QUOTES, ' ');
    const words = wordsOf(clean);
    const squash = (t: string) => t.replace(QUOTES, ' ').replace(/\s+/gu, ' ').trim();
    const seen = new Set([squash(clean)]);
    const out: Rendering[] = [];
    const legal = this.render(clean, words, 'plain');
    for (const mode of MODES) {
      const r = mode === 'plain' ? legal : this.render(clean, words, mode);
      if (!squash(r) || seen.has(squash(r))) continue;
      seen.add(squash(r));
      out.push({ text: r, romanised: mode !== 'bare', legal });
    }
    return out;
  }

  /** The query with its Cyrillic words written as `mode` says. */
  private render(text: string, words: readonly Word[], mode: Mode): string {
    const english = mode === 'english' || mode === 'english-unnamed';
    let out = '';
    let at = 0;
    for (let i = 0; i < words.length; ) {
      const w = words[i]!;
      if (!CYRILLIC.test(w.text)) {
        i++;
        continue;
      }
      out += text.slice(at, w.start);
      const named = this.namesakeAt(text, words, i);
      if (named > i && mode !== 'plain' && mode !== 'bare') {
        // имени / им. [title] [initials] Surname: in the nominative, or left out.
        if (mode === 'english')
          out += words
            .slice(i, named)
            .map((x, k) => {
              if (k === 0) return 'named after';
              const title = this.phraseAt(text, words, i + k, true);
              if (title) return title.phrase.latin;
              return this.romanise(k === named - i - 1 ? nominativeSurname(x.text) : x.text);
            })
            .join(' ');
        at = words[named - 1]!.end;
        i = named;
        continue;
      }
      const found = this.phraseAt(text, words, i, english);
      if (found) {
        if (mode !== 'bare') out += found.phrase.latin;
        at = words[i + found.length - 1]!.end;
        i += found.length;
        continue;
      }
      out += mode === 'bare' ? w.text : english ? this.englishWord(w.text) : this.romanise(w.text);
      at = w.end;
      i++;
    }
    return (out + text.slice(at)).replace(/\s+/gu, ' ').trim();
  }

  /**
   * Where a namesake after word `i` ends (имени, им. + lower-case titles + initials + the capitalised surname), or
   * `i` when word `i` does not introduce one.
   */
  private namesakeAt(text: string, words: readonly Word[], i: number): number {
    if (!this.namedAfter.has(words[i]!.stem)) return i;
    for (let k = i + 1; k < words.length && k <= i + 6; k++) {
      const w = words[k]!;
      if (!CYRILLIC.test(w.text)) return i;
      if (w.text.length === 1 && text[w.end] === '.') continue;
      if (w.text[0] === w.text[0]!.toLowerCase()) continue;
      return k + 1;
    }
    return i;
  }

  /** A word in the English form: its English, or a hyphenated word's parts each in English or romanised. */
  private englishWord(word: string): string {
    const parts = word.split(/[-‐‑–]/u);
    if (parts.length < 2) return this.romanise(word);
    return parts
      .map((p) => {
        const found = this.phraseAt(p, wordsOf(p), 0, true);
        return found ? found.phrase.latin : this.romanise(p);
      })
      .join('-');
  }

  /** The longest phrase (legal form, or in the English form also a word) starting at word `i`. */
  private phraseAt(
    text: string,
    words: readonly Word[],
    i: number,
    english: boolean,
  ): { phrase: Phrase; length: number } | undefined {
    for (const p of this.phrases) {
      if (!p.legal && !english) continue;
      if (i + p.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < p.words.length && ok; k++) {
        const w = words[i + k]!;
        // Words of one phrase stand next to each other, spaces only between them.
        if (k > 0 && text.slice(words[i + k - 1]!.end, w.start).trim()) ok = false;
        else if (p.abbreviation) ok = w.text === p.words[k];
        else if (w.text.length === 1) {
          // A one-letter word is a small word only in lower case: В. and И. are initials (им. М. В. Келдыша).
          ok = w.text === p.words[k] && text[w.end] !== '.';
        } else ok = w.stem === p.words[k];
      }
      if (ok) return { phrase: p, length: p.words.length };
    }
    return undefined;
  }

  /** A word in Latin letters: the library's romanisation, with the letters the lists write otherwise. */
  private romanise(word: string): string {
    if (!CYRILLIC.test(word)) return word;
    // е at the start of a word or after a vowel, ъ or ь is ye (BGN/PCGN: Yekaterinburg, Yenisey, Alekseyev).
    const ye = word.replace(
      /(^|[аеёиоуыэюяъьАЕЁИОУЫЭЮЯЪЬ])([еЕ])/gu,
      (_, before: string, e: string) => `${before}${e === 'е' ? 'ye' : 'Ye'}`,
    );
    return transliterate(ye, { customReplacements: this.letters });
  }

  /**
   * `name` screened by `screen` as written and as each rendering. A rendering's hit is at most strong (the reading
   * is ours, not a listed spelling). A romanised one is strong only when the rendering spells out every distinctive
   * word of the listed name, up to another romanisation or an inflection ending (a Russian writer makes no Latin
   * typo: Прибор is not Прибой, "Pribor" one letter from "Priboy" is another word), and, for a listed name of one
   * distinctive word (AO Rubin, Argut OOO), when the query's legal form is of the listed one's kind: many Russian
   * companies share such a name (ООО «Рубин» is not АО «Рубин»). Per entry the better hit.
   */
  apply(
    name: string,
    country: string | undefined,
    screen: (name: string, country?: string) => ScreeningHit[],
  ): ScreeningHit[] {
    let hits = screen(name, country);
    for (const r of this.renderings(name))
      hits = mergeHits(
        hits,
        screen(r.text, country).map((h) => {
          if (h.matchType !== 'possible' && !this.holds(r, h)) return asPossible(h);
          return h.matchType === 'exact' ? { ...h, matchType: 'strong' as const } : h;
        }),
      );
    return hits;
  }

  /**
   * Whether a rendering's hit holds as a hard match: a romanised one spells out every distinctive word of the listed
   * name; and for a one-word name (a Cyrillic alias too: ООО «Туполев» is not ПАО «Туполев») the query has a legal
   * form of a kind the entry's names carry (see apply).
   */
  private holds(r: Rendering, h: ScreeningHit): boolean {
    const rendering = r.text;
    const listed = normalizeName(h.matchedOn).tokens.filter((t) => !STOPWORDS.has(t));
    const spelled = new Set(normalizeName(rendering).tokens.map(romanisationKey));
    const spelledOut = (w: string) => tokenWeight(w) < 0.6 || /^\d+$/u.test(w) || spelled.has(romanisationKey(w));
    if (r.romanised && !listed.every(spelledOut)) return false;
    if (listed.length !== 1) return true;
    // One word of a hyphenated Russian word is not a name: Научно- of Научно-производственное is not "AO Nauchno",
    // Алмаз- of Алмаз-Антей not "Almaz JSC".
    const whole = normalizeName(rendering.replace(/(?<=\p{L})[-‐‑–](?=\p{L})/gu, '')).tokens.map(romanisationKey);
    if (!whole.includes(romanisationKey(listed[0]!))) return false;
    const names = this.entryNames.get(`${h.list}#${h.entry}`) ?? [h.matchedOn];
    return LEGAL_KINDS.some((k) => k.test(r.legal) && names.some((n) => k.test(n)));
  }
}

/**
 * Kinds of Latin legal form: a joint-stock company (АО, ПАО, ОАО, ЗАО are one since the 2014 reform), a limited one, a
 * state unitary enterprise, a state corporation.
 */
const LEGAL_KINDS: readonly RegExp[] = [
  /\b(?:ao|oao|zao|pao|jsc|ojsc|cjsc|pjsc|psc|pls|joint[\s-]+stock|aktsionernoe)\b/iu,
  /\b(?:ooo|llc|ltd|llp|tov|limited)\b/iu,
  /\b(?:fgup|gup|fsue|sftue|unitary)\b/iu,
  /\bstate\s+corporation\b/iu,
];

/**
 * A Latin word as a romanisation compares it: its transliteration key without a y (i) before a vowel and without its
 * final vowels, as Russian vowels and endings are romanised several ways (Mashinostroyeniya, Mashinostroeniya;
 * Tsentralnoye, Tsentralnoe; Morskoy, Morskoi) and the lists write some names in the genitive (Grushina, Grushin).
 */
const romanisationKey = (w: string) =>
  translitKey(w)
    .replace(/i(?=[aeou])/gu, '')
    .replace(/(.)\1+/gu, '$1')
    .replace(/[aeiouy]+$/u, '');

/** A Russian surname in the genitive as named: Келдыша → Келдыш, Жуковского → Жуковский, Решетнёва → Решетнёв. */
function nominativeSurname(word: string): string {
  if (/[сц]к(?:ого|ой)$/u.test(word)) return word.replace(/(?:ого|ой)$/u, 'ий');
  if (/(?:ов|ев|ёв|ин|ын)а$/u.test(word)) return word.slice(0, -1);
  if (/[бвгджзклмнпрстфхцчшщ]а$/u.test(word) && word.length > 4) return word.slice(0, -1);
  return word;
}
