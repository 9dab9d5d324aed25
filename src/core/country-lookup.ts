/**
 * @module core/country-lookup
 * Finds countries by any of their names or aliases (Japanese, English, Chinese, ISO code), and finds
 * country mentions inside free text. Longest names win, so 「南スーダン」 is South Sudan, not Sudan.
 */
import type { Country } from './rules-schema.ts';
import { hasCjk, normalizeText, squash } from './text.ts';

export interface CountryLookup {
  /** The country whose name or alias is exactly this text, if any. */
  resolve(name: string): string | undefined;
  /** Every country mentioned in the text, in order of appearance. */
  find(text: string): string[];
}

interface Needle {
  code: string;
  needle: string;
  cjk: boolean;
  /** All katakana (タイ, インド): must be katakana in the text too and not run on into a longer word. */
  katakana: boolean;
}

const KATAKANA_WORD = /^[\u30a0-\u30ffー・]+$/u;
const KATAKANA_CHAR = /[\u30a0-\u30ffー]/u;

export function compileCountryLookup(countries: Iterable<Country>): CountryLookup {
  const exact = new Map<string, string>();
  const needles: Needle[] = [];
  for (const c of countries) {
    for (const name of [c.code, c.en, c.ja, ...(c.zh ? [c.zh] : []), ...c.aliases]) {
      const normalized = normalizeText(name);
      const key = squash(normalized);
      if (!exact.has(key)) exact.set(key, c.code);
      // Two-letter codes are only trusted as exact answers, never inside sentences ("IN", "IT", "US").
      if (name === c.code) continue;
      const cjk = hasCjk(name);
      needles.push({ code: c.code, cjk, needle: cjk ? key : normalized, katakana: cjk && KATAKANA_WORD.test(key) });
    }
  }
  needles.sort((a, b) => b.needle.length - a.needle.length);
  // Needles by their first two characters (one for a one-character name): a text is searched only for the names
  // that can start somewhere in it (a handful of the ~1,000), in the same longest-first order, instead of an
  // indexOf for every name. By first character alone, a Latin sentence still reached most of the Latin names.
  const byStart = new Map<string, number[]>();
  needles.forEach((n, i) => {
    const start = n.needle.slice(0, 2);
    byStart.set(start, [...(byStart.get(start) ?? []), i]);
  });
  const candidates = (...hays: string[]): Needle[] => {
    const picked = new Set<number>(byStart.get('') ?? []);
    const starts = new Set<string>();
    // Code units, as slice above (an astral character is two).
    for (const hay of hays) {
      for (let i = 0; i < hay.length; i++) {
        starts.add(hay.charAt(i));
        if (i + 1 < hay.length) starts.add(hay.slice(i, i + 2));
      }
    }
    for (const start of starts) for (const i of byStart.get(start) ?? []) picked.add(i);
    return [...picked].sort((a, b) => a - b).map((i) => needles[i]!);
  };

  return {
    resolve(name) {
      return exact.get(squash(normalizeText(name)));
    },
    find(text) {
      const normalized = normalizeText(text);
      let squashed = squash(normalized);
      // Same length as `squashed`, hiragana kept: 「送りたい」 must not read as タイ (Thailand).
      const unfolded = squash(normalizeText(text, { keepKana: true }));
      let spaced = normalized;
      const found: { code: string; at: number }[] = [];
      const katakanaAt = (n: Needle, at: number) =>
        unfolded.startsWith(n.needle, at) &&
        !KATAKANA_CHAR.test(unfolded[at + n.needle.length] ?? '') &&
        !KATAKANA_CHAR.test(unfolded[at - 1] ?? '');
      // Blanking only removes characters, so a name that cannot start in the text now never can later.
      for (const n of candidates(squashed, spaced)) {
        const hay = n.cjk ? squashed : spaced;
        let at = hay.indexOf(n.needle);
        while (at >= 0 && n.katakana && !katakanaAt(n, at)) at = hay.indexOf(n.needle, at + 1);
        if (at < 0) continue;
        found.push({ code: n.code, at: n.cjk ? at : squash(spaced.slice(0, at)).length });
        // Blank out what matched so a shorter name inside it (スーダン in 南スーダン) is not found again.
        const blank = '\u0000'.repeat(n.needle.length);
        if (n.cjk) squashed = squashed.slice(0, at) + blank + squashed.slice(at + n.needle.length);
        else spaced = `${spaced.slice(0, at)} ${blank.slice(2)} ${spaced.slice(at + n.needle.length)}`;
      }
      return [...new Map(found.sort((a, b) => a.at - b.at).map((f) => [f.code, f])).keys()];
    },
  };
}
