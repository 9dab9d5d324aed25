/**
 * @module ruleset/load
 * Loads `rules/` (or RULES_DIR): facts, countries, country sets, the item catalogue, named conditions
 * and decision rules. Validates each file, cross-checks them (core/compile) and stamps the result with
 * a content hash of exactly the files read, so the version changes when and only when they change.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compileRuleSet, type Located, type RuleSetParts } from '../core/compile.ts';
import { ErrorCode, type Issue } from '../core/errors.ts';
import {
  type Condition,
  ConditionsFileSchema,
  CountriesFileSchema,
  type CountrySet,
  CountrySetsFileSchema,
  FactsFileSchema,
  type Item,
  ItemsFileSchema,
  ManualSetsFileSchema,
  type Rule,
  RulesFileSchema,
} from '../core/rules-schema.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { readData } from './read-data.ts';

export type LoadResult = { ok: true; ruleSet: RuleSet } | { ok: false; issues: Issue[] };

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadRuleSet(rulesDir: string): LoadResult {
  const issues: Issue[] = [];
  const hash = createHash('sha256');
  const label = (file: string) => relative(process.cwd(), file) || file;

  function read<S extends Parameters<typeof readData>[2]>(file: string, schema: S) {
    const result = readData(file, label(file), schema);
    if (!result.ok) {
      issues.push(...result.issues);
      return undefined;
    }
    // Hash the path relative to the rules folder with the content, so a copy elsewhere has the same version.
    hash.update(relative(rulesDir, file)).update('\0').update(result.text).update('\0');
    return result.value;
  }

  if (!existsSync(rulesDir)) {
    return {
      ok: false,
      issues: [{ code: ErrorCode.RulesUnreadable, file: rulesDir, path: '', message: 'rules folder not found' }],
    };
  }

  const factsFile = join(rulesDir, 'facts.yaml');
  const facts = read(factsFile, FactsFileSchema);
  const countriesFile = join(rulesDir, 'countries', 'countries.yaml');
  const countries = read(countriesFile, CountriesFileSchema);

  const countrySets: Located<CountrySet>[] = [];
  for (const file of yamlFiles(join(rulesDir, 'countries')).filter((f) => f !== countriesFile)) {
    const isGenerated = file.endsWith('sets.yaml') && !file.endsWith('manual-sets.yaml');
    const data = read(file, isGenerated ? CountrySetsFileSchema : ManualSetsFileSchema);
    data?.sets.forEach((value, i) => {
      countrySets.push({ file: label(file), path: `sets[${i}]`, value });
    });
  }

  const items: Located<Item>[] = [];
  for (const file of yamlFiles(join(rulesDir, 'items'))) {
    const data = read(file, ItemsFileSchema);
    data?.items.forEach((value, i) => {
      items.push({ file: label(file), path: `items[${i}]`, value });
    });
  }

  const conditions: Located<Record<string, Condition>>[] = [];
  const rules: Located<Rule>[] = [];
  for (const file of yamlFiles(join(rulesDir, 'decision'))) {
    if (file.endsWith('conditions.yaml')) {
      const data = read(file, ConditionsFileSchema);
      if (data) conditions.push({ file: label(file), path: 'conditions', value: data.conditions });
    } else {
      const data = read(file, RulesFileSchema);
      data?.rules.forEach((value, i) => {
        rules.push({ file: label(file), path: `rules[${i}]`, value });
      });
    }
  }

  if (issues.length > 0 || !facts || !countries) return { ok: false, issues };
  const parts: RuleSetParts = {
    version: `rules-${hash.digest('hex').slice(0, 12)}`,
    facts: { file: label(factsFile), path: 'facts', value: facts.facts },
    countries: { file: label(countriesFile), path: 'countries', value: countries.countries },
    countrySets,
    conditions,
    items,
    rules,
  };
  return compileRuleSet(parts);
}
