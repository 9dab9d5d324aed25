/**
 * Japanese renderings of listed entities (issue 13, dev set kana): the classes the dev set's misses showed, each
 * fixed as a class — Japanese institution words translated as Japanese writes them (複合体 for Complex, 研究 alone,
 * 発動機, 生産合同 …), a listed name of generic words and its country rendered word by word (イラン理工大学), the DPRK
 * named in front of a listed kanji name (朝鮮端川商業銀行), katakana spelling variants (ヴァ/バ, ティ/チ, トゥ/ツ …) and
 * 記念/名称 ("named after") present or not — and the near neighbours each fix must leave alone.
 */
import { describe, expect, test } from 'vitest';
import { checkEvalSets, DEV_KANA_FILE, DEV_KANA_UNLISTED_FILE, loadDevKana } from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { kanaSpelling } from '../../src/screening/lexicon.ts';
import { kanaKeys, latinKeys } from '../../src/screening/phonetic.ts';
import { bundled, GOLDEN_DIR, hitRef, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const { lists } = loadLists(`${RULES_DIR}/lists`);
const ref = hitRef;
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => ref(h) === wanted);
const HARD = ['exact', 'strong'];

describe('the dev set kana is sound data', () => {
  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = loadDevKana(GOLDEN_DIR);
    expect(set.renderings.length).toBeGreaterThan(250);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(100);
    expect(checkEvalSets(set, lists, { renderings: DEV_KANA_FILE, unlisted: DEV_KANA_UNLISTED_FILE })).toEqual([]);
  });
});

describe('Japanese institution words as the press and METI translate them', () => {
  test.each([
    ['航空兵器複合体', 'jp-eul#605', 'PK'], // 複合体 for Complex (Air Weapons Complex; 航空 is Air too)
    ['重機械複合体', 'jp-eul#626', 'PK'], // Heavy Mechanical Complex
    ['先端工学研究機構', 'jp-eul#602', 'PK'], // 研究 alone: Advanced Engineering Research Organization
    ['ウリヤノフスク弾薬工場', 'jp-ru-specified#477', 'RU'], // 弾薬 for Cartridge Works
    ['オムスク発動機設計局', 'jp-ru-specified#318', 'RU'], // 発動機 for Motor
    ['プスコフ長距離通信機器工場', 'jp-ru-specified#149', 'RU'], // 長距離, 機器: Distance Communications Equipment
    ['タクティカル・ミサイルズ・コーポレーション', 'jp-eul#821', undefined], // ミサイルズ, the plural as one word
  ])('when the query is %s, then %s is a hard hit', (query, wanted, country) => {
    expect(HARD).toContain(find(query, wanted, country)?.matchType);
  });
});

describe('a listed name of generic words, with its country, rendered word by word', () => {
  test.each([
    ['イラン理工大学', 'jp-eul#132'], // Iran University of Science and Technology
    ['イラン・エレクトロニクス工業', 'jp-eul#126'], // Iran Electronics Industries
    ['パキスタン航空複合体', 'jp-eul#668'], // Pakistan Aeronautical Complex
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when generic words come without the country, or leave a listed word out, then nothing is found', () => {
    // "Electronics Institute" (Syria) is all generic: 電子研究所 is any electronics laboratory.
    expect(find('電子研究所', 'jp-eul#453')).toBeUndefined();
    // 工科 is not 科学: Iran University of Science and Technology is not covered.
    expect(find('イラン工科大学', 'jp-eul#132')).toBeUndefined();
  });
});

describe('the DPRK named in front of a listed kanji name', () => {
  test('when 朝鮮 or 北朝鮮 stands before the listed 端川商業銀行, then Tanchon Commercial Bank is a hard hit', () => {
    expect(HARD).toContain(find('朝鮮端川商業銀行', 'jp-eul#439')?.matchType);
    expect(HARD).toContain(find('北朝鮮端川商業銀行', 'jp-eul#439')?.matchType);
  });

  test('when 朝鮮 and another name stand before a listed tail (4.27貿易会社), then that entry is not taken', () => {
    expect(find('朝鮮東城技術貿易会社', 'jp-eul#297')).toBeUndefined();
    expect(HARD).toContain(find('朝鮮東城技術貿易会社', 'jp-eul#336')?.matchType);
  });
});

