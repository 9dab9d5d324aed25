/**
 * @module screening/rare-words
 * A partial name that carries a listed name's rare, distinctive word ("Iprogift Tech Co Ltd" for "Shenzhen
 * Iprogift Technology Co., Ltd", "Megasan Elektronik" for "Megasan Elektronik Ticaret Ve Sanayi Anonim Sirketi")
 * covers too little of the listed name to score, yet such a word names hardly anything else: a possible match,
 * for a person to look at, never more by this rule alone.
 *
 * The word must be the listed name's core word (its first distinctive word that is not a place: the brand after
 * "Shenzhen", not "Elektronik" or "Sanayi" after it), six letters or more, not a dictionary, ordinary, generic or
 * context word, not a word an abbreviation stands for (semiconductor), not a compass direction (Northwest), not a
 * place or country, and occur in the names of at most MAX_ENTRIES entries of the whole index (counted over every
 * word of every name, so a surname or a word many names share never qualifies). The query must spell it out, and
 * its part around the word must be made of the listed name's words, one more at least ("Shiraz University" is
 * not "Shiraz Electronics Industries", nor "Emirates" "Emirates Alloys", nor "Kelvor Trading, Beijing" "Hong Kong
 * Kelvor Trading": a place the listed name does not hold, anywhere in the query, when it holds one); the listed
 * name's place in front may be left out ("Tianhaixiang Aviation Tech").
 */
import type { Lexicon } from './lexicon.ts';
import type { IndexedName } from './name-index.ts';
import { GENERIC_LATIN, STOPWORDS, tokenWeight } from './normalize.ts';
import type { Query } from './query.ts';

const MIN_LENGTH = 6;
const MAX_ENTRIES = 2;
const LETTERS = /^[a-z\u00c0-\u024f]+$/u;
const DIRECTION = /^(?:north|south)(?:east|west)(?:ern)?$/;

export class RareWords {
  /** A rare core word → the names whose core word it is. */
  private readonly byWord = new Map<string, number[]>();
  /** Those names that hold a place of their own ("Hong Kong Kelvor Trading"). */
  private readonly placed = new Set<number>();

  constructor(
    private readonly names: readonly IndexedName[],
    lexicon: Lexicon,
  ) {
    const entries = new Map<string, Set<string>>();
    for (const n of names)
      for (const t of n.norm.tokens) {
        const set = entries.get(t);
        if (set) set.add(n.entryKey);
        else entries.set(t, new Set([n.entryKey]));
      }
    const ordinary = (t: string) =>
      lexicon.dictionary.has(t) ||
      lexicon.commonWords.has(t) ||
      lexicon.commonWords.has(t.replace(/s$/, '')) ||
      DIRECTION.test(t) ||
      GENERIC_LATIN.has(t) ||
      STOPWORDS.has(t) ||
      lexicon.contextTokens.has(t) ||
      lexicon.departments.has(t) ||
      lexicon.isCountryWord(t);
    names.forEach((n, id) => {
      const core = n.norm.tokens.find((t) => tokenWeight(t) === 1 && !/^\d+$/.test(t) && !lexicon.latinPlaces.has(t));
      if (!core || core.length < MIN_LENGTH || !LETTERS.test(core) || ordinary(core)) return;
      if ((entries.get(core)?.size ?? 0) > MAX_ENTRIES) return;
      if (n.norm.tokens.some((t) => lexicon.latinPlaces.has(t))) this.placed.add(id);
      const ids = this.byWord.get(core);
      if (ids) ids.push(id);
      else this.byWord.set(core, [id]);
    });
  }

  /**
   * Names whose rare core word the query spells out as one of its own Latin words (not context), in a segment
   * whose other words that count are the name's own, one at least.
   */
  find(q: Query): number[] {
    const out: number[] = [];
    q.tokens.forEach((t, i) => {
      if (t.kind !== 'latin' || q.context[i]) return;
      const ids = this.byWord.get(t.alts[0]!);
      if (!ids) return;
      const seg = q.segments.find((s) => s.lo <= i && i < s.hi);
      for (const id of ids) if (seg && this.coveredBy(q, seg.lo, seg.hi, i, id)) out.push(id);
    });
    return out;
  }

  private coveredBy(q: Query, lo: number, hi: number, rare: number, id: number): boolean {
    const n = this.names[id]!;
    // A name that says where it is, and a query that puts it elsewhere ("Kelvor Trading, Beijing"): another body.
    if (this.placed.has(id) && q.places.some((p) => !p.alts.some((a) => n.norm.tokens.includes(a)))) return false;
    let more = 0;
    for (let i = lo; i < hi; i++) {
      const t = q.tokens[i]!;
      if (i === rare || q.context[i] || t.kind === 'context' || q.weights[i] === 0) continue;
      if (t.kind !== 'latin' && t.kind !== 'number' && t.kind !== 'place') return false;
      if (STOPWORDS.has(t.alts[0]!)) continue;
      if (!t.alts.some((a) => n.norm.tokens.includes(a))) return false;
      more++;
    }
    return more > 0;
  }
}
