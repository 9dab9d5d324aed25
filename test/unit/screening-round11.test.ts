/**
 * Matcher rules from the eleventh round's dev sets (issue 13: zh12, mix12): postcodes beside a Chinese name are an
 * address, not words to translate; a college named by a city after a university is one of China's independent
 * colleges, a body of its own; an address before a space; 御中, 各位 and 宛 after a name; an ordinal glued to an
 * acronym (CETC10th).
 */
import { describe, expect, test } from 'vitest';
import { bundled, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string) => screener.screen(name).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];

describe('a postcode beside a Chinese name', () => {
  test('when unlisted bodies carry a city and postcode, then nothing is hard', () => {
    for (const q of ['北京科技大学 新材料技术研究院，北京 100083', '南京大学电子科学与工程学院，南京 210023'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });

  test('when a listed body carries one, then it is still a hard hit', () => {
    expect(HARD).toContain(find('北京航空航天大学，北京 100191', 'jp-eul#501')?.matchType);
    expect(HARD).toContain(find('中国工程物理研究院流体物理研究所，四川绵阳 621900', 'jp-eul#519')?.matchType);
  });
});

describe('an independent college named by a city', () => {
  test.each([
    ['电子科技大学成都学院', 'jp-eul#595'],
    ['电子科技大学中山学院', 'jp-eul#595'],
  ])('when %s is screened, then %s is only possible', (query, wanted) => {
    expect(find(query, wanted)?.matchType).toBe('possible');
  });

  test('when a faculty or a campus follows the university, then it is still a hard hit', () => {
    expect(HARD).toContain(find('北京航空航天大学材料学院', 'jp-eul#501')?.matchType);
    expect(HARD).toContain(find('哈尔滨工业大学威海校区', 'jp-eul#541')?.matchType);
  });
});

describe('what is typed around a name', () => {
  test.each([
    ['四川省绵阳市919信箱 中国工程物理研究院', 'jp-eul#519'],
    ['北京市海淀区中关村南大街5号 北京理工大学', 'jp-eul#494'],
    ['Univ. of Tehran 御中', 'jp-eul#282'],
    ['北航御中', 'jp-eul#501'],
    ['哈工大(HIT)宛', 'jp-eul#541'],
    ['CETC10th研究所', 'jp-eul#475'],
    ['CETC10th Research Institute', 'jp-eul#475'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });
});

describe('Chinese headlines and Japanese press frames (dev sets zh13, ja13)', () => {
  test.each([
    ['美國制裁伊朗革命衛隊聖城軍', 'jp-eul#135'],
    ['欧盟制裁白俄明斯克轮式牵引车厂', 'jp-by-specified#19'],
    ['北韩矿业开发贸易公司', 'jp-eul#352'],
    ['露トラック大手カマズ', 'jp-eul#781'],
    ['国際テロ組織アルカイダ', 'jp-eul#1'],
    ['イエメンの親イラン武装組織フーシ派', 'jp-eul#33'],
    ['軍の最高学府とされる国防科学技術大学', 'jp-eul#553'],
    ['北朝鮮の兵器開発を統括する第2経済委員会', 'jp-eul#426'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a university follows a listed company name, then it is another body', () => {
    expect(find('中国北方工業大学', 'jp-eul#518')?.matchType).toBe('possible');
    expect(find('中国北方工业有限公司', 'jp-eul#518')?.matchType).toBe('exact');
  });

  test('when a head noun stands before an unlisted company, then nothing is hard', () => {
    for (const q of ['日本の電機大手ソニー', '米半導体大手インテル', 'エジプト日本科学技術大学'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });
});

describe('English short forms (dev set en12)', () => {
  test.each([
    ['Islamic Rev Guard Corps', 'jp-eul#138'],
    ['Nanjing University of Aero & Astronautics', 'jp-eul#555'],
    ["Xi'an NWPU", 'jp-eul#559'],
    ['Changsha NUDT', 'jp-eul#553'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a city of another country stands before an acronym, then nothing is found', () => {
    expect(hardRefs(screener, 'Tokyo NUDT')).toEqual([]);
  });

  test('when the Korolev space corporation is screened, then the Yelets battery maker is at most possible', () => {
    for (const q of ['RSC Energia', 'RKK Energiya', 'S.P. Korolev Rocket and Space Corporation Energia'])
      expect(hardRefs(screener, q), q).toEqual([]);
  });
});

describe('a country after a name, and 露 before katakana', () => {
  test('when a country follows a whole-query short form without a comma, then it is found as with one', () => {
    expect(HARD).toContain(find('Ninth Academy China', 'jp-eul#519')?.matchType);
  });

  test('when another country follows it, then nothing is found', () => {
    expect(hardRefs(screener, 'Ninth Academy Japan')).toEqual([]);
    expect(hardRefs(screener, 'Harbin Institute of Technology Japan')).toEqual([]);
  });

  test('when 露 stands before a katakana name, then it is read as ロシア', () => {
    expect(HARD).toContain(find('露ルビン中央設計局', 'jp-ru-specified#263')?.matchType);
  });
});

describe("one-character country names of Chinese headlines, before their bodies' words only", () => {
  test.each([
    ['伊航空工业组织', 'jp-eul#128'],
    ['美制裁伊革命卫队下属公司', 'jp-eul#138'],
    ['巴原子能委员会', 'jp-eul#669'],
    ['朝矿业开发贸易公司', 'jp-eul#352'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a name merely begins with the character, then it is not read as the country', () => {
    expect(find('伊斯兰革命卫队', 'jp-eul#138')?.matchType).toBe('exact');
    expect(hardRefs(screener, '朝阳区')).toEqual([]);
  });
});

describe('w/ in chat', () => {
  test('when w/ stands before a name in a chat line, then the name is screened as after "with"', () => {
    expect(find('collab w/ NUDT', 'jp-eul#553')?.matchType).toBe('strong');
    expect(find('meeting w/ Beihang ppl next wk', 'jp-eul#501')).toBeDefined();
  });
});

describe('trade records (dev set en13)', () => {
  test('when a trade abbreviation or a city after a listed firm is typed, then the firm is found', () => {
    expect(find('PEGASUS GENERAL TRDG FZE', 'jp-eul#22')).toBeDefined();
    expect(HARD).toContain(find('PROFFLAB BISHKEK', 'jp-third-specified#37')?.matchType);
  });

  test('when the abbreviation spells out a listed name, then the listed name is not held to the whole query', () => {
    expect(find('PEGASUS GENERAL TRADING LLC', 'jp-eul#22')?.matchType).toBe('exact');
  });

  test('when a listed firm stands before a city of another country, then nothing is found', () => {
    expect(hardRefs(screener, 'TAKO LLC TOKYO')).toEqual([]);
  });
});
