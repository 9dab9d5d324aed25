/**
 * @module screening/guards
 * What keeps an innocent partner from a hard hit, applied to a scored name: numbers must agree (第十三研究所 is
 * not 第十研究所, CETC 14 is not CETC 10); a country given with the query must be the entity's; a short name
 * (STAR, Center, センター) is at most possible outside its country; a country or place of another country named
 * in the query vetoes the hit.
 */

import { countryAgrees } from './country-agrees.ts';
import { sameFirstVowel } from './latin-score.ts';
import type { Lexicon } from './lexicon.ts';
import type { IndexedName } from './name-index.ts';
import type { Query } from './query.ts';

/**
 * Whether both sides carry numbers and none is shared: another institution of a numbered series. Where both name
 * an institute's own number (三院三十四所, 三院33所), that one must be shared: the academy's alone is not enough.
 */
export function numbersDisagree(q: Query, n: IndexedName): boolean {
  if (n.numbers.size === 0 || q.numbers.size === 0) return false;
  if (n.instituteNumbers.size && q.instituteNumbers.size)
    return ![...n.instituteNumbers].some((x) => q.instituteNumbers.has(x));
  for (const x of n.numbers) if (q.numbers.has(x)) return false;
  return true;
}

/** Whether the name carries a number the query does not: at most possible. */
export function numberMissing(q: Query, n: IndexedName): boolean {
  return n.numbers.size > 0 && q.numbers.size === 0;
}

/**
 * `drop` when the hit must go, `cap` when it is at most possible, `pass` otherwise; for a hit at or above the
 * possible threshold, `exact` saying whether it is the listed spelling itself.
 */
export function guardHit(
  q: Query,
  n: IndexedName,
  entryCountry: string | undefined,
  country: string | undefined,
  exact: boolean,
): 'drop' | 'cap' | 'pass' {
  if (country && entryCountry && !countryAgrees(country, entryCountry) && !exact) return 'drop';
  let cap = false;
  // A short name (STAR, Center, センター) is more than possible only where its country is; a country or national
  // academy named in the query vetoes a hard match to another country's entity.
  if (n.short && (!country || !entryCountry || !countryAgrees(country, entryCountry))) {
    // A one-word name met only by its sound in katakana must also start with the same vowel: ミクロン is
    // "Mikron", オラクル is not "Airkoryo".
    if (!exact && q.norm.tokens.length === 0 && n.norm.tokens.length > 0 && !sameFirstVowel(q, n)) return 'drop';
    cap = true;
  }
  const other = otherCountryNamed(q, n, entryCountry);
  if (other === 'marker') return 'drop';
  return cap || other === 'place' ? 'cap' : 'pass';
}

/**
 * Whether the query names countries and the entity's is not among them: `marker` (the hit goes) when a country or
 * national academy, or a place of another country around the name, says so ("…, The University of Tokyo"). A
 * country word of the listed name itself ("Iran" in "Iran Electronic Industries") is the name, not where the query
 * puts it; when only that word named the entity's country, another country ("…, China") is `marker` and a place of
 * another country ("Iran Electronics Industries, Beijing") `place`: at most possible, not dropped (it may be a
 * branch or an address abroad).
 */
function otherCountryNamed(q: Query, n: IndexedName, entryCountry: string | undefined): 'marker' | 'place' | undefined {
  if (!entryCountry) return undefined;
  const places = new Set<string>();
  // A place of another country around the name counts too.
  for (const t of q.places) if (!t.alts.some((a) => n.norm.tokens.includes(a))) places.add(t.placeCountry!);
  if (q.countries.size === 0 && places.size === 0) return undefined;
  const all = new Set([...q.countries, ...places]);
  if (!inCountry(all, entryCountry)) return 'marker';
  // The entity's country was named: by the query, or only by the name's own country word?
  const markers = new Set([...q.countries].filter((c) => !n.countries.has(c)));
  const rest = new Set([...markers, ...places]);
  if (rest.size === 0 || inCountry(rest, entryCountry)) return undefined;
  return markers.size > 0 ? 'marker' : 'place';
}

/** Whether the countries named include the entity's (country-agrees: Hong Kong and Macau meet CN). */
function inCountry(named: ReadonlySet<string>, entryCountry: string): boolean {
  for (const c of named) if (countryAgrees(c, entryCountry)) return true;
  return false;
}

/**
 * A listed sub-institute and a query under the same parent body (ロシア科学アカデミー固体物理学研究所 and
 * ロシア科学アカデミー一般物理学研究所; 中国科学院… institutes): the parent says nothing about which institute,
 * so the parts after it decide. `drop` when the listed part has two or more characters the query's part lacks
 * and the query's part has one of its own (another institute of the same academy), `cap` when one character
 * differs (a typo or a variant, for a person to look at), `pass` when the query's part only leaves characters
 * out (半導体物理研究所 for 半導体物理学研究所) or no parent body is shared.
 */
export function siblingUnderParent(q: Query, n: IndexedName, lexicon: Lexicon): 'drop' | 'cap' | 'pass' {
  const parent = lexicon.parentPrefix(n.cjk);
  if (!parent || !q.cjk.includes(parent)) return 'pass';
  const nameRest = lexicon.core(n.cjk.slice(parent.length));
  const queryRest = lexicon.core(q.cjk.slice(q.cjk.indexOf(parent) + parent.length));
  if (!nameRest || queryRest.includes(nameRest)) return 'pass';
  const nameOnly = [...nameRest].filter((c) => !queryRest.includes(c)).length;
  const queryOnly = [...queryRest].filter((c) => !nameRest.includes(c)).length;
  if (nameOnly >= 2 && queryOnly >= 1) return 'drop';
  return nameOnly >= 1 && queryOnly >= 1 ? 'cap' : 'pass';
}
