/**
 * Institute numbers in CJK names (numbering.ts), at its public functions: kanji numerals read (positional and
 * digit by digit) and written, digits before 所/院 written in kanji, and every numbered form written as 第…硏究所 /
 * 第…硏究院. Values worked out by hand.
 */
import { describe, expect, test } from 'vitest';
import { institutesInKanji, kanjiNumber, kanjiNumeral, numberedInstitutes } from '../../src/screening/numbering.ts';

describe('kanji numerals read', () => {
  test.each([
    ['十', 10],
    ['十三', 13],
    ['二十七', 27],
    ['百', 100],
    ['百五', 105],
    ['一百四', 104],
    ['二百', 200],
    ['三千', 3000],
    ['千二百三十四', 1234],
    ['九', 9],
    ['〇', 0],
    ['零', 0],
    ['12', 12],
  ])('when %s is read, then it is %i', (s, n) => {
    expect(kanjiNumber(s)).toBe(n);
  });

  test('when the numeral is written digit by digit, then each digit is a place', () => {
    expect(kanjiNumber('七七一')).toBe(771);
    expect(kanjiNumber('八一一')).toBe(811);
    expect(kanjiNumber('一〇')).toBe(10);
    expect(kanjiNumber('二零')).toBe(20);
  });

  test('when it holds anything but numerals, then it is not a number', () => {
    expect(kanjiNumber('')).toBeUndefined();
    expect(kanjiNumber('x')).toBeUndefined();
    expect(kanjiNumber('十x')).toBeUndefined();
    expect(kanjiNumber('七x')).toBeUndefined();
    expect(kanjiNumber('1十')).toBeUndefined();
  });
});

describe('kanji numerals written', () => {
  test.each([
    [0, '〇'],
    [9, '九'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [104, '一百四'],
    [110, '一百一十'],
    [1000, '一千'],
    [1010, '一千一十'],
    [2105, '二千一百五'],
  ])('when %i is written, then it is %s, read back as itself', (n, s) => {
    expect(kanjiNumeral(n)).toBe(s);
    expect(kanjiNumber(s)).toBe(n);
  });
});

describe('institute numbers in digits', () => {
  test('when digits number an institute, then they are written in kanji after 第', () => {
    expect(institutesInKanji('第35研究所')).toBe('第三十五研究所');
    expect(institutesInKanji('35所')).toBe('第三十五所');
    expect(institutesInKanji('第 35 研究院')).toBe('第三十五研究院');
    expect(institutesInKanji('14院')).toBe('第十四院');
    expect(institutesInKanji('35硏究所')).toBe('第三十五硏究所');
    expect(institutesInKanji('中国电科14所と35所')).toBe('中国电科第十四所と第三十五所');
  });

  test('when digits number something else, or there are none, then the text is left as it is', () => {
    expect(institutesInKanji('CETC 14')).toBe('CETC 14');
    expect(institutesInKanji('35号')).toBe('35号');
    expect(institutesInKanji('研究所')).toBe('研究所');
  });
});

describe('numbered institutes in kanji', () => {
  test('when an institute is numbered in any form, then it is written 第…硏究所 or 第…硏究院', () => {
    expect(numberedInstitutes('十四所')).toBe('第十四硏究所');
    expect(numberedInstitutes('第十四所')).toBe('第十四硏究所');
    expect(numberedInstitutes('第十四研究所')).toBe('第十四硏究所');
    expect(numberedInstitutes('第十四硏究所')).toBe('第十四硏究所');
    expect(numberedInstitutes('二院')).toBe('第二硏究院');
    expect(numberedInstitutes('第十四研究院')).toBe('第十四硏究院');
    expect(numberedInstitutes('百所')).toBe('第一百硏究所');
  });

  test('when the number is written digit by digit, then it is written positionally', () => {
    expect(numberedInstitutes('第七七一研究所')).toBe('第七百七十一硏究所');
    expect(numberedInstitutes('七七一所')).toBe('第七百七十一硏究所');
  });

  test('when nothing is a numbered institute, then the text is left as it is', () => {
    expect(numberedInstitutes('十四号')).toBe('十四号');
    expect(numberedInstitutes('中国航天')).toBe('中国航天');
    expect(numberedInstitutes('研究所')).toBe('研究所');
  });
});
