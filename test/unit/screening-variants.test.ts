/**
 * Classes of renderings the matcher missed (issue 13), each a general rule with its data in words.yaml: Web of
 * Science abbreviations, a parent academy after an institute's name, institute numbers in digits or kanji, a CJK
 * place glued to a Latin name, a katakana name among institution words, the country veto when the listed name holds
 * a country word, and the one list of words that make a CJK text name another body. Each rule's test also pins
 * what it must not find.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { WordsFileSchema } from '../../src/screening/data.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { latinWords } from '../../src/screening/normalize.ts';
import { institutesInKanji, kanjiNumber, kanjiNumeral } from '../../src/screening/numbering.ts';
import { ParentTails } from '../../src/screening/parent-tails.ts';
import { WholeAliasIndex } from '../../src/screening/whole-aliases.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const data = bundledScreeningData()!;
const hard = (hits: ReturnType<typeof brief>) => hits.filter(([, type]) => type !== 'possible');

describe('Web of Science abbreviations are expanded from words.yaml', () => {
  const screen = screenOver([
    list(
      [
        { name: 'University of Electronic Science and Technology of China (UESTC)', country: 'CN' },
        { name: 'Harbin Institute of Technology', country: 'CN' },
        { name: 'NPO Electron', country: 'RU' },
      ],
      'test-list',
    ),
  ]);

  test('when an abbreviation is written with its period, then it is the word it stands for', () => {
    expect(latinWords('Univ. Electron. Sci. & Technol. China')).toEqual([
      'university',
      'electronic',
      'science',
      'technology',
      'china',
    ]);
    expect(brief(screen('Univ. Electron. Sci. & Technol. China'))[0]?.[0]).toBe(1);
    expect(hard(brief(screen('Univ. Electron. Sci. & Technol. China')))).toHaveLength(1);
    expect(brief(screen('Harbin Inst. Technol.'))).toEqual([[2, 'exact', 1]]);
  });

  test('when a dotted-only abbreviation is a word of its own (Electron), then without its period it stays one', () => {
    expect(latinWords('NPO Electron')).toEqual(['npo', 'electron']);
    expect(brief(screen('NPO Electron', 'RU'))).toEqual([[3, 'exact', 1]]);
    expect(screen('NPO Electronic', 'RU')).toEqual([]);
  });

  test('when words.yaml is read, then the abbreviations are its data and every key is one lower-case word', () => {
    const a = data.words.latinAbbreviations;
    expect(a.always.univ).toBe('university');
    expect(a.always.technol).toBe('technology');
    expect(a.dotted.electron).toBe('electronic');
    for (const k of [...Object.keys(a.always), ...Object.keys(a.dotted)]) expect(k).toMatch(/^[a-z]+$/);
  });

  test('when an abbreviation key is not one lower-case word, then the schema rejects the file', () => {
    const bad = { ...data.words, latinAbbreviations: { always: { 'Inst.': 'institute' }, dotted: {} } };
    expect(WordsFileSchema.safeParse(bad).success).toBe(false);
    const older = { ...data.words } as Record<string, unknown>;
    delete older.latinAbbreviations;
    delete older.parentAfterName;
    delete older.cjkAnotherBodyAfter;
    expect(WordsFileSchema.safeParse(older).success).toBe(true);
  });
});

describe('a parent academy after an institute’s name is context', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Keldysh Institute of Applied Mathematics', country: 'RU' },
        { name: 'Trapeznikov Institute of Control Sciences of Russian Academy of Science', country: 'RU' },
        { name: 'RAS Holding', country: 'RU' },
      ],
      'test-list',
    ),
  ]);

  test.each([
    'Keldysh Institute of Applied Mathematics RAS',
    'Keldysh Institute of Applied Mathematics of RAS',
    'Keldysh Institute of Applied Mathematics SB RAS',
    'Keldysh Institute of Applied Mathematics, Russian Acad. Sci.',
    'Keldysh Inst. Appl. Math. RAS',
  ])('when %s is screened, then Keldysh is a strong hit', (query) => {
    expect(brief(screen(query)).map(([e, type]) => [e, type])).toEqual([[1, 'strong']]);
  });

  test('when a listed name ends in its parent academy, then the query’s own parent abbreviation still meets it', () => {
    expect(brief(screen('Trapeznikov Institute of Control Sciences RAS'))).toEqual([[2, 'strong', 1]]);
    expect(brief(screen('Trapeznikov Institute of Control Sciences'))).toEqual([[2, 'exact', 1]]);
  });

  test('when the parent is all there is, or only generic words stand before it, then it names nothing new', () => {
    expect(brief(screen('RAS Holding'))).toEqual([[3, 'exact', 1]]);
    expect(screen('Institute of Applied Mathematics RAS')).toEqual([]);
    expect(screen('Lebedev Physical Institute RAS')).toEqual([]);
  });

  test('when the tail is measured, then stopwords go with the parent and the words before must remain', () => {
    const tails = new ParentTails(['RAS', 'SB RAS', 'Russian Academy of Sciences']);
    expect(tails.length(['keldysh', 'institute', 'of', 'ras'])).toBe(2);
    expect(tails.length(['boreskov', 'institute', 'sb', 'ras'])).toBe(2);
    expect(tails.length(['keldysh', 'russian', 'academy', 'science'])).toBe(3);
    expect(tails.length(['ras'])).toBe(0);
    expect(tails.length(['keldysh', 'institute'])).toBe(0);
    expect(tails.strip('Institute of X of the Russian Academy of Sciences')).toBe('Institute of X');
    expect(tails.strip('Institute of X, SB RAS')).toBe('Institute of X');
    expect(tails.strip('Rasht Institute')).toBeUndefined();
  });
});

describe('institute numbers in digits and kanji numerals are one number', () => {
  const screen = screenOver([
    list(
      [
        { name: 'CETC 14th Research Institute', localName: '中国电科第十四研究所', country: 'CN' },
        { name: 'CETC 10th Research Institute', localName: '中国电科10所', country: 'CN' },
        { name: 'CASC 771 Institute', localName: '中国航天科技集团第九研究院第七七一研究所', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test.each([
    ['中国电科14所', 1],
    ['中国电科第14研究所', 1],
    ['中国电科十四所', 1],
    ['中国电科第十研究所', 2],
    ['中国电科十所', 2],
    ['中国航天科技集团第九研究院第771研究所', 3],
  ])('when %s is screened, then entry %i is a hard hit', (query, entry) => {
    const hits = brief(screen(query));
    expect(hits[0]?.[0]).toBe(entry);
    expect(hits[0]?.[1]).not.toBe('possible');
  });

  test('when the numbers differ, then it is another institute', () => {
    expect(screen('中国电科第十三研究所')).toEqual([]);
    expect(screen('中国电科13所')).toEqual([]);
    expect(brief(screen('中国电科第十研究所')).map(([e]) => e)).toEqual([2]);
  });

  test('when numbers are written, then each is read back as itself', () => {
    expect(kanjiNumber('七七一')).toBe(771);
    expect(kanjiNumber('三十五')).toBe(35);
    for (let n = 1; n <= 2100; n++) expect(kanjiNumber(kanjiNumeral(n))).toBe(n);
    expect(institutesInKanji('第35研究所')).toBe('第三十五研究所');
    expect(institutesInKanji('35所')).toBe('第三十五所');
    expect(institutesInKanji('CETC 14')).toBe('CETC 14');
  });
});

describe('a CJK place glued to a Latin name is where, not who', () => {
  const screen = screenOver([
    list(
      [
        { name: 'LIMMT Economic and Trade Company', localName: 'LIMMT経貿公司', country: 'CN' },
        { name: 'Zorvex Technology Co., Ltd.', localName: 'Zorvex科技有限公司', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test('when a city in Chinese characters stands before the Latin name, then the company is found', () => {
    expect(brief(screen('大連LIMMT経貿公司'))).toEqual([[1, 'strong', 1]]);
    expect(brief(screen('大連 LIMMT経貿公司'))).toEqual([[1, 'strong', 1]]);
    expect(brief(screen('深圳Zorvex科技'))).toEqual([[2, 'strong', 1]]);
    expect(brief(screen('深圳市Zorvex科技有限公司'))).toEqual([[2, 'strong', 1]]);
  });

  test('when the glued place is in another country, then the country veto still applies', () => {
    expect(screen('東京LIMMT経貿公司')).toEqual([]);
    expect(screen('東京都Zorvex科技')).toEqual([]);
  });
});

describe('a katakana name among institution words is judged as a whole', () => {
  const screen = screenOver([list([{ name: 'Neda Industrial Group', country: 'IR' }], 'test-list')]);

  test('when a two-consonant katakana name stands with words that cover the rest, then it is a possible hit', () => {
    expect(brief(screen('ネダ工業グループ'))).toEqual([[1, 'possible', 0.8]]);
  });

  test('when the first vowel differs, the name stands alone, or the words do not cover it, then nothing', () => {
    expect(screen('ノダ工業グループ')).toEqual([]);
    expect(screen('ネダ')).toEqual([]);
    expect(screen('ネダ電子')).toEqual([]);
  });
});

describe('a place of another country after a name holding a country word', () => {
  const screen = screenOver([list([{ name: 'Iran Electronics Industries', country: 'IR' }], 'test-list')]);

  test('when only the name’s own country word named the country, then a foreign place lowers it to possible', () => {
    expect(brief(screen('Iran Electronics Industries, Beijing'))).toEqual([[1, 'possible', 0.8]]);
  });

  test('when another country itself is named, then the hit goes; its own place or country keeps it', () => {
    expect(screen('Iran Electronics Industries, China')).toEqual([]);
    expect(brief(screen('Iran Electronics Industries, Tehran'))[0]?.[1]).toBe('strong');
    expect(brief(screen('Iran Electronics Industries (Iran)'))[0]?.[1]).not.toBe('possible');
  });
});

describe('one list of the words that make a CJK text name another body', () => {
  const lexicon = new Lexicon(data);
  const lists = [
    list([{ name: 'Beijing Institute of Technology', localName: '北京理工大学', country: 'CN' }], 'test-list'),
  ];
  const screen = screenOver(lists);

  test('when words.yaml lists them, then they are folded once for both rules', () => {
    expect(lexicon.anotherBodyWords).toEqual(expect.arrayContaining(['职业', '技师', '附属']));
    expect(lexicon.anotherBodyAfter('职业学院')).toBe(true);
    expect(lexicon.anotherBodyAfter('材料学院')).toBe(false);
  });

  test('when a technical or affiliated college follows the listed CJK name, then it is at most possible', () => {
    expect(brief(screen('北京理工大学技术学院'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('北京理工大学附属中学'))).toEqual([[1, 'possible', 0.8]]);
    expect(brief(screen('北京理工大学材料学院'))).toEqual([[1, 'strong', 0.95]]);
  });

  test('when a curated short form is followed by one of them, then the school rule does not take it', () => {
    const aliases = new Map([['test-list#1', [{ name: '北理工', ambiguous: false }]]]);
    const withWords = new WholeAliasIndex(lists, aliases, 0.9, lexicon.anotherBodyWords);
    const without = new WholeAliasIndex(lists, aliases, 0.9, []);
    expect(withWords.apply('北理工附小学院', undefined, [])).toEqual([]);
    expect(without.apply('北理工附小学院', undefined, []).map((h) => h.entry)).toEqual([1]);
    expect(withWords.apply('北理工材料学院', undefined, []).map((h) => h.entry)).toEqual([1]);
  });
});
