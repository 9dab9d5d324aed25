/**
 * A Chinese company name read as its parts (trade-name.ts) with the shipped word map and gazetteer, at the
 * public TradeNameWords: the Han names in a text, a Han name's places, trade name, industry and group, and a
 * listed Latin name's, with the second reading when its first word may be a place. Industry words are checked
 * by one word each, not the whole set, so that the word map may grow.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { type TradeNameParts, TradeNameWords } from '../../src/screening/trade-name.ts';
import { perTest } from '../support/per-test.ts';

const words = perTest(() => new TradeNameWords(new Lexicon(bundledScreeningData()!)));
const hanNames = (text: string) => words().hanNames(text);
const brief = (ps: TradeNameParts[]) =>
  ps.map((p) => ({
    places: p.places,
    trade: p.trade,
    ...(p.group ? { group: true } : {}),
    ...(p.lead ? { lead: p.lead } : {}),
    ...(p.leadDropped ? { leadDropped: true } : {}),
  }));
const han = (text: string) => hanNames(text).flatMap((t) => words().parseHan(t));
const latin = (text: string) => words().parseLatin(text.split(' '));

describe('the Han names in a text', () => {
  test('when a text is a Han name, then it is returned folded, its legal form dropped', () => {
    expect(hanNames('大连正华贸易有限公司')).toEqual(['大连正华贸易']);
    expect(hanNames('ハルビン理工大学')).toEqual(['哈尔滨理工大学']);
  });

  test('when a text holds several names, then each is returned; beside Latin or digits, none', () => {
    expect(hanNames('欧赛科技 嘉源铝业')).toEqual(['欧赛科技', '嘉源铝业']);
    expect(hanNames('嘉源（株）铝业')).toEqual(['嘉源', '铝业']);
    expect(hanNames('航天科工23所')).toEqual([]);
    expect(hanNames('a嘉源')).toEqual([]);
  });

  test('when a run is one character, or longer than a name, then it is not a name', () => {
    expect(hanNames('嘉')).toEqual([]);
    expect(hanNames('一二三四五六七八九十一二三四五六七八九十一二三四五')).toEqual([]);
    expect(hanNames('一二三四五六七八九十一二三四五六七八九十一二三四')).toHaveLength(1);
  });
});

describe('a Han name’s parts', () => {
  test('when a name has a place, a trade name and an industry, then each comes off', () => {
    const [p] = han('大连正华贸易有限公司');
    expect(brief([p!])).toEqual([{ places: ['dalian'], trade: '正华' }]);
    expect(p!.industry.has('trading')).toBe(true);
  });

  test('when places come one after another in front, with their units, then all are taken', () => {
    const [p] = han('江苏省苏州市中盛磁业');
    expect(brief([p!])).toEqual([{ places: ['jiangsu', 'suzhou'], trade: '中盛' }]);
    expect(p!.industry.has('magnetic')).toBe(true);
  });

  test('when several industry words end the name, then all of them count', () => {
    const [p] = han('嘉源铝业厂');
    expect(p!.trade).toBe('嘉源');
    expect(p!.industry.has('aluminium')).toBe(true);
    expect(p!.industry.has('factory')).toBe(true);
  });

  test('when the name ends in a group, then it is a group', () => {
    expect(brief(han('鸿祥实业集团'))).toEqual([{ places: [], trade: '鸿祥', group: true }]);
    expect(brief(han('鸿祥实业'))).toEqual([{ places: [], trade: '鸿祥' }]);
  });

  test('when the country is in front, then it is not the trade name', () => {
    expect(brief(han('中华人民共和国嘉源铝业'))).toEqual([{ places: [], trade: '嘉源' }]);
  });

  test('when what is left is only known words, then there is no trade name', () => {
    expect(han('中国精密机械')).toEqual([]);
    expect(han('北京大学')).toEqual([]);
    expect(han('ハルビン理工大学')).toEqual([]);
  });
});

describe('a listed Latin name’s parts', () => {
  test('when a name has pinyin legal and industry forms and a place, then they come off', () => {
    const [p, more] = latin('dalian zhenghua maoyi youxian gongsi');
    expect(more).toBeUndefined();
    expect(brief([p!])).toEqual([{ places: ['dalian'], trade: 'zhenghua' }]);
    expect(p!.industry.has('trading')).toBe(true);
  });

  test('when a place is written in one or two words, anywhere, then it is a place', () => {
    expect(brief(latin('kaili industrial hk'))).toEqual([{ places: ['hongkong'], trade: 'kaili' }]);
    expect(brief(latin('hong kong kaili trading'))).toEqual([{ places: ['hongkong'], trade: 'kaili' }]);
    expect(words().isPlace('henan')).toBe(true);
    expect(words().isPlace('hongkong')).toBe(true);
    expect(words().isPlace('hong')).toBe(false);
  });

  test('when two long words are left, then the reading without the first, as a place, is offered too', () => {
    expect(brief(latin('chongyi hengyi trading'))).toEqual([
      { places: [], trade: 'chongyihengyi', lead: 'chongyi' },
      { places: ['chongyi'], trade: 'hengyi', leadDropped: true },
    ]);
    // A short word is no place: one reading.
    expect(brief(latin('kai hengyi trading'))).toEqual([{ places: [], trade: 'kaihengyi' }]);
    expect(brief(latin('alpha zhenghua hengyi trading'))).toEqual([{ places: [], trade: 'alphazhenghuahengyi' }]);
  });

  test('when the name has a group word, in English or pinyin, then it is a group', () => {
    expect(brief(latin('hongxiang group'))).toEqual([{ places: [], trade: 'hongxiang', group: true }]);
    expect(brief(latin('hongxiang jituan'))).toEqual([{ places: [], trade: 'hongxiang', group: true }]);
  });

  test('when stopwords, the country or English industry words stand in it, then they are not the trade name', () => {
    expect(brief(latin('the zhenghua of trading'))).toEqual([{ places: [], trade: 'zhenghua' }]);
    expect(brief(latin('zhenghua china'))).toEqual([{ places: [], trade: 'zhenghua' }]);
    expect(latin('zhongguo jingmi jixie')).toEqual([]);
  });

  test('when what is left cannot be pinyin, or nothing is left, then there are no parts', () => {
    expect(latin('zhenghua 5g')).toEqual([]);
    expect(latin('trading limited')).toEqual([]);
  });
});
