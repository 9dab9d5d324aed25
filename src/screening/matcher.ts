/**
 * @module screening/matcher
 * In-process restricted-party matching over every loaded list. Aliases are first-class names; the
 * result says which name matched. Generic words (university, 大学, trading…) cannot make a match on their
 * own; acronyms (HIT, NUDT) match only exactly; CJK names compare after kanji folding.
 */
import type { MatchType, ScreeningHit } from '../core/decision.ts';
import { editDistance, jaroWinkler } from './jaro-winkler.ts';
import type { ListFile } from './list-schema.ts';
import {
  cjkCore,
  compactKey,
  GENERIC_LATIN,
  LONG_LEGAL_FORMS,
  type NormalizedName,
  normalizeName,
  tokenWeight,
} from './normalize.ts';

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
  coreBigrams: string[];
  cjkBigrams: string[];
  /** Whether any token is distinctive (weight ≥ 0.6). */
  distinctive: boolean;
  compact: string;
  tokenWeights: number[];
}

const TOKEN_SIM = 0.9;
/** Fuzzy token matching compares only tokens this long, within this length difference. */
const FUZZY_MIN_LENGTH = 5;
const FUZZY_MAX_LENGTH_DIFF = 2;
/** Score of a name equal to the query once spacing and punctuation are ignored ("QA IDA" for "Qa'ida"). */
const COMPACT_SCORE = 0.95;
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

/** Jaro-Winkler, kept only when the tokens are also within a typo's reach (one edit, two for long words). */
function tokenSimilarity(a: string, b: string): number {
  const jw = jaroWinkler(a, b);
  if (jw < TOKEN_SIM) return jw;
  return editDistance(a, b) <= (Math.max(a.length, b.length) > 8 ? 2 : 1) ? jw : 0;
}

/**
 * Whether two tokens may match fuzzily: both long enough, close in length, and sharing the first two letters
 * (typos rarely hit the start of a word, and the fuzzy index is keyed on it).
 */
function fuzzyComparable(a: string, b: string): boolean {
  return (
    a.length >= FUZZY_MIN_LENGTH &&
    b.length >= FUZZY_MIN_LENGTH &&
    Math.abs(a.length - b.length) <= FUZZY_MAX_LENGTH_DIFF &&
    a.charCodeAt(0) === b.charCodeAt(0) &&
    a.charCodeAt(1) === b.charCodeAt(1)
  );
}

const genericWeightCache = new Map<string, number>();
/**
 * A query token's weight; a misspelt generic word ("Interntional") weighs as the generic word, or a typo
 * would make it the most distinctive word of the query.
 */
function queryTokenWeight(t: string): number {
  const w = tokenWeight(t);
  if (w < 1 || t.length < FUZZY_MIN_LENGTH) return w;
  let cached = genericWeightCache.get(t);
  if (cached === undefined) {
    cached = LONG_LEGAL_FORMS.some((f) => fuzzyComparable(t, f) && tokenSimilarity(t, f) >= TOKEN_SIM) ? 0 : 1;
    if (cached)
      for (const g of GENERIC_LATIN)
        if (fuzzyComparable(t, g) && tokenSimilarity(t, g) >= TOKEN_SIM) {
          cached = tokenWeight(g);
          break;
        }
    if (genericWeightCache.size > 10_000) genericWeightCache.clear();
    genericWeightCache.set(t, cached);
  }
  return cached;
}

/** One query's token similarities, computed once per distinct listed token however many names share it. */
class TokenSims {
  private readonly cache = new Map<string, Float64Array>();
  constructor(readonly tokens: readonly string[]) {}

  of(t: string): Float64Array {
    let sims = this.cache.get(t);
    if (sims) return sims;
    sims = new Float64Array(this.tokens.length);
    for (let i = 0; i < this.tokens.length; i++) {
      const qt = this.tokens[i]!;
      // Short tokens (acronyms, numbers) must be equal: "HIT" never fuzzily matches "HIS".
      sims[i] = qt === t ? 1 : fuzzyComparable(qt, t) ? tokenSimilarity(qt, t) : 0;
    }
    this.cache.set(t, sims);
    return sims;
  }
}

