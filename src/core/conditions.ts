/**
 * @module core/conditions
 * Three-valued (Kleene) evaluation of rule conditions. An absent fact makes its condition unknown
 * unless the rule says otherwise (`ifAbsent`), and an unknown result remembers which absent facts
 * could settle it: that is where the questions come from.
 */
import type { Derived, Value } from './derive.ts';
import type { FactKey } from './facts.ts';
import type { Condition, FactCondition } from './rules-schema.ts';
import type { RuleSet } from './ruleset.ts';

export type Tri = true | false | null;
export interface TriResult {
  value: Tri;
  /** Absent facts behind an unknown result; empty for true and false. */
  absent: ReadonlySet<FactKey>;
}

const NONE: ReadonlySet<FactKey> = new Set();
const TRUE: TriResult = { value: true, absent: NONE };
const FALSE: TriResult = { value: false, absent: NONE };

function asList(v: Value): readonly (string | number)[] {
  return Array.isArray(v) ? v : [v as string | number];
}

function testPresent(c: FactCondition, v: Value, ruleSet: RuleSet): boolean {
  const list = asList(v);
  if (c.eq !== undefined) return list.includes(c.eq);
  if (c.ne !== undefined) return !list.includes(c.ne);
  if (c.in !== undefined) return list.some((x) => c.in!.includes(x));
  if (c.notIn !== undefined) return !list.some((x) => c.notIn!.includes(x));
  if (c.inSet !== undefined) return list.some((x) => ruleSet.countrySets.get(c.inSet!)?.has(String(x)) ?? false);
  if (c.notInSet !== undefined) {
    return !list.some((x) => ruleSet.countrySets.get(c.notInSet!)?.has(String(x)) ?? false);
  }
  if (c.lte !== undefined) return typeof v === 'number' && v <= c.lte;
  if (c.gt !== undefined) return typeof v === 'number' && v > c.gt;
  return false;
}

export function evalCondition(c: Condition, derived: Derived, ruleSet: RuleSet): TriResult {
  const known = derived.memo.get(c) as TriResult | undefined;
  if (known) return known;
  const result = evaluateOnce(c, derived, ruleSet);
  derived.memo.set(c, result);
  return result;
}

function evaluateOnce(c: Condition, derived: Derived, ruleSet: RuleSet): TriResult {
  if ('all' in c) {
    let absent: Set<FactKey> | null = null;
    for (const part of c.all) {
      const r = evalCondition(part, derived, ruleSet);
      if (r.value === false) return FALSE;
      if (r.value === null) {
        absent ??= new Set();
        for (const k of r.absent) absent.add(k);
      }
    }
    return absent ? { value: null, absent } : TRUE;
  }
  if ('any' in c) {
    let absent: Set<FactKey> | null = null;
    for (const part of c.any) {
      const r = evalCondition(part, derived, ruleSet);
      if (r.value === true) return TRUE;
      if (r.value === null) {
        absent ??= new Set();
        for (const k of r.absent) absent.add(k);
      }
    }
    return absent ? { value: null, absent } : FALSE;
  }
  if ('not' in c) {
    const r = evalCondition(c.not, derived, ruleSet);
    return r.value === null ? r : r.value ? FALSE : TRUE;
  }
  if ('ref' in c) return evalCondition(ruleSet.conditions.get(c.ref)!, derived, ruleSet);
  const found = derived.lookup(c.fact);
  if (c.absent) return found.present ? FALSE : TRUE;
  if (!found.present) {
    if (c.ifAbsent !== undefined) return c.ifAbsent ? TRUE : FALSE;
    return { value: null, absent: new Set([found.source]) };
  }
  return testPresent(c, found.value, ruleSet) ? TRUE : FALSE;
}
