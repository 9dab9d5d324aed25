/**
 * Curated aliases as the screener uses them (issue 13): the done-when names, the whole-name-only class for
 * ambiguous short forms, Hangul names, a name restated in brackets, a few new aliases of each kind, and a broken
 * alias file in `rules check`.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { attachAliases } from '../../src/lists/aliases.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { WholeAliasIndex, wholeKey } from '../../src/screening/whole-aliases.ts';
import { bundled, hitRef, ROOT, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const screen = (name: string, country?: string) => screener.screen(name, country);
const ref = hitRef;
const find = (name: string, wanted: string, country?: string) => screen(name, country).find((h) => ref(h) === wanted);
const hard = (hits: ScreeningHit[]) => hits.filter((h) => h.matchType !== 'possible').map(ref);

describe('the issue’s done-when names', () => {
  test.each([
    ['ハルビン工業大学', 'jp-eul#541'],
    ['シャリフ工科大学', 'jp-eul#259'],
    ['国防科技大学', 'jp-eul#553'],
    ['School of Materials, Beihang University', 'jp-eul#501'],
  ])('when the query is %s, then %s is the top hit and a hard one', (query, wanted) => {
    const top = screen(query)[0];
    expect(top && ref(top)).toBe(wanted);
    expect(['exact', 'strong']).toContain(top?.matchType);
  });

  test.each([
    ['A*STAR', undefined],
    ['A*STAR', 'SG'],
    ['LGエレクトロニクス', undefined],
    ['LGエレクトロニクス', 'KR'],
  ])('when the innocent %s (country %s) is screened, then nothing exact or strong comes back', (query, country) => {
    expect(hard(screen(query, country))).toEqual([]);
  });
});

describe('ambiguous short forms match only as the whole query', () => {
  test('when 南航 is the whole query, then NUAA is a possible match, never a hard one', () => {
    const hit = find('南航', 'jp-eul#555');
    expect(hit?.matchType).toBe('possible');
    expect(find('南航', 'jp-eul#555', 'CN')?.matchType).toBe('possible');
    // Context around it is not another name: a title or honorific is dropped.
    expect(find('南航の先生', 'jp-eul#555')?.matchType).toBe('possible');
  });

  test.each([
    ['中国南方航空（南航）', undefined],
    ['南航集团', undefined],
    ['南航', 'US'],
    ['南京航空', undefined],
  ])('when %s (country %s) is screened, then NUAA is not found through 南航', (query, country) => {
    expect(find(query, 'jp-eul#555', country)).toBeUndefined();
  });

  test('when a listed acronym marked ambiguous is the whole query, then it keeps the list’s strength in its country only', () => {
    expect(find('HIT', 'jp-eul#541', 'CN')?.matchType).toBe('exact');
    expect(find('SUT', 'jp-eul#259', 'IR')?.matchType).toBe('exact');
    // Without a country a person looks at it: possible, never nothing.
    expect(find('HIT', 'jp-eul#541')?.matchType).toBe('possible');
    expect(find('SUT', 'jp-eul#259')?.matchType).toBe('possible');
    expect(screen('國防大學').filter((h) => h.matchType !== 'possible')).toEqual([]);
  });

  test('when a short form is followed by a vocational or affiliated school, then that school is another body', () => {
    expect(screen('北京理工职业学院').filter((h) => h.matchType !== 'possible')).toEqual([]);
    expect(screen('北京理工附属中学').filter((h) => h.matchType !== 'possible')).toEqual([]);
    // A school of the university itself is still the university.
    expect(find('哈工大材料学院', 'jp-eul#541')).toBeDefined();
    expect(find('SUT', 'jp-eul#259', 'TH')).toBeUndefined();
    expect(find('ISSP', 'jp-ru-specified#346', 'JP')).toBeUndefined();
    expect(find('TCL', 'jp-eul#696', 'CN')).toBeUndefined();
  });

  test('when a listed acronym marked ambiguous is a word of a longer name, then it does not match', () => {
    expect(find('TCL Technology', 'jp-eul#696')).toBeUndefined();
    expect(find('SUT Bangkok', 'jp-eul#259')).toBeUndefined();
    expect(find('中国人民解放军国防大学', 'jp-eul#399')).toBeUndefined();
  });

  test.each([
    ['AUT', 'NZ'],
    ['MUT', 'PL'],
    ['BIT', 'IN'],
    ['Auckland University of Technology', undefined],
    ['China Southern Airlines', undefined],
  ])('when the other institution %s (country %s) is screened, then nothing comes back', (query, country) => {
    expect(screen(query, country)).toEqual([]);
  });

  test('when the index is built, then an ambiguous alias is only a possible match and a country that disagrees drops it', () => {
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    const index = new WholeAliasIndex(lists, new Map([['jp-eul#555', [{ name: '南航', ambiguous: true }]]]));
    expect(index.apply('南航', undefined, []).map((h) => [ref(h), h.matchType])).toEqual([['jp-eul#555', 'possible']]);
    expect(index.apply('南航', 'JP', [])).toEqual([]);
    expect(index.apply('南航大学', undefined, [])).toEqual([]);
  });
});

describe('Hangul names, which the word matcher cannot read', () => {
  test.each([
    ['김일성종합대학', 'jp-eul#329', 'exact'],
    ['김책공업종합대학', 'jp-eul#328', 'exact'],
    ['김일성종합대학 물리학부', 'jp-eul#329', 'strong'],
    ['Prof. Kim, 김책공업종합대학', 'jp-eul#328', 'strong'],
    ['정찰총국', 'jp-eul#421', 'exact'],
    ['중국 하얼빈공업대학', 'jp-eul#541', 'strong'],
    ['Prof. Wang, 北航', 'jp-eul#501', 'strong'],
  ])('when the query is %s, then %s is found (%s)', (query, wanted, type) => {
    expect(find(query, wanted)?.matchType).toBe(type);
  });

  test('when a Hangul name comes with another country, or a place stands in front of it, then it is not found', () => {
    expect(find('김일성종합대학', 'jp-eul#329', 'JP')).toBeUndefined();
    expect(find('평양김일성종합대학', 'jp-eul#329')).toBeUndefined();
    expect(screen('서울대학교')).toEqual([]);
    expect(screen('한국과학기술원')).toEqual([]);
  });
});

describe('new curated aliases, one kind at a time', () => {
  test.each([
    ['フィズテック', 'jp-ru-specified#24', 'katakana'],
    ['チャングァン衛星技術', 'jp-third-specified#19', 'katakana'],
    ['ヤコヴレフ設計局', 'jp-ru-specified#240', 'katakana'],
    ['イラン軍地理機構', 'jp-eul#54', 'japanese-kanji'],
    ['中国精密機械輸出入公司', 'jp-eul#517', 'japanese-kanji'],
    ['航天科工23所', 'jp-eul#478', 'chinese-short'],
    ['航空工业637所', 'jp-eul#484', 'chinese-short'],
    ['电子科大', 'jp-eul#595', 'chinese-short'],
    ['Phystech', 'jp-ru-specified#24', 'english-short'],
    ['KIAM', 'jp-ru-specified#410', 'english-short'],
    ['Lebedev Phys Inst', 'jp-ru-specified#345', 'english-short (Web of Science)'],
    ['Pakistan Atom Energy Commiss', 'jp-eul#669', 'english-short (Web of Science)'],
    ['Rzhanov Inst Semicond Phys', 'jp-ru-specified#347', 'english-short (Web of Science)'],
  ])('when the query is %s, then %s is found (%s)', (query, wanted) => {
    expect(find(query, wanted)).toBeDefined();
  });

  test('when a curated alias is typed as the whole query, then it is an exact match even where the word matcher misses it', () => {
    expect(find('鼐实鑫电子（深圳）有限公司', 'jp-eul#474')?.matchType).toBe('exact');
  });

  test('when the aliases are attached, then whole-only names stay out of the matcher and every alias is a whole name', () => {
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    const names = [
      { name: '南航', note: 'test', whole: true as const },
      { name: '김일성종합대학', note: 'test' },
      { name: 'NUAA Nanjing', note: 'test' },
    ];
    const r = attachAliases(lists, [
      { list: 'jp-eul', entry: 555, entryName: 'Nanjing University of Aeronautics and Astronautics (NUAA)', names },
    ]);
    expect(r.byEntry.get('jp-eul#555')).toEqual(['NUAA Nanjing']);
    expect(r.wholeByEntry.get('jp-eul#555')).toEqual([
      { name: '南航', ambiguous: true },
      { name: '김일성종합대학', ambiguous: false },
      { name: 'NUAA Nanjing', ambiguous: false },
    ]);
    expect(wholeKey('ＮＵＡＡ・Nanjing')).toBe(wholeKey('nuaa nanjing'));
  });

  test('when a name is marked ambiguous in one place and not in another, then it is ambiguous everywhere', () => {
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    const entryName = 'Nanjing University of Aeronautics and Astronautics (NUAA)';
    const r = attachAliases(lists, [
      {
        list: 'jp-eul',
        entry: 555,
        entryName,
        names: [
          { name: '南航', note: 'a' },
          { name: 'NUAA Nanjing', note: 'a' },
        ],
      },
      { list: 'jp-eul', entry: 555, entryName, names: [{ name: '南航', note: 'b', whole: true }] },
    ]);
    expect(r.byEntry.get('jp-eul#555')).toEqual(['NUAA Nanjing']);
    expect(r.wholeByEntry.get('jp-eul#555')).toEqual([
      { name: 'NUAA Nanjing', ambiguous: false },
      { name: '南航', ambiguous: true },
    ]);
  });
});

describe('a CJK short form followed by a school or a person', () => {
  test.each([
    ['哈工大材料学院', 'jp-eul#541', 'strong'],
    ['北航の張先生', 'jp-eul#501', 'strong'],
    ['西工大航空学院', 'jp-eul#559', 'strong'],
    ['南航机电学院', 'jp-eul#555', 'possible'],
  ])('when the query is %s, then %s is found (%s)', (query, wanted, type) => {
    expect(find(query, wanted)?.matchType).toBe(type);
  });

  test('when another body’s word follows the short form, then it names that body, not the entry', () => {
    expect(find('南航集团', 'jp-eul#555')).toBeUndefined();
    expect(find('北航研究院', 'jp-eul#501')).toBeUndefined();
    expect(find('哈工大机器人集团', 'jp-eul#541')).toBeUndefined();
  });
});

describe('a katakana place with a Chinese institution name', () => {
  test('when the rendering folds to another Chinese name than the entry’s, then it is at most a possible match', () => {
    // ハルビン理工大学 is 哈尔滨理工大学 (Harbin University of Science and Technology), not HIT (哈尔滨工业大学).
    expect(hard(screen('ハルビン理工大学'))).toEqual([]);
    expect(find('ハルビン工業大学', 'jp-eul#541')?.matchType).toBe('exact');
    expect(find('ハルビン工業大学の王教授', 'jp-eul#541')?.matchType).toBe('strong');
  });

  test('when the entity is not named in Chinese characters, then the sound decides as before', () => {
    expect(find('モスクワ物理工科大学量子情報研究室', 'jp-ru-specified#24')?.matchType).toBe('strong');
  });
});

describe('a name restated in brackets', () => {
  test.each([
    ['BIT（北京理工大学）', 'jp-eul#494'],
    ['哈工大（ハルビン工業大学）', 'jp-eul#541'],
  ])('when the query is %s, then both parts agree on %s and it is a strong match', (query, wanted) => {
    expect(find(query, wanted)?.matchType).toBe('strong');
  });

  test('when only one part names a listed entity, then the brackets add nothing', () => {
    expect(find('中国南方航空（南航）', 'jp-eul#555')).toBeUndefined();
    expect(find('BIT（Mesra）', 'jp-eul#494')).toBeUndefined();
  });
});

describe('a broken alias file', () => {
  test('when an alias’s whole flag is not `true`, then `rules check` fails naming the file, the path and the problem', {
    timeout: 120_000,
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'alias-rules-'));
    cpSync(RULES_DIR, dir, { recursive: true, filter: (p) => !p.includes(`lists${'/'}sources`) });
    const f = join(dir, 'screening', 'aliases.yaml');
    writeFileSync(f, readFileSync(f, 'utf8').replace(/\n {8}whole: true\n/, '\n        whole: "yes"\n'));
    const r = spawnSync(process.execPath, [`${ROOT}src/bin/export-check.js`, 'rules', 'check'], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, RULES_DIR: dir },
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/screening\/aliases\.yaml: aliases\[\d+\]\.names\[\d+\]\.whole: \S/);
  });
});