/** Share of each side's weight that the other side covers, averaged; 0 unless a distinctive token matched. */
function latinScore(q: NormalizedName, qWeights: readonly number[], sims: TokenSims, n: IndexedName): number {
  if (n.norm.tokens.length === 0 || q.tokens.length === 0) return 0;
  let nameMatched = 0;
  let distinctive = 0;
  let usedQuery = 0;
  const used = new Uint8Array(q.tokens.length);
  const tokens = n.norm.tokens;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const w = n.tokenWeights[k]!;
    if (w === 0) continue;
    const row = sims.of(t);
    let best = 0;
    let bestIdx = -1;
    for (let i = 0; i < row.length; i++) {
      if (row[i]! > best) {
        best = row[i]!;
        bestIdx = i;
      }
    }
    if (best >= TOKEN_SIM) {
      nameMatched += w * best;
      if (!used[bestIdx]) {
        used[bestIdx] = 1;
        usedQuery += qWeights[bestIdx]!;
      }
      if (w >= 0.6) distinctive += w;
    }
  }
  const queryWeight = qWeights.reduce((a, b) => a + b, 0);
  // Both sides must be covered: a query that is only part of a listed name ("Nanjing University" inside
  // "Nanjing University of Science and Technology") is a different institution, not a near miss.
  // A name that is partly CJK ("ロシア大統領府…「Russia」") is not covered by its Latin words alone.
  const uncoveredCjk = n.norm.cjk && !q.cjk ? (n.core ? 1 : 0.35) : 0;
  const nameCover = nameMatched / (n.weight + uncoveredCjk);
  const queryCover = usedQuery / Math.max(queryWeight, 1e-9);
  if (distinctive < 0.6) {
    // Generic words never make a match against a distinctive name; a listed name made only of generic
    // words ("Engineering Center Ltd.") is identified by all of them, so both sides must be fully covered.
    if (n.distinctive || Math.min(nameCover, queryCover) < 0.95) return 0;
  }
  return 0.75 * Math.min(nameCover, queryCover) + 0.25 * Math.max(nameCover, queryCover);
}

function cjkScore(q: NormalizedName, qCore: string, qCoreBigrams: readonly string[], n: IndexedName): number {
  if (!q.cjk || !n.norm.cjk) return 0;
  if (q.cjk === n.norm.cjk) return 1;
  // The listed name inside a longer text ("北京理工大学の王先生") counts when its distinctive part is long enough.
  if (n.norm.cjk.length >= 4 && n.core.length >= 2 && q.cjk.includes(n.norm.cjk)) return 0.95;
  if (dice(qCoreBigrams, n.coreBigrams) < 0.6) return 0;
  // One variant character the folding does not know (連/联 in 常州連拓) costs one edit, not two bigrams. Edits
  // count on the whole name and on the distinctive part, the worse of the two: 哈尔滨工业 and 哈尔滨工程 differ by
  // a word, not a character; 西北大学 is not 西北工业大学 although 工业 is generic.
  const similarity = (a: string, b: string) => 1 - editDistance(a, b) / Math.max(a.length, b.length);
  const whole = Math.max(dice(bigrams(q.cjk), n.cjkBigrams), similarity(q.cjk, n.norm.cjk));
  // The distinctive part caps the score: 北京理工大学 and 南京理工大学 share most bigrams but not their city.
  const core = Math.max(dice(qCoreBigrams, n.coreBigrams), similarity(qCore, n.core));
  return Math.min(whole, core);
}

