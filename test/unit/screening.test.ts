import { describe, expect, test } from 'vitest';
import { bundled } from '../support/fixtures.ts';

// Built once, outside any test's time: the index of the real lists takes a while on a loaded machine.
const { screener } = bundled();
const screen = (name: string, country?: string) => screener.screen(name, country);
const top = (name: string, country?: string) => screen(name, country)[0];

describe('screening on the real lists', () => {
  test.each([
    ['Harbin Institute of Technology', 541],
    ['哈尔滨工业大学', 541],
    ['哈爾浜工業大学', 541],
    ['哈爾濱工業大學', 541],
    ['harbin institute of technology co., ltd.', 541],
    ['Harbn Institute of Technology', 541],
    ['Beihang University', 501],
    ['北京理工大学', 494],
    ['National Univ. of Defense Technology', 553],
    ['NUDT', 553],
    ['国防科学技术大学', 553],
  ])('when the query is %s, then EUL No.%i is found', (query, entry) => {
    const hit = top(query);
    expect(hit?.list).toBe('jp-eul');
    expect(hit?.entry).toBe(entry);
    expect(['exact', 'strong']).toContain(hit?.matchType);
  });

  test.each([
    ['哈爾浜工業大学', 541, 540],
    ['常州連拓複合材料有限公司', 504, undefined],
    ['北京理工大学', 494, 556],
  ])('when the query is %s, then it finds EUL No.%i and not the one-word-different No.%s', (query, entry, not) => {
    const hits = screen(query).map((h) => h.entry);
    expect(hits).toContain(entry);
    expect(hits).not.toContain(not);
  });

  test('when the query is MIPT, then the Russian specified entity is found', () => {
    expect(screen('MIPT').map((h) => [h.list, h.entry, h.matchType])).toContainEqual(['jp-ru-specified', 24, 'exact']);
  });

  test.each([
    'Harbin Medical University',
    'Nanjing University',
    'Northwestern University',
    'University',
    '大学',
    'Trading Company',
    'Hitachi',
    'Tsinghua University',
    '西北大学',
    '哈尔滨医科大学',
  ])('when the query is the unlisted %s, then nothing matches', (query) => {
    expect(screen(query)).toEqual([]);
  });

  test('when a country is given, then it narrows fuzzy matches but never hides an exact one', () => {
    expect(top('Harbin Institute of Technology', 'US')?.entry).toBe(541);
    expect(screen('Harbn Institute of Technology', 'US')).toEqual([]);
  });

  test('when the query is empty, huge or full of control characters, then the answer is clear and nothing crashes', () => {
    expect(screen('')).toEqual([]);
    expect(screen('\u0000\u0007\u001b')).toEqual([]);
    expect(Array.isArray(screen('Harbin '.repeat(1500)))).toBe(true);
    expect(top('Harbin\u0000 Institute of Technology')?.entry).toBe(541);
  });
});
