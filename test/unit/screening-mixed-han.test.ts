/**
 * A Han name beside Latin words, on the real lists: the word-by-word translation makes 理工大学 and 工業大学 both
 * "Institute of Technology", so an unlisted university written half in Latin or with its acronym in brackets
 * (ハルビン理工大学（HUST）, "Harbin理工大学", "Beijing University of Technology（北京工業大学）") read as HIT or BIT.
 * Such texts are at most a possible match; the listed universities written the same mixed ways stay strong.
 */
import { describe, expect, test } from 'vitest';
import { bundled, hardRefs } from '../support/fixtures.ts';

const { screener } = bundled();
const HIT = 'jp-eul#541';
const BIT = 'jp-eul#494';

describe('a mixed-script text naming an unlisted university', () => {
  test.each([
    ['ハルビン理工大学（HUST）'],
    ['ハルビン理工大学(HRBUST)'],
    ['哈尔滨理工大学（HUST）'],
    ['Harbin理工大学'],
    ['Harbin 理工大学'],
    ['哈尔滨理工大学（Harbin University of Science and Technology）'],
    ['Beijing University of Technology（北京工業大学）'],
    ['北京工業大学（Beijing University of Technology）'],
    ['Beijing工業大学'],
  ])('when %s is screened, then nothing is exact or strong', (query) => {
    expect(hardRefs(screener, query)).toEqual([]);
    expect(hardRefs(screener, query, 'CN')).toEqual([]);
  });
});

describe('the listed universities written the same mixed ways', () => {
  test.each([
    ['Harbin工業大学', HIT],
    ['ハルビン工業大学（HIT）', HIT],
    ['哈尔滨工业大学（HIT）', HIT],
    ['Harbin Institute of Technology（哈尔滨工业大学）', HIT],
    ['Beijing理工大学', BIT],
    ['北京理工大学（BIT）', BIT],
    ['Beijing Institute of Technology（北京理工大学）', BIT],
  ])('when %s is screened, then it is a strong or exact hit on its entry', (query, ref) => {
    expect(hardRefs(screener, query)).toContain(ref);
  });
});

describe('a trade name written in Latin and in Chinese characters side by side', () => {
  test.each([['Jotrin杰驰电子'], ['Jotrin 杰驰电子'], ['杰驰电子 Jotrin']])(
    'when %s is screened, then both halves name the entry and it is a strong hit',
    (query) => {
      expect(hardRefs(screener, query)).toEqual(['jp-eul#720']);
    },
  );

  test('when the two halves name different entries or nothing, then nothing hard is added', () => {
    expect(hardRefs(screener, 'Jotrin旭润科技')).toEqual([]);
    expect(hardRefs(screener, 'Sony索尼')).toEqual([]);
  });
});
