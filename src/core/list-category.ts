/**
 * @module core/list-category
 * The 項 of the control list, read the way the law writes it: 「別表第1の5項」「輸出令別表第一の3の2項」
 * 「第6項」「15」 and the half-read 「1の5」 (「別表第1の5項」 with its table number left on) all name an item of
 * 輸出令別表第1 / 外為令別表. Only 3の2 has a sub-item there, so "1のN" is always table 1's item N.
 */

const ITEM = /^(1[0-6]|[1-9])(の[0-9]+)?$/;
const KANJI: Record<string, string> = {
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

function kanjiNumber(s: string): string {
  // 十五 → 15, 十 → 10, 五 → 5 (items go up to 16).
  return s
    .replace(/([一二三四五六七八九]?)十([一二三四五六七八九]?)/g, (_m, a: string, b: string) =>
      String((a ? Number(KANJI[a]) : 1) * 10 + (b ? Number(KANJI[b]) : 0)),
    )
    .replace(/[一二三四五六七八九]/g, (c) => KANJI[c]!);
}

/** The canonical 項 ("5", "3の2", "15"), or undefined when the text names none. */
export function normalizeListCategory(text: string): string | undefined {
  let t = kanjiNumber(text.normalize('NFKC').replace(/\s+/g, ''));
  t = t.replace(/^(輸出貿易管理令|輸出令|外国為替令|外為令)/, '');
  // 輸出令別表第1 and 外為令別表 hold the 項; another table (別表第2の3, 別表第3) names no 項 of the list.
  if (/^別表第?1の?/.test(t)) t = t.replace(/^別表第?1の?/, '');
  else if (t.startsWith('別表の')) t = t.slice(3);
  else if (t.startsWith('別表')) return undefined;
  const m = /^第?(\d{1,2})(?:(?:の|-|_|\.)(\d{1,2}))?(?:項|$)/.exec(t);
  if (!m) return undefined;
  let value = m[2] ? `${m[1]}の${m[2]}` : m[1]!;
  // 「1の5」 is 「別表第1の5項」 read with its table number: table 1 has no item 1の5.
  const half = /^1の(\d{1,2})$/.exec(value);
  if (half) value = half[1]!;
  return ITEM.test(value) ? value : undefined;
}
