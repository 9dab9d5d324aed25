/**
 * @module screening/field-institutes
 * Institutes that only their field names (Institute of Solid-State Physics, Software Research Institute, Institute of
 * High Energy Physics): many countries and universities have one of that name, so a hard hit on such an entity is held
 * to possible where the text puts it under another university or academy, or the country given is not its own (dev
 * set fp3: "Institute of Solid State Physics, TU Wien" was a strong hit on the Russia list).
 */
import type { ScreeningHit } from '../core/decision.ts';
import { countryAgrees } from './country-agrees.ts';
import { asPossible } from './hit-order.ts';
import type { Lexicon } from './lexicon.ts';
import { normalizeName, tokenWeight } from './normalize.ts';

/** A university or academy a listed institute's name may be of instead of its own parent (FieldInstitutes.hold). */
const ANOTHER_PARENT =
  /\b(?:universit\w*|univ|academy|akademie|academia|hochschule|college|polytechnic|institute of technology|TU|ETH)\b/iu;

export class FieldInstitutes {
  constructor(
    private readonly lexicon: Lexicon,
    private readonly isPlace: (word: string) => boolean,
  ) {}

  /**
   * `hits` of a Latin text whose `parts` (between delimiters) are given.
   * "Institute of Solid State Physics, TU Wien", "Software Research Institute, Athlone Institute of Technology": a hard
   * hit on an institute's name that only its field tells apart (a listed name without its parent academy, or an
   * institute's name of one distinctive word and no place), in a text that names another university or academy in a
   * part of its own, is held to possible: many a university has an institute of that name. The listed parent
   * (", Russian Academy of Sciences", "RAS") or a place there changes nothing.
   */
  hold(parts: readonly string[], country: string | undefined, hits: ScreeningHit[]): ScreeningHit[] {
    if (!parts.length || !hits.some((h) => h.matchType !== 'possible')) return hits;
    // An entity named by its field alone (Institute of High Energy Physics, Protvino) and a country given that is not
    // its own: the other country's institute of that name (IHEP of Beijing).
    hits = hits.map((h) =>
      h.matchType !== 'possible' &&
      country !== undefined &&
      h.country !== undefined &&
      !countryAgrees(country, h.country) &&
      this.fieldInstitute(normalizeName(h.name.replace(/[(（][^()（）]*[)）]/gu, ' ')).tokens)
        ? asPossible(h)
        : h,
    );
    if (parts.length < 2) return hits;
    return hits.map((h) => {
      if (h.matchType === 'possible') return h;
      const matched = normalizeName(h.matchedOn).tokens;
      const own = this.lexicon.withoutParentTail(h.name);
      const fieldOnly =
        (own !== undefined && normalizeName(own).key === normalizeName(h.matchedOn).key) ||
        this.fieldInstitute(matched);
      if (fieldOnly) {
        const words = new Set(matched);
        const another = parts.some((p) => {
          // The part that is the name, as typed (Aleksandrov for the listed Alexandrov): most of its words.
          const tokens = normalizeName(p).tokens;
          if ([...words].filter((w) => tokens.includes(w)).length * 2 >= words.size) return false;
          return ANOTHER_PARENT.test(p) && !this.lexicon.isParentBody(p);
        });
        if (another) return asPossible(h);
      }
      return h;
    });
  }

  /**
   * An institute's name of one distinctive word at most, ordinary words aside, no place and no university in it
   * (Software Research Institute, Institute of High Energy Physics).
   */
  fieldInstitute(tokens: readonly string[]): boolean {
    if (!tokens.some((t) => t === 'institute' || t === 'laboratory' || t === 'center' || t === 'centre')) return false;
    if (tokens.some((t) => t === 'university' || t === 'academy' || this.isPlace(t))) return false;
    // Ordinary words (High Energy Physics, Solid-State) name a field, not the body.
    const own = (t: string) =>
      tokenWeight(t) >= 0.6 && !this.lexicon.dictionary.has(t) && !this.lexicon.commonWords.has(t);
    return tokens.filter(own).length <= 1;
  }
}
