/**
 * @module core/validate-facts
 * Facts in, validated facts or coded issues out. An unknown key, a wrong type or value and an
 * unknown country are errors with the offending path, never silently dropped.
 */

import { ErrorCode, type Issue } from './errors.ts';
import { type Facts, FactsSchema } from './facts.ts';
import { normalizeListCategory } from './list-category.ts';
import type { RuleSet } from './ruleset.ts';

export type FactsResult = { ok: true; facts: Facts } | { ok: false; issues: Issue[] };

export function validateFacts(input: unknown, ruleSet: Pick<RuleSet, 'countries'>): FactsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ code: ErrorCode.InputNotObject, path: '', message: 'facts must be a JSON object' }],
    };
  }
  // 「別表第1の5項」 and 「第5項」 are how people and papers write 項 5: read them as the law means them.
  const raw = input as Record<string, unknown>;
  const category = typeof raw.listCategory === 'string' ? normalizeListCategory(raw.listCategory) : undefined;
  const parsed = FactsSchema.safeParse(category === undefined ? input : { ...raw, listCategory: category });
  if (!parsed.success) {
    const issues: Issue[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          issues.push({ code: ErrorCode.FactUnknown, path: key, message: `unknown fact "${key}"` });
        }
      } else {
        issues.push({ code: ErrorCode.FactInvalid, path: issue.path.join('.'), message: issue.message });
      }
    }
    return { ok: false, issues };
  }
  const country = parsed.data.destinationCountry;
  if (country !== undefined && !ruleSet.countries.has(country)) {
    return {
      ok: false,
      issues: [
        { code: ErrorCode.CountryUnknown, path: 'destinationCountry', message: `unknown country code "${country}"` },
      ],
    };
  }
  return { ok: true, facts: parsed.data };
}
