/**
 * Matcher rules from the twelfth and thirteenth rounds' dev sets (issue 13): what people type around a name in chat,
 * forms, CVs, news wires and Taiwan media; DPRK names in another romanisation; and the false positives dev set fp3
 * found among look-alikes of listed bodies (an acronym restating another body's name, an institute of the same field
 * under another parent, independent colleges).
 */
import { describe, expect, test } from 'vitest';
import { bundled, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];

describe('what is typed around a listed name', () => {
  test.each([
    ['BUAA Univ', 'jp-eul#501'],
    ['NWPU Inst.', 'jp-eul#559'],
    ['Boreskov Inst. Catal.', 'jp-ru-specified#5'],
    ['Sakr Factory for Developed Inds., Cairo', 'jp-eul#296'],
    ['@suzuki 哈工大さんとの打ち合わせ', 'jp-eul#541'],
    ['<@U123ABC> 北航の件', 'jp-eul#501'],
    ['ut.ac.ir のテヘラン大さん', 'jp-eul#282'],
    ['https://www.nudt.edu.cn/ 国防科技大学', 'jp-eul#553'],
    ['a.rezaei@sharif.edu Sharif University of Technology', 'jp-eul#259'],
    ['HIT(哈工大)の人', 'jp-eul#541'],
    ['シャリフ大の先生', 'jp-eul#259'],
    ['中共國防科技大學', 'jp-eul#553'],
    ['巴國原子能委員會', 'jp-eul#669'],
    ['陸媒：哈爾濱工業大學遭美國列入實體清單後持續擴招', 'jp-eul#541'],
    ['需要者：シリア・アラブ共和国 科学研究センター', 'jp-eul#466'],
    ['invite Prof. Wang of Sharif University of Technology', 'jp-eul#259'],
    ['We are pleased to invite Prof. Li Wei of the Harbin Institute of Technology to Tokyo', 'jp-eul#541'],
    ['SUPARCO Pak', 'jp-eul#691'],
    ['A. Rezaei, Sharif UT', 'jp-eul#259'],
    ["Prof. Zhao Q. | NWPU Xi'an | Speaker", 'jp-eul#559'],
    ['missile maker MKB Raduga', 'jp-eul#805'],
    ['Chinese arms maker Norinco', 'jp-eul#518'],
    ['state-owned Iran Electronics Industries', 'jp-eul#126'],
    ['北航本硕', 'jp-eul#501'],
    ['中物院2025校招', 'jp-eul#519'],
    ['Changchun光機所', 'jp-eul#520'],
    ['Kim Chaek工業総合大学', 'jp-eul#328'],
    ['US Blacklists Harbin Institute Of Technology', 'jp-eul#541'],
    ['M/s Iqbal Enterprises, Karachi', 'jp-eul#637'],
    ['Sharif University of Technology, University of Tokyo', 'jp-eul#259'],
    ['荷受人：NUDT 長沙', 'jp-eul#553'],
    ['科学生産合同テンプ・アヴィア', 'jp-eul#822'],
    ['电子科计大学', 'jp-eul#595'],
    ['チョンドゥ電子科技大学', 'jp-eul#595'],
  ])('when %s is screened, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test.each([
    ['CAEP, a nuclear weapons lab', 'jp-eul#519'],
    ['HIT, one of the so-called Seven Sons of National Defence, was added in 2020', 'jp-eul#541'],
  ])('when %s is screened, then %s is found, though its acronym alone is ambiguous', (query, wanted) => {
    expect(find(query, wanted)).toBeDefined();
  });

  test.each([
    'AUT University',
    'NUST Pak',
    'UT Austin',
    'Japanese carmaker Toyota',
    'Nanjing大学',
    'イラン大の先生',
    '大手',
  ])('when %s is screened, then nothing is hard', (query) => {
    expect(hardRefs(screener, query)).toEqual([]);
  });
});

describe('a DPRK body in another romanisation (dev set cov4)', () => {
  test.each([
    ['Geumsan Joint Venture', 'jp-eul#388'],
    ['Eundeok Chemical Factory', 'jp-eul#443'],
    ['Bonghwa General Trading', 'jp-eul#406'],
    ['Pyongyang Noksan Trading', 'jp-eul#358'],
  ])('when %s is screened with country KP, then %s is found', (query, wanted) => {
    expect(find(query, wanted, 'KP')).toBeDefined();
  });

  test('when a Korean body is named without the country and without Korea, then no romanisation key is read', () => {
    expect(find('Geumsan Joint Venture', 'jp-eul#388')).toBeUndefined();
  });

  test.each(['Daesung Group', 'Hyosung Corporation', 'Korea Development Bank'])(
    'when %s (South Korean) is screened, then nothing is hard',
    (query) => {
      expect(hardRefs(screener, query)).toEqual([]);
    },
  );
});

describe('look-alikes of listed bodies (dev set fp3)', () => {
  test.each([
    ['Digital Equipment Corporation (DEC)', undefined],
    ['Communication University of China (CUC)', undefined],
    ['Kenya Airports Authority (KAA)', undefined],
    ['Institute of Solid State Physics, TU Wien', undefined],
    ['Software Research Institute, Athlone Institute of Technology', undefined],
    ['National Institute of Lasers, Plasma and Radiation Physics', 'RO'],
    ['Institute of High Energy Physics (IHEP)', 'CN'],
    ['西北工业大学明德学院', 'CN'],
    ['南京理工大学紫金学院', 'CN'],
    ['北京理工大学珠海学院', 'CN'],
    ['科学研究センター', undefined],
    ['所属：科学研究センター', 'JP'],
  ])('when %s is screened, then nothing is hard', (query, country) => {
    expect(hardRefs(screener, query, country)).toEqual([]);
  });

  test.each([
    ['Khatam al-Anbiya (KAA)', 'jp-eul#153', undefined],
    ['Aerospace Indusries Organization（AIO）', 'jp-eul#40', undefined],
    ['Institute of Solid State Physics, Russian Academy of Sciences', 'jp-ru-specified#346', undefined],
    ['Institute of High Energy Physics (IHEP)', 'jp-ru-specified#277', 'RU'],
    ['National Institute of Lasers', 'jp-eul#663', 'PK'],
    ['西北工业大学材料学院', 'jp-eul#559', undefined],
    ['北京理工大学（珠海）', 'jp-eul#494', undefined],
    ['科学研究', 'jp-ru-specified#99', 'RU'],
  ])('when the listed body itself is written so (%s), then %s is still a hard hit', (query, wanted, country) => {
    expect(HARD).toContain(find(query, wanted, country)?.matchType);
  });

  test('when Iran Air is written in Japanese, then no Iranian aircraft maker is found', () => {
    const found = screener.screen('イラン航空').map(hitRef);
    for (const maker of ['jp-eul#119', 'jp-eul#120', 'jp-eul#121']) expect(found).not.toContain(maker);
  });

  test('when an institute named by its field stands beside a Japanese university, then it is not the Russian one', () => {
    expect(find('Institute for Solid State Physics, The University of Tokyo', 'jp-ru-specified#346')).toBeUndefined();
  });

  test('when a list alias cuts an institute short and no country is given, then it is only possible', () => {
    expect(find('National Institute of Lasers', 'jp-eul#663')?.matchType).toBe('possible');
  });
});
