/**
 * A small, synthetic rule set for core unit tests: every contract fact with its labels, a handful of
 * countries and sets, and the rules a test passes in. Fast to compile, so mutation testing can run the
 * core's tests many times.
 */
import { compileRuleSet, type RuleSetParts } from '../../src/core/compile.ts';
import { enumValues, FACT_KEYS } from '../../src/core/facts.ts';
import type { Condition, Item, Rule } from '../../src/core/rules-schema.ts';
import type { RuleSet } from '../../src/core/ruleset.ts';

const COUNTRIES = ['DE', 'CN', 'JP', 'KP', 'US', 'TH'];

export function rule(partial: Partial<Rule> & Pick<Rule, 'id' | 'when' | 'outcome'>): Rule {
  return {
    caseTypes: ['shipment', 'technology', 'visitor'],
    citation: 'citation',
    text: { ja: '文', en: 'sentence' },
    note: 'note',
    ...partial,
  };
}

export function item(partial: Partial<Item> & Pick<Item, 'id'>): Item {
  return {
    terms: { en: [], ja: [], zh: [] },
    strength: 'possible',
    categories: [],
    priorReport: false,
    outsideCatchAll: false,
    hs16_1: false,
    concerns: [],
    flags: [],
    citation: 'c',
    ...partial,
  };
}

export const FALLBACK = rule({
  id: 'CORE-FALLBACK',
  when: { fact: 'caseType', absent: true },
  outcome: 'officer_review',
  fallback: true,
});

export function parts(
  rules: Rule[],
  opts: { conditions?: Record<string, Condition>; items?: Item[]; sets?: Record<string, string[]> } = {},
): RuleSetParts {
  return {
    version: 'rules-test',
    facts: {
      file: 'facts.yaml',
      path: 'facts',
      value: FACT_KEYS.map((key) => ({
        key,
        question: { ja: key, en: key },
        hint: { ja: key, en: key },
        ...(enumValues(key) ? { options: Object.fromEntries(enumValues(key)!.map((v) => [v, { ja: v, en: v }])) } : {}),
      })),
    },
    countries: {
      file: 'countries.yaml',
      path: 'countries',
      value: COUNTRIES.map((code) => ({ code, en: code, ja: code, aliases: [] })),
    },
    countrySets: Object.entries(opts.sets ?? { group_a: ['DE', 'US'], total_ban: ['KP'] }).map(([id, members]) => ({
      file: 'sets.yaml',
      path: `sets.${id}`,
      value: { id, name: { ja: id, en: id }, citation: 'c', members },
    })),
    conditions: [{ file: 'conditions.yaml', path: 'conditions', value: opts.conditions ?? {} }],
    items: (opts.items ?? []).map((value, i) => ({ file: 'items.yaml', path: `items[${i}]`, value })),
    rules: rules.map((value, i) => ({ file: 'rules.yaml', path: `rules[${i}]`, value })),
  };
}

export function compiled(
  rules: Rule[],
  opts: { conditions?: Record<string, Condition>; items?: Item[]; sets?: Record<string, string[]> } = {},
): RuleSet {
  const r = compileRuleSet(parts([...rules, FALLBACK], opts));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.ruleSet;
}