export class Matcher {
  private readonly names: IndexedName[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byToken = new Map<string, number[]>();
  /** Distinct listed tokens by their first two letters, for fuzzy lookup without touching every name. */
  private readonly tokensByPrefix = new Map<string, string[]>();
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
    const core = cjkCore(norm.cjk) || norm.cjk;
    const coreBigrams = [...new Set(bigrams(core))];
    this.names.push({
      listIndex,
      entryIndex,
      text,
      norm,
      weight,
      acronym,
      core,
      coreBigrams,
      cjkBigrams: bigrams(norm.cjk),
      distinctive: norm.tokens.some((t) => tokenWeight(t) >= 0.6),
      compact: compactKey(norm),
      tokenWeights: norm.tokens.map(tokenWeight),
    });
    this.push(this.byKey, norm.key, id);
    this.push(this.byCompact, this.names[id]!.compact, id);
    // A name made only of generic words is found through them; a distinctive name only through its own.
    const genericOnly = !this.names[id]!.distinctive;
    for (const t of content) {
      if (tokenWeight(t) < 0.6 && !genericOnly) continue;
      if (!this.byToken.has(t) && t.length >= FUZZY_MIN_LENGTH) {
        const bucket = this.tokensByPrefix.get(t.slice(0, 2));
        if (bucket) bucket.push(t);
        else this.tokensByPrefix.set(t.slice(0, 2), [t]);
      }
      this.push(this.byToken, t, id);
    }
    for (const g of coreBigrams) this.push(this.byBigram, g, id);
  }

  /** Names sharing a distinctive token with the query, exactly or within the fuzzy threshold. */
  private latinCandidates(q: NormalizedName, sims: TokenSims, into: Set<number>): void {
    for (const qt of q.tokens) {
      for (const id of this.byToken.get(qt) ?? []) into.add(id);
      if (qt.length < FUZZY_MIN_LENGTH) continue;
      for (const t of this.tokensByPrefix.get(qt.slice(0, 2)) ?? []) {
        if (t === qt || Math.abs(t.length - qt.length) > FUZZY_MAX_LENGTH_DIFF) continue;
        if (Math.max(...sims.of(t)) < TOKEN_SIM) continue;
        for (const id of this.byToken.get(t)!) into.add(id);
      }
    }
  }

  /** Names whose distinctive CJK part shares enough bigrams with the query's to pass the dice filter. */
  private cjkCandidates(qCoreBigrams: readonly string[], into: Set<number>): void {
    if (qCoreBigrams.length === 0) return;
    const shared = new Map<number, number>();
    for (const g of qCoreBigrams)
      for (const id of this.byBigram.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    for (const [id, common] of shared) {
      const n = this.names[id]!;
      // Containment ("北京理工大学の王先生") is scored separately, so keep any name wholly inside the query.
      if ((2 * common) / (qCoreBigrams.length + n.coreBigrams.length) >= 0.6 || common === n.coreBigrams.length)
        into.add(id);
    }
  }

  /** Every entry at or above the possible-match threshold, best first. */
  screen(rawName: string, country?: string): ScreeningHit[] {
    const query = rawName.replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH);
    const q = normalizeName(query);
    if (!q.tokens.length && !q.cjk) return [];
    const qCore = cjkCore(q.cjk) || q.cjk;
    const qCoreBigrams = [...new Set(bigrams(qCore))];
    const qWeights = q.tokens.map(queryTokenWeight);
    const qCompact = compactKey(q);
    const sims = new TokenSims(q.tokens);
    const candidates = new Set<number>([...(this.byKey.get(q.key) ?? []), ...(this.byCompact.get(qCompact) ?? [])]);
    this.latinCandidates(q, sims, candidates);
    this.cjkCandidates(qCoreBigrams, candidates);

    const best = new Map<string, { score: number; exact: boolean; name: IndexedName }>();
    for (const id of candidates) {
      const n = this.names[id]!;
      const exact = n.norm.key === q.key || (q.cjk !== '' && q.cjk === n.norm.cjk && q.tokens.length === 0);
      let score: number;
      if (exact) score = 1;
      else if (n.acronym) score = 0;
      else if (n.compact === qCompact) score = COMPACT_SCORE;
      else score = Math.max(latinScore(q, qWeights, sims, n), cjkScore(q, qCore, qCoreBigrams, n));
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
