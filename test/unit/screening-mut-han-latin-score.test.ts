/**
 * A Han company name met with a listed Chinese name by its parts (han-latin-score.ts): the grade of two names'
 * parts on small synthetic parts (syllables, places, industry, group, a lead word that may be a place), the
 * industry words' agreement, and through the public screener on a small list which entries the index holds
 * (Chinese, Hong Kong, Macau or Taiwan entries only; a Han name alone) and when a Latin word refuses the match.
 */
import { describe, expect, test } from 'vitest';
import {
  gradeTradeName,
  industryAgrees,
  TRADE_POSSIBLE_SCORE,
  TRADE_STRONG_SCORE,
} from '../../src/screening/han-latin-score.ts';
import type { TradeNameParts } from '../../src/screening/trade-name.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const parts = (
  trade: string,
  industry: string[] = [],
  places: string[] = [],
  more: Partial<TradeNameParts> = {},
): TradeNameParts => ({ trade, industry: new Set(industry), places, ...more });
const STRONG = TRADE_STRONG_SCORE;
const POSSIBLE = TRADE_POSSIBLE_SCORE;

describe('the grade of a trade name', () => {
  test('when the scores are read, then strong is 0.92 and possible the possible cap 0.85', () => {
    expect([STRONG, POSSIBLE]).toEqual([0.92, 0.85]);
  });

  test('when the trade name has one syllable, then it is no match', () => {
    expect(gradeTradeName(parts('嘉', ['aluminium']), parts('jia', ['aluminium']))).toBe(0);
  });

  test('when both name places and they differ, then it is no match; one side without a place does not refuse', () => {
    expect(gradeTradeName(parts('中融通', ['trade'], ['shanghai']), parts('x', ['trade'], ['qingdao']))).toBe(0);
    expect(gradeTradeName(parts('中融通', ['trade'], ['qingdao']), parts('x', ['trade'], ['qingdao']))).toBe(STRONG);
    expect(gradeTradeName(parts('中融通', ['trade'], ['qingdao']), parts('x', ['trade']))).toBe(STRONG);
    expect(gradeTradeName(parts('中融通', ['trade']), parts('x', ['trade'], ['qingdao']))).toBe(STRONG);
  });

  test('when three syllables and the industry agree, then it is strong; without the industry, possible', () => {
    expect(gradeTradeName(parts('中融通', ['trade']), parts('x', ['trade']))).toBe(STRONG);
    expect(gradeTradeName(parts('中融通'), parts('x'))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('中融通', ['trade']), parts('x'))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('中融通'), parts('x', ['trade']))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('中融通', ['electronics']), parts('x', ['aluminium']))).toBe(POSSIBLE);
  });

  test('when the query names a group the listed name is not, then the industry does not agree', () => {
    const group = { group: true };
    expect(gradeTradeName(parts('中融通', ['trade'], [], group), parts('x', ['trade']))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('中融通', ['trade'], [], group), parts('x', ['trade'], [], group))).toBe(STRONG);
    expect(gradeTradeName(parts('中融通', ['trade']), parts('x', ['trade'], [], group))).toBe(STRONG);
  });

  test('when the listed name’s lead word was dropped as a place, then it is possible with the industry, else nothing', () => {
    const dropped = { leadDropped: true };
    expect(gradeTradeName(parts('中融通', ['trade']), parts('x', ['trade'], ['y'], dropped))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('中融通', ['electronics']), parts('x', ['trade'], ['y'], dropped))).toBe(0);
    expect(gradeTradeName(parts('中融通'), parts('x', [], [], dropped))).toBe(0);
  });

  test('when two syllables meet, then the industry or, with none and no group, the place must agree', () => {
    expect(gradeTradeName(parts('嘉源', ['aluminium']), parts('x', ['aluminium']))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('嘉源', ['electronics']), parts('x', ['aluminium']))).toBe(0);
    expect(gradeTradeName(parts('嘉源', [], ['henan']), parts('x', [], ['henan']))).toBe(POSSIBLE);
    expect(
      gradeTradeName(parts('嘉源', [], ['henan'], { group: true }), parts('x', [], ['henan'], { group: true })),
    ).toBe(0);
    expect(gradeTradeName(parts('嘉源', ['electronics'], ['henan']), parts('x', ['aluminium'], ['henan']))).toBe(0);
    expect(gradeTradeName(parts('嘉源'), parts('x'))).toBe(0);
    expect(gradeTradeName(parts('嘉源', [], [], { group: true }), parts('x', ['aluminium'], [], { group: true }))).toBe(
      0,
    );
  });

  test('when the query’s first two or three characters spell the listed lead word, then they are not counted', () => {
    const lead = (l: string) => ({ lead: l });
    // 丹东 + 中盛: two syllables name the company, with the industry: possible; without it, nothing.
    expect(gradeTradeName(parts('丹东中盛', ['trade']), parts('x', ['trade'], [], lead('dandong')))).toBe(POSSIBLE);
    expect(gradeTradeName(parts('丹东中盛'), parts('x', [], [], lead('dandong')))).toBe(0);
    expect(gradeTradeName(parts('哈尔滨中盛', ['trade']), parts('x', ['trade'], [], lead('haerbin')))).toBe(POSSIBLE);
    // Without a lead, or a lead the characters do not spell, or too few left: all are counted.
    expect(gradeTradeName(parts('丹东中盛', ['trade']), parts('x', ['trade']))).toBe(STRONG);
    expect(gradeTradeName(parts('中盛丹东', ['trade']), parts('x', ['trade'], [], lead('dandong')))).toBe(STRONG);
    expect(gradeTradeName(parts('丹东中', ['trade']), parts('x', ['trade'], [], lead('dandong')))).toBe(STRONG);
  });
});

