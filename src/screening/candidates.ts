/**
 * @module screening/candidates
 * Which listed names a query is compared with, so that scoring runs on a few names instead of all: names
 * equal to the query (folded, compact, or one of its segments), names sharing a distinctive word with it
 * (exactly, within a typo, by sound, or as its truncation), and names whose CJK core shares enough bigrams. A name found only by
 * its words or CJK part is kept only when it can reach the threshold (exact bounds, so no result changes).
 * Also the Latin runs of a mixed-script query that name an entry by themselves.
 */
import { cjkCanReach } from './cjk-score.ts';
import { latinCanReach } from './latin-score.ts';
import type { QueryToken } from './lexicon.ts';
import type { NameIndex } from './name-index.ts';
import { compactKey, STOPWORDS } from './normalize.ts';
import { phoneticMatch } from './phonetic.ts';
import type { Query } from './query.ts';
import { FUZZY_MAX_LENGTH_DIFF, FUZZY_MIN_LENGTH, TOKEN_SIM, type TokenSims, translitKey } from './token-similarity.ts';

export interface Candidates {
  /** Name ids, in the order they were found (the first of equal-scoring names of an entry is the one kept). */
  ids: Set<number>;
  /** Names equal to a whole segment of the query ("School of Materials, Beihang University"). */
  segmentHits: Set<number>;
  /** Query tokens that name the entry by themselves, by entry key (see selfNamed). */
  selfNamed: Map<string, Set<number>>;
  /** The query's compact key (spacing and punctuation removed). */
  compact: string;
}

export class CandidateSearch {
  /** Per query: whether a name found by its words is worth scoring, stamped with the query. */
  private readonly nameStamp: Int32Array;
  private readonly nameWorth: Uint8Array;
  /** cjkCandidates' count per name, valid where nameStamp holds its query's stamp. */
  private readonly bigramsShared: Int32Array;
  private generation = 0;

  constructor(
    private readonly index: NameIndex,
    private readonly possible: number,
  ) {
    this.nameStamp = new Int32Array(index.names.length);
    this.nameWorth = new Uint8Array(index.names.length);
    this.bigramsShared = new Int32Array(index.names.length);
  }

  find(q: Query, sims: TokenSims): Candidates {
    const byKey = this.index.byKey;
    const compact = compactKey(q.norm);
    const segmentHits = new Set<number>();
    // A segment that is only a place, a title or a number ("(H.K.)", "in Tehran") names no institution.
    for (const s of q.segments)
      if (q.tokens.slice(s.lo, s.hi).some((t) => t.kind === 'latin'))
        for (const k of new Set([s.key, s.numbered ?? '']))
          if (k && k !== '|') for (const id of byKey.get(k) ?? []) segmentHits.add(id);
    // A Latin run that by itself names an entry ("哈工大HIT", "MAI モスクワ航空大学") is that entry's name written
    // beside its rendering: it does not count against the rendering.
    const selfNamed = this.selfNamed(q);
    const ids = new Set<number>([
      ...(byKey.get(q.norm.key) ?? []),
      ...(byKey.get(`${q.norm.key.split('|')[0]}|${q.cjk}`) ?? []),
      ...(this.index.byCompact.get(compact) ?? []),
      ...segmentHits,
    ]);
    this.latinCandidates(q, sims, ids);
    this.cjkCandidates(q.coreBigrams, ids);
    return { ids, segmentHits, selfNamed, compact };
  }

  private nextQuery(): number {
    if (++this.generation === 0x7fffffff) {
      this.generation = 1;
      this.nameStamp.fill(0);
    }
    return this.generation;
  }

