/**
 * @module screening/matcher
 * In-process restricted-party matching over every loaded list. Aliases are first-class names; the
 * result says which name matched. Generic words (university, 大学, trading…) cannot make a match on their
 * own; acronyms (HIT, NUDT) match only exactly; CJK names compare after kanji folding.
 */
import type { MatchType, ScreeningHit } from '../core/decision.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import type { ListFile } from './list-schema.ts';
import { cjkCore, type NormalizedName, normalizeName, tokenWeight } from './normalize.ts';

export interface MatchThresholds {
  possible: number;
  strong: number;
}
export const DEFAULT_THRESHOLDS: MatchThresholds = { possible: 0.8, strong: 0.9 };
export const MAX_QUERY_LENGTH = 1000;

interface IndexedName {
  listIndex: number;
  entryIndex: number;
  text: string;
  norm: NormalizedName;
  weight: number;
  acronym: boolean;
  core: string;
}

const TOKEN_SIM = 0.9;
const BRACKETED_ACRONYM = /\s*[(（]\s*([A-Z][A-Z0-9&.-]{1,9})\s*[)）]/;

function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let common = 0;
  for (const y of b) {
    const c = counts.get(y);
    if (c) {
      common++;
      counts.set(y, c - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Share of each side's weight that the other side covers, averaged; 0 unless a distinctive token matched. */
function latinScore(q: NormalizedName, n: IndexedName): number {
  if (n.norm.tokens.length === 0 || q.tokens.length === 0) return 0;
  let nameMatched = 0;
  let distinctive = 0;
  const usedQuery = new Set<number>();
  for (const t of n.norm.tokens) {
    const w = tokenWeight(t);
    if (w === 0) continue;
    let best = 0;
    let bestIdx = -1;
    for (let i = 0; i < q.tokens.length; i++) {
      const qt = q.tokens[i]!;
      // Short tokens (acronyms, numbers) must be equal: "HIT" never fuzzily matches "HIS".
      const sim = qt === t ? 1 : t.length <= 4 || qt.length <= 4 ? 0 : jaroWinkler(qt, t);
      if (sim > best) {
        best = sim;
        bestIdx = i;
      }
    }
    if (best >= TOKEN_SIM) {
      nameMatched += w * best;
      usedQuery.add(bestIdx);
      if (w >= 0.6) distinctive += w;
    }
  }
  if (distinctive < 0.6) return 0;
  let queryWeight = 0;
  let queryMatched = 0;
  q.tokens.forEach((t, i) => {
    const w = tokenWeight(t);
    queryWeight += w;
    if (usedQuery.has(i)) queryMatched += w;
  });
  // Both sides must be covered: a query that is only part of a listed name ("Nanjing University" inside
  // "Nanjing University of Science and Technology") is a different institution, not a near miss.
  const nameCover = nameMatched / n.weight;
  const queryCover = queryMatched / Math.max(queryWeight, 1e-9);
  return 0.75 * Math.min(nameCover, queryCover) + 0.25 * Math.max(nameCover, queryCover);
}

function cjkScore(q: NormalizedName, qCore: string, n: IndexedName): number {
  if (!q.cjk || !n.norm.cjk) return 0;
  if (q.cjk === n.norm.cjk) return 1;
  // The listed name inside a longer text ("北京理工大学の王先生") counts when its distinctive part is long enough.
  if (n.norm.cjk.length >= 4 && n.core.length >= 2 && q.cjk.includes(n.norm.cjk)) return 0.95;
  if (dice(bigrams(qCore), bigrams(n.core)) < 0.6) return 0;
  return dice(bigrams(q.cjk), bigrams(n.norm.cjk));
}

export class Matcher {
  private readonly names: IndexedName[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byToken = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  private readonly byBigram = new Map<string, number[]>();

  constructor(
    private readonly lists: readonly ListFile[],
    private readonly thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
  ) {
    lists.forEach((list, listIndex) => {
      list.entries.forEach((entry, entryIndex) => {
        for (const text of [entry.name, ...(entry.localName ? [entry.localName] : []), ...entry.aliases]) {
          this.add(listIndex, entryIndex, text);
          // "Harbin Institute of Technology (HIT)": the name without the bracketed acronym, and the acronym alone.
          const acronym = BRACKETED_ACRONYM.exec(text);
          if (acronym) {
            this.add(listIndex, entryIndex, text.replace(BRACKETED_ACRONYM, ' ').trim());
            this.add(listIndex, entryIndex, acronym[1]!);
          }
        }
      });
    });
  }

  private push(map: Map<string, number[]>, key: string, id: number): void {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== id) list.push(id);
    } else map.set(key, [id]);
  }

  private add(listIndex: number, entryIndex: number, text: string): void {
    const norm = normalizeName(text);
    if (!norm.tokens.length && !norm.cjk) return;
    const weight = norm.tokens.reduce((s, t) => s + tokenWeight(t), 0);
    const content = norm.tokens.filter((t) => tokenWeight(t) > 0);
    const acronym = !norm.cjk && content.length === 1 && content[0]!.length <= 5;
    const id = this.names.length;
    this.names.push({ listIndex, entryIndex, text, norm, weight, acronym, core: cjkCore(norm.cjk) || norm.cjk });
    this.push(this.byKey, norm.key, id);
    for (const t of content) {
      if (tokenWeight(t) < 0.6) continue;
      this.push(this.byToken, t, id);
      if (t.length >= 5) this.push(this.byPrefix, t.slice(0, 3), id);
    }
    for (const g of bigrams(this.names[id]!.core)) this.push(this.byBigram, g, id);
  }

  /** Every entry at or above the possible-match threshold, best first. */
  screen(rawName: string, country?: string): ScreeningHit[] {
    const query = rawName.replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH);
    const q = normalizeName(query);
    if (!q.tokens.length && !q.cjk) return [];
    const qCore = cjkCore(q.cjk) || q.cjk;
    const candidates = new Set<number>(this.byKey.get(q.key) ?? []);
    for (const t of q.tokens) {
      for (const id of this.byToken.get(t) ?? []) candidates.add(id);
      if (t.length >= 5) for (const id of this.byPrefix.get(t.slice(0, 3)) ?? []) candidates.add(id);
    }
    for (const g of bigrams(qCore)) for (const id of this.byBigram.get(g) ?? []) candidates.add(id);

    const best = new Map<string, { score: number; exact: boolean; name: IndexedName }>();
    for (const id of candidates) {
      const n = this.names[id]!;
      const exact = n.norm.key === q.key || (q.cjk !== '' && q.cjk === n.norm.cjk && q.tokens.length === 0);
      let score: number;
      if (exact) score = 1;
      else if (n.acronym) score = 0;
      else score = Math.max(latinScore(q, n), cjkScore(q, qCore, n));
      if (score < this.thresholds.possible) continue;
      const entry = this.lists[n.listIndex]!.entries[n.entryIndex]!;
      if (country && entry.country && entry.country !== country && !exact) continue;
      const key = `${n.listIndex}:${n.entryIndex}`;
      const prior = best.get(key);
      if (!prior || score > prior.score || (score === prior.score && exact && !prior.exact))
        best.set(key, { score, exact, name: n });
    }
    const hits: ScreeningHit[] = [];
    for (const { score, exact, name } of best.values()) {
      const list = this.lists[name.listIndex]!;
      const entry = list.entries[name.entryIndex]!;
      const matchType: MatchType = exact ? 'exact' : score >= this.thresholds.strong ? 'strong' : 'possible';
      hits.push({
        list: list.list,
        entry: entry.entry,
        name: entry.name,
        matchedOn: name.text,
        score: Math.round(score * 1000) / 1000,
        matchType,
        kind: list.kind,
        ...(entry.country ? { country: entry.country } : {}),
        ...(entry.concerns.length ? { concerns: entry.concerns } : {}),
        listDate: list.date,
      });
    }
    const rank = { exact: 2, strong: 1, possible: 0 } as const;
    return hits.sort(
      (a, b) =>
        rank[b.matchType] - rank[a.matchType] || b.score - a.score || a.list.localeCompare(b.list) || a.entry - b.entry,
    );
  }
}
