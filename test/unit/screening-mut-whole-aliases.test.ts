/**
 * Curated aliases met as the whole query (whole-aliases.ts), on a small list with aliases of our own, through the
 * public screener: an ambiguous short form only as the whole query and at most possible; a Hangul name exactly,
 * after a title, as a bracketed part, or at the start of a longer Hangul text; a CJK short form before a school
 * or a person; the entry's country; a listed name spelt like an ambiguous short form.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import type { CuratedAlias } from '../../src/screening/data.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { wholeKey } from '../../src/screening/whole-aliases.ts';
import { perTest } from '../support/per-test.ts';
import { brief, list } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Qarvel Aeronautics Academy', country: 'CN' },
      { name: 'Vostrel Kimhan University', country: 'KP' },
      { name: 'Zentharo Ubrel Technical School', aliases: ['ZUT'], country: 'IR' },
      { name: 'Maltrion Kelvor Institute', country: 'CN' },
      { name: 'Dravonel Hangul Institute' },
    ],
    'jp-eul',
  ),
];

const alias = (entry: number, entryName: string, names: CuratedAlias['names']): CuratedAlias => ({
  list: 'jp-eul',
  entry,
  entryName,
  names,
});
const ALIASES: CuratedAlias[] = [
  alias(1, 'Qarvel Aeronautics Academy', [{ name: '卡航', note: 'ambiguous short form', whole: true }]),
  alias(2, 'Vostrel Kimhan University', [
    { name: '보스트렐김한대학', note: 'Hangul name' },
    { name: '김한', note: 'short Hangul name' },
    { name: '보렐대학', note: 'Hangul name of four syllables' },
    { name: '공유이름', note: 'a Hangul name two entries share' },
  ]),
  alias(3, 'Zentharo Ubrel Technical School', [{ name: 'ZUT', note: 'also a word', whole: true }]),
  alias(4, 'Maltrion Kelvor Institute', [
    { name: '马凯所', note: 'CJK short form' },
    { name: 'Quorvex Dynamics', note: 'former name' },
    { name: '공유이름', note: 'a Hangul name two entries share' },
  ]),
  alias(5, 'Dravonel Hangul Institute', [{ name: '드라보넬연구소', note: 'Hangul, no country' }]),
];

const screener = perTest(() => createScreener(lists, undefined, { ...bundledScreeningData()!, aliases: ALIASES }));
const screen = (name: string, country?: string) => brief(screener().screen(name, country));

describe('an ambiguous short form (whole: true)', () => {
  test('when it is the whole query, then it is a possible hit at 0.85 on that name', () => {
    expect(screen('卡航')).toEqual([[1, 'possible', 0.85]]);
    expect(screener().screen('卡航')[0]).toMatchObject({ matchedOn: '卡航', name: 'Qarvel Aeronautics Academy' });
    expect(screen('  卡航 ')).toEqual([[1, 'possible', 0.85]]);
  });

  test('when it carries an honorific or a school after it, then it is still possible; another body is not it', () => {
    expect(screen('卡航の先生')).toEqual([[1, 'possible', 0.85]]);
    expect(screen('卡航材料学院')).toEqual([[1, 'possible', 0.85]]);
    expect(screen('卡航集团')).toEqual([]);
    expect(screen('卡航职业学院')).toEqual([]);
  });

  test('when the country is the entry’s or none, then it is found; another country drops it', () => {
    expect(screen('卡航', 'CN')).toEqual([[1, 'possible', 0.85]]);
    expect(screen('卡航', 'JP')).toEqual([]);
  });

  test('when a listed name is spelt like the short form, then it must be the whole query, and is possible without a country', () => {
    expect(screen('ZUT')).toEqual([[3, 'possible', 0.85]]);
    expect(screen('ZUT', 'IR')).toEqual([[3, 'exact', 1]]);
    expect(screen('ZUT', 'US')).toEqual([]);
    expect(screen('Zentharo Ubrel Technical School')).toEqual([[3, 'exact', 1]]);
  });

  test('when the listed short form is only part of the query, or the query is too long to be a name, then nothing', () => {
    // Not by this rule: the span "ZUT" before a city (spans.ts) meets the whole alias, held at possible.
    expect(screen('ZUT, Tehran')).toEqual([[3, 'possible', 0.85]]);
    expect(screen('ZUT Institute')).toEqual([]);
    expect(screen('ZUT'.padEnd(301))).toEqual([]);
  });
});

describe('a Hangul name (which the matcher does not read)', () => {
  test('when it is the whole query, then it is exact', () => {
    expect(screen('보스트렐김한대학')).toEqual([[2, 'exact', 1]]);
    expect(screen('보스트렐 김한 대학')).toEqual([[2, 'exact', 1]]);
    expect(screener().screen('보스트렐김한대학')[0]).toMatchObject({ matchedOn: '보스트렐김한대학' });
  });

  test('when a title stands before it, then it is strong, not exact (the query is more than the name)', () => {
    expect(screen('Prof. Kim, 보스트렐김한대학')).toEqual([[2, 'strong', 1]]);
    expect(screen('Dr. 보스트렐김한대학')).toEqual([[2, 'strong', 1]]);
    expect(screen('보스트렐김한대학 교수님')).toEqual([[2, 'strong', 1]]);
  });

  test.each([
    'Prof Kim, 보스트렐김한대학',
    'Prof.  Kim, 보스트렐김한대학',
    'Prof. Kim at 보스트렐김한대학',
    'Professor Kim from 보스트렐김한대학',
    'Dr Kim of 보스트렐김한대학',
    'Prof. 보스트렐김한대학',
    '북한 보스트렐김한대학',
    '북한보스트렐김한대학',
    '보스트렐김한대학先生',
    '보스트렐김한대학の教授',
    '보스트렐김한대학 선생님',
  ])('when a title, an honorific or the country surrounds it (%s), then it is strong', (q) => {
    expect(screen(q)).toEqual([[2, 'strong', 1]]);
  });

  test('when other words stand before it, then it is not the whole query', () => {
    expect(screen('x 보스트렐김한대학')).toEqual([]);
  });

  test('when it is one bracketed or comma part of the query, then it is strong', () => {
    expect(screen('보스트렐김한대학 (평양)')).toEqual([[2, 'strong', 1]]);
    expect(screen('평양, 보스트렐김한대학')).toEqual([[2, 'strong', 1]]);
  });

  test('when a long Hangul name opens a longer Hangul text, then it is strong at 0.95; a short one does not', () => {
    expect(screen('보스트렐김한대학물리학부')).toEqual([[2, 'strong', 0.95]]);
    expect(screen('김한')).toEqual([[2, 'exact', 1]]);
    expect(screen('김한물리학부')).toEqual([]);
    expect(screen('보렐대학물리학부')).toEqual([[2, 'strong', 0.95]]);
    expect(screen('물리학부보스트렐김한대학')).toEqual([]);
  });

  test('when a country is given, then the entry’s own keeps it, another drops it, an entry without one any', () => {
    expect(screen('보스트렐김한대학', 'KP')).toEqual([[2, 'exact', 1]]);
    expect(screen('보스트렐김한대학', 'CN')).toEqual([]);
    expect(screen('보스트렐김한대학 (평양)', 'CN')).toEqual([]);
    expect(screen('보스트렐김한대학물리학부', 'CN')).toEqual([]);
    expect(screen('드라보넬연구소', 'JP')).toEqual([[5, 'exact', 1]]);
  });

  test('when the query is longer than any alias (over 300 characters), then it is no whole name', () => {
    expect(screen('보스트렐김한대학'.padEnd(300))).toEqual([[2, 'exact', 1]]);
    expect(screen('보스트렐김한대학'.padEnd(301))).toEqual([]);
  });
});

describe('a Hangul name two entries share', () => {
  test('when it is screened, then both entries are found', () => {
    expect(screen('공유이름')).toEqual([
      [2, 'exact', 1],
      [4, 'exact', 1],
    ]);
  });
});

describe('a CJK short form before a school or a person', () => {
  test.each([
    'Prof Kim, 马凯所',
    'Prof.  Kim at 马凯所',
    'Dr  Lee, 马凯所',
    'Dr 马凯所',
    'Dr.马凯所',
    'Professor 马凯所',
    '马凯所先生',
  ])('when a title or an honorific surrounds it (%s), then it is strong', (q) => {
    expect(screen(q)).toEqual([[4, 'strong', 1]]);
  });

  test('when a school, a department or a person follows it, then it is strong at 0.95', () => {
    expect(screen('马凯所')).toEqual([[4, 'exact', 1]]);
    expect(screen('马凯所材料学院')).toEqual([[4, 'strong', 0.95]]);
    expect(screen('马凯所の張先生')).toEqual([[4, 'strong', 0.95]]);
  });

  test('when another body follows it, then nothing is found', () => {
    // A group named after it is another body, but the short form itself is a span before 集团 (spans.ts): at
    // most a possible match, for a person to look at.
    expect(screen('马凯所集团')).toEqual([[4, 'possible', 0.85]]);
    expect(screen('马凯所附属中学')).toEqual([]);
  });

  test('when the country disagrees, then it is dropped', () => {
    expect(screen('马凯所材料学院', 'CN')).toEqual([[4, 'strong', 0.95]]);
    expect(screen('马凯所材料学院', 'RU')).toEqual([]);
  });
});

describe('a curated alias that is not whole-only', () => {
  test('when it is one part of a longer query, then the matcher finds it as a name of the entry', () => {
    expect(screen('Quorvex Dynamics')).toEqual([[4, 'exact', 1]]);
    expect(screen('School of Physics, Quorvex Dynamics')).toEqual([[4, 'strong', 0.95]]);
  });
});

describe('whole keys', () => {
  test('when names are keyed, then case, width, spacing, dots and kanji variants fold; Hangul by width only', () => {
    expect(wholeKey('ＡＢＣ  Def')).toBe(wholeKey('abc def'));
    expect(wholeKey('アミール・カビール')).toBe(wholeKey('アミールカビール'));
    expect(wholeKey('哈爾濱')).toBe(wholeKey('哈尔滨'));
    expect(wholeKey('김일성 종합-대학')).toBe('김일성종합대학');
    expect(wholeKey('김일성 哈爾濱')).toBe(`김일성${wholeKey('哈尔滨').replace('|', '')}`);
    expect(wholeKey('( ) ,')).toBe('');
  });
});