  /** Entries (`listIndex:entryIndex`) a maximal Latin run of a mixed-script query names by itself, with the run. */
  private selfNamed(q: Query): Map<string, Set<number>> {
    const out = new Map<string, Set<number>>();
    if (!q.norm.cjk || !q.norm.tokens.length) return out;
    const latin = (t: QueryToken) => t.kind === 'latin' || t.kind === 'number';
    let i = 0;
    while (i < q.tokens.length) {
      if (!latin(q.tokens[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < q.tokens.length && latin(q.tokens[j]!)) j++;
      const words = q.tokens
        .slice(i, j)
        .map((t) => t.alts[0]!)
        .filter((w) => !STOPWORDS.has(w));
      for (const id of this.index.byKey.get(`${words.join(' ')}|`) ?? []) {
        const n = this.index.names[id]!;
        const key = n.entryKey;
        const set = out.get(key) ?? new Set<number>();
        for (let k = i; k < j; k++) set.add(k);
        out.set(key, set);
      }
      i = j;
    }
    return out;
  }

  /** Names sharing a distinctive token with the query, exactly, within the fuzzy threshold, or by sound. */
  private latinCandidates(q: Query, sims: TokenSims, into: Set<number>): void {
    // A name found only here scores only by its words or by its CJK part: one that can reach the threshold by
    // neither is left out now, not scored later (most of a large list's candidates). Both tests are exact.
    const qCore = q.cjk ? new Set(q.coreBigrams) : undefined;
    const generation = this.nextQuery();
    const bound = this.index.bound;
    const add = (id: number) => {
      if (this.nameStamp[id] !== generation) {
        this.nameStamp[id] = generation;
        this.nameWorth[id] =
          latinCanReach(sims, bound, id, this.possible) ||
          (qCore !== undefined && bound.hasCjk[id] === 1 && cjkCanReach(q, qCore, this.index.names[id]!))
            ? 1
            : 0;
      }
      if (this.nameWorth[id]) into.add(id);
    };
    q.tokens.forEach((qt, i) => {
      // A truncation ("Environm") finds the listed words it may stand for (truncations.ts).
      const stem = sims.stems[i];
      if (stem)
        for (const t of this.index.tokensByPrefix.get(stem.slice(0, 2)) ?? [])
          if (t.startsWith(stem) && sims.max(t) >= TOKEN_SIM) for (const id of this.index.byToken.get(t)!) add(id);
      for (const a of qt.alts) {
        for (const id of this.index.byToken.get(a) ?? []) add(id);
        // Another romanisation of a listed word (Roselectronics for Ruselectronics; token-similarity.ts).
        if (qt.kind === 'latin' && a.length >= 5)
          for (const t of this.index.tokensByTranslit.get(translitKey(a)) ?? [])
            if (t !== a && sims.max(t) >= TOKEN_SIM) for (const id of this.index.byToken.get(t)!) add(id);
        if (qt.kind !== 'latin' || a.length < FUZZY_MIN_LENGTH) continue;
        for (const t of this.index.tokensByPrefix.get(a.slice(0, 2)) ?? []) {
          if (t === a || Math.abs(t.length - a.length) > FUZZY_MAX_LENGTH_DIFF) continue;
          if (sims.pair(a, t) < TOKEN_SIM) continue;
          for (const id of this.index.byToken.get(t)!) add(id);
        }
      }
      if (!qt.phon) return;
      for (const key of this.index.phonByFirst.get(qt.phon[0]!) ?? []) {
        if (!phoneticMatch(qt.phon, key)) continue;
        for (const t of this.index.tokensByPhon.get(key)!) for (const id of this.index.byToken.get(t) ?? []) add(id);
      }
      // Its other keys (トーダン read as "tordan") find the listed words keyed so exactly.
      for (const key of [...(qt.phonAlts ?? []), ...(qt.wholePhon ? [qt.wholePhon] : [])])
        for (const t of this.index.tokensByPhon.get(key) ?? [])
          for (const id of this.index.byToken.get(t) ?? []) add(id);
    });
  }

  private cjkCandidates(qCoreBigrams: readonly string[], into: Set<number>): void {
    if (qCoreBigrams.length === 0) return;
    // Bigrams shared per name, counted in a flat array stamped with the query (a long Han query meets thousands of
    // names); the names in the order first met.
    const generation = this.nextQuery();
    const met: number[] = [];
    for (const g of qCoreBigrams)
      for (const id of this.index.byBigram.get(g) ?? []) {
        if (this.nameStamp[id] !== generation) {
          this.nameStamp[id] = generation;
          this.bigramsShared[id] = 0;
          met.push(id);
        }
        this.bigramsShared[id]!++;
      }
    for (const id of met) {
      const common = this.bigramsShared[id]!;
      const n = this.index.names[id]!;
      // Containment ("北京理工大学の王先生") is scored separately, so keep any name wholly inside the query.
      if ((2 * common) / (qCoreBigrams.length + n.coreBigrams.length) >= 0.6 || common === n.coreBigrams.length)
        into.add(id);
    }
  }
}
