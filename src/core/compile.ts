/**
 * @module core/compile
 * Turns validated rules data into a RuleSet, checking what zod cannot see file by file: condition
 * references, fact keys and their values, country codes and set ids, duplicate ids, and the fallback.
 * Every problem is collected (with file and path) before failing, so one run shows them all.
 */
import { ErrorCode, type Issue } from './errors.ts';
import { enumValues, FACT_KEYS, type FactKey, isFactKey } from './facts.ts';
import { compileItemMatcher } from './item-match.ts';
import {
  type Condition,
  type Country,
  type CountrySet,
  DERIVED_KEYS,
  type FactSpec,
  type Item,
  type Rule,
} from './rules-schema.ts';
import type { RuleSet } from './ruleset.ts';
import { PLACEHOLDERS, placeholdersIn } from './template.ts';

export interface Located<T> {
  file: string;
  path: string;
  value: T;
}

export interface RuleSetParts {
  version: string;
  facts: Located<FactSpec[]>;
  countries: Located<Country[]>;
  countrySets: Located<CountrySet>[];
  conditions: Located<Record<string, Condition>>[];
  items: Located<Item>[];
  rules: Located<Rule>[];
}

export type CompileResult = { ok: true; ruleSet: RuleSet } | { ok: false; issues: Issue[] };

const DERIVED = new Set<string>(DERIVED_KEYS);

