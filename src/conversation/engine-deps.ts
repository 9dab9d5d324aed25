/**
 * @module conversation/engine-deps
 * What a conversation turn runs with: the rules, the screener, the content and the optional LLM. Kept apart
 * from the turn logic so the wiring (CLI, bench, tests) sees one small shape; `createEngineDeps` compiles the
 * country lookup and memoises screening once per rule-and-list version.
 */
import type { LanguageModel, Logger, Screener } from '../app/ports.ts';
import { type CountryLookup, compileCountryLookup } from '../core/country-lookup.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { ConversationContent } from './content.ts';

export interface EngineDeps {
  ruleSet: RuleSet;
  screener: Screener;
  content: ConversationContent;
  /** A new case id: random, or derived from the seed (the same seed, the same id). */
  newCaseId: (seed?: string) => string;
  /**
   * Set per turn by the conversation service (the turn's conversation, prior state and input): the case id
   * is then derived from it and from what was decided, so a turn retried after a cut makes the same case.
   */
  turnSeed?: string;
  llm?: LanguageModel | undefined;
  log?: Logger;
  /** Compiled once per rule set by `createEngineDeps`. */
  countries: CountryLookup;
}

export function createEngineDeps(d: Omit<EngineDeps, 'countries'>): EngineDeps {
  return { ...d, screener: memoScreener(d.screener), countries: compileCountryLookup(d.ruleSet.countries.values()) };
}

/**
 * A turn decides several times (with and without a reading) and the extractor tries candidate names: the
 * same name is screened once. The cache lives as long as these deps, i.e. one rule-and-list version.
 */
function memoScreener(s: Screener): Screener {
  if ((s as { memo?: true }).memo) return s;
  const cache = new Map<string, ReturnType<Screener['screen']>>();
  return {
    memo: true,
    screen(name: string, country?: string) {
      const key = `${country ?? ''}\u0000${name}`;
      let hits = cache.get(key);
      if (!hits) {
        hits = s.screen(name, country);
        if (cache.size >= 5000) cache.clear();
        cache.set(key, hits);
      }
      return hits.slice();
    },
    versions: () => s.versions(),
  } as Screener;
}
