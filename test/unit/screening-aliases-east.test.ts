/**
 * Curated aliases for North Korean, Chinese and Hong Kong entries that had none (issue 13, screening recall):
 * the spelling a Japanese researcher copies from Japanese, Korean or Chinese text finds the entry, an ambiguous
 * short form stays a whole-name possible match, and a near neighbour of a new alias is not taken for it.
 */
import { describe, expect, test } from 'vitest';
import { bundled, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const ref = hitRef;
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => ref(h) === wanted);

describe('North Korean entries written as Japanese and Korean sources write them', () => {
  test.each([
    ['一心国際銀行', 'jp-eul#324'], // Ilsim International Bank: kanji word for word from the Korean
    ['朝鮮統一発展銀行', 'jp-eul#379'],
    ['会寧海運会社', 'jp-eul#322'], // the alias is 会寧海運; 会社 after it still finds it
    ['対外建設指導局', 'jp-eul#314'],
    ['조선광성무역회사', 'jp-eul#350'], // Hangul reading of the listed kanji name
    ['민족경제협력련합회', 'jp-eul#450'], // DPRK spelling (련합)
    ['大安親善ガラス工場（平安南道）', 'jp-eul#437'], // the Japanese the EUL gives only inside its primary name
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(['exact', 'strong']).toContain(find(query, wanted)?.matchType);
  });

  test('when the bare 東方銀行 is the query, then Bank of East Land is only a possible match, and not for another country', () => {
    expect(find('東方銀行', 'jp-eul#302')?.matchType).toBe('possible');
    expect(find('東方銀行', 'jp-eul#302', 'JP')).toBeUndefined();
    expect(find('北朝鮮東方銀行', 'jp-eul#302')?.matchType).toBe('exact');
  });

  test('when a Japanese company one character away is screened, then the new kanji alias does not take it', () => {
    // 太平洋海運 is a Japanese shipping line; the alias is 太平山海運 (Thaephyongsan Shipping).
    expect(find('太平洋海運', 'jp-eul#440')).toBeUndefined();
  });
});

describe('Chinese and Hong Kong entries by their Chinese names', () => {
  test.each([
    ['丹东鸿祥实业发展有限公司', 'jp-eul#528'],
    ['丹東鴻祥実業発展有限公司', 'jp-eul#528'], // Japanese shinjitai folds to the simplified alias
    ['中核北方核燃料元件有限公司', 'jp-eul#486'], // the Baotou 202 plant's current name
    ['丹东金祥贸易有限公司', 'jp-eul#529'],
    ['快急送物流', 'jp-eul#721'],
    ['Shenzhen Yitai Technology Co Ltd', 'jp-third-specified#49'], // the list's alias, stored run together
  ])('when the query is %s, then %s is a hard hit', (query, wanted) => {
    expect(['exact', 'strong']).toContain(find(query, wanted)?.matchType);
  });

  test('when an ambiguous short form is the whole query, then it is possible only; inside a longer name it is nothing', () => {
    expect(find('鸿祥实业', 'jp-eul#528', 'CN')?.matchType).toBe('possible');
    expect(find('鸿祥实业集团', 'jp-eul#528')).toBeUndefined();
    expect(find('中核北方核电', 'jp-eul#486')).toBeUndefined();
  });
});
