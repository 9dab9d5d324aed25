/**
 * @module core/derive
 * Facts the core derives from the asked ones: item catalogue matches, the effective 項 and screening
 * summaries. Each derived key names the contract fact it comes from, so that when that fact is absent
 * the evaluator knows what to ask.
 */
import type { ScreeningHit } from './decision.ts';
import type { EvaluationContext } from './evaluate.ts';
import type { FactKey, Facts } from './facts.ts';
import { normalizeListCategory } from './list-category.ts';
import type { Item } from './rules-schema.ts';
import type { RuleSet } from './ruleset.ts';

export type Value = string | number | readonly string[];
export type Lookup = { present: true; value: Value } | { present: false; source: FactKey };

const STRENGTH_RANK = { listed: 3, possible: 2, not_controlled: 1 } as const;

export interface Derived {
  items: readonly Item[];
  lookup(key: string): Lookup;
  /** Condition results for this fact set: named conditions are shared by many rules, so each is evaluated once. */
  memo: Map<object, unknown>;
}

function bestMatch(hits: readonly ScreeningHit[], kind: ScreeningHit['kind']): string {
  const rank = { exact: 3, strong: 2, possible: 1 } as const;
  let best = 0;
  for (const h of hits) if (h.kind === kind) best = Math.max(best, rank[h.matchType]);
  return best === 3 ? 'exact' : best === 2 ? 'strong' : best === 1 ? 'possible' : 'none';
}

function yesNo(b: boolean): string {
  return b ? 'yes' : 'no';
}

export function derive(
  ruleSet: RuleSet,
  facts: Facts,
  screening: readonly ScreeningHit[],
  context: EvaluationContext = {},
): Derived {
  const items = facts.itemDescription === undefined ? [] : ruleSet.itemMatcher.match(facts.itemDescription);
  const itemPresent = facts.itemDescription !== undefined;
  const screenPresent = facts.counterpartyName !== undefined;

  let strength = 'none';
  let rank = 0;
  for (const item of items) {
    const r = item.strength === 'hint' ? 0 : STRENGTH_RANK[item.strength];
    if (r > rank) {
      rank = r;
      strength = item.strength;
    }
  }
  const categories = [...new Set(items.filter((i) => i.strength !== 'not_controlled').flatMap((i) => i.categories))];
  const concerns = [...new Set(items.flatMap((i) => i.concerns))];

  // Facts the description settles by itself ("unpublished" → publiclyAvailable = no). Two entries that
  // disagree settle nothing: the question is asked as usual.
  const implied = new Map<string, string | null>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.implies ?? {})) {
      const prior = implied.get(key);
      implied.set(key, prior === undefined || prior === value ? value : null);
    }
  }
  const listCategory =
    facts.listCategory === undefined ? undefined : (normalizeListCategory(facts.listCategory) ?? facts.listCategory);

  const fromItem = (value: Value): Lookup =>
    itemPresent ? { present: true, value } : { present: false, source: 'itemDescription' };
  const fromScreen = (value: Value): Lookup =>
    screenPresent ? { present: true, value } : { present: false, source: 'counterpartyName' };

  function lookup(key: string): Lookup {
    switch (key) {
      case 'item.strength':
        return fromItem(strength);
      case 'item.categories':
        return fromItem(categories);
      case 'item.priorReport':
        return fromItem(yesNo(items.some((i) => i.priorReport)));
      case 'item.exception':
        return fromItem(items.flatMap((i) => (i.exception ? [i.exception] : [])));
      case 'item.outsideCatchAll': {
        // Only when every matched goods entry is outside the catch-all chapters: one lab item keeps it in.
        const goods = items.filter((i) => i.strength !== 'hint');
        return fromItem(yesNo(goods.length > 0 && goods.every((i) => i.outsideCatchAll)));
      }
      case 'item.hs16_1':
        return fromItem(yesNo(items.some((i) => i.hs16_1)));
      case 'item.concerns':
        return fromItem(concerns);
      case 'item.consumable':
        // Listed entries are substances and organisms (pathogens, toxins, precursors, source material):
        // used up or kept at the destination, like reagents and live cultures.
        return fromItem(yesNo(items.some((i) => i.consumable || i.strength === 'listed')));
      case 'category':
        if (listCategory !== undefined) return { present: true, value: [listCategory] };
        if (categories.length > 0) return { present: true, value: categories };
        return { present: false, source: itemPresent ? 'listCategory' : 'itemDescription' };
      case 'screen.specifiedEntity':
        return fromScreen(bestMatch(screening, 'specified_entity'));
      case 'screen.eul':
        return fromScreen(bestMatch(screening, 'eul'));
      case 'survey.labControlled':
        // Known either way: no survey answer means no report, which is asked in the conversation as usual.
        return { present: true, value: yesNo(context.survey?.controlledTechnology === true) };
      case 'screen.csl':
        return fromScreen(bestMatch(screening, 'csl'));
      case 'screen.eulConcernMatch': {
        if (!screenPresent) return { present: false, source: 'counterpartyName' };
        if (!itemPresent) return { present: false, source: 'itemDescription' };
        const hitConcerns = screening
          .filter((h) => h.kind === 'eul' && h.matchType !== 'possible')
          .flatMap((h) => h.concerns ?? []);
        return { present: true, value: yesNo(hitConcerns.some((c) => (concerns as string[]).includes(c))) };
      }
      default: {
        const value = facts[key as FactKey];
        if (value !== undefined) return { present: true, value };
        const settled = implied.get(key);
        return settled ? { present: true, value: settled } : { present: false, source: key as FactKey };
      }
    }
  }
  return { items, lookup, memo: new Map() };
}
