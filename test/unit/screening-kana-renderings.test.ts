/**
 * Japanese renderings of listed names that katakana and kanji write their own way (issue 13): katakana legal forms
 * (リミテッド, インク) dropped like Latin ones; the sounds Japanese changes (a vowel and r before a consonant as ー,
 * -ign as イン, -tic as チック, ウィ as wi, ch as チ); kanji words after a katakana or Latin name (造船所, 製鉄所, 銀行,
 * 触媒); and country words (北朝鮮 is 朝鮮, 全露 is 全ロシア). Each with the innocent name it must not turn into a hit.
 */
import { describe, expect, test } from 'vitest';
import { foldCjkRun } from '../../src/screening/normalize.ts';
import { kanaKey, kanaKeys, latinKeys, phoneticKey } from '../../src/screening/phonetic.ts';
import { list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Win Key Limited', localName: 'ウィン･キー有限会社', country: 'HK' },
      { name: 'Tordan Industry Limited', country: 'HK' },
      { name: 'Align Trading Company Limited', country: 'HK' },
      { name: 'Baltic Shipyard', country: 'RU' },
      { name: 'Choson Central Bank', localName: '朝鮮中央銀行', country: 'KP' },
      { name: 'Korea Zinc Industrial Group', localName: '朝鮮亜鉛工業総会社', country: 'KP' },
      { name: 'All Russian Research Institute of Experimental Physics', country: 'RU' },
      { name: 'Boreskov Institute of Catalysis', country: 'RU' },
      { name: 'Techno Lab', country: 'IR' },
      { name: 'Yarsanat', country: 'IR' },
    ],
    'test-list',
  ),
]);
const entries = (q: string, country?: string) => screen(q, country).map((h) => h.entry);

describe('katakana legal forms', () => {
  test.each([
    ['ウィンキー・リミテッド', 'ウィンキー'],
    ['ウィンキーリミテッド', 'ウィンキー'],
    ['アライン・インク', 'アライン'],
    ['アライン・エルエルシー', 'アライン'],
    ['リミテッド・アライン', 'アライン'],
  ])('when %s is folded, then the legal form is gone as in %s', (a, b) => {
    expect(foldCjkRun(a)).toBe(foldCjkRun(b));
  });

  test('when インク ends an ordinary word, then it stays (ウインク is a wink, not "W Inc.")', () => {
    expect(foldCjkRun('ウインク')).toBe('ウインク');
    expect(foldCjkRun('リミテッドエディション')).toBe('リミテッドエディション');
  });

  test('when a katakana name ends in リミテッド, then it meets the listed local name with 有限会社', () => {
    expect(entries('ウィンキー・リミテッド')).toEqual([1]);
  });
});

describe('the sounds Japanese renders its own way', () => {
  test('when a katakana word has ウィ, ウェ or ウォ, then it is keyed as wi, we, wo', () => {
    expect(kanaKey('ウィンキー')).toBe(phoneticKey('Winkey'));
    expect(kanaKey('ウェスタン')).toBe(phoneticKey('Westan'));
    expect(kanaKey('ウォッカ')).toBe(phoneticKey('Wokka'));
  });

  test('when a katakana word has a long vowel before a consonant, then it may stand for a vowel and r', () => {
    expect(kanaKeys('トーダン')).toContain(phoneticKey('Tordan'));
    expect(kanaKeys('トーダン')[0]).toBe(kanaKey('トーダン'));
    expect(kanaKeys('トダン')).toEqual([kanaKey('トダン')]);
  });

  test('when a katakana word has チック, then it may stand for -tic; チ elsewhere stays ch', () => {
    expect(kanaKeys('バルチック')).toContain(phoneticKey('Baltic'));
    expect(kanaKeys('チキン')).toEqual([kanaKey('チキン')]);
  });

  test('when a Latin word has -ign or ch before a vowel, then its keys include the katakana reading', () => {
    expect(latinKeys('Align')).toContain(kanaKey('アライン'));
    expect(latinKeys('Chaek')).toContain(kanaKey('チェク'));
    expect(latinKeys('Align')[0]).toBe(phoneticKey('Align'));
    expect(latinKeys('Moscow')).toEqual([phoneticKey('Moscow')]);
  });

  test.each([
    ['トーダン・インダストリー', 2, 'strong'],
    ['バルチック造船所', 4, 'strong'],
    // "Company" of the listed name is not in the query: a person looks.
    ['アライン・トレーディング', 3, 'possible'],
  ])('when %s is screened, then entry %i is a %s hit', (q, entry, type) => {
    const [hit] = screen(q);
    expect(hit?.entry).toBe(entry);
    expect(hit?.matchType).toBe(type);
  });

  test('when a katakana word only shares a reading with a listed word, then an innocent name finds nothing', () => {
    // チキン is not "techno" (チ is -tic only in チック); 国立がん研究センター is not Yarsanat (no r read into センター).
    expect(entries('ラボーチキン')).toEqual([]);
    expect(entries('国立がん研究センター')).toEqual([]);
  });
});

describe('kanji words and country words beside a name', () => {
  test.each([
    ['北朝鮮中央銀行', 5],
    ['朝鮮亜鉛工業総公司', 6],
    ['全露実験物理学研究所（サロフ）', 7],
    ['Boreskov触媒研究所', 8],
  ])('when %s is screened, then entry %i is a hard hit', (q, entry) => {
    const [hit] = screen(q);
    expect(hit?.entry).toBe(entry);
    expect(hit?.matchType).not.toBe('possible');
  });

  test('when another bank or institute is named, then the country and kanji words alone find nothing', () => {
    expect(entries('韓国中央銀行')).toEqual([]);
    expect(entries('全露研究所')).toEqual([]);
    expect(entries('中央銀行')).toEqual([]);
  });
});
