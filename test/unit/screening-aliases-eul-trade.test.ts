/**
 * Curated aliases for the End User List's trading firms, Iranian industries and Pakistani, Gulf, DPRK and Russian
 * suppliers that had none (issue 13, screening recall): the katakana, kanji, Hangul, Cyrillic or variant English
 * spelling a researcher or an export-control office writes finds the entry; a generic-sounding rendering stays a
 * whole-name possible match; and the real institution next to a new alias is not taken for it.
 */
import { describe, expect, test } from 'vitest';
import { bundled, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const ref = hitRef;
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => ref(h) === wanted);

describe('EUL firms written as Japanese, Korean, Russian and English sources write them', () => {
  test.each([
    ['シャヒード・カルホル工業', 'jp-eul#241', 'IR'], // katakana name + 工業 for Industries
    ['シャヒド・ハラジ・インダストリーズ', 'jp-eul#244', undefined],
    ['Shaheed Kharrazi Industries', 'jp-eul#244', 'IR'], // Shaheed, the other usual spelling of Shahid
    ['ピシュガム電子', 'jp-eul#198', undefined],
    ['Pishro Mobtaker', 'jp-eul#199', 'IR'],
    ['Hosseini Najad Trading Company', 'jp-eul#114', 'IR'], // Nejad written Najad
    ['北京海立联合科技', 'jp-eul#489', 'CN'], // simplified form of the listed 北京海立連合科技有限公司
    ['Beijing Ketaike Technology', 'jp-eul#491', 'CN'], // pinyin of 北京科泰克科技
    ['大連理工安全装備', 'jp-eul#523', 'CN'],
    ['キャンディッド総合商社', 'jp-eul#4', 'AE'], // Candid General Trading: 総合商社 for General Trading
    ['평양전화교환국', 'jp-eul#417', 'KP'],
    ['ООО Интертех Рус', 'jp-eul#752', 'RU'],
  ])('when the query is %s, then %s is a hard hit', (query, wanted, country) => {
    expect(['exact', 'strong']).toContain(find(query, wanted, country)?.matchType);
  });

  test('when a generic-sounding katakana rendering is the whole query, then it is possible only, and nothing for Japan', () => {
    expect(find('シグマテック', 'jp-eul#467')?.matchType).toBe('possible');
    expect(find('シグマテック', 'jp-eul#467', 'JP')).toBeUndefined();
    expect(find('プライムテック', 'jp-eul#679', 'JP')).toBeUndefined();
    expect(find('アルファペイント', 'jp-eul#50')?.matchType).toBe('possible');
  });

  test('when a one-distinctive-word alias is screened for another country, then it is no hard hit', () => {
    // In its own country it is found (since the transliteration key, as the listed Karanir itself: strong).
    expect(find('Karaneer', 'jp-eul#148', 'IR')).toBeDefined();
    expect(find('Karaneer', 'jp-eul#148', 'JP')).toBeUndefined();
  });

  test('when the real neighbour of a new alias is screened, then the alias does not take it', () => {
    // 大連理工安全装備 (Dalian Ligong Safety Equipment) must not reach Dalian University of Technology.
    expect(find('大连理工大学', 'jp-eul#523', 'CN')).toBeUndefined();
    expect(find('大連理工大学', 'jp-eul#523')).toBeUndefined();
    // a stock phrase one word shorter than the listed name stays possible
    expect(find('Odyssey Trading', 'jp-eul#20')?.matchType).toBe('possible');
  });
});
