/**
 * @module screening/jaro-winkler
 * Jaro-Winkler similarity (0..1) for single tokens; small and allocation-light because it runs in the
 * hot loop of every query.
 */
/** Scratch buffers reused by every call (screening is synchronous): no allocation per token pair. */
let aMatch = new Uint8Array(64);
let bMatch = new Uint8Array(64);
let prev2 = new Int32Array(64);
let prev = new Int32Array(64);
let cur = new Int32Array(64);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a speed path; with an empty side nothing matches and `matches === 0` below returns 0 too.
  if (la === 0 || lb === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (aMatch.length < la) aMatch = new Uint8Array(la * 2);
  if (bMatch.length < lb) bMatch = new Uint8Array(lb * 2);
  aMatch.fill(0, 0, la);
  bMatch.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition). Jaro-Winkler alone rewards a
 * shared prefix so much that "Novartis" passes for "Novastrim"; a typo is one or two edits, not four.
 */
export function editDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (prev.length < lb + 1) {
    prev2 = new Int32Array((lb + 1) * 2);
    prev = new Int32Array((lb + 1) * 2);
    cur = new Int32Array((lb + 1) * 2);
  }
  // Stryker disable next-line ArithmeticOperator: prev2 is first read on the third row, after the swaps have overwritten it; how much is cleared changes nothing.
  prev2.fill(0, 0, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      // Stryker disable next-line LogicalOperator: at i = 1 or j = 1 the index -1 reads undefined, which equals no character.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[lb]!;
}
