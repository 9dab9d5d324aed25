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

describe('a school after a short form without its 大学', () => {
  test('when 北京理工大学附属中学 is screened, then BIT is at most possible', () => {
    expect(find('北京理工大学附属中学', 'jp-eul#494')?.matchType).toBe('possible');
  });

  test('when the university itself is screened, then it is still exact', () => {
    expect(find('北京理工大学', 'jp-eul#494')?.matchType).toBe('exact');
  });
});
