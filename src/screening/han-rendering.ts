/**
 * @module screening/han-rendering
 * A Japanese rendering whose katakana are all place names (ハルビン理工大学) is, once the lexicon has put the
 * places in Han, a name in Chinese characters: for an entry that has names in Chinese characters it must meet
 * one of them. The word-by-word translation cannot tell 哈尔滨理工大学 (Harbin University of Science and
 * Technology, unlisted) from 哈尔滨工业大学 (HIT): both become "Harbin" + "Institute of Technology". Such a hit
 * is capped at possible unless the rendering, so folded, is one of the entry's Han names, contains one (a school
 * after it), or is the name the hit was found on.
 */
import type { ScreeningHit } from '../core/decision.ts';
import { asPossible } from './hit-order.ts';
import type { Lexicon } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import { normalizeName } from './normalize.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;
const KANA = /[\u3041-\u309f\u30a1-\u30fa]/u;
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
    return this.lexicon.normalizeCjk(normalizeName(text).cjk);
  }

  apply(query: string, hits: ScreeningHit[]): ScreeningHit[] {
    if (!hits.length || !KANA.test(query)) return hits;
    const n = normalizeName(query);
    if (n.tokens.length) return hits;
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
}
