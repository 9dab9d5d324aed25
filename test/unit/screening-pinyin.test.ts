/**
 * Han names met with listed Chinese company names across scripts (issue 13): the pinyin of a Han name, a Han
 * name read as place + trade name + industry + legal form, and through the public screener a listed name held
 * only in pinyin or English found from its Han full and short forms, graded conservatively (never exact; strong
 * only for a trade name of three syllables or more with its industry), beside the innocent names that must not
 * be found: another city, another industry under a two-syllable name, a bare trade name, known words only.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { WordsFileSchema } from '../../src/screening/data.ts';
import { gradeTradeName, industryAgrees, TRADE_POSSIBLE_SCORE } from '../../src/screening/han-latin-score.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { pinyinKey, pinyinSpellings, readings } from '../../src/screening/pinyin.ts';
import { TradeNameWords } from '../../src/screening/trade-name.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const data = bundledScreeningData()!;
const words = new TradeNameWords(new Lexicon(data));
/** A Han text read as the matcher reads a query: folded (研 is 硏 after folding), legal forms dropped. */
const parseHan = (text: string) => words.hanNames(text).flatMap((t) => words.parseHan(t));

describe('Han in pinyin', () => {
  test('when a Han name is romanised, then it is toneless, one syllable per character, joined', () => {
    expect(pinyinKey('嘉源')).toBe('jiayuan');
    expect(pinyinKey('中融通')).toBe('zhongrongtong');
    expect(pinyinKey('正华')).toBe('zhenghua');
    expect(readings('铝业')).toEqual([['lu', 'lv', 'lyu'], ['ye']]);
  });

  test('when it is traditional or Japanese, then it is read as the simplified form (車 is che, not ju)', () => {
    expect(pinyinKey('陝西重型汽車')).toBe('shanxizhongxingqiche');
    expect(pinyinKey('大連正華貿易')).toBe('dalianzhenghuamaoyi');
    expect(pinyinKey('長光')).toBe('changguang');
  });

  test('when a character has other readings, then they are offered after the one read in context', () => {
    const spellings = pinyinSpellings('长光');
    expect(spellings[0]).toBe('changguang');
    expect(spellings).toContain('zhangguang');
    expect(pinyinSpellings('长长长长长长', 4)).toHaveLength(4);
  });

  test('when the text is not all Han, then it has no pinyin', () => {
    expect(pinyinKey('ハルビン')).toBeUndefined();
    expect(pinyinKey('5G')).toBeUndefined();
    expect(pinyinSpellings('欧赛A')).toEqual([]);
  });
});

describe('a Chinese company name read as its parts', () => {
  test('when a Han name is read, then the place and the industry words come off and the trade name is left', () => {
    const [p] = parseHan('河南嘉源铝业');
    expect(p).toMatchObject({ places: ['henan'], trade: '嘉源' });
    expect(p!.industry.has('aluminium')).toBe(true);
    expect(parseHan('中融通贸易发展')[0]).toMatchObject({ places: [], trade: '中融通' });
    expect(parseHan('深圳市顺吉电子科技')[0]).toMatchObject({ places: ['shenzhen'], trade: '顺吉' });
    // 东 is a word (east), but not at the end: it stays in the trade name.
    expect(parseHan('东源实业')[0]).toMatchObject({ trade: '东源' });
  });

  test('when a place the gazetteer does not know is named by its unit, then both readings are kept', () => {
    expect(parseHan('三河市戎邦光电').map((p) => [p.places, p.trade])).toEqual([
      [[], '三河戎邦'],
      [['sanhe'], '戎邦'],
    ]);
  });

  test('when what is left is only known words or a place, then there is no trade name', () => {
    expect(parseHan('国防大学')).toEqual([]);
    expect(parseHan('北京大学')).toEqual([]);
    expect(parseHan('西北工业大学')).toEqual([]);
    expect(parseHan('中国科学院自动化研究所')).toEqual([]);
  });

  test('when a listed Latin name is read, then pinyin legal and industry words count as their English', () => {
    const [p] = words.parseLatin(['dalian', 'zhenghua', 'maoyi', 'youxian', 'gongsi']);
    expect(p).toMatchObject({ places: ['dalian'], trade: 'zhenghua' });
    expect(p!.industry.has('trading')).toBe(true);
    expect(words.parseLatin(['kaili', 'industrial', 'hk'])[0]).toMatchObject({ places: ['hongkong'], trade: 'kaili' });
    expect(words.parseLatin(['zhongguo', 'jingmi', 'jixie', 'jinchukou', 'zonggongsi'])).toEqual([]);
    expect(words.parseLatin(['shenzhen', '5g', 'high', 'technology'])).toEqual([]);
  });

  test('when industries are compared, then a shared generic word does not make a specific one agree', () => {
    const set = (...w: string[]) => new Set(w);
    expect(industryAgrees(set('aluminium', 'industry'), set('aluminium', 'industry'))).toBe(true);
    expect(industryAgrees(set('industry', 'trade'), set('industry', 'trading'))).toBe(true);
    expect(industryAgrees(set('industry', 'trade'), set('magnetic', 'industry'))).toBe(false);
    expect(industryAgrees(set('electronics'), set('trading'))).toBe(false);
  });

  test('when a name has two syllables, then it is at most possible, and nothing without industry or place', () => {
    const parts = (trade: string, industry: string[], places: string[] = []) => ({
      trade,
      places,
      industry: new Set(industry),
    });
    expect(gradeTradeName(parts('嘉源', ['aluminium']), parts('jiayuan', ['aluminium']))).toBe(TRADE_POSSIBLE_SCORE);
    expect(gradeTradeName(parts('嘉源', []), parts('jiayuan', ['aluminium']))).toBe(0);
    expect(gradeTradeName(parts('嘉源', [], ['henan']), parts('jiayuan', [], ['henan']))).toBe(TRADE_POSSIBLE_SCORE);
    expect(gradeTradeName(parts('中融通', []), parts('zhongrongtong', ['trade']))).toBe(TRADE_POSSIBLE_SCORE);
  });
});

