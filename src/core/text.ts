/**
 * @module core/text
 * Text folding shared by the item catalogue and the country lookup: NFKC (full/half width), case,
 * hiragana→katakana, punctuation to spaces, and a light English plural fold. Pure and deterministic.
 */

const HIRAGANA_START = 0x3041;
const HIRAGANA_END = 0x3096;
const KANA_OFFSET = 0x60;

/** Folds hiragana to katakana so that 「せんい」 and 「センイ」 compare equal. */
export function foldKana(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out += cp >= HIRAGANA_START && cp <= HIRAGANA_END ? String.fromCodePoint(cp + KANA_OFFSET) : ch;
  }
  return out;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヶ]/u;
export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

/** English plural fold applied to whole tokens on both sides, so "lasers" matches "laser". */
function foldPlural(token: string): string {
  if (token.length <= 3 || !/^[a-z]+$/.test(token)) return token;
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (/(ses|xes|zes|ches|shes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us') && !token.endsWith('is')) {
    return token.slice(0, -1);
  }
  return token;
}

/**
 * Normalises free text for matching: NFKC, lower case, kana fold, every run of punctuation or space
 * becomes one space, and the result is padded with spaces so that whole-token search is `includes(' x ')`.
 */
export function normalizeText(input: string, options: { keepKana?: boolean } = {}): string {
  const lower = input.normalize('NFKC').toLowerCase();
  // keepKana: the same text, character for character, with hiragana left as it was.
  // A space where Latin meets CJK, so 「Germanyの大学」 holds the whole token "germany".
  const spaced = lower.replace(
    /([a-z0-9])(?=[\u3040-\u30ff\u3400-\u9fff])|([\u3040-\u30ff\u3400-\u9fff])(?=[a-z0-9])/gu,
    '$1$2 ',
  );
  const folded = (options.keepKana ? spaced : foldKana(spaced))
    .replace(/[ー－―‐-]/gu, 'ー')
    .replace(/[^\p{L}\p{N}ー%.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ');
  const tokens = folded.split(' ').filter(Boolean).map(foldPlural);
  return ` ${tokens.join(' ')} `;
}

/** The same text with every space removed: CJK has no word spaces, so CJK terms match inside it. */
export function squash(normalized: string): string {
  return normalized.replace(/ /g, '');
}
