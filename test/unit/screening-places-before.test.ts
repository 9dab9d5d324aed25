/**
 * Places before a Chinese name (issue 13): places alone before a space, or one place glued before a name that says
 * its own place or country, are where the body is, not another body (spans.ts nameAfterPlaces). A place glued before
 * a name that does not say where it is stays another body (西安电子科技大学 is Xidian, not UESTC). And a school
 * after a short form that leaves out 大学 (北京理工 + 大学附属中学) is the university's school, not the university.
 */
import { describe, expect, test } from 'vitest';
import { bundled, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string) => screener.screen(name).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];

describe('places before a Chinese name', () => {
  test.each([
    ['四川绵阳 中国工程物理研究院', 'jp-eul#519'],
    ['绵阳中国工程物理研究院', 'jp-eul#519'],
    ['北京 北京航空航天大学', 'jp-eul#501'],
    ['哈尔滨 哈尔滨工程大学', 'jp-eul#540'],
    ['湖南长沙 国防科技大学', 'jp-eul#553'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a city is glued before a name that does not say where it is, then nothing is hard', () => {
    for (const q of ['西安电子科技大学', '西安 电子科技大学', '陕西西安 电子科技大学'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });

  test('when a city stands before an unlisted university, then it finds nothing hard', () => {
    for (const q of ['北京 清华大学', '绵阳 西南科技大学']) expect(hardRefs(screener, q), q).toEqual([]);
  });
});

describe('CJK names side by side with a space', () => {
  test.each([
    ['十四所 南京电子技术研究所', 'jp-eul#513'],
    ['材料学院 北京航空航天大学', 'jp-eul#501'],
    ['李明 北京航空航天大学', 'jp-eul#501'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the runs are generic words, a place and an unlisted body, then nothing is hard', () => {
    for (const q of ['中国科学院 物理研究所', '北京 大学', '东京 大学', '西安 电子科技大学'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });
});

describe('a preposition opening a Chinese sentence', () => {
  test('when 经 opens the sentence before a listed name, then the name is a hard hit', () => {
    expect(HARD).toContain(find('经俄罗斯国防出口公司签订的合同', 'jp-eul#806')?.matchType);
  });

  test('when a name merely begins with 经, then nothing is found in it', () => {
    expect(hardRefs(screener, '经济研究所')).toEqual([]);
  });
});

describe('a school after a short form without its 大学', () => {
  test('when 北京理工大学附属中学 is screened, then BIT is at most possible', () => {
    expect(find('北京理工大学附属中学', 'jp-eul#494')?.matchType).toBe('possible');
  });

  test('when the university itself is screened, then it is still exact', () => {
    expect(find('北京理工大学', 'jp-eul#494')?.matchType).toBe('exact');
  });
});
