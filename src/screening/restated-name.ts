/**
 * @module screening/restated-name
 * A name written twice, the second time in brackets: 「哈工大（ハルビン工業大学）」, "BIT（北京理工大学）",
 * "Sukhoi（スホーイ）". Neither the whole text nor the matcher's segments need to name the entry; when both parts
 * alone find the same entry, that entry is found, as strong as the better part but never exact (the query is
 * not one of its names). A part that finds nothing (a city, a country) leaves the query as it was.
 */
import type { ScreeningHit } from '../core/decision.ts';
import { MATCH_RANK, mergeHits } from './hit-order.ts';

const RESTATED = /^\s*([^()（）]{2,200}?)\s*[(（]\s*([^()（）]{2,200}?)\s*[)）]\s*$/u;
const id = (h: ScreeningHit) => `${h.list}#${h.entry}`;

export function withRestatedName(
  query: string,
  country: string | undefined,
  screen: (name: string, country?: string) => ScreeningHit[],
): ScreeningHit[] {
  const hits = screen(query, country);
  const m = RESTATED.exec(query);
  if (!m) return hits;
  const outside = screen(m[1]!, country);
  if (!outside.length) return hits;
  const inside = new Map(screen(m[2]!, country).map((h) => [id(h), h]));
  const added: ScreeningHit[] = [];
  for (const a of outside) {
    const b = inside.get(id(a));
    // A hit the whole query found already is kept where it is stronger (mergeHits keeps the better one).
    if (!b) continue;
    const better = MATCH_RANK[a.matchType] >= MATCH_RANK[b.matchType] ? a : b;
    added.push(
      better.matchType === 'exact' ? { ...better, matchType: 'strong', score: Math.min(better.score, 0.95) } : better,
    );
  }
  return mergeHits(hits, added);
}