describe('Han names through the screener', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Dalian Zhenghua Maoyi Youxian Gongsi', aliases: ['Dalian Zenghua Trading Co., Ltd.'], country: 'CN' },
        { name: 'HENAN JIAYUAN ALUMINIUM INDUSTRY CO., LTD.', country: 'CN' },
        { name: 'QINGDAO ZHONGRONGTONG TRADE DEVELOPMENT CO., LTD.', country: 'CN' },
        { name: 'SUZHOU ZHONGSHENG MAGNETIC INDUSTRY CO., LTD.', country: 'CN' },
        { name: 'DANDONG ZHONGSHENG INDUSTRY & TRADE CO., LTD.', country: 'CN' },
        { name: 'GuangZhou Ausay Technology Co., Ltd.', localName: '广州欧赛科技有限公司', country: 'CN' },
        { name: 'Kaili Industrial HK Limited', country: 'HK' },
        { name: 'Zhongrongtong Trading LLC', country: 'RU' },
      ],
      'test-list',
    ),
  ]);

  test('when a listed pinyin name is written in Han, in full or short, then it is found, never exactly', () => {
    expect(brief(screen('大连正华贸易有限公司'))).toEqual([[1, 'possible', 0.85]]);
    expect(brief(screen('正华贸易'))).toEqual([[1, 'possible', 0.85]]);
    expect(brief(screen('大連正華貿易株式会社'))).toEqual([[1, 'possible', 0.85]]);
    expect(brief(screen('嘉源铝业'))).toEqual([[2, 'possible', 0.85]]);
    expect(brief(screen('河南嘉源鋁業有限公司'))).toEqual([[2, 'possible', 0.85]]);
    expect(brief(screen('香港凯利实业'))).toEqual([[7, 'possible', 0.85]]);
  });

  test('when a trade name of three syllables and its industry agree, then the hit is strong', () => {
    expect(brief(screen('中融通贸易'))).toEqual([[3, 'strong', 0.92]]);
    expect(brief(screen('青岛中融通贸易发展有限公司'))).toEqual([[3, 'strong', 0.92]]);
    expect(brief(screen('中融通贸易', 'CN'))).toEqual([[3, 'strong', 0.92]]);
    // Another industry: a person looks.
    expect(brief(screen('中融通电子'))).toEqual([[3, 'possible', 0.85]]);
  });

  test('when a listed Han name is written without its place and legal form, then it is found as possible', () => {
    expect(brief(screen('欧赛科技'))).toEqual([[6, 'possible', 0.85]]);
  });

  test('when two listed companies share a two-syllable trade name, then the industry tells them apart', () => {
    expect(brief(screen('中盛磁业'))).toEqual([[4, 'possible', 0.85]]);
    expect(brief(screen('中盛工贸'))).toEqual([[5, 'possible', 0.85]]);
    // Dandong is not in the gazetteer: in front of the trade name it counts as the place, not as two syllables more.
    expect(brief(screen('丹东中盛工贸'))).toEqual([[5, 'possible', 0.85]]);
  });

  test('when an innocent name shares only part of it, then nothing is found', () => {
    expect(screen('上海正华贸易')).toEqual([]); // another city
    expect(screen('苏州中盛工贸')).toEqual([]); // Suzhou's Zhongsheng is magnetic, Dandong's trades
    expect(screen('嘉源电子')).toEqual([]); // two syllables, another industry
    expect(screen('嘉源科技有限公司')).toEqual([]);
    expect(screen('正华')).toEqual([]); // a bare two-syllable name
    expect(screen('北京大学')).toEqual([]);
    expect(screen('国防大学')).toEqual([]);
    expect(screen('Toyota 中融通贸易')).toEqual([]); // a Latin word the listed name lacks
  });

  test('when the country given or named is another, then nothing is found', () => {
    expect(screen('中融通贸易', 'JP')).toEqual([]);
    expect(screen('日本中融通贸易')).toEqual([]);
  });
});

describe('the legal forms in words.yaml', () => {
  test('when a word map has no chineseLegalForms, then it is still valid and has none', () => {
    const { chineseLegalForms: _, ...older } = data.words;
    expect(WordsFileSchema.parse(older).chineseLegalForms).toEqual([]);
    expect(data.words.chineseLegalForms).toContain('有限公司');
  });
});
