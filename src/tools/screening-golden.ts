/**
 * @module tools/screening-golden
 * Builds the screening golden set from the real lists: perturbed forms of every listed entry (an alias, case
 * and punctuation, a dropped letter, the legal form swapped, the CJK name in Japanese and in simplified
 * Chinese forms) and real institutions that are not listed. Deterministic: the same lists give the same set.
 */
import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { bundledScreeningData } from '../screening/bundled.ts';
import { type ScreeningGoldenCase, ScreeningGoldenCaseSchema, type VariantKind } from '../screening/golden-eval.ts';
import { Lexicon } from '../screening/lexicon.ts';
import type { ListFile } from '../screening/list-schema.ts';

const toJapanese = OpenCC.Converter({ from: 'cn', to: 'jp' });
const toSimplified = OpenCC.Converter({ from: 'jp', to: 'cn' });

const LEGAL_SWAPS: [RegExp, string][] = [
  [/\bco\.?,?\s*ltd\.?/i, 'Limited'],
  [/\bllc\b/i, 'Ltd.'],
  [/\bojsc\b/i, 'JSC'],
  [/\bjsc\b/i, 'OJSC'],
  [/\booo\b/i, 'LLC'],
  [/\binc\b\.?/i, 'Corp.'],
  [/\bgmbh\b/i, 'AG'],
  [/株式会社/, '有限公司'],
  [/有限公司/, '株式会社'],
];

/** Removes the middle letter of the longest word of at least six letters (a typical typo). */
function dropLetter(name: string): string | undefined {
  const words = name.split(/\s+/);
  let longest = -1;
  words.forEach((w, i) => {
    if (/^[A-Za-z]{6,}$/.test(w) && (longest < 0 || w.length > words[longest]!.length)) longest = i;
  });
  if (longest < 0) return undefined;
  const w = words[longest]!;
  const mid = Math.floor(w.length / 2);
  words[longest] = w.slice(0, mid) + w.slice(mid + 1);
  return words.join(' ');
}

function swapLegalForm(name: string): string {
  for (const [pattern, replacement] of LEGAL_SWAPS) if (pattern.test(name)) return name.replace(pattern, replacement);
  return /[\u3040-\u9fff]/.test(name) ? `${name}有限公司` : `${name} Co., Ltd.`;
}

/** Upper case without punctuation on even entries, lower case with extra spacing on odd ones. */
function casePunct(name: string, i: number): string {
  return i % 2 === 0
    ? name
        .toUpperCase()
        .replace(/[.,'’()（）"-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : name.toLowerCase().replace(/\s+/g, '  ');
}

/** Whether a name is only a parent body (rules/screening/words.yaml parentBodies), by the shipped data. */
function shippedParentBody(): (name: string) => boolean {
  const data = bundledScreeningData();
  const lexicon = data ? new Lexicon(data) : undefined;
  return (name) => lexicon?.isParentBody(name) ?? false;
}

/**
 * A local name that is only a parent body (entry 347's 「ロシア科学アカデミーシベリア支部」) names no one entry:
 * the matcher does not take it as the entry's name, so it is no case of finding the entry.
 */
export function buildScreeningGolden(
  lists: readonly ListFile[],
  unlisted: readonly string[],
  isParentBody: (name: string) => boolean = shippedParentBody(),
): ScreeningGoldenCase[] {
  const cases: ScreeningGoldenCase[] = [];
  const seen = new Set<string>();
  const add = (query: string | undefined, kind: VariantKind, expect?: ScreeningGoldenCase['expect']) => {
    if (!query?.trim()) return;
    const key = `${kind}\u0000${query}\u0000${expect?.list}:${expect?.entry}`;
    if (seen.has(key)) return;
    seen.add(key);
    cases.push({ query, kind, ...(expect ? { expect } : {}) });
  };
  for (const list of lists) {
    list.entries.forEach((e, i) => {
      const expect = { list: list.list, entry: e.entry };
      add(casePunct(e.name, i), 'case-punct', expect);
      for (const alias of e.aliases.slice(0, 2)) add(casePunct(alias, i + 1), 'alias', expect);
      add(dropLetter(e.name), 'dropped-letter', expect);
      add(swapLegalForm(e.name), 'legal-swap', expect);
      if (e.localName && /[\u3400-\u9fff]/.test(e.localName) && !isParentBody(e.localName)) {
        const ja = toJapanese(e.localName);
        const zh = toSimplified(e.localName);
        add(ja, 'cjk-ja', expect);
        if (zh !== ja) add(zh, 'cjk-simplified', expect);
      }
    });
  }
  for (const name of unlisted) add(name, 'unlisted');
  return cases;
}

/** The unlisted-institutions source: one name per line, `#` comments. */
export function parseUnlisted(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Reads the JSON-lines golden file, each line validated; a bad line fails as `file: line N: message`. */
export function readScreeningGolden(file: string): ScreeningGoldenCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const r = ScreeningGoldenCaseSchema.safeParse(JSON.parse(line));
      if (!r.success) throw new Error(`${file}: line ${i + 1}: ${r.error.issues[0]?.message}`);
      return r.data;
    });
}
