/**
 * The matcher's rules on small lists built for each rule: thresholds, best name per entry, generic words,
 * ordering, typo rules, katakana by sound, the word map, containment and the guards. Each test pins one rule
 * so that breaking it fails here (the mutation run, `npm run mutate`, checks that they do).
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { editDistance, jaroWinkler } from '../../src/screening/jaro-winkler.ts';
import { kanjiNumber, Lexicon, type QueryToken } from '../../src/screening/lexicon.ts';
import type { ListFile } from '../../src/screening/list-schema.ts';
import { DEFAULT_THRESHOLDS, Matcher, type MatchThresholds } from '../../src/screening/matcher.ts';
import { kanaKey, phoneticKey, phoneticMatch } from '../../src/screening/phonetic.ts';

import { perTest } from '../support/per-test.ts';
import { list } from '../support/screening-lists.ts';

// Read in the tests, not at import: see per-test.ts.
const data = () => bundledScreeningData()!;

function matcher(lists: ListFile[], thresholds?: MatchThresholds, aliases?: Map<string, string[]>): Matcher {
  return new Matcher(lists, {
    lexicon: new Lexicon(data()),
    ...(thresholds ? { thresholds } : {}),
    ...(aliases ? { aliases } : {}),
  });
}

const brief = (hits: ScreeningHit[]) => hits.map((h) => [h.list, h.entry, h.matchType]);

describe('phonetic keys', () => {
  test('when a Russian name has ч before к (Lavochkin, Zvyozdochka), then its katakana チ keys the same', () => {
    expect(kanaKey('ラヴォーチキン')).toBe(phoneticKey('Lavochkin'));
    expect(kanaKey('ズヴョズドチカ')).toBe(phoneticKey('Zvyozdochka'));
    // The English ch of "technology" is still a k.
    expect(kanaKey('テクノロジー')).toBe(phoneticKey('technology'));
  });

  test.each([
    ['シャリフ', 'Sharif'],
    ['モスクワ', 'Moscow'],
    ['テヘラン', 'Tehran'],
    ['ハルビン', 'Harbin'],
    ['アシュタール', 'Ashtar'],
    ['パキスタン', 'Pakistan'],
    ['ジュコフスキー', 'Zhukovsky'],
    ['ケンブリッジ', 'Cambridge'],
    ['ヴォルガ', 'Volga'],
    ['ボルガ', 'Volga'],
    ['ナショナル', 'National'],
    ['エンジニアリング', 'Engineering'],
  ])('when %s is keyed, then it has the key of %s', (kana, latin) => {
    expect(kanaKey(kana)).toBe(phoneticKey(latin));
    expect(kanaKey(kana).length).toBeGreaterThan(1);
  });

  test('when keys are compared, then equal keys and one edit on long keys match, short or far ones do not', () => {
    expect(phoneticMatch('srf', 'srf')).toBe(true);
    expect(phoneticMatch('s', 's')).toBe(false);
    expect(phoneticMatch('rbdfx', 'rbjfx')).toBe(true);
    expect(phoneticMatch('rbdf', 'rbjf')).toBe(false);
    expect(phoneticMatch('tsprfk', 'tprfk')).toBe(true);
    expect(phoneticMatch('abcdef', 'abxyef')).toBe(false);
    expect(phoneticMatch('abcde', 'bbcde')).toBe(false);
    expect(phoneticMatch('abcdefg', 'abcde')).toBe(false);
    expect(phoneticKey('')).toBe('');
    expect(phoneticKey('Iran')).toBe('arn');
  });

  test('when similarity is measured, then Jaro-Winkler and the edit distance behave at their edges', () => {
    expect(jaroWinkler('same', 'same')).toBe(1);
    expect(jaroWinkler('', 'x')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('lexicon', () => {
  const lex = perTest(() => new Lexicon(data()));
  const translate = (s: string): QueryToken[] => {
    const out: QueryToken[] = [];
    lex().translate(s, 0, out);
    return out;
  };

  test('when kanji numbers are read, then 十三 is 13 and 二十七 is 27', () => {
    expect([
      kanjiNumber('十三'),
      kanjiNumber('二十七'),
      kanjiNumber('百'),
      kanjiNumber('35'),
      kanjiNumber('x'),
    ]).toEqual([13, 27, 100, 35, undefined]);
    expect(kanjiNumber('')).toBeUndefined();
    expect([...lex().numbers([], '第十三研究所')]).toEqual([13]);
    expect([...lex().numbers(['14', 'cetc'], '')]).toEqual([14]);
  });

  test('when CJK text is normalised, then places fold to Han, 科学技术 to 科技 and the PLA prefix goes', () => {
    expect(lex().normalizeCjk('ハルビン工业大学')).toBe('哈尔滨工业大学');
    expect(lex().normalizeCjk('国防科学技术大学')).toBe('国防科技大学');
    expect(lex().normalizeCjk('中国人民解放军国防科技大学')).toBe('国防科技大学');
    expect(lex().normalizeCjk('マレク・アシュタール')).toBe('マレクアシュタル');
    expect(lex().core('有限会社センタ'.replace('有限会社', ''))).toBe('');
  });

  test('when a Japanese name is translated, then katakana becomes a key and institution words English', () => {
    const t = translate('シャリフ工科大学');
    expect(t[0]).toMatchObject({ kind: 'kana', phon: 'srf' });
    expect(t[1]!.alts).toEqual(expect.arrayContaining(['university', 'technology']));
    expect(translate('マレク・アシュタール').map((x) => x.phon)).toEqual(['mrk', 'astr']);
    expect(translate('ハルビン')[0]).toMatchObject({ kind: 'place', alts: ['harbin'], placeCountry: 'CN' });
    expect(translate('第十三')[0]).toMatchObject({ kind: 'number', alts: ['13'] });
    expect(translate('謎謎')[0]).toMatchObject({ kind: 'unknown' });
    expect(translate('オブ')[0]).toMatchObject({ kind: 'context' });
  });

  test('when a query names a country or national academy, then the country is known', () => {
    expect([...lex().namedCountries('', '中国科学院高エネルギー物理研究所')]).toContain('CN');
    expect([...lex().namedCountries('Institute of Physics, Chinese Academy of Sciences', '')]).toContain('CN');
    expect([...lex().namedCountries('Beihang University', '')]).toEqual([]);
  });
});

describe('thresholds, best names and ordering', () => {
  const lists = [
    list([
      { name: 'Zorvex Quantiblar Industries', aliases: ['Zorvex Quantiblar'] },
      { name: 'Maltrion Dynamics Holding' },
      { name: 'Quenbrook Aerial', country: 'IR' },
    ]),
  ];
  const m = perTest(() => matcher(lists));

  test('when the query is a listed name, then it is exact with score 1 and says which name matched', () => {
    const [hit] = m().screen('Zorvex Quantiblar');
    expect(hit).toMatchObject({ entry: 1, matchType: 'exact', score: 1, matchedOn: 'Zorvex Quantiblar' });
    expect(hit).toMatchObject({ name: 'Zorvex Quantiblar Industries', kind: 'eul', listDate: '2025-01-01' });
  });

  test('when several names of one entry match, then the entry appears once with its best name', () => {
    const hits = m().screen('Zorvex Quantiblar Industries');
    expect(hits.filter((h) => h.entry === 1)).toHaveLength(1);
    expect(hits[0]).toMatchObject({ matchType: 'exact', matchedOn: 'Zorvex Quantiblar Industries' });
  });

  test('when a typo is made, then the match is strong (≥ 0.9) but not exact', () => {
    const [hit] = m().screen('Zorvex Quantiblr');
    expect(hit).toMatchObject({ entry: 1, matchType: 'strong' });
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.strong);
    expect(hit!.score).toBeLessThan(1);
  });

  test('when a generic word of the name is missing, then it is possible, between the thresholds', () => {
    const [hit] = m().screen('Maltrion Dynamics');
    expect(hit).toMatchObject({ entry: 2, matchType: 'possible' });
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.possible);
    expect(hit!.score).toBeLessThan(DEFAULT_THRESHOLDS.strong);
  });

  test('when the thresholds are raised, then the same score is no longer strong, or no longer found', () => {
    const strict = matcher(lists, { possible: 0.95, strong: 0.995 });
    expect(strict.screen('Maltrion Dynamics')).toEqual([]);
    expect(strict.screen('Zorvex Quantiblr').map((h) => h.matchType)).toEqual(expect.not.arrayContaining(['strong']));
    const loose = matcher(lists, { possible: 0.7, strong: 0.8 });
    expect(loose.screen('Maltrion Dynamics')[0]?.matchType).toBe('strong');
  });

  test('when hits differ in strength, then exact comes first, then strong, then possible, then by score', () => {
    const ordered = matcher([
      list([{ name: 'Vantrel Orbis' }, { name: 'Vantrel Orbis Group' }, { name: 'Vantrel Orbiss' }]),
    ]).screen('Vantrel Orbis');
    expect(ordered.map((h) => h.matchType)).toEqual(['exact', ...ordered.slice(1).map((h) => h.matchType)]);
    for (let i = 1; i < ordered.length; i++) {
      const rank = { exact: 2, strong: 1, possible: 0 } as const;
      const a = ordered[i - 1]!;
      const b = ordered[i]!;
      expect(rank[a.matchType] > rank[b.matchType] || (a.matchType === b.matchType && a.score >= b.score)).toBe(true);
    }
    expect(ordered.map((h) => h.entry)).toEqual([1, 3, 2]);
  });

  test('when two hits tie, then they are ordered by list and entry', () => {
    const tie = matcher([list([{ name: 'Brontel Vask' }], 'b-list'), list([{ name: 'Brontel Vask' }], 'a-list')]);
    expect(tie.screen('Brontel Vask').map((h) => h.list)).toEqual(['a-list', 'b-list']);
    const same = matcher([list([{ name: 'Brontel Vask' }, { name: 'Brontel Vask' }])]);
    expect(same.screen('Brontel Vask').map((h) => h.entry)).toEqual([1, 2]);
  });

  test('when a country is given, then a fuzzy match elsewhere is dropped but an exact one is kept', () => {
    expect(
      m()
        .screen('Quenbrook Aerial', 'US')
        .map((h) => h.entry),
    ).toEqual([3]);
    expect(m().screen('Quenbrok Aerial', 'US')).toEqual([]);
    expect(
      m()
        .screen('Quenbrok Aerial', 'IR')
        .map((h) => h.entry),
    ).toEqual([3]);
  });
});

describe('generic words and typo rules', () => {
  const m = perTest(() =>
    matcher([
      list([
        { name: 'National Research Institute of Technology' },
        { name: 'Harbin Institute of Technology (HIT)', country: 'CN' },
        { name: 'Kelvorian Instruments' },
        { name: 'Abcdefghijk Systems' },
        { name: 'General Electronic' },
        { name: 'Nanotrex Lasers' },
      ]),
    ]),
  );

  test('when the query is only generic words, then a distinctive name never matches', () => {
    expect(m().screen('University of Technology')).toEqual([]);
    expect(m().screen('Institute of Technology')).toEqual([]);
    expect(m().screen('International Trading Company')).toEqual([]);
  });

  test('when a name is made only of generic words, then only all of them, in Latin, find it', () => {
    expect(brief(m().screen('National Research Institute of Technology'))).toEqual([['jp-eul', 1, 'exact']]);
    expect(m().screen('National Institute of Technology')).toEqual([]);
    expect(m().screen('国立研究所')).toEqual([]);
  });

  test('when a word has one typo, then it matches; a short word or a changed first letter does not', () => {
    expect(m().screen('Kelvorian Instrumants')[0]?.entry).toBe(3);
    expect(m().screen('Kelvoran Instruments')[0]?.entry).toBe(3);
    expect(m().screen('Jelvorian Instruments')).toEqual([]);
    expect(m().screen('HIS')).toEqual([]);
    expect(m().screen('Harbin Inst of Technology', 'CN')[0]).toMatchObject({ entry: 2, matchType: 'exact' });
  });

  test('when a long word has two typos, then it matches; three do not; a short word allows one', () => {
    expect(m().screen('Abcdfghjk Systems')[0]?.entry).toBe(4);
    expect(m().screen('Abcdfhjk Systems')).toEqual([]);
    expect(m().screen('Nanotrx Lasers')[0]?.entry).toBe(6);
    expect(m().screen('Nantrx Lasers')).toEqual([]);
  });

  test('when two dictionary words differ, then they are not a typo of each other (Electric ≠ Electronic)', () => {
    expect(m().screen('General Electric')).toEqual([]);
    expect(m().screen('Nanotrex Laser')[0]?.entry).toBe(6);
  });

  test('when an acronym is typed, then only the exact acronym finds it', () => {
    expect(brief(m().screen('HIT', 'CN'))).toEqual([['jp-eul', 2, 'exact']]);
    expect(m().screen('HITS')).toEqual([]);
  });
});

describe('renderings and names inside longer names', () => {
  const m = perTest(() =>
    matcher([
      list([
        { name: 'Sharif University of Technology', country: 'IR' },
        {
          name: 'Beijing University of Aeronautics and Astronautics (BUAA)',
          localName: '北京航空航天大学',
          country: 'CN',
          aliases: ['Beihang University'],
        },
        { name: 'Moscow Institute of Physics and Technology', country: 'RU' },
        { name: 'University of Electronic Science and Technology of China', localName: '電子科技大学', country: 'CN' },
        { name: 'National University of Defense Technology', localName: '国防科学技術大学', country: 'CN' },
        { name: 'Institute of High Energy Physics', localName: '高エネルギー物理研究所', country: 'RU' },
        { name: 'Harbin Institute of Technology', localName: '哈爾浜工業大学', country: 'CN' },
      ]),
    ]),
  );
  const entry = (q: string, country?: string) => m().screen(q, country)[0];

  test.each([
    ['シャリフ工科大学', 1],
    ['モスクワ物理工科大学', 3],
    ['国防科技大学', 5],
    ['中国人民解放军国防科技大学', 5],
    ['ハルビン工業大学', 7],
    ['ハルビン工業大学の王先生', 7],
    ['北京航空航天大学材料学院', 2],
  ])('when the rendering %s is screened, then entry %i is a hard hit', (q, n) => {
    expect(entry(q)).toMatchObject({ entry: n });
    expect(['exact', 'strong']).toContain(entry(q)!.matchType);
  });

  test.each([
    'School of Materials, Beihang University',
    'Beihang University in Beijing',
    'Beihang University (Beijing)',
    'Prof. Li at Beihang University',
    'JST Beihang University',
    '300 Beihang University',
    'Beihang University School of Materials',
  ])('when the listed name is inside "%s", then it is still a strong hit', (q) => {
    expect(entry(q)).toMatchObject({ entry: 2, matchType: 'strong' });
  });

  test('when a place stands in front of a listed CJK name, then it is another institution', () => {
    expect(m().screen('西安电子科技大学')).toEqual([]);
    expect(entry('电子科技大学')).toMatchObject({ entry: 4 });
    expect(entry('中国电子科技大学')).toMatchObject({ entry: 4 });
  });

  test('when the query names another country or national academy, then no hit on this entity', () => {
    expect(m().screen('中国科学院高エネルギー物理研究所')).toEqual([]);
    expect(m().screen('Institute of High Energy Physics, Chinese Academy of Sciences')).toEqual([]);
    expect(entry('Institute of High Energy Physics')).toMatchObject({ entry: 6, matchType: 'exact' });
    expect(m().screen('Sharif University of Technology, Tokyo')).toEqual([]);
  });

  test('when a pure kanji query differs from the listed kanji name, then the translation does not override it', () => {
    expect(
      m()
        .screen('哈尔滨理工大学')
        .map((h) => h.entry),
    ).not.toContain(7);
  });
});

describe('false-positive guards', () => {
  const m = perTest(() =>
    matcher([
      list(
        [
          { name: 'Joint Stock Company STAR', localName: '株式会社 STAR', aliases: ['JSC STAR'] },
          { name: 'LLC Center', localName: '有限会社センター' },
          { name: 'ETC Electronics', localName: 'ETC エレクトロニクス' },
          { name: '13th Research Institute', localName: '第十三研究所' },
          { name: 'CETC 14th Research Institute (CETC 14)' },
          { name: 'Delta Electronic' },
          { name: 'OOO Planar' },
        ].map((e) => ({ ...e, country: 'RU' })),
        'jp-ru-specified',
        'specified_entity',
      ),
    ]),
  );

  test('when A*STAR is screened, then the listed STAR is not found', () => {
    expect(m().screen('A*STAR')).toEqual([]);
    expect(m().screen('A*STAR', 'SG')).toEqual([]);
  });

  test('when a one-word name is screened without its country, then it is at most possible; with it, exact', () => {
    expect(brief(m().screen('STAR'))).toEqual([['jp-ru-specified', 1, 'possible']]);
    expect(brief(m().screen('STAR', 'RU'))).toEqual([['jp-ru-specified', 1, 'exact']]);
    expect(brief(m().screen('センター'))).toEqual([['jp-ru-specified', 2, 'possible']]);
    expect(brief(m().screen('Delta Electronic'))).toEqual([['jp-ru-specified', 6, 'possible']]);
  });

  test('when a one-word name is only part of the query, then nothing matches', () => {
    expect(m().screen('Planar Systems')).toEqual([]);
    expect(m().screen('国立がん研究センター')).toEqual([]);
    expect(m().screen('理研センター')).toEqual([]);
  });

  test('when a mixed-script name shares only its generic half, then nothing matches (LGエレクトロニクス)', () => {
    expect(m().screen('LGエレクトロニクス')).toEqual([]);
    expect(m().screen('ETCエレクトロニクス')[0]).toMatchObject({ entry: 3 });
  });

  test('when numbers differ, then it is another entity; when they agree, it is found', () => {
    expect(m().screen('第十研究所')).toEqual([]);
    expect(m().screen('第十三研究所')[0]).toMatchObject({ entry: 4 });
    expect(m().screen('CETC 10')).toEqual([]);
    expect(m().screen('CETC 14')[0]).toMatchObject({ entry: 5 });
  });

  test('when hostile input is screened, then an answer comes back and nothing crashes', () => {
    for (const q of [
      '',
      ' ',
      '\u0000\u0007',
      '😀🚀',
      'x'.repeat(10_000),
      'ア'.repeat(5000),
      '( ) , ; の',
      '第第第',
      '김일성',
    ])
      expect(Array.isArray(m().screen(q))).toBe(true);
  });
});

describe('curated aliases', () => {
  test('when an entry has a curated alias, then the alias finds it, and a short one needs no country', () => {
    const lists = [list([{ name: 'Harbin Institute of Technology', country: 'CN' }])];
    const m = matcher(lists, undefined, new Map([['jp-eul#1', ['哈工大', 'HGD']]]));
    expect(brief(m.screen('哈工大'))).toEqual([['jp-eul', 1, 'exact']]);
    expect(brief(m.screen('HGD'))).toEqual([['jp-eul', 1, 'exact']]);
    expect(matcher(lists).screen('哈工大')).toEqual([]);
  });
});

describe('inflected generic words and dotted legal forms (found by the blind hold-out)', () => {
  const m = perTest(() =>
    matcher([
      list([
        { name: 'Qarvesh Hemmat Industrial Group', country: 'IR' },
        { name: 'Volsk Arms Plant', country: 'RU' },
        { name: 'Emirates Zorvite Alloys LLC', country: 'AE' },
      ]),
    ]),
  );
  test.each([
    ['Qarvesh Hemmat Industries Group', 1],
    ['Volsk Arms Factory', 2],
    ['Emirates Zorvite Alloys L.L.C.', 3],
  ])('when %s is screened, then entry %i is found', (q, entry) => {
    expect(
      m()
        .screen(q)
        .map((h) => h.entry),
    ).toContain(entry);
  });
  test('when only the generic word agrees, then nothing is found', () => {
    expect(m().screen('Darvand Industries Group')).toEqual([]);
  });
});

describe('a bracketed country after a name is where, not who (found by the blind hold-out)', () => {
  const m = perTest(() =>
    matcher([list([{ name: 'Higher Institute of Applied Science and Technology', country: 'SY' }])]),
  );
  test('when a Japanese rendering carries （シリア）, then the entry is still found', () => {
    expect(
      m()
        .screen('応用科学技術高等研究所（シリア）', 'SY')
        .map((h) => h.entry),
    ).toEqual([1]);
  });
  test('when the country is all there is, then nothing is found', () => {
    expect(m().screen('（シリア）', 'SY')).toEqual([]);
  });
});
