/**
 * Names in Chinese characters scored against each other (cjk-score.ts), through the public screener on a small
 * list: a listed name inside a longer text (a school or a person after it, the entity's own country before it;
 * another body after it caps, another country or any other text before it vetoes), and near names by bigrams
 * and edits, the worse of the whole name and its distinctive core.
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Qarvel Aeronautics Academy', localName: '卡尔维尔航空学院', country: 'CN' },
      { name: 'Zentharo Ubrel Works', localName: '泽塔罗乌布雷尔工厂', country: 'RU' },
      { name: 'Sichuan Kelvor', localName: '四川凯沃', country: 'CN' },
      // RU, not CN: a Chinese company's name is also met by its trade name (han-latin-score.ts), which would
      // answer these near-name cases with its own grades and hide the bigram scores this file pins.
      { name: 'Dravonel Kitterm Institute', localName: '德拉沃内尔基特姆研究所', country: 'RU' },
      { name: 'Zentharo Works', localName: 'Zentharo 泽塔罗工厂', country: 'RU' },
      { name: 'Momo Lab', localName: '莫莫莫莫研究所', country: 'RU' },
    ],
    'test-list',
  ),
]);

describe('a listed CJK name inside a longer text', () => {
  test('when a school, a department or a person follows it, then it is strong at 0.95', () => {
    expect(brief(screen('卡尔维尔航空学院材料系'))).toEqual([[1, 'strong', 0.95]]);
    expect(brief(screen('卡尔维尔航空学院の王先生'))).toEqual([[1, 'strong', 0.95]]);
    expect(brief(screen('四川凯沃公司'))).toEqual([[3, 'strong', 0.95]]);
  });

  test('when a vocational or affiliated school follows it, then it is at most possible, for a person to look at', () => {
    expect(brief(screen('卡尔维尔航空学院附属中学'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('卡尔维尔航空学院职业学院'))).toEqual([[1, 'possible', 0.8]]);
  });

  test('when the entity’s own country stands in front, then it is found; another country or other text, not', () => {
    expect(brief(screen('中国卡尔维尔航空学院'))).toEqual([[1, 'strong', 0.95]]);
    expect(brief(screen('ロシア泽塔罗乌布雷尔工厂'))).toEqual([[2, 'strong', 0.95]]);
    expect(screen('中国泽塔罗乌布雷尔工厂')).toEqual([]);
    expect(screen('蓝天卡尔维尔航空学院')).toEqual([]);
  });

  test('when a particle (の, 的) ends what stands in front, then the name is still found', () => {
    expect(brief(screen('谁の卡尔维尔航空学院'))).toEqual([[1, 'strong', 0.95]]);
    // 的 is a Chinese function word (words.yaml chineseParticles): a Chinese sentence is cut at it, as at の.
    expect(brief(screen('谁的卡尔维尔航空学院'))).toEqual([[1, 'strong', 0.95]]);
  });

  test('when the listed name is short (four characters) and one follows it, then it is inside the text', () => {
    expect(brief(screen('四川凯沃沃'))).toEqual([[3, 'strong', 0.95]]);
  });
});

describe('near CJK names', () => {
  test('when one character of a long name differs or is missing, then it is strong (0.909)', () => {
    expect(brief(screen('德拉沃内尔基特姆研究院'))).toEqual([[4, 'strong', 0.909]]);
    expect(brief(screen('德拉沃内尔基特研究所'))).toEqual([[4, 'strong', 0.909]]);
    expect(brief(screen('卡尔维尔航空学'))).toEqual([[1, 'strong', 0.909]]);
  });

  test('when a character of the distinctive part is missing, then the core caps it at possible (0.833)', () => {
    expect(brief(screen('卡尔维航空学院'))).toEqual([[1, 'possible', 0.833]]);
  });

  test('when the distinctive part is mostly missing, then nothing is found', () => {
    expect(screen('德拉沃内尔研究所')).toEqual([]);
  });
});

describe('repeated characters', () => {
  test('when a listed name repeats a pair of characters, then each pair counts once per occurrence', () => {
    expect(brief(screen('莫莫莫莫研究所'))).toEqual([[6, 'exact', 1]]);
    expect(brief(screen('莫莫莫研究所'))).toEqual([[6, 'strong', 0.909]]);
    // Four of the query's bigrams against the name's six: 2 × 4 / 10.
    expect(brief(screen('莫莫研究所'))).toEqual([[6, 'possible', 0.8]]);
  });
});

describe('a mixed-script listed name', () => {
  test('when the Latin word agrees, exactly, in another case or by a typo, then the name is found', () => {
    expect(brief(screen('Zentharo 泽塔罗工厂'))).toEqual([[5, 'exact', 1]]);
    expect(brief(screen('ZENTHARO 泽塔罗工厂'))).toEqual([[5, 'exact', 1]]);
    expect(brief(screen('Zentharu 泽塔罗工厂'))).toEqual([[5, 'strong', 1]]);
    expect(brief(screen('Zentharo 泽塔罗工厂材料系'))).toEqual([[5, 'strong', 0.95]]);
  });

  test('when the Latin word is another, then the CJK part alone does not make the match', () => {
    expect(screen('Kelvor 泽塔罗工厂')).toEqual([]);
  });
});
