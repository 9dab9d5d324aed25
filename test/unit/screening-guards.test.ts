/**
 * The false-positive guards through the public screener: a short name needs its country, a place in front of
 * a listed CJK name is another institution, numbers must agree, two dictionary words are not a typo of each
 * other, and a country or national academy named in the query vetoes another country's entity. A prohibited
 * answer on an innocent partner is a serious defect, so each guard is pinned with the name that passes next
 * to the name that must not.
 */
import { describe, expect, test } from 'vitest';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Joint Stock Company STAR', localName: '株式会社 STAR', aliases: ['JSC STAR'], country: 'RU' },
      { name: 'LLC Center', localName: '有限会社センター', country: 'RU' },
      { name: 'ETC Electronics', localName: 'ETC エレクトロニクス', country: 'RU' },
      { name: '13th Research Institute', localName: '第十三研究所', country: 'RU' },
      { name: 'CETC 14th Research Institute (CETC 14)', country: 'CN' },
      { name: 'Delta Electronic', country: 'RU' },
      { name: 'General Electronic', country: 'RU' },
      { name: 'University of Electronic Science and Technology of China', localName: '電子科技大学', country: 'CN' },
      { name: 'Institute of High Energy Physics', localName: '高エネルギー物理研究所', country: 'RU' },
      { name: 'Sharif University of Technology', country: 'IR' },
      { name: 'Hong Kong Kelvor Trading', country: 'HK' },
      { name: 'Tehran Vostrel Company', country: 'IR' },
    ],
    'test-list',
  ),
]);

describe('short names need their country', () => {
  test('when a one-word name is screened without its country or with another, then it is at most possible', () => {
    expect(brief(screen('STAR'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('STAR', 'SG'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('JSC STAR'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('センター'))).toEqual([[2, 'possible', 0.8]]);
    expect(brief(screen('Delta Electronic'))).toEqual([[6, 'possible', 0.8]]);
  });

  test('when the country agrees, then the one-word name is an exact hit', () => {
    expect(brief(screen('STAR', 'RU'))).toEqual([[1, 'exact', 1]]);
    expect(brief(screen('センター', 'RU'))).toEqual([[2, 'exact', 1]]);
    expect(brief(screen('Delta Electronic', 'RU'))).toEqual([[6, 'exact', 1]]);
  });

  test('when a name is two generic words, then it is not short, but ordinary: exact in its country, else possible', () => {
    // "General Electronic" is also an innocent company's name anywhere: the name alone proves no entity.
    expect(brief(screen('General Electronic', 'RU'))).toEqual([[7, 'exact', 1]]);
    expect(brief(screen('General Electronic, Russia'))).toEqual([[7, 'strong', 1]]);
    expect(brief(screen('General Electronic'))).toEqual([[7, 'possible', 0.85]]);
    expect(brief(screen('General Electronic', 'US'))).toEqual([[7, 'possible', 0.85]]);
  });

  test('when the short name is one word of a longer name, then nothing matches (A*STAR, LGエレクトロニクス)', () => {
    expect(screen('A*STAR')).toEqual([]);
    expect(screen('A*STAR', 'SG')).toEqual([]);
    expect(screen('LGエレクトロニクス')).toEqual([]);
    expect(brief(screen('ETCエレクトロニクス'))).toEqual([[3, 'exact', 1]]);
  });
});

describe('Electric is not Electronic', () => {
  test('when a dictionary word differs from the listed one, then the near spelling does not match', () => {
    expect(screen('General Electric')).toEqual([]);
    expect(screen('General Electric', 'RU')).toEqual([]);
    expect(screen('Delta Electric', 'RU')).toEqual([]);
  });
});

describe('numbers must agree', () => {
  test('when the query carries another number, then it is another institution', () => {
    expect(screen('第十研究所')).toEqual([]);
    expect(screen('10th Research Institute')).toEqual([]);
    expect(screen('CETC 10')).toEqual([]);
  });

  test('when the numbers agree, in kanji, digits or ordinals, then it is found', () => {
    expect(brief(screen('第十三研究所'))).toEqual([[4, 'exact', 1]]);
    expect(brief(screen('13th Research Institute'))).toEqual([[4, 'exact', 1]]);
    expect(brief(screen('第13研究所'))).toEqual([[4, 'strong', 1]]);
    expect(brief(screen('CETC 14'))).toEqual([[5, 'exact', 1]]);
    expect(brief(screen('CETC 14th Research Institute'))).toEqual([[5, 'exact', 1]]);
  });

  test('when the query has no number but the name has one, then it is at most possible', () => {
    expect(brief(screen('CETC Research Institute'))).toEqual([[5, 'possible', 0.8]]);
    expect(screen('Research Institute')).toEqual([]);
  });
});

describe('a place in front of a listed CJK name', () => {
  test('when another place stands in front (西安, 成都), then it is another institution', () => {
    expect(screen('西安电子科技大学')).toEqual([]);
    expect(screen('成都电子科技大学')).toEqual([]);
  });

  test('when the name stands alone or behind its own country, then it is found', () => {
    expect(brief(screen('电子科技大学'))).toEqual([[8, 'exact', 1]]);
    expect(brief(screen('中国电子科技大学'))).toEqual([[8, 'strong', 0.95]]);
  });
});

describe('a country or national academy named in the query', () => {
  test('when the query names another country, then the entity of this one is not found', () => {
    expect(screen('中国科学院高エネルギー物理研究所')).toEqual([]);
    expect(screen('Institute of High Energy Physics, Chinese Academy of Sciences')).toEqual([]);
    expect(screen('Sharif University of Technology, Tokyo')).toEqual([]);
    expect(screen('Tehran Vostrel Company, Beijing')).toEqual([]);
    // Its rare core word alone (rare-words.ts) is refused where the text puts the placed name elsewhere, and the
    // span cut at the comma refuses it too (spans.ts), as the text without the comma is refused.
    expect(screen('Kelvor Trading, Beijing')).toEqual([]);
    expect(screen('Kelvor Trading Beijing')).toEqual([]);
  });

  test('when the query names the entity’s own country or a place in it, then it is still found', () => {
    expect(brief(screen('高エネルギー物理研究所'))).toEqual([[9, 'exact', 1]]);
    expect(brief(screen('Institute of High Energy Physics, Russian Academy of Sciences'))).toEqual([
      [9, 'strong', 0.95],
    ]);
    expect(brief(screen('Sharif University of Technology, Tehran'))).toEqual([[10, 'strong', 0.95]]);
    expect(brief(screen('Vostrel Company in Tehran'))).toEqual([[12, 'strong', 1]]);
  });

  test('when a Hong Kong entity is screened with China named, then it is still found', () => {
    expect(brief(screen('Hong Kong Kelvor Trading'))).toEqual([[11, 'exact', 1]]);
    expect(brief(screen('Hong Kong Kelvor Trading, China'))).toEqual([[11, 'strong', 0.95]]);
  });

  test('when a country is given for the counterparty, then a fuzzy hit elsewhere is dropped, an exact one kept', () => {
    expect(brief(screen('Sharif University of Technology', 'JP'))).toEqual([[10, 'exact', 1]]);
    expect(screen('Sharif Universty of Technology', 'JP')).toEqual([]);
    expect(brief(screen('Sharif Universty of Technology', 'IR'))[0]?.[0]).toBe(10);
  });
});
