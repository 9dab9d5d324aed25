/**
 * @module screening/parent-tails
 * Parent academies written after an institute's name (words.yaml `parentAfterName`): "Keldysh Institute of Applied
 * Mathematics RAS", "Boreskov Institute of Catalysis SB RAS", "… of the Russian Academy of Sciences". They say where
 * the institute belongs, not which body it is: the query's are context, and a listed name ending in one also names
 * its entry without it. Compared word by word, stopwords ignored, a plural s optional ("Russian Acad. Sci.").
 */
import { normalizeName, STOPWORDS } from './normalize.ts';
import { escapeRegExp } from './regexp.ts';

export class ParentTails {
  /** The parents as words (stopwords out, a plural s off: "russian academy science"), longest first. */
  private readonly tails: string[][];
  /** The same as one pattern for the end of a listed name (", Siberian Branch of the Russian Academy of Sciences"). */
  private readonly re: RegExp | undefined;

  constructor(parents: readonly string[]) {
    this.tails = parents
      .map((p) =>
        normalizeName(p)
          .tokens.filter((t) => !STOPWORDS.has(t))
          .map(singular),
      )
      .filter((w) => w.length > 0)
      .sort((a, b) => b.length - a.length);
    this.re = parents.length
      ? new RegExp(`(?:\\s*,\\s*|\\s+(?:of\\s+(?:the\\s+)?)?)(?:${parents.map(pattern).join('|')})\\.?\\s*$`, 'iu')
      : undefined;
  }

  /**
   * How many of `words` (a query segment's Latin words, in order) at its end name a parent ("ras", "sb ras",
   * "of ras", "russian academy science"): 0 when none, or when they would be all of it.
   */
  length(words: readonly string[]): number {
    for (const tail of this.tails) {
      let i = words.length;
      let k = tail.length;
      while (i > 0 && k > 0) {
        const w = words[i - 1]!;
        if (STOPWORDS.has(w)) {
          i--;
          continue;
        }
        if (singular(w) !== tail[k - 1]) break;
        i--;
        k--;
      }
      if (k > 0) continue;
      // A leading "of" / "of the" goes with the parent ("… of RAS").
      while (i > 0 && STOPWORDS.has(words[i - 1]!)) i--;
      if (words.slice(0, i).some((w) => !STOPWORDS.has(w))) return words.length - i;
    }
    return 0;
  }

  /** A listed name without a parent at its end ("… of Russian Academy of Science"), if it has one. */
  strip(text: string): string | undefined {
    const m = this.re?.exec(text);
    return m && m.index > 0 ? text.slice(0, m.index).trim() : undefined;
  }
}

/** A word as parents are compared: "sciences" and "science" alike. */
function singular(w: string): string {
  return w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w;
}

/** A parent's name as a pattern: words in order, any spacing or periods between, a plural s optional. */
function pattern(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w) => {
      const lower = w.toLowerCase();
      const stem = escapeRegExp(singular(lower));
      return stem === lower ? stem : `${stem}s?`;
    })
    .join('[\\s.]+');
}
