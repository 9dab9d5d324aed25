/**
 * @module screening/country-markers
 * The gazetteer's national markers (中国科学院, Russian Academy of Sciences, イラン, Syria …): which countries a text
 * names, for the country veto (guards.ts), and whether a word is a country's name.
 */
import type { GazetteerFile } from './data.ts';
import { normalizeName } from './normalize.ts';

const KANA_OR_HAN = /[\u30a0-\u30ff\u3400-\u9fff\uf900-\ufaff々]/u;

export class CountryMarkers {
  private readonly latin = new Map<string, string>();
  /** Latin markers by their first word: a text is searched only for the markers whose first word it holds. */
  private readonly latinByFirst = new Map<string, [string, string][]>();
  /** CJK markers (folded), longest first. */
  private readonly cjk: [string, string][] = [];
  /**
   * Latin markers of two or more words as a query's tokens spell them ("north korea", "russian federation",
   * "united arab emirates") by their first word, longest first: no one of their words is the country's name alone.
   */
  private readonly phrasesByFirst = new Map<string, { tokens: readonly string[]; country: string }[]>();

  /**
   * `words`: two-character words (folded) a marker cannot begin inside: 理化学研究所 (RIKEN) in 核物理化学研究所 is the
   * end of 物理 + 化学研究所, not RIKEN.
   */
  constructor(
    markers: GazetteerFile['nationalMarkers'],
    fold: (s: string) => string,
    private readonly words: ReadonlySet<string> = new Set(),
  ) {
    for (const m of markers)
      for (const name of m.names) {
        if (KANA_OR_HAN.test(name)) {
          this.cjk.push([fold(name), m.country]);
          continue;
        }
        const key = latinKey(name);
        this.latin.set(key, m.country);
        const tokens = normalizeName(name).tokens;
        if (tokens.length >= 2)
          this.phrasesByFirst.set(tokens[0]!, [
            ...(this.phrasesByFirst.get(tokens[0]!) ?? []),
            { tokens, country: m.country },
          ]);
        const first = key.split(' ')[0]!;
        this.latinByFirst.set(first, [...(this.latinByFirst.get(first) ?? []), [key, m.country]]);
      }
    this.cjk.sort((a, b) => b[0].length - a[0].length);
    for (const ps of this.phrasesByFirst.values()) ps.sort((a, b) => b.tokens.length - a.tokens.length);
  }

  /**
   * Per word of `words`, the country of the marker of two or more words it is part of ("north", "korea" → KP), the
   * longest marker at each place first.
   */
  phrases(words: readonly string[]): (string | undefined)[] {
    const out: (string | undefined)[] = new Array(words.length).fill(undefined);
    for (let i = 0; i < words.length; i++) {
      const p = this.phrasesByFirst.get(words[i]!)?.find((m) => m.tokens.every((t, k) => words[i + k] === t));
      if (!p) continue;
      out.fill(p.country, i, i + p.tokens.length);
      i += p.tokens.length - 1;
    }
    return out;
  }

  isCountryWord(word: string): boolean {
    return this.latin.has(word);
  }

  /** The country a one-word marker names ("syrian" → SY), if it is one. */
  countryOfWord(word: string): string | undefined {
    return this.latin.get(word);
  }

  /** The country a folded CJK text is the name of, all of it (朝鮮, イラン), if it is one. */
  countryOfCjk(cjk: string): string | undefined {
    return this.cjk.find(([m]) => m === cjk)?.[1];
  }

  /** Countries named by a text's Latin part (as typed) and its folded CJK part. */
  named(rawLatin: string, cjk: string): Set<string> {
    const out = new Set<string>();
    const plain = latinKey(rawLatin);
    if (plain) {
      const key = ` ${plain} `;
      for (const w of new Set(plain.split(' ')))
        for (const [m, country] of this.latinByFirst.get(w) ?? []) if (key.includes(` ${m} `)) out.add(country);
    }
    if (cjk) for (const [m, country] of this.cjk) if (this.standsIn(cjk, m)) out.add(country);
    return out;
  }

  /** Whether a CJK marker stands in the text other than as the end of a word begun before it (物理 + 化学研究所). */
  private standsIn(cjk: string, marker: string): boolean {
    for (let at = cjk.indexOf(marker); at >= 0; at = cjk.indexOf(marker, at + 1))
      if (at === 0 || !this.words.has(cjk.charAt(at - 1) + marker.charAt(0))) return true;
    return false;
  }
}

function latinKey(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(?<=\w)\*(?=\w)/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
