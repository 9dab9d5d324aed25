/**
 * The CJK score's parts (cjk-score.ts) on the module itself: the bigrams of a name, and the bound the candidate
 * search uses to skip names (cjkCanReach), which must say yes wherever cjkScore can score (equal, contained, or
 * distinctive parts sharing enough bigrams: dice 0.6) and no for names with too few bigrams in common. The bound
 * is reached only for a name first found by its Latin words, which no screening suite of the mutation run does.
 * A mixed-script name is one name: its Latin words and the query's must be found on the other side.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { bigrams, cjkCanReach, cjkScore } from '../../src/screening/cjk-score.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { NameIndex } from '../../src/screening/name-index.ts';
import { parseQuery } from '../../src/screening/query.ts';
import { perTest } from '../support/per-test.ts';
import { list } from '../support/screening-lists.ts';

const built = perTest(() => {
  const lexicon = new Lexicon(bundledScreeningData()!);
  const index = new NameIndex(
    [
      list(
        [
          { name: 'Beijing Institute of Technology', localName: '北京理工大学', country: 'CN' },
          { name: 'Kelvor Zentharo Trading', localName: '鑫瑞达贸易有限公司', country: 'CN' },
          { name: 'Merid Kelvor Trading', localName: '鑫瑞达Kelvor Merid贸易有限公司', country: 'CN' },
          { name: 'Kelvor Trading Company', localName: '鑫瑞达Kelvor Trading贸易有限公司', country: 'CN' },
        ],
        'test-list',
      ),
    ],
    lexicon,
  );
  return { lexicon, names: index.names };
});
const named = (text: string) => built().names.find((n) => n.text === text)!;
/** [cjkCanReach, cjkScore] of a query against a listed name. */
const both = (query: string, name: string) => {
  const { lexicon } = built();
  const q = parseQuery(query, lexicon);
  const n = named(name);
  return [cjkCanReach(q, new Set(q.coreBigrams), n), cjkScore(lexicon, q, n, { country: 'CN' })] as const;
};

describe('bigrams', () => {
  test('when a text is empty, one character or longer, then it is no bigram, itself, or each adjacent pair', () => {
    expect(bigrams('')).toEqual([]);
    expect(bigrams('北')).toEqual(['北']);
    expect(bigrams('北京')).toEqual(['北京']);
    expect(bigrams('北京理')).toEqual(['北京', '京理']);
  });
});

describe('the bound of the CJK score', () => {
  test('when the query is the name, or holds it, then the bound is reached and the score is equal or contained', () => {
    expect(both('北京理工大学', '北京理工大学')).toEqual([true, { score: 1, placePrefix: false }]);
    expect(both('北京理工大学の王先生', '北京理工大学')).toEqual([true, { score: 0.95, placePrefix: false }]);
  });

  test('when the distinctive parts share enough bigrams, then the bound is reached and the score is the closeness', () => {
    expect(both('南京理工大学', '北京理工大学')).toEqual([true, { score: 0.75, placePrefix: false }]);
    // Two of the name's four core bigrams: dice 2×2/(2+4) ≥ 0.6.
    const [reach, scored] = both('鑫瑞达', '鑫瑞达贸易有限公司');
    expect(reach).toBe(true);
    expect(scored.score).toBeCloseTo(2 / 3, 6);
  });

  test('when they share too few bigrams (dice 2×2/(3+4) < 0.6) or none, then neither the bound nor a score', () => {
    expect(both('鑫瑞贸易有限公司', '鑫瑞达贸易有限公司')).toEqual([false, { score: 0, placePrefix: false }]);
    expect(both('上海交通大学', '北京理工大学')).toEqual([false, { score: 0, placePrefix: false }]);
    expect(both('鑫瑞达贸易', '北京理工大学')).toEqual([false, { score: 0, placePrefix: false }]);
  });

  test('when the query has no CJK part, then no bound and no score', () => {
    expect(both('Kelvor Trading', '鑫瑞达贸易有限公司')).toEqual([false, { score: 0, placePrefix: false }]);
  });
});

describe('a mixed-script listed name', () => {
  const name = '鑫瑞达Kelvor Merid贸易有限公司';
  const score = (query: string) => both(query, name)[1].score;

  test('when the query has the same Latin words beside the Han part, spaced or not, or one misspelt, then it scores 1', () => {
    expect(score('鑫瑞达Kelvor Merid贸易有限公司')).toBe(1);
    expect(score('鑫瑞达 Kelvor Merid 贸易')).toBe(1);
    expect(score('鑫瑞达 Kelvorr Merid 贸易')).toBe(1);
  });

  test('when the query lacks one of the name’s Latin words, or has one of its own, then it scores nothing', () => {
    expect(score('鑫瑞达贸易')).toBe(0);
    expect(score('鑫瑞达 Kelvor 贸易')).toBe(0);
    expect(score('鑫瑞达 Zentharo 贸易')).toBe(0);
    // Kelvin starts like Kelvor but is another word, not a typo of it.
    expect(score('鑫瑞达 Kelvin Merid 贸易')).toBe(0);
    expect(score('鑫瑞达 Kelvor Merid Zentharo 贸易')).toBe(0);
  });

  test('when a Han-only listed name meets a query with a distinctive Latin word of its own, then it scores nothing', () => {
    expect(both('鑫瑞达 Zentharo 贸易', '鑫瑞达贸易有限公司')[1].score).toBe(0);
    expect(both('鑫瑞达贸易', '鑫瑞达贸易有限公司')[1].score).toBe(1);
  });

  test('when the listed name’s other Latin word is generic (Trading), then the query need not have it', () => {
    expect(both('鑫瑞达 Kelvor 贸易', '鑫瑞达Kelvor Trading贸易有限公司')[1].score).toBe(1);
  });
});
