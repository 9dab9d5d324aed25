/**
 * Chinese forms of listed names (issue 13, helper zh3): an address before a Chinese name (四川省成都市电子科技大学,
 * spans.ts), more subjects and verbs of a Chinese sentence (请把样品寄到北航), Japan after a Chinese verb as the
 * exporter's side, an institute's own number that must agree beside its academy's (三院三十四所 is not 三院33所,
 * lexicon.numbers and guards.numbersDisagree), and AECC's full name folded to 中国航发. Pinned on the bundled lists.
 */
import { describe, expect, test } from 'vitest';
import { loadDevZh3, scoreEvalSets } from '../../src/bench/screening-eval.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { bundled, GOLDEN_DIR, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string) => screener.screen(name).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];
const lexicon = () => {
  const data = bundledScreeningData();
  if (!data) throw new Error('no bundled screening data');
  return new Lexicon(data);
};

describe('the dev set zh3', () => {
  test('when it is screened, then recall is at least 97% and no unlisted organisation is an exact or strong hit', () => {
    const score = scoreEvalSets(screener, loadDevZh3(GOLDEN_DIR));
    expect(score.recall.recall).toBeGreaterThanOrEqual(0.97);
    expect(score.falsePositives.exactOrStrong).toBe(0);
  });
});

describe('an address before a Chinese name', () => {
  test.each([
    ['黑龙江省哈尔滨市哈尔滨工业大学', 'jp-eul#541'],
    ['北京市海淀区北京航空航天大学', 'jp-eul#501'],
    ['四川省成都市电子科技大学', 'jp-eul#595'],
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the name after the address is another institution, then nothing is hard', () => {
    for (const q of ['陕西省西安市西安电子科技大学', '北京市海淀区北京大学', '四川省绵阳市西南科技大学'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });

  test.each([
    ['湖南长沙国防科技大学', 'jp-eul#553'],
    ['四川绵阳中国工程物理研究院', 'jp-eul#519'],
    ['江苏南京理工大学', 'jp-eul#556'],
    ['黑龙江哈尔滨工业大学', 'jp-eul#541'],
  ])('when a province and its city stand before %s without unit words, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a province and city stand before an unlisted university of that city, then nothing is hard', () => {
    for (const q of ['陕西西安电子科技大学', '黑龙江哈尔滨理工大学', '浙江杭州电子科技大学', '四川绵阳西南科技大学'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });

  test('when one city stands before a listed company, then the listed name is still met whole', () => {
    expect(find('三明市中伊欧进出口有限公司', 'jp-eul#567')?.matchType).toBe('exact');
  });
});

describe('a Chinese sentence around a short form', () => {
  test.each([
    ['请把样品寄到北航', 'jp-eul#501'],
    ['哈工大团队研发', 'jp-eul#541'],
    ['中物院专家来访', 'jp-eul#519'],
    ['哈工大教授访问日本', 'jp-eul#541'],
    ['我在电子科技大学读博', 'jp-eul#595'],
  ])('when the query is %s, then %s is found as hard', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the name in the sentence is institution words only but not a listed one, then nothing is found', () => {
    for (const q of ['我在科技大学读博', '我在理工大学读研', '我在西安电子科技大学读博'])
      expect(hardRefs(screener, q), q).toEqual([]);
    expect(screener.screen('我在科技大学读博')).toEqual([]);
  });
});

describe("an institute's own number", () => {
  test('when a folded name holds an academy and an institute, then only the number before 所 is the institute', () => {
    const lex = lexicon();
    expect([...lex.instituteNumbers(lex.normalizeCjk('航天科工三院三十四所'))]).toEqual([34]);
    expect([...lex.instituteNumbers(lex.normalizeCjk('中国电子科技集团公司第十四研究所'))]).toEqual([14]);
    expect([...lex.instituteNumbers(lex.normalizeCjk('中国航天科技集团公司第五研究院'))]).toEqual([]);
    expect([...lex.instituteNumbers(lex.normalizeCjk('航天九院771所'))]).toEqual([771]);
  });

  test('when the academy agrees and the institute number does not, then nothing is hard', () => {
    for (const q of ['航天九院772所', '航天科工三院三十四所', '中国航天科工集团三院三十九所'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });

  test('when both agree, then the institute is found, and not its numbered neighbour', () => {
    expect(find('航天科工三院三十五所', 'jp-eul#558')?.matchType).toBe('exact');
    expect(find('航天科工三院三十五所', 'jp-eul#490')).toBeUndefined();
    expect(find('中国航天科工集团三院三十一所', 'jp-eul#499')?.matchType).toBe('exact');
  });
});

describe("AECC's full name and curated zh3 forms", () => {
  test('when AECC is written in full before a listed institute or company, then it is found', () => {
    expect(HARD).toContain(find('中国航空发动机集团南方工业有限公司', 'jp-eul#482')?.matchType);
    expect(hardRefs(screener, '中国航空发动机集团有限公司')).toEqual([]);
  });

  test("when CETC 29's name is typed, then CETC 10 is no hard hit", () => {
    expect(HARD).not.toContain(find('西南电子设备研究所', 'jp-eul#475')?.matchType);
  });
});
