/**
 * @module conversation/correction-turn
 * Applying a correction the researcher typed ("actually it goes to KAIST"): only what it names changes, a
 * correction that would clear waits for one tap like any reading, and a country that came from the old
 * counterparty's listing goes with it. Then the case is decided again.
 */
import type { FactKey } from '../core/facts.ts';
import { advance } from './advance.ts';
import { type Correction, renderCorrection } from './correction.ts';
import type { Extraction } from './extract.ts';
import { acceptValue, needsConfirmation, setFact } from './readings.ts';
import type { TurnCtx, TurnResult } from './turn-context.ts';

/** The turn's correction applied to the state, with the before → after line first in the reply. */
export function applyCorrection(c: TurnCtx, correction: Correction, x: Extraction, text: string): Promise<TurnResult> {
  const { deps, state } = c;
  const lang = state.lang;
  const before = structuredClone(state.facts);
  for (const [k, v] of Object.entries(correction.changes)) {
    const key = k as FactKey;
    const value = acceptValue(key, v, deps.countries);
    if (value === undefined) continue;
    if (needsConfirmation(key, value)) {
      // A correction that would clear (非該当でした, a smaller amount) waits for one tap like any reading.
      delete state.facts[key];
      state.pending = state.pending.filter((p) => p.key !== key);
      state.pending.push({ key, value, provenance: 'user', read: text.slice(0, 60) });
    } else setFact(state, key, value, 'user');
  }
  // A country that came from the old counterparty's listing goes with it: it is asked again.
  const oldName = before.counterpartyName?.value;
  const oldCountry = before.destinationCountry;
  if (
    correction.changes.counterpartyName !== undefined &&
    correction.changes.destinationCountry === undefined &&
    x.facts.destinationCountry === undefined &&
    oldCountry?.provenance === 'extractor' &&
    typeof oldName === 'string' &&
    deps.screener.screen(oldName).some((h) => h.matchType === 'exact' && h.country === oldCountry.value)
  )
    delete state.facts.destinationCountry;
  const line = renderCorrection(before, correction.changes, deps.ruleSet, lang, deps.content.messages);
  return advance(c, [line]);
}
