/**
 * @module conversation/readings
 * How facts read from a turn enter the state: a value the schema accepts is set, or — when it would clear a
 * concern or open an exception — kept pending until the researcher confirms it. A fact the LLM proposes never
 * overwrites another and always waits. Separate from the turn flow so the safety rule sits in one place.
 */
import { LLM_EXTRACTABLE, silentLogger } from '../app/ports.ts';
import type { CountryLookup } from '../core/country-lookup.ts';
import { type FactKey, FactsSchema, isFactKey } from '../core/facts.ts';
import type { EngineDeps } from './engine-deps.ts';
import type { Extraction } from './extract.ts';
import type { ConversationState, PendingFact, Provenance } from './types.ts';

/**
 * Readings that would clear a concern or open an exception: they wait for the researcher's confirmation.
 * An amount always waits, unless deciding with it is no less severe than with a large one.
 */
const CONFIRM_FIRST: Partial<Record<FactKey, readonly string[] | 'any'>> = {
  recipientResidency: ['resident'],
  publiclyAvailable: ['yes'],
  basicResearch: ['yes'],
  listStatus: ['not_controlled'],
  handCarry: ['yes'],
  temporaryExport: ['yes'],
  patentFiling: ['yes'],
  specificCategory: ['no'],
  valueJPY: 'any',
};

export function setFact(state: ConversationState, key: FactKey, value: string | number, provenance: Provenance): void {
  state.facts[key] = { value, provenance };
  state.pending = state.pending.filter((p) => p.key !== key);
  state.notKnown = state.notKnown.filter((k) => k !== key);
}

/** A proposed value the fact schema accepts, or undefined (countries by any name become ISO codes). */
export function acceptValue(key: FactKey, value: unknown, countries: CountryLookup): string | number | undefined {
  let v = value;
  if (key === 'destinationCountry' && typeof v === 'string') v = countries.resolve(v) ?? v.toUpperCase();
  if (key === 'valueJPY' && typeof v === 'string' && /^\d{1,15}(\.\d{1,6})?$/.test(v)) v = Number(v);
  if (key === 'valueJPY' && (typeof v !== 'number' || !(v > 0))) return undefined;
  const ok = FactsSchema.shape[key].safeParse(v);
  if (!ok.success) return undefined;
  if (key === 'destinationCountry' && !countries.resolve(String(v))) return undefined;
  return ok.data as string | number;
}

export function needsConfirmation(key: FactKey, value: string | number): boolean {
  const rule = CONFIRM_FIRST[key];
  return rule === 'any' || (Array.isArray(rule) && rule.includes(String(value)));
}

function addPending(state: ConversationState, p: PendingFact): void {
  if (state.facts[p.key] || state.pending.some((q) => q.key === p.key)) return;
  state.pending.push(p);
}

/** Merges extracted facts: absent keys are filled; clearing readings wait for a confirmation. */
export function mergeExtracted(state: ConversationState, x: Extraction, deps: EngineDeps): FactKey[] {
  const changed: FactKey[] = [];
  for (const [k, raw] of Object.entries(x.facts)) {
    if (!isFactKey(k) || state.facts[k]) continue;
    const value = acceptValue(k, raw, deps.countries);
    if (value === undefined) continue;
    if (needsConfirmation(k, value)) {
      addPending(state, { key: k, value, provenance: 'extractor', read: x.reads[k] ?? String(raw) });
      continue;
    }
    setFact(state, k, value, 'extractor');
    changed.push(k);
  }
  return changed;
}

export async function proposeWithLlm(deps: EngineDeps, state: ConversationState, text: string): Promise<number> {
  if (!deps.llm) return 0;
  const log = deps.log ?? silentLogger;
  let proposed: Record<string, unknown>;
  try {
    proposed = await deps.llm.proposeFacts({ text: text.slice(0, 4000), lang: state.lang, asked: state.asked });
  } catch (err) {
    log.warn(
      { llm: deps.llm.name, err: err instanceof Error ? err.message : String(err) },
      'llm extraction failed; deterministic path only',
    );
    return 0;
  }
  let n = 0;
  for (const [key, value] of Object.entries(proposed ?? {})) {
    if (value === null || value === undefined) continue;
    if (!isFactKey(key) || !LLM_EXTRACTABLE.includes(key)) {
      log.warn({ key }, 'llm proposed a fact it may not set; dropped');
      continue;
    }
    const accepted = acceptValue(key, value, deps.countries);
    if (accepted === undefined) {
      log.warn({ key }, 'llm proposed a value the fact schema refuses; dropped');
      continue;
    }
    // Never over what the researcher or the extractor gave; counted only once the researcher confirms it.
    if (state.facts[key] || state.pending.some((p) => p.key === key)) continue;
    state.pending.push({ key, value: accepted, provenance: 'llm', read: String(value).slice(0, 80) });
    n++;
  }
  return n;
}
