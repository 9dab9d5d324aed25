/**
 * @module screening/han-rendering
 * A Japanese rendering whose katakana are all place names (ハルビン理工大学) is, once the lexicon has put the
 * places in Han, a name in Chinese characters: for an entry that has names in Chinese characters it must meet
 * one of them. The word-by-word translation cannot tell 哈尔滨理工大学 (Harbin University of Science and
 * Technology, unlisted) from 哈尔滨工业大学 (HIT): both become "Harbin" + "Institute of Technology". Such a hit
 * is capped at possible unless the rendering, so folded, is one of the entry's Han names, contains one (a school
 * after it), or is the name the hit was found on.
 *
 * A mixed text is translated the same way: 「ハルビン理工大学（HUST）」, "Harbin理工大学" and "Beijing University of
 * Technology（北京工業大学）" became Harbin / Beijing + "Institute of Technology", a strong hit on HIT or BIT for two
 * unlisted universities. There the Han part must be one of the entry's Han names, begin with one or be a part of one
 * (工業大学 of "Harbin工業大学" is part of 哈尔滨工业大学; 理工大学 is not), unless the Latin words alone find the
 * entry as strongly ("Harbin Institute of Technology 材料学院": the Han part is a faculty).
 */
import type { ScreeningHit } from '../core/decision.ts';
import { asPossible } from './hit-order.ts';
import type { Lexicon } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import { normalizeName } from './normalize.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const KANA = /[\u3041-\u309f\u30a1-\u30fa]/u;
/** What follows a city's name when it is written as an administrative unit (深圳市, 陕西省). */
const PLACE_SUFFIX = /[市省区县]$/u;
const LATIN_LETTER = /\p{L}/u;
/** Runs of Chinese characters and kana, taken out of a mixed text to screen its Latin words alone. */
const HAN_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆ー・（）「」、。]+/gu;
/** A Han name this long identifies its entry at the start of a longer text (哈尔滨工业大学材料学院). */
const CONTAINED_MIN = 4;
/** Countries whose entities are named in Chinese characters. */
const HAN_COUNTRIES = new Set(['CN', 'HK', 'MO', 'TW', 'KP']);

export class HanRenderingGuard {
  /** Normalised Han names by `list#entry`. */
  private readonly hanNames = new Map<string, string[]>();

  constructor(
    lists: readonly ListFile[],
    curated: ReadonlyMap<string, readonly string[]>,
    private readonly lexicon: Lexicon,
  ) {
    for (const list of lists)
      for (const e of list.entries) {
        // Only entities whose own names are in Chinese characters; a Chinese transliteration of a Russian name
        // (莫斯科物理技术学院) is a curated extra, and モスクワ… is compared by sound.
        if (!e.country || !HAN_COUNTRIES.has(e.country)) continue;
        const id = `${list.list}#${e.entry}`;
        const texts = [e.name, ...(e.localName ? [e.localName] : []), ...e.aliases, ...(curated.get(id) ?? [])];
        const han = [...new Set(texts.filter((t) => HAN.test(t) && !KANA.test(t)).map((t) => this.fold(t)))];
        if (han.length) this.hanNames.set(id, han.filter(Boolean));
      }
  }

  private fold(text: string): string {
    return this.lexicon.foldedCjk(text);
  }

  /**
   * `latinAlone` screens the query's Latin words without its Han part (the mixed-text rule); without it, a mixed text
   * is left as it is.
   */
  apply(query: string, hits: ScreeningHit[], latinAlone?: (text: string) => ScreeningHit[]): ScreeningHit[] {
    if (!hits.length) return hits;
    const n = normalizeName(query);
    // Digits are not Latin words (朝鮮第2自然科学院 is a Han name).
    if (n.tokens.some((t) => LATIN_LETTER.test(t)))
      return latinAlone && HAN.test(query) ? this.applyMixed(query, hits, latinAlone) : hits;
    if (n.tokens.length) return hits;
    if (!KANA.test(query)) return hits;
    const q = this.lexicon.normalizeCjk(n.cjk);
    // Katakana left after folding the places is a transliterated name (シャリフ): the sound decides, not this.
    if (!q || KANA.test(q)) return hits;
    return hits.map((h) => {
      if (h.matchType === 'possible') return h;
      const names = this.hanNames.get(`${h.list}#${h.entry}`);
      if (!names?.length) return h;
      const meets = (name: string) => name === q || (name.length >= CONTAINED_MIN && q.startsWith(name));
      if (names.some(meets) || this.fold(h.matchedOn) === q) return h;
      return asPossible(h);
    });
  }

  private isPlace(run: string): boolean {
    return this.lexicon.isHanPlace(run.replace(PLACE_SUFFIX, ''));
  }

  private applyMixed(
    query: string,
    hits: ScreeningHit[],
    latinAlone: (text: string) => ScreeningHit[],
  ): ScreeningHit[] {
    // Each run of Chinese characters on its own: 香港 and 国際貿易 of 「香港KE.DO国際貿易」 are both parts of its name.
    // A run that is only a city (大連 of 「大連LIMMT経貿公司」) says where, not who.
    const runs = [...query.matchAll(HAN_RUN)].map((m) => this.fold(m[0])).filter((r) => r && !this.isPlace(r));
    const q = runs.join('');
    // Katakana left after folding the places is a transliterated name (シャリフ): the sound decides, not this.
    if (!q || KANA.test(q)) return hits;
    let alone: Map<string, ScreeningHit> | undefined;
    return hits.map((h) => {
      if (h.matchType === 'possible') return h;
      const id = `${h.list}#${h.entry}`;
      const names = this.hanNames.get(id);
      if (!names?.length) return h;
      const meets = (name: string) =>
        runs.every((run) => name.includes(run)) || (name.length >= CONTAINED_MIN && q.startsWith(name));
      if (names.some(meets) || this.fold(h.matchedOn) === q) return h;
      // Read once per query, and only when a hit needs it: the Latin words with the Han part taken out.
      alone ??= new Map(latinAlone(query.replace(HAN_RUN, ' ')).map((a) => [`${a.list}#${a.entry}`, a]));
      const latin = alone.get(id);
      return latin && latin.matchType !== 'possible' ? h : asPossible(h);
    });
  }
}
