/**
 * @module screening/korean-romanisation
 * North Korean names are written in several romanisations: McCune–Reischauer (Kumsan, Pugang, Roksan, Undok), the
 * South's Revised Romanisation (Geumsan, Bugang, Noksan, Eundeok) and the DPRK's own (Zuzagbong for Jujakbong). One
 * key for a word in all of them: eo/o and eu/u, the plain and aspirated stops (k/g, t/d, p/b, ch/j/z), si/shi, and an
 * initial r read n. The listed DPRK names are indexed under it too, and a query that says it is Korean is read so
 * (dev set cov4: 16 of its misses). Only a name's own words are keyed: generic, ordinary and place words stay as they
 * are, so "Trading Company" and "Pyongyang" weigh what they weigh.
 */
import type { Lexicon } from './lexicon.ts';
import { tokenWeight } from './normalize.ts';

/** What says a query is about a Korean body: the country given, or Korea named in it. */
export const NAMES_KOREA = /\b(?:korea|korean|dprk|choson|chosun|pyongyang)\b/iu;

/** One word's key in every romanisation (a word of letters only, lower case). */
export function koreanKey(word: string): string {
  return word
    .replace(/eo/gu, 'o')
    .replace(/eu/gu, 'u')
    .replace(/shi/gu, 'si')
    .replace(/ch|z/gu, 'j')
    .replace(/k/gu, 'g')
    .replace(/t/gu, 'd')
    .replace(/p/gu, 'b')
    .replace(/^r/u, 'n')
    .replace(/(.)\1+/gu, '$1');
}

/** `text` with each of its own Latin words (four letters or more, a name's, not a place's) as its key. */
export function koreanReading(text: string, lexicon: Lexicon): string {
  return text.replace(/\p{L}[\p{L}'’]*/gu, (raw) => {
    const w = raw.toLowerCase().replace(/['’]/gu, '');
    if (!/^[a-z]{4,}$/u.test(w) || tokenWeight(w) < 0.6) return raw;
    if (lexicon.dictionary.has(w) || lexicon.commonWords.has(w) || lexicon.isCountryWord(w)) return raw;
    if (lexicon.latinPlaces.has(w)) return raw;
    return koreanKey(w);
  });
}
