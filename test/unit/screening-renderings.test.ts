/**
 * Japanese and Chinese renderings of listed Latin names through the public screener: katakana by sound (ヴ/ブ,
 * ー, ッ, ・ and spaces make no difference), institution words translated, a listed name inside a longer name,
 * and width and case folding.
 */
import { describe, expect, test } from 'vitest';
import { kanaKey, phoneticKey } from '../../src/screening/phonetic.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Sharif University of Technology', country: 'IR' },
      { name: 'Moscow Institute of Physics and Technology', country: 'RU' },
      { name: 'Malek Ashtar University of Technology', country: 'IR' },
      { name: 'Volga Dnepr Airlines', country: 'RU' },
      { name: 'Beihang University', localName: '北京航空航天大学', country: 'CN' },
      { name: 'Kraftway Corporation', country: 'RU' },
      { name: 'Mikron', country: 'RU' },
      { name: 'Tehran Vostrel Company', country: 'IR' },
      { name: 'Pakistan Atomic Energy Commission', country: 'PK' },
    ],
    'test-list',
  ),
]);

describe('the phonetic key of katakana', () => {
  test.each([
    ['ヴァ', 'バ'],
    ['ヴィクトル', 'ビクトル'],
    ['コーラ', 'コラ'],
    ['ロッキー', 'ロキ'],
    ['マレク・アシュタール', 'マレクアシュタール'],
    ['マレク アシュタール', 'マレクアシュタール'],
    ['マレク･アシュタール', 'マレクアシュタール'],
  ])('when %s is keyed, then it has the key of %s', (a, b) => {
    expect(kanaKey(a)).toBe(kanaKey(b));
    expect(kanaKey(a)).not.toBe('');
  });

  test('when ヴ, ー and ッ are keyed, then they are b, nothing and nothing', () => {
    expect(kanaKey('ヴィクトル')).toBe('bktr');
    expect(kanaKey('コーラ')).toBe('kr');
    expect(kanaKey('ロッキー')).toBe('rk');
    expect(kanaKey('マレク・アシュタール')).toBe('mrkstr');
    expect(kanaKey('ヴォルガ')).toBe(phoneticKey('Volga'));
  });
});

describe('katakana renderings find the listed name', () => {
  test.each([
    ['シャリフ工科大学', 1],
    ['シャリーフ工科大学', 1],
    ['シャリッフ工科大学', 1],
    ['マレク・アシュタール工科大学', 3],
    ['マレクアシュタール工科大学', 3],
    ['マレク アシュタール工科大学', 3],
    ['ベイハン大学', 5],
  ])('when %s is screened, then entry %i is a strong hit below 1', (q, entry) => {
    const [hit] = screen(q);
    expect(hit).toMatchObject({ entry, matchType: 'strong' });
    expect(hit!.score).toBeGreaterThan(0.95);
    expect(hit!.score).toBeLessThan(1);
  });

  test('when every word of the name is translated, then the match is strong with score 1', () => {
    expect(brief(screen('モスクワ物理工科大学'))).toEqual([[2, 'strong', 1]]);
    expect(brief(screen('パキスタン原子力委員会'))).toEqual([[9, 'strong', 1]]);
    expect(brief(screen('パキスタン原子力委员会'))).toEqual([[9, 'strong', 1]]);
  });

  test('when a katakana name only sounds like a one-word name, then it is possible at most', () => {
    expect(brief(screen('ミクロン'))).toEqual([[7, 'possible', 0.8]]);
    expect(brief(screen('ミクロン社'))).toEqual([[7, 'possible', 0.8]]);
    expect(screen('オラクル')).toEqual([]);
    expect(brief(screen('クラフトウェイ'))).toEqual([[6, 'possible', 0.85]]);
    expect(brief(screen('クラフトウェー'))).toEqual([[6, 'possible', 0.85]]);
  });

  test('when only the distinctive word is written in katakana, then the generic rest decides: not enough', () => {
    expect(screen('シャリフ')).toEqual([]);
  });
});

describe('a listed name inside a longer name', () => {
  test.each([
    'School of Materials, Beihang University',
    'Beihang University School of Materials',
    'Prof. Li at Beihang University',
    'Dr. Li, Beihang University',
    'JST Beihang University',
    '北京航空航天大学の王先生',
    '北京航空航天大学材料学院',
    '北京航空航天大学 材料学院',
  ])('when %s is screened, then the listed name is a strong hit at 0.95', (q) => {
    expect(brief(screen(q))).toEqual([[5, 'strong', 0.95]]);
  });
});

describe('a misspelt listed name inside a longer name', () => {
  // Each part of the query between commas, "at", "in" … is scored as a name of its own: the rest is context.
  test.each([
    ['Department of Physics, Sharif Universty of Technology', 1],
    ['Prof. Ali at Sharif Universty of Technology', 1],
    ['School of Materials, Beihang Univrsity', 5],
  ])('when %s is screened, then entry %i is still a strong hit', (q, entry) => {
    expect(screen(q)).toMatchObject([{ entry, matchType: 'strong' }]);
  });

  test('when the other part is only a title or a place, then it names nothing by itself', () => {
    expect(screen('Prof. Dr., Tehran')).toEqual([]);
    expect(screen('University of Technology, Tehran')).toEqual([]);
  });
});

describe('spelling variants of the same name', () => {
  test.each([
    'Beihang Univ.',
    'Beihang Univ',
    'BEIHANG UNIVERSITY',
    'ｂｅｉｈａｎｇ　ｕｎｉｖｅｒｓｉｔｙ',
    'Beihang-University',
  ])('when %s is screened, then it is exact', (q) => {
    expect(brief(screen(q))).toEqual([[5, 'exact', 1]]);
  });

  test('when the abbreviations of a Web of Science affiliation are used, then it is exact', () => {
    expect(brief(screen('Sharif Univ. of Tech.'))).toEqual([[1, 'exact', 1]]);
  });
});
