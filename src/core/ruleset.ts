/**
 * @module core/ruleset
 * A compiled, immutable rule set: what `evaluate` reads. Built by `compileRuleSet` from parsed data.
 */
import type { FactKey } from './facts.ts';
import type { ItemMatcher } from './item-match.ts';
import type { Condition, Country, FactSpec, Item, Rule } from './rules-schema.ts';

export interface RuleSet {
  /** Content hash of the rules folder: the same files always give the same version. */
  version: string;
  /** Facts in the order a person should be asked them. */
  factOrder: readonly FactKey[];
  factSpecs: ReadonlyMap<FactKey, FactSpec>;
  countries: ReadonlyMap<string, Country>;
  countrySets: ReadonlyMap<string, ReadonlySet<string>>;
  conditions: ReadonlyMap<string, Condition>;
  rules: readonly Rule[];
  fallback: Rule;
  items: readonly Item[];
  itemMatcher: ItemMatcher;
}
