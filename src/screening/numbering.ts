/**
 * @module screening/numbering
 * Institute numbers in Chinese and Japanese names: 第三十五研究所, 第35研究所, 三十五所 and 35所 are one institute, CETC's or
 * CASIC's 35th; 七七一 is 771. Digits before 所/院 are written as kanji numerals where the name is folded (so the CJK
 * part keeps its number where it stands), and the lexicon writes every form as 第…研究所 / 第…研究院. The numbers still
 * have to agree (guards.ts): 第十三 is not 第十.
 */

const KANJI_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十三 → 13, 二十七 → 27, 百 → 100, 七七一 → 771; undefined for anything else. */
export function kanjiNumber(s: string): number | undefined {
  if (!s) return undefined;
  if (/^\d+$/.test(s)) return Number(s);
  // Written digit by digit (七七一 is 771, 八一一 is 811), as Chinese writes institute numbers.
  if (s.length > 1 && !/[十百千]/u.test(s)) {
    let n = 0;
    for (const ch of s) {
      if (!(ch in KANJI_DIGITS)) return undefined;
      n = n * 10 + KANJI_DIGITS[ch]!;
    }
    return n;
  }
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in KANJI_DIGITS) digit = KANJI_DIGITS[ch]!;
    else if (ch === '十' || ch === '百' || ch === '千') {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else return undefined;
  }
  return total + Math.max(digit, 0);
}

const KANJI_DIGIT = '〇一二三四五六七八九';
/** 35 → 三十五, 104 → 一百四: one way of writing each number, which kanjiNumber reads back. */
export function kanjiNumeral(n: number): string {
  if (n < 10) return KANJI_DIGIT[n]!;
  let out = '';
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let rest = n;
  for (const [u, ch] of units) {
    const d = Math.floor(rest / u);
    if (d) out += (d === 1 && u === 10 && !out ? '' : KANJI_DIGIT[d]!) + ch;
    rest %= u;
  }
  return rest ? out + KANJI_DIGIT[rest]! : out;
}

/** A number in digits that numbers an institute in CJK (第35研究所, 35所, 14研究院). */
const DIGIT_INSTITUTE = /(第\s*)?(\d{1,4})\s*(?=[研硏]究[所院]|所|院)/gu;

/**
 * Digits numbering an institute written as kanji numerals (第35研究所 and 35所 → 第三十五…, as 第三十五研究所 is),
 * so that the CJK part keeps its number where it stands; the lexicon then writes 三十五所 and 第三十五研究所 alike.
 */
export function institutesInKanji(text: string): string {
  // 〇 (and ○, as typed for it) sits outside the Han block a CJK run is read from: in an institute's number (六〇七所,
  // 第七〇二研究所) it is written 零, which is, so 607 stays 607 and not 67.
  const zeros = /[〇○]/u.test(text) ? text.replace(ZERO_IN_NUMBER, (run) => run.replace(/[〇○]/gu, '零')) : text;
  if (!/\d/.test(zeros)) return zeros;
  return zeros.replace(DIGIT_INSTITUTE, (_, _d, digits: string) => `第${kanjiNumeral(Number(digits))}`);
}

/** A kanji number holding 〇 or ○ before 研究所 / 研究院 / 所 / 院 (六〇七所, 第七〇二研究所). */
const ZERO_IN_NUMBER =
  /[一二三四五六七八九十百千〇○零]*[〇○][一二三四五六七八九十百千〇○零]*(?=[研硏]究[所院]|所|院)/gu;

// On folded text 研究所 is 硏究所 (opencc's traditional 研): both are read, and the folded form is written.
const NUMBERED_INSTITUTE = /第?([〇零一二三四五六七八九十百千]+)([研硏]究所|[研硏]究院|所|院)/gu;

/** 十四所, 第十四所 and 第十四研究所 (folded text) as 第十四硏究所; 二院 as 第二硏究院. */
export function numberedInstitutes(s: string): string {
  if (!/[所院]/u.test(s)) return s;
  return s.replace(NUMBERED_INSTITUTE, (_, num: string, kind: string) => {
    const n = kanjiNumber(num);
    return `第${n === undefined ? num : kanjiNumeral(n)}${kind.endsWith('所') ? '硏究所' : '硏究院'}`;
  });
}
