/**
 * @module core/explain
 * "Why not", for officers: for a rule that was considered and did not apply, the facts that decided it
 * ("publiclyAvailable = no"). It walks the same three-valued evaluation as `conditions.ts`, following only
 * the parts that settled the result, so the answer names the deciding facts and nothing else.
 */
import { evalCondition } from './conditions.ts';
import type { Derived } from './derive.ts';
import type { Condition } from './rules-schema.ts';
import type { RuleSet } from './ruleset.ts';

const LIMIT = 3;

function describe(fact: string, derived: Derived): string {
  const found = derived.lookup(fact);
  if (!found.present) return `${fact} not asked`;
  const v = found.value;
  return `${fact} = ${Array.isArray(v) ? `[${v.join(', ')}]` : String(v)}`;
}

function collect(c: Condition, want: boolean, derived: Derived, ruleSet: RuleSet, out: string[]): void {
  if (out.length >= LIMIT) return;
  if ('all' in c || 'any' in c) {
    const parts = 'all' in c ? c.all : c.any;
    // all = false and any = true are settled by one part; all = true and any = false need every part.
    const onePart = 'all' in c !== want;
    for (const part of parts) {
      if (evalCondition(part, derived, ruleSet).value !== want) continue;
      collect(part, want, derived, ruleSet, out);
      if (onePart) return;
    }
    return;
  }
  if ('not' in c) {
    collect(c.not, !want, derived, ruleSet, out);
    return;
  }
  if ('ref' in c) {
    collect(ruleSet.conditions.get(c.ref)!, want, derived, ruleSet, out);
    return;
  }
  const text = describe(c.fact, derived);
  if (!out.includes(text)) out.push(text);
}

/** The deciding facts of a condition that evaluated to false (at most three, in rule order). */
export function whyNot(c: Condition, derived: Derived, ruleSet: RuleSet): string[] {
  const out: string[] = [];
  collect(c, false, derived, ruleSet, out);
  return out;
}
