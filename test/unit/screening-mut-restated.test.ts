/**
 * A name written twice, the second time in brackets (restated-name.ts), through the public screener on a small
 * list: when both parts alone find the same entry, it is found, as strong as the better part but never exact;
 * parts naming different entries, a part that finds nothing, or text that is not "A（B）" add nothing.
 */
import { describe, expect, test } from 'vitest';
import { list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Qarvel Aeronautics Academy', localName: '卡尔维尔航空学院', aliases: ['卡航院'], country: 'CN' },
      { name: 'Zentharo Ubrel Works', localName: '泽塔罗乌布雷尔工厂', country: 'RU' },
      { name: 'Dravonel', localName: '德拉沃内尔', country: 'RU' },
    ],
    'test-list',
  ),
]);
const found = (name: string, country?: string) =>
  screen(name, country).map((h) => [h.entry, h.matchType, h.score, h.matchedOn]);

describe('a name restated in brackets', () => {
  test('when each part alone finds the entry, then it is found, strong at 0.95, on the better part', () => {
    // Without a country the short name 卡航院 is only possible; the bracketed full name is exact, so it is kept.
    expect(found('卡航院（卡尔维尔航空学院）')).toEqual([[1, 'strong', 0.95, '卡尔维尔航空学院']]);
    expect(found('卡航院(卡尔维尔航空学院)')).toEqual([[1, 'strong', 0.95, '卡尔维尔航空学院']]);
    expect(found(' 卡航院 （ 卡尔维尔航空学院 ） ')).toEqual([[1, 'strong', 0.95, '卡尔维尔航空学院']]);
  });

  test('when both parts are as strong, then the part outside the brackets is the one kept', () => {
    expect(found('卡航院（卡尔维尔航空学院）', 'CN')).toEqual([[1, 'strong', 0.95, '卡航院']]);
  });

  test('when both parts are only possible, then the entry is possible, not raised', () => {
    expect(found('卡航院（卡航院）')).toEqual([[1, 'possible', 0.8, '卡航院']]);
  });

  test('when the whole query finds the entry more strongly, then that hit is kept', () => {
    expect(found('Dravonel（德拉沃内尔）')).toEqual([[3, 'strong', 1, '德拉沃内尔']]);
  });

  test('when the parts find different entries, or one finds nothing, then nothing is added', () => {
    // The restated-name rule adds nothing; each part is still screened on its own as a span (spans.ts).
    expect(found('卡航院（泽塔罗乌布雷尔工厂）')).toEqual([
      [2, 'strong', 0.95, '泽塔罗乌布雷尔工厂'],
      [1, 'possible', 0.8, '卡航院'],
    ]);
    expect(found('東京（卡尔维尔航空学院）')).toEqual([]);
    expect(found('卡航院（東京）')).toEqual([]);
  });

  test('when the text is not one name and one bracket, then it is not read as restated', () => {
    expect(found('卡航院（卡尔维尔航空学院）（x）')).toEqual([]);
    // Not a restatement; the listed name in the brackets is a span of its own, never exact (spans.ts).
    expect(found('卡（卡尔维尔航空学院）')).toEqual([[1, 'strong', 0.95, '卡尔维尔航空学院']]);
    expect(found('X（Y）卡航院（卡尔维尔航空学院）')).toEqual([]);
  });
});
