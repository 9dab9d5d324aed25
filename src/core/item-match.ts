/**
 * @module core/item-match
 * Maps an item or technology description to catalogue entries. Latin terms match whole tokens
 * ("SEM" never matches inside "semester"); CJK terms match anywhere in the space-free text.
 * A description that matches nothing is `none`: it is not thereby cleared.
 */
import type { Item } from './rules-schema.ts';
import { hasCjk, normalizeText, squash } from './text.ts';

export interface ItemMatch {
  id: string;
  term: string;
}

interface CompiledTerm {
  itemIndex: number;
  raw: string;
  needle: string;
  cjk: boolean;
}

export interface ItemMatcher {
  match(description: string): readonly Item[];
  matchWithTerms(description: string): readonly ItemMatch[];
}

export function compileItemMatcher(items: readonly Item[]): ItemMatcher {
  const terms: CompiledTerm[] = [];
  items.forEach((item, itemIndex) => {
    for (const raw of [...item.terms.en, ...item.terms.ja, ...item.terms.zh]) {
      const normalized = normalizeText(raw);
      const cjk = hasCjk(raw);
      terms.push({ itemIndex, raw, cjk, needle: cjk ? squash(normalized) : normalized });
    }
  });
  // The core is pure but may remember: the same description always gives the same matches.
  const cache = new Map<string, ItemMatch[]>();
  const CACHE_LIMIT = 5000;

  function matchWithTerms(description: string): ItemMatch[] {
    const hit = cache.get(description);
    if (hit) return hit;
    const normalized = normalizeText(description);
    const squashed = squash(normalized);
    const found = new Map<number, string>();
    for (const t of terms) {
      if (found.has(t.itemIndex)) continue;
      if (t.cjk ? squashed.includes(t.needle) : normalized.includes(t.needle)) found.set(t.itemIndex, t.raw);
    }
    const result = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([i, term]) => ({ id: items[i]!.id, term }));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(description, result);
    return result;
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    matchWithTerms,
    match: (description) => matchWithTerms(description).map((m) => byId.get(m.id)!),
  };
}
