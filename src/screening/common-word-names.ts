/**
 * @module screening/common-word-names
 * Listed names made only of ordinary words ("Insight Enterprises Inc." on the EUL is a Pakistani company;
 * "Future Systems", "Golden Star", "General Technology Limited") are also the names of innocent companies
 * elsewhere: Insight Enterprises is a US IT firm. Such a name proves the entity only together with its country.
 * So an exact or strong hit on such a name stands when the query's country is the entry's; with another country,
 * or none, it is a possible match for a person to look at — never dropped, since a front company may be named
 * with the wrong country, and a missed listed entity is worse than an officer's look.
 * The ordinary words are data (words.yaml: dictionaryWords and commonNameWords) and the generic words. A place
 * or country is not an ordinary word: "Beijing Institute of Technology" names one university.
 */
import type { ScreeningHit } from '../core/decision.ts';
import { countryAgrees } from './country-agrees.ts';
import type { ScreeningData } from './data.ts';
import { asPossible, compareHits } from './hit-order.ts';
import type { Lexicon } from './lexicon.ts';
import { GENERIC_LATIN, normalizeName, tokenWeight } from './normalize.ts';

export class CommonWordNames {
  private readonly ordinary: Set<string>;
  private readonly verdicts = new Map<string, boolean>();

  constructor(
    data: ScreeningData | undefined,
    private readonly lexicon: Lexicon,
  ) {
    const words = data?.words;
    // A country or place word is what makes "Iran Electronics Industries" or "Beijing Institute of Technology"
    // one body: never ordinary, though the matcher weighs "iran" and "china" as generic.
    const gazetteer = data?.gazetteer;
    const placeWords = new Set(
      [
        ...(gazetteer?.places ?? []).flatMap((p) => p.latin),
        ...(gazetteer?.nationalMarkers ?? []).flatMap((m) => m.names),
      ].flatMap((n) => n.toLowerCase().split(/\s+/u)),
    );
    this.ordinary = new Set(
      [...GENERIC_LATIN, ...(words?.dictionaryWords ?? []), ...(words?.commonNameWords ?? [])]
        .map((w) => w.toLowerCase())
        .filter((w) => !placeWords.has(w)),
    );
  }

  /**
   * Whether every word that counts in `name` is an ordinary word (a Latin name; CJK names are left alone). A lone
   * letter is no more distinctive: "H and A International" (EUL, Pakistan) is not "H-International School".
   */
  isCommonWorded(name: string): boolean {
    const known = this.verdicts.get(name);
    if (known !== undefined) return known;
    const n = normalizeName(name);
    const content = n.tokens.filter((t) => tokenWeight(t) > 0);
    const verdict = !n.cjk && content.length > 0 && content.every((t) => this.ordinary.has(t) || /^\p{L}$/u.test(t));
    this.verdicts.set(name, verdict);
    return verdict;
  }

  /**
   * `country` is the counterparty's country as given; a country the query itself names ("…, Russian Academy of
   * Sciences", 「イランの…」) agrees as well.
   */
  apply(query: string, country: string | undefined, hits: ScreeningHit[]): ScreeningHit[] {
    if (this.ordinary.size === 0 || hits.length === 0) return hits;
    let named: Set<string> | undefined;
    const agrees = (c: string | undefined) => {
      if (!c) return false;
      if (country && countryAgrees(country, c)) return true;
      named ??= this.lexicon.namedCountries(query, this.lexicon.foldedCjk(query));
      return named.has(c);
    };
    let changed = false;
    const graded = hits.map((h) => {
      if (h.matchType === 'possible' || !this.isCommonWorded(h.matchedOn) || agrees(h.country)) return h;
      changed = true;
      return asPossible(h);
    });
    // Best first again: a demoted hit may now rank below another entry's.
    return changed ? graded.sort(compareHits) : hits;
  }
}
