/**
 * Han text in toneless pinyin (pinyin.ts), at its public functions: each character's readings, the one read in
 * context first and no reading twice; ü in the lists' three spellings; the spellings of a run, the context
 * reading first and at most `max` (MAX_SPELLINGS by default); nothing for a run that is not all Han.
 */
import { describe, expect, test } from 'vitest';
import { MAX_SPELLINGS, pinyinKey, pinyinSpellings, readings } from '../../src/screening/pinyin.ts';

describe('readings', () => {
  test('when a character has several readings, then the one read in context comes first, each once', () => {
    expect(readings('长')).toEqual([['chang', 'zhang']]);
    expect(readings('重庆')).toEqual([['chong', 'zhong'], ['qing']]);
    expect(readings('重型')).toEqual([['zhong', 'chong'], ['xing']]);
  });

  test('when a reading has ü, then it is offered as u, v and yu, in that order', () => {
    expect(readings('绿绿')).toEqual([
      ['lu', 'lv', 'lyu'],
      ['lu', 'lv', 'lyu'],
    ]);
  });

  test('when a run holds kana or upper-case Latin, then it has no readings, asked once or twice', () => {
    expect(readings('ハ')).toBeUndefined();
    expect(readings('ハ')).toBeUndefined();
    expect(readings('欧赛A')).toBeUndefined();
    expect(pinyinKey('ハルビン')).toBeUndefined();
  });

  test('when a run is empty, then it has no characters to read', () => {
    expect(readings('')).toEqual([]);
    expect(pinyinKey('')).toBe('');
    expect(pinyinSpellings('')).toEqual(['']);
  });

  test('when a run is traditional, then it is read as its simplified form', () => {
    expect(pinyinKey('車')).toBe('che');
    expect(readings('長光')).toEqual(readings('长光'));
  });
});

describe('spellings', () => {
  test('when a run is spelled, then the context reading comes first, then the others in order', () => {
    expect(pinyinSpellings('长光')).toEqual(['changguang', 'zhangguang']);
    expect(pinyinSpellings('长长', 3)).toEqual(['changchang', 'changzhang', 'zhangchang']);
  });

  test('when there are more spellings than the cap, then exactly the cap are kept', () => {
    expect(MAX_SPELLINGS).toBe(32);
    // 长 has two readings: six of them make 64 spellings.
    const all = pinyinSpellings('长长长长长长');
    expect(all).toHaveLength(MAX_SPELLINGS);
    expect(all[0]).toBe('changchangchangchangchangchang');
    expect(new Set(all).size).toBe(MAX_SPELLINGS);
    expect(pinyinSpellings('长长长长长长', 4)).toHaveLength(4);
    expect(pinyinSpellings('长长', 1)).toEqual(['changchang']);
  });

  test('when the run is not all Han, then it has no spellings', () => {
    expect(pinyinSpellings('欧赛A')).toEqual([]);
    expect(pinyinSpellings('ハルビン')).toEqual([]);
  });
});
