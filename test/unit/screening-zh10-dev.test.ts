/**
 * Chinese renderings of non-Chinese entities (issue 13, dev set zh10), on the real lists: a headline's 俄 for 俄罗斯, a
 * university named after a listed body (KAI, named after Tupolev), and a translated Han name that leaves one listed word
 * uncovered (MEPhI against MIPT) — each pinned with the form that must stay found.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { bundled, hardRefs } from '../support/fixtures.ts';

const { screener } = bundled();
const lexicon = new Lexicon(bundledScreeningData()!);

describe('俄 before a Han word is 俄罗斯', () => {
  test('when 俄 opens a name, then it is written out; 俄罗斯 itself is left as it is', () => {
    expect(lexicon.normalizeCjk('俄国防出口公司')).toBe(lexicon.normalizeCjk('俄罗斯国防出口公司'));
    expect(lexicon.normalizeCjk('俄罗斯国防部')).toBe('俄罗斯国防部');
    expect(lexicon.normalizeCjk('俄')).toBe('俄');
  });

  test('when a headline writes 俄, then the Russia list’s entry is found as with 俄罗斯', () => {
    expect(hardRefs(screener, '俄直升机公司')).toContain('jp-ru-specified#40');
    expect(hardRefs(screener, '俄联邦安全局')).toContain('jp-ru-specified#6');
  });
});

describe('a university of its own after a listed name', () => {
  test('when a long university name follows a listed company, then it is at most possible', () => {
    expect(hardRefs(screener, '图波列夫喀山国立技术研究大学')).toEqual([]);
    expect(screener.screen('图波列夫喀山国立技术研究大学').length).toBeGreaterThan(0);
  });

  test('when only 大学 follows, or the company form, then the body is found', () => {
    expect(hardRefs(screener, 'スコルテク大学')).toContain('jp-ru-specified#425');
    expect(hardRefs(screener, '图波列夫公司')).toContain('jp-ru-specified#45');
  });
});

describe('a Han name translated word by word', () => {
  test('when one listed word is left uncovered, then it is at most possible (MEPhI is not MIPT)', () => {
    expect(hardRefs(screener, '莫斯科工程物理学院')).toEqual([]);
    expect(hardRefs(screener, '莫斯科工程物理学院', 'RU')).toEqual([]);
  });

  test('when every word is covered, then it is still a strong match', () => {
    expect(hardRefs(screener, '莫斯科物理技术学院')).toContain('jp-ru-specified#24');
  });
});
