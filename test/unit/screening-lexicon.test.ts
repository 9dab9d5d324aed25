/**
 * The word map and gazetteer compiled for matching (Lexicon), value by value: kanji numbers at their edges,
 * the numbers a name carries, CJK normalisation (places to Han, 科学技术 to 科技, the PLA prefix, ヴ, ー and ・),
 * the distinctive core (of folded text: 研 folds to 硏 as the word map's forms do), the countries a query names, and a Japanese name translated token by token.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { kanjiNumber, Lexicon, type QueryToken } from '../../src/screening/lexicon.ts';
import { foldCjkRun } from '../../src/screening/normalize.ts';
import { perTest } from '../support/per-test.ts';

// Built in each test, not at import: see per-test.ts.
const lex = perTest(() => new Lexicon(bundledScreeningData()!));
const translate = (s: string) => {
  const out: QueryToken[] = [];
  lex().translate(foldCjkRun(s), 3, out);
  return out;
};

describe('kanji numbers', () => {
  test.each([
    ['千', 1000],
    ['二千三百', 2300],
    ['三百五', 305],
    ['十', 10],
    ['百二十', 120],
    ['一千零五', 1005],
    ['〇十', 0],
    ['零百', 0],
    ['7', 7],
  ])('when %s is read, then it is %i', (s, n) => {
    expect(kanjiNumber(s)).toBe(n);
  });

  test.each(['12a', 'a12', '十x', ''])('when %s is read, then it is no number', (s) => {
    expect(kanjiNumber(s)).toBeUndefined();
  });

  test('when a name carries numbers, then digits-only tokens, 第 ordinals and CJK digits count', () => {
    expect([...lex().numbers(['12a', '7'], '第 十三研究所と第5と42号')]).toEqual([7, 13, 5, 42]);
    expect([...lex().numbers([], '')]).toEqual([]);
  });
});

describe('CJK normalisation', () => {
  test.each([
    ['中国人民解放军国防科技大学', '国防科技大学'],
    ['中国人民解放军', '中国人民解放军'],
    ['ヴォルガ', 'ボルガ'], // ヴォ is ボ as バ is ヴァ (kanaSpelling)
    ['コ・ー・ラ', 'コラ'],
    ['コ ラ', 'コラ'],
    ['ハルピン', '哈尔滨'],
    ['ハル・ビン工业大学', '哈尔滨工业大学'],
    ['ウルムチ工业大学', '乌鲁木齐工业大学'],
    ['北京科学技术大学', '北京科技大学'],
    ['', ''],
  ])('when %s is normalised, then it is %s', (s, n) => {
    expect(lex().normalizeCjk(s)).toBe(n);
  });

  test.each([
    ['大学', ''],
    ['学院', ''],
    ['北京大学', '北京'],
    ['北京研究所大学', '北京'],
    ['センター研究所', ''],
  ])('when the core of %s is taken (as folded), then it is %s', (s, core) => {
    expect(lex().core(lex().normalizeCjk(foldCjkRun(s)))).toBe(core);
  });

  test('when a prefix ends with a place, then the place is named', () => {
    expect(lex().placeAtEnd('西安')).toBe('西安');
    expect(lex().placeAtEnd('在北京')).toBe('北京');
    expect(lex().placeAtEnd('謎')).toBeUndefined();
  });
});

describe('countries a query names', () => {
  test('when a Latin marker stands as whole words, then its country is named', () => {
    expect([...lex().namedCountries('Institute, Russian Academy of Sciences', '')]).toEqual(['RU']);
    expect([...lex().namedCountries('A*STAR', '')]).toEqual(['SG']);
    expect([...lex().namedCountries('Russianx Academyx', '')]).toEqual([]);
    expect([...lex().namedCountries('', '中国科学院物理研究所')]).toEqual(['CN']);
  });
});

describe('translation of a Japanese name', () => {
  test('when a katakana loanword is in the word map, then it is a word that also keeps its sound', () => {
    expect(translate('エネルギー')).toEqual([{ alts: ['energy'], kind: 'word', segment: 3, phon: 'anrj' }]);
  });

  test('when a kanji word is in the word map, then it is a word with no sound', () => {
    expect(translate('研究所')).toEqual([
      {
        alts: ['institute', 'research', 'laboratory', 'laboratories', 'center', 'centre'],
        kind: 'word',
        segment: 3,
      },
    ]);
  });

  test('when a word says nothing (オブ) or is unknown (鑫), then it is context or an unknown token', () => {
    expect(translate('オブ')).toEqual([{ alts: [], kind: 'context', segment: 3 }]);
    expect(translate('鑫')).toEqual([{ alts: ['?鑫'], kind: 'unknown', segment: 3 }]);
    expect(translate('ハルビン鑫鑫')).toEqual([
      { alts: ['harbin'], kind: 'place', segment: 3, placeCountry: 'CN' },
      { alts: ['?鑫鑫'], kind: 'unknown', segment: 3 },
    ]);
  });

  test('when katakana is not in the word map, then it is a sound key with its first vowel and length', () => {
    expect(translate('シャリフ')).toEqual([
      { alts: [], phon: 'srf', kind: 'kana', segment: 3, long: true, vowel: 'a' },
    ]);
    expect(translate('シャリ')).toEqual([{ alts: [], phon: 'sr', kind: 'kana', segment: 3, vowel: 'a' }]);
    expect(translate('マレク アシュタール').map((t) => [t.phon, t.long, t.vowel])).toEqual([
      ['mrk', undefined, 'a'],
      ['astr', true, 'a'],
    ]);
  });

  test('when a number is written with 第, then it is a number token', () => {
    expect(translate('第十三')).toEqual([{ alts: ['13'], kind: 'number', segment: 3 }]);
    expect(translate('第十三研究所').map((t) => t.kind)).toEqual(['number', 'word']);
  });
});
