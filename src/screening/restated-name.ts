/**
 * @module screening/restated-name
 * A name written twice, the second time in brackets: 「哈工大（ハルビン工業大学）」, "BIT（北京理工大学）",
 * "Sukhoi（スホーイ）", and a Latin and a CJK name side by side ("Jotrin杰驰电子"). Neither the whole text nor the
 * matcher's segments need to name the entry; when both parts alone find the same entry, that entry is found, as strong as the better part but never exact (the query is
 * not one of its names). A part that finds nothing (a city, a country) leaves the query as it was.
 */
import type { ScreeningHit } from '../core/decision.ts';
import { MATCH_RANK, mergeHits } from './hit-order.ts';

const RESTATED = /^\s*([^()（）]{2,200}?)\s*[(（]\s*([^()（）]{2,200}?)\s*[)）]\s*$/u;
/**
 * A Latin name and a CJK name side by side, glued or spaced, either first ("Jotrin杰驰电子", "Sunway 旭润科技",
 * 「杰驰电子 Jotrin」): the trade name written in both scripts, read as the brackets are.
 */
const LATIN_BESIDE_CJK =
  /^\s*(?:([A-Za-z][A-Za-z0-9&.'’ -]{1,100}?)\s*([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,100})|([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]{2,100})\s*([A-Za-z][A-Za-z0-9&.'’ -]{1,100}?))\s*$/u;
const id = (h: ScreeningHit) => `${h.list}#${h.entry}`;

/** The two names of a restated text, the one written first first; undefined for any other text. */
function restatedParts(query: string): [string, string] | undefined {
  const m = RESTATED.exec(query);
  if (m) return [m[1]!, m[2]!];
  const beside = LATIN_BESIDE_CJK.exec(query);
  if (!beside) return undefined;
  return beside[1] ? [beside[1], beside[2]!] : [beside[3]!, beside[4]!];
}

export function withRestatedName(
  query: string,
  country: string | undefined,
  screen: (name: string, country?: string) => ScreeningHit[],
): ScreeningHit[] {
  const hits = screen(query, country);
  const parts = restatedParts(query);
  if (!parts) return hits;
  const outside = screen(parts[0], country);
  if (!outside.length) return hits;
  const inside = new Map(screen(parts[1], country).map((h) => [id(h), h]));
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