export function compileRuleSet(parts: RuleSetParts): CompileResult {
  const issues: Issue[] = [];
  const problem = (file: string, path: string, message: string) =>
    issues.push({ code: ErrorCode.RulesInvalid, file, path, message });

  // Facts: exactly the contract's keys, each once.
  const factSpecs = new Map<FactKey, FactSpec>();
  parts.facts.value.forEach((spec, i) => {
    if (!isFactKey(spec.key)) problem(parts.facts.file, `facts[${i}].key`, `unknown fact "${spec.key}"`);
    else if (factSpecs.has(spec.key)) problem(parts.facts.file, `facts[${i}].key`, `duplicate fact "${spec.key}"`);
    else {
      factSpecs.set(spec.key, spec);
      const legal = enumValues(spec.key);
      for (const option of Object.keys(spec.options ?? {})) {
        if (!legal?.includes(option)) {
          problem(parts.facts.file, `facts[${i}].options.${option}`, `"${option}" is not a value of ${spec.key}`);
        }
      }
      for (const value of legal ?? []) {
        if (!spec.options?.[value]) {
          problem(parts.facts.file, `facts[${i}].options`, `missing a label for ${spec.key}="${value}"`);
        }
      }
    }
  });
  for (const key of FACT_KEYS) {
    if (!factSpecs.has(key)) problem(parts.facts.file, 'facts', `fact "${key}" has no question`);
  }

  const countries = new Map<string, Country>();
  parts.countries.value.forEach((c, i) => {
    if (countries.has(c.code)) problem(parts.countries.file, `countries[${i}].code`, `duplicate country ${c.code}`);
    countries.set(c.code, c);
  });

  const countrySets = new Map<string, ReadonlySet<string>>();
  for (const set of parts.countrySets) {
    if (countrySets.has(set.value.id)) problem(set.file, `${set.path}.id`, `duplicate country set "${set.value.id}"`);
    set.value.members.forEach((code, i) => {
      if (!countries.has(code)) problem(set.file, `${set.path}.members[${i}]`, `unknown country code "${code}"`);
    });
    countrySets.set(set.value.id, new Set(set.value.members));
  }

  const conditions = new Map<string, Condition>();
  for (const file of parts.conditions) {
    for (const [name, cond] of Object.entries(file.value)) {
      if (conditions.has(name)) problem(file.file, `${file.path}.${name}`, `duplicate condition "${name}"`);
      conditions.set(name, cond);
    }
  }

  function checkCondition(c: Condition, file: string, path: string, seen: readonly string[]): void {
    if ('all' in c) {
      c.all.forEach((p, i) => {
        checkCondition(p, file, `${path}.all[${i}]`, seen);
      });
    } else if ('any' in c) {
      c.any.forEach((p, i) => {
        checkCondition(p, file, `${path}.any[${i}]`, seen);
      });
    } else if ('not' in c) checkCondition(c.not, file, `${path}.not`, seen);
    else if ('ref' in c) {
      const target = conditions.get(c.ref);
      if (!target) problem(file, `${path}.ref`, `unknown condition "${c.ref}"`);
      else if (seen.includes(c.ref)) problem(file, `${path}.ref`, `condition cycle: ${[...seen, c.ref].join(' → ')}`);
      else checkCondition(target, file, `${path}.ref(${c.ref})`, [...seen, c.ref]);
    } else {
      if (!isFactKey(c.fact) && !DERIVED.has(c.fact)) {
        problem(file, `${path}.fact`, `unknown fact "${c.fact}"`);
        return;
      }
      const setId = c.inSet ?? c.notInSet;
      if (setId !== undefined && !countrySets.has(setId)) problem(file, `${path}`, `unknown country set "${setId}"`);
      if (isFactKey(c.fact)) {
        const legal = c.fact === 'destinationCountry' ? [...countries.keys()] : enumValues(c.fact);
        const values = [c.eq, c.ne, ...(c.in ?? []), ...(c.notIn ?? [])].filter((v) => v !== undefined);
        for (const v of values) {
          if (legal && !legal.includes(String(v))) problem(file, path, `"${v}" is not a value of ${c.fact}`);
        }
      }
    }
  }

  for (const [name, cond] of conditions) {
    const owner = parts.conditions.find((f) => name in f.value)!;
    checkCondition(cond, owner.file, `${owner.path}.${name}`, [name]);
  }

  const ids = new Map<string, string>();
  const fallbacks: Rule[] = [];
  for (const r of parts.rules) {
    const prior = ids.get(r.value.id);
    if (prior) problem(r.file, `${r.path}.id`, `duplicate rule id "${r.value.id}" (also in ${prior})`);
    ids.set(r.value.id, r.file);
    checkCondition(r.value.when, r.file, `${r.path}.when`, []);
    if (r.value.fallback) fallbacks.push(r.value);
    // A sentence or citation must never reach the user with a raw `{…}`: only known placeholders, which
    // always render to words.
    const texts: [string, string][] = [
      ['text.ja', r.value.text.ja],
      ['text.en', r.value.text.en],
      ['citation', r.value.citation],
      ...Object.entries(r.value.citationFor ?? {}).map(([k, v]) => [`citationFor.${k}`, v] as [string, string]),
    ];
    for (const [where, text] of texts) {
      for (const name of placeholdersIn(text)) {
        if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
          problem(r.file, `${r.path}.${where}`, `unknown placeholder "{${name}}" would reach the user unfilled`);
        }
      }
    }
    if (r.value.unconfirmed && !/UNCONFIRMED/.test(r.value.note)) {
      problem(r.file, `${r.path}.note`, 'an unconfirmed rule must say UNCONFIRMED and why in its note');
    }
  }
  if (fallbacks.length !== 1) {
    problem(parts.rules[0]?.file ?? 'rules', 'rules', `exactly one fallback rule is needed, found ${fallbacks.length}`);
  }

  const itemIds = new Map<string, string>();
  for (const it of parts.items) {
    const prior = itemIds.get(it.value.id);
    if (prior) problem(it.file, `${it.path}.id`, `duplicate item id "${it.value.id}" (also in ${prior})`);
    itemIds.set(it.value.id, it.file);
    for (const [key, value] of Object.entries(it.value.implies ?? {})) {
      const legal = isFactKey(key) ? enumValues(key) : null;
      if (!legal) problem(it.file, `${it.path}.implies.${key}`, `"${key}" is not an enumerated fact`);
      else if (!legal.includes(value))
        problem(it.file, `${it.path}.implies.${key}`, `"${value}" is not a value of ${key}`);
    }
  }

  if (issues.length > 0) return { ok: false, issues };
  const items = parts.items.map((i) => i.value);
  const factOrder = parts.facts.value.map((f) => f.key as FactKey);
  return {
    ok: true,
    ruleSet: {
      version: parts.version,
      factOrder,
      factSpecs,
      countries,
      countrySets,
      conditions,
      rules: parts.rules.filter((r) => !r.value.fallback).map((r) => r.value),
      fallback: fallbacks[0]!,
      items,
      itemMatcher: compileItemMatcher(items),
    },
  };
}