describe('industry words', () => {
  const set = (...w: string[]) => new Set(w);
  test('when a specific word is shared, then they agree, whatever else either names', () => {
    expect(industryAgrees(set('aluminium'), set('aluminium', 'industry'))).toBe(true);
    expect(industryAgrees(set('industry', 'aluminium'), set('magnetic', 'aluminium'))).toBe(true);
  });

  test('when only generic words are shared, then they agree only if neither names a specific one', () => {
    expect(industryAgrees(set('industry', 'trade'), set('industry'))).toBe(true);
    expect(industryAgrees(set('industry', 'aluminium'), set('industry'))).toBe(false);
    expect(industryAgrees(set('industry'), set('industry', 'magnetic'))).toBe(false);
  });

  test('when nothing is shared, then they do not agree', () => {
    expect(industryAgrees(set(), set())).toBe(false);
    expect(industryAgrees(set('trade'), set('industry'))).toBe(false);
    expect(industryAgrees(set('aluminium'), set('magnetic'))).toBe(false);
  });
});

describe('the trade-name index through the screener', () => {
  const screen = screenOver([
    list(
      [
        { name: 'QINGDAO ZHONGRONGTONG TRADE DEVELOPMENT CO., LTD.', country: 'CN' },
        { name: 'Velantrix Ltd', localName: '广州欧赛科技有限公司', country: 'CN' },
        { name: 'Zhongrongtong Trading LLC', country: 'RU' },
        { name: 'Kaili Industrial HK Limited', country: 'HK' },
        { name: 'Jiayuan Aluminium Industry' },
        { name: 'Marvetic Ltd', localName: '深圳嘉瑞科技（カシ）', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test('when a Chinese entry’s pinyin or Han trade name is written in Han, then it is found, never exact', () => {
    expect(brief(screen('中融通贸易'))).toEqual([[1, 'strong', 0.92]]);
    expect(brief(screen('欧赛科技'))).toEqual([[2, 'possible', 0.85]]);
    expect(brief(screen('香港凯利实业'))).toEqual([[4, 'possible', 0.85]]);
  });

  test('when the entry is not Chinese or has no country, then its pinyin name is not met from Han', () => {
    expect(screen('中融通贸易').map((h) => h.entry)).not.toContain(3);
    expect(screen('嘉源铝业')).toEqual([]);
  });

  test('when the listed Han name stands beside kana, then it is not read by its parts', () => {
    expect(screen('嘉瑞科技')).toEqual([]);
  });

  test('when the query has a Latin word the listed name lacks, then nothing is found; a place is no such word', () => {
    expect(screen('Toyota 中融通贸易')).toEqual([]);
    expect(brief(screen('Qingdao 中融通贸易'))).toEqual([[1, 'strong', 0.92]]);
  });
});
