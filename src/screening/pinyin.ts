/**
 * @module screening/pinyin
 * Han text romanised as the lists write Chinese names in Latin letters: toneless Hanyu Pinyin, one syllable per
 * character, the syllables of a name joined (嘉源 → jiayuan, 中融通 → zhongrongtong). pinyin-pro reads each
 * character in its context (重庆 chongqing, 重型 zhongxing); a name's other readings are offered too (长 chang/zhang),
 * because a trade name is not a dictionary word. Traditional and Japanese forms are folded to simplified first
 * (陝西重型汽車 would read 車 as the chess piece ju). ü is also written u, v and yu, as lists spell it.
 */
import { pinyin, polyphonic } from 'pinyin-pro';
import { foldCjk } from './normalize.ts';

/** A character pinyin-pro could read: anything else (kana, Latin, digits) is returned as it is. */
const SYLLABLE = /^[a-zü]+$/u;
/** Spellings of one run beyond this count are not enumerated: the reading in context and the first others. */
export const MAX_SPELLINGS = 32;

const CACHE_LIMIT = 20_000;
const cache = new Map<string, string[][] | undefined>();

/** ü as lists write it: lü is lu, lv or lyu. */
function umlautForms(syllable: string): string[] {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a speed path; without ü the three replacements are the syllable itself, and readings() keeps each spelling once.
  if (!syllable.includes('ü')) return [syllable];
  return [syllable.replace(/ü/gu, 'u'), syllable.replace(/ü/gu, 'v'), syllable.replace(/ü/gu, 'yu')];
}

/**
 * Each character's toneless readings, the one read in context first; undefined when a character is not Han
 * (the run is not a Chinese name). Memoised: the same names are read again with every query.
 */
export function readings(han: string): string[][] | undefined {
  const hit = cache.get(han);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the memo; reading the run again gives the same readings.
  if (hit !== undefined || cache.has(han)) return hit;
  const simplified = foldCjk(han);
  const context = pinyin(simplified, { toneType: 'none', type: 'array' });
  const others = polyphonic(simplified, { toneType: 'none', type: 'array' });
  let out: string[][] | undefined = [];
  if (context.length !== [...simplified].length) out = undefined;
  else
    for (let i = 0; i < context.length; i++) {
      const first = context[i]!;
      if (!SYLLABLE.test(first)) {
        out = undefined;
        break;
      }
      const all = [first, ...(others[i] ?? [])].filter((s) => SYLLABLE.test(s)).flatMap(umlautForms);
      out.push([...new Set(all)]);
    }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the memo's bound; clearing it sooner or never changes no reading.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(han, out);
  return out;
}

/** The run in pinyin as read in context, syllables joined (中融通 → zhongrongtong); undefined if not all Han. */
export function pinyinKey(han: string): string | undefined {
  return readings(han)
    ?.map((r) => r[0]!)
    .join('');
}

/**
 * The run's spellings with the syllables joined: the reading in context first, then the other readings of each
 * character, at most `max` in all (a long name keeps its context reading and the first variants).
 */
export function pinyinSpellings(han: string, max = MAX_SPELLINGS): string[] {
  const rs = readings(han);
  if (!rs) return [];
  let out = [''];
  for (const r of rs) {
    const next: string[] = [];
    for (const prefix of out) for (const s of r) if (next.length < max) next.push(prefix + s);
    out = next;
  }
  return out;
}
