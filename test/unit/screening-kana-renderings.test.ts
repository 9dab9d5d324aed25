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

  test('when a Latin word has ti, then it may be read as チ (-tic, -tika); チ is never read back as "ti"', () => {
    expect(latinKeys('Baltic')).toContain(kanaKey('バルチック'));
    expect(latinKeys('Logistika')).toContain(kanaKey('ロギスチカ'));
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

const screenMore = screenOver([
  list(
    [
      { name: 'United Shipbuilding Corporation', country: 'RU' },
      { name: 'Korea Mining Development Trading Corporation', country: 'KP' },
      { name: 'Korea Zinc Industrial Group', country: 'KP' },
      { name: 'Sukhoi Aviation JSC', localName: 'スホイ', country: 'RU' },
      { name: 'Kim Chaek Iron Works', country: 'KP' },
      { name: 'Air Koryo', country: 'KP' },
      { name: 'AO AZ Ural', country: 'RU' },
      { name: 'Proton JSC', localName: 'プロトン株式会社', country: 'RU' },
      { name: 'Green Pine Corporation', country: 'KP' },
    ],
    'test-list',
  ),
]);
const screenShipped = screenOver([list([{ name: 'Sukhoi Aviation JSC', country: 'RU' }], 'jp-eul')]);
const found = (q: string) => screenMore(q).map((h) => [h.entry, h.matchType] as const);

describe('katakana words Japanese writes its own way, and the innocent names beside them', () => {
  test('when a katakana word starts with ユ, then it may stand for an English initial u (United)', () => {
    expect(kanaKeys('ユナイテッド')).toContain(phoneticKey('United'));
    expect(found('ユナイテッド造船')).toEqual([[1, 'possible']]);
  });

  test('when コリア, 亜鉛 or a diphthong アイ (Mining) is written, then they meet Korea, Zinc and Mining', () => {
    expect(found('コリア・マイニング・ディベロップメント・トレーディング')[0]?.[0]).toBe(2);
    expect(found('コリア亜鉛工業グループ')[0]).toEqual([3, 'strong']);
  });

  test('when a short katakana word stands beside a longer one of the name, then it may meet a listed word', () => {
    expect(found('グリーン・パイン・コーポレーション')[0]?.[0]).toBe(9);
  });

  test('when a katakana name has generic katakana words the listed katakana name lacks, then it is a possible match', () => {
    // The curated スホイ (aliases.yaml) of the shipped entry; the listed local name alone is a short name.
    expect(screenShipped('スホイ・カンパニー').map((h) => [h.entry, h.matchType])).toEqual([[1, 'possible']]);
    // One ordinary katakana word with generic words is not enough to tell (プロトン is "proton").
    expect(found('プロトン・ホールディングス')).toEqual([]);
  });

  test('when two short listed words are written as one katakana word, then the name is found', () => {
    expect(found('キムチェク製鉄所')[0]).toEqual([5, 'strong']);
  });

  test('when a katakana company only sounds like two listed words run together, then it finds nothing', () => {
    // オラクル (Oracle) is not "Air Koryo" (it starts with o); エイサー (Acer) is not "AZ Ural".
    expect(found('オラクル')).toEqual([]);
    expect(found('エイサー')).toEqual([]);
  });
});

const screenWords = screenOver([
  list(
    [
      { name: 'Korea Computer Center', country: 'KP' },
      { name: 'Concern Radio-Electronic Technologies', country: 'RU' },
      { name: 'National Institute of Lasers and Optronics', country: 'PK' },
      { name: 'High Precision Systems', country: 'RU' },
    ],
    'test-list',
  ),
]);

describe('katakana loanwords and translated words as the listed English has them', () => {
  test('when the last long vowel of a katakana word is -er, then it may be read as r (コンピューター: computer)', () => {
    expect(kanaKeys('コンピューター')).toContain(phoneticKey('computer'));
    expect(screenWords('コリア・コンピューター・センター')[0]?.entry).toBe(1);
  });

  test('when ジオ is written, then it may be -dio (ラジオ: radio), and 技術 covers "Technologies"', () => {
    expect(kanaKeys('ラジオ')).toContain(phoneticKey('radio'));
    expect(screenWords('ラジオ電子技術コンツェルン')[0]?.entry).toBe(2);
  });

  test('when レーザー or 高精度 is written, then they meet "Lasers" and "High Precision"', () => {
    expect(screenWords('国立レーザー・オプトロニクス研究所')[0]?.entry).toBe(3);
    expect(screenWords('高精度システムズ')[0]?.entry).toBe(4);
  });
});
