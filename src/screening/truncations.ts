/**
 * @module screening/truncations
 * Web of Science, Scopus and ISO 4 shorten a word by cutting it after a consonant, before a vowel: "Environm"
 * for environmental, "Struct" for structure or structural, "Destruct" for destructive, "Aeronaut" for
 * aeronautical or aeronautics, "Phys" for physics or physical. The regular cases are this rule, not a list; the
 * irregular ones (Mfg, Engn, Natl, Ctr, Imp, Exp …) stay in words.yaml's latinAbbreviations.
 *
 * A query word may stand for a longer listed word it truncates, a little below an exact word (TRUNCATION_SIM),
 * only when it is not itself a word of the listed names' vocabulary, the dictionary words or the generic words:
 * "Electron" and "Progress" stay themselves. At least three letters must be cut ("Gold" is not "Golden", "Ivan"
 * not "Ivanov"), and the stem must be four letters or more.
 */
import { GENERIC_LATIN, STOPWORDS } from './normalize.ts';

/** Similarity of a truncation to the word it stands for: above the typo threshold, below an exact or sure word. */
export const TRUNCATION_SIM = 0.94;
const MIN_STEM = 4;
const MIN_CUT = 3;
const VOWEL = /[aeiou]/;
const STEM = /^[a-z]+[b-df-hj-np-tv-xz]$/;

/** Whether `stem` may be a truncation by its shape: letters only, four or more, ending in a consonant. */
export function truncationShaped(stem: string): boolean {
  return stem.length >= MIN_STEM && STEM.test(stem);
}

/** Whether `stem` truncates `word`: a prefix, cut before a vowel, at least MIN_CUT letters cut. */
export function truncates(stem: string, word: string): boolean {
  return word.length >= stem.length + MIN_CUT && word.startsWith(stem) && VOWEL.test(word[stem.length]!);
}

/**
 * The query's words that may be truncations, as typed before any abbreviation was expanded ("technol",
 * "environm"), by query token. `known` says whether a word is one of the listed names' own.
 */
export function truncationStems(
  raws: readonly (string | undefined)[],
  known: (w: string) => boolean,
  dictionary: ReadonlySet<string>,
): (string | undefined)[] {
  return raws.map((r) =>
    r && truncationShaped(r) && !known(r) && !dictionary.has(r) && !GENERIC_LATIN.has(r) && !STOPWORDS.has(r)
      ? r
      : undefined,
  );
}
