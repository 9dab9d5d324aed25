/**
 * Loads the bundled rules and lists once per test file: the same data `npm start` serves.
 */
import { fileURLToPath } from 'node:url';
import { decideFacts } from '../../src/app/decide.ts';
import type { Screener } from '../../src/app/ports.ts';
import type { ScreeningHit } from '../../src/core/decision.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { loadRuleSet } from '../../src/ruleset/load.ts';
import { createScreener } from '../../src/screening/screener.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RULES_DIR = `${ROOT}rules`;
export const GOLDEN_DIR = `${ROOT}test/golden`;

let cached: { ruleSet: RuleSet; screener: Screener } | undefined;

export function bundled(): { ruleSet: RuleSet; screener: Screener } {
  if (cached) return cached;
  const loaded = loadRuleSet(RULES_DIR);
  if (!loaded.ok) throw new Error(`bundled rules invalid: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const { lists, issues } = loadLists(`${RULES_DIR}/lists`);
  if (issues.length) throw new Error(`bundled lists invalid: ${issues.map((i) => i.message).join('; ')}`);
  cached = { ruleSet: loaded.ruleSet, screener: createScreener(lists) };
  return cached;
}

export function decide(facts: Record<string, unknown>) {
  const r = decideFacts(bundled(), facts);
  if (!r.ok) throw new Error(`unexpected error: ${r.issues.map((i) => i.code).join(', ')}`);
  return r.decision;
}

/** A hit as the screening tests name it: "jp-eul#541". */
export const hitRef = (h: ScreeningHit) => `${h.list}#${h.entry}`;

/** The entries a query finds exact or strong (a possible match left out), as hitRef names them. */
export function hardRefs(screener: Screener, query: string, country?: string): string[] {
  return screener
    .screen(query, country)
    .filter((h) => h.matchType !== 'possible')
    .map(hitRef);
}