describe('katakana spelling variants of one foreign word', () => {
  test('when spellings differ only by ヴ syllables, ティ/チ, ディ/ジ, トゥ/ツ, ドゥ/ド, スィ/シ, ウィ/ウイ, イェ/エ, then they fold to one', () => {
    expect(kanaSpelling('クブァント')).toBe(kanaSpelling('クバント'));
    expect(kanaSpelling('イニシアティブ')).toBe('イニシアチブ');
    expect(kanaSpelling('ラディオ')).toBe('ラジオ');
    expect(kanaSpelling('トゥポレフ')).toBe('ツポレフ');
    expect(kanaSpelling('ドゥブナ')).toBe('ドブナ');
    expect(kanaSpelling('トゥースィー')).toBe('ツーシー');
    expect(kanaSpelling('ウィンキー')).toBe('ウインキー');
    expect(kanaSpelling('イェルショフ')).toBe('エルショフ');
    expect(kanaSpelling('グァンジョウ')).toBe('グアンジョウ');
    // ッ stays: a short name without it is too short to tell (コッズ is not コズ).
    expect(kanaSpelling('コッズ')).toBe('コッズ');
  });

  test.each([
    ['クバント', 'jp-ru-specified#41', 'RU'], // listed クヴァント
    ['防衛イニシアティブ', 'jp-by-specified#20', 'BY'], // listed 防衛イニシアチブ
    ['トゥポレフ', 'jp-ru-specified#45', undefined], // listed ツポレフ
    ['株式会社ヴォトキンスク工場', 'jp-ru-specified#311', undefined], // alias ボトキンスク工場
  ])('when the query is %s, then %s is a hard hit', (query, wanted, country) => {
    expect(HARD).toContain(find(query, wanted, country)?.matchType);
  });

  test('when a katakana word is heard against a Latin name, then its spelling is kept (セキュリティ is not セキュリチ)', () => {
    // The spelling fold is for comparing katakana with katakana; シャリフ still meets Sharif by sound.
    expect(HARD).toContain(find('シャリフ工科大学', 'jp-eul#259')?.matchType);
    expect(find('コッズ航空産業', 'jp-eul#206')).toBeDefined();
  });
});

describe('記念 and 名称 ("named after") present or left out', () => {
  test.each([
    ['トラペズニコフ記念制御科学研究所', 'jp-ru-specified#264'], // listed with 名称
    ['ミンツ無線技術研究所', 'jp-ru-specified#255'], // listed A.L.ミンツ名称無線技術研究所
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });
});

describe('研究所, 研究センター and 研究院 written for one another', () => {
  test.each([
    ['ネゲヴ原子力研究所', 'jp-eul#34'], // Nuclear Research Center Negev
    ['シャヒード・エスラミ研究所', 'jp-eul#239'], // Shahid Eslami Research Center
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when 研究センター is written for Laboratories, then Khan Research Laboratories is found', () => {
    expect(find('カーン研究センター', 'jp-eul#641')).toBeDefined();
  });
});

describe('Latin spellings as katakana renders them', () => {
  test.each([
    ['ネゲヴ', 'negev'], // a final v kept voiced (ヴ), not devoiced to フ
    ['カーン', 'khan'], // kh as カ
    ['パフシュ', 'pakhsh'], // kh as フ after a vowel
    ['シンセシス', 'synthesis'], // th as s
    ['テクノ', 'techno'], // ch as k
    ['レベジェフ', 'lebedev'], // ジェ for a Russian soft de
  ])('when %s is heard against %s, then one of their keys is the same', (kana, latin) => {
    const keys = new Set(latinKeys(latin));
    expect(kanaKeys(kana).some((k) => keys.has(k))).toBe(true);
  });

  test.each([
    ['システムズ・オブ・バイオロジカル・シンセシス', 'jp-eul#820'], // Systems of Biological Synthesis
    ['ロシア科学アカデミー・レベジェフ物理研究所', 'jp-ru-specified#345'], // Lebedev Physical Institute
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when a katakana name has a short word beside longer ones, then it is found, at most as possible', () => {
    // キミヤ "km" and サディド "sd", サバ "sb" are too short alone; the longer words of the same name confirm them.
    expect(find('キミヤ・パート・シヴァン', 'jp-eul#155')?.matchType).toBe('possible');
    expect(find('サディド・カラン・サバ・エンジニアリング', 'jp-eul#219')?.matchType).toBe('possible');
  });
});

describe('Shenzhen as the Japanese press writes it', () => {
  test('when 深セン stands for 深圳, then the Shenzhen company is a hard hit', () => {
    expect(HARD).toContain(find('深セン5Gハイテク・イノベーション', 'jp-third-specified#10')?.matchType);
  });
});

describe('the entity’s own country written in Japanese beside its name', () => {
  test('when パキスタン stands before a Pakistani entity without a country in its name, then it is found as "Pakistan …" is', () => {
    expect(HARD).toContain(find('パキスタン国家開発複合体', 'jp-eul#660')?.matchType); // National Development Complex
    expect(HARD).toContain(find('シリア国防産業公社', 'jp-eul#458')?.matchType); // Industrial Establishment of Defense
  });

  test('when another country stands there, then it is not taken for context', () => {
    expect(find('イラン国家開発複合体', 'jp-eul#660')).toBeUndefined();
  });
});

describe('国営 (state-run) in front of a state corporation', () => {
  test.each([
    ['国営ロステック', 'jp-ru-specified#37'],
    ['国営ロソボロンエクスポルト社', 'jp-ru-specified#36'],
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when 国営 stands before an unlisted name, then nothing is found', () => {
    expect(screener.screen('国営ガスプロム')).toEqual([]);
  });
});
