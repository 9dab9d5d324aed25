/**
 * The screening data files, the list schema and the Screener port: what a broken file reports (file and path)
 * and that a broken file gives no data, the hash that makes the matcher version, the versions a screener
 * carries, and a swappable screener seeing the new lists from the next call on.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  AliasesFileSchema,
  GazetteerFileSchema,
  loadScreeningData,
  type ScreeningData,
  WordsFileSchema,
} from '../../src/screening/data.ts';
import { ListEntrySchema, ListFileSchema } from '../../src/screening/list-schema.ts';
import { createScreener, MATCHER_CODE_VERSION, matcherVersion } from '../../src/screening/screener.ts';
import { swappableScreener } from '../../src/screening/swappable.ts';
import { perTest } from '../support/per-test.ts';
import { list } from '../support/screening-lists.ts';

const RULES = join(import.meta.dirname, '../../rules');
const dirs: string[] = [];
/** A rules folder with a copy of rules/screening, `edit` applied to its files. */
function rulesCopy(edit: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'screening-data-'));
  dirs.push(dir);
  cpSync(join(RULES, 'screening'), join(dir, 'screening'), { recursive: true });
  edit(join(dir, 'screening'));
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('loading rules/screening', () => {
  // Loaded in each test, not at collection: see per-test.ts.
  const shipped = perTest(() => loadScreeningData(RULES));

  test('when the shipped files are loaded, then there is data, no issue, and a sha256 hash', () => {
    expect(shipped().issues).toEqual([]);
    expect(shipped().data!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(shipped().data!.words.institutionWords.length).toBeGreaterThan(10);
    expect(shipped().data!.gazetteer.places.length).toBeGreaterThan(10);
    expect(shipped().data!.aliases.length).toBeGreaterThan(10);
  });

  test.each([
    ['words.yaml', 'version: 2\n'],
    ['gazetteer.yaml', 'version: 1\nplaces: []\n'],
    ['aliases.yaml', 'version: 1\naliases: [{ list: nowhere }]\n'],
  ])('when %s is broken, then there is no data and the issue names the file', (file, text) => {
    const r = loadScreeningData(rulesCopy((d) => writeFileSync(join(d, file), text)));
    expect(r.data).toBeUndefined();
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.file === `screening/${file}`)).toBe(true);
  });

  test('when the word map and the gazetteer are both broken, then both are reported', () => {
    const r = loadScreeningData(
      rulesCopy((d) => {
        writeFileSync(join(d, 'words.yaml'), 'version: 2\n');
        writeFileSync(join(d, 'gazetteer.yaml'), 'version: 2\n');
      }),
    );
    expect(new Set(r.issues.map((i) => i.file))).toEqual(new Set(['screening/words.yaml', 'screening/gazetteer.yaml']));
  });

  test('when the alias file is absent, then the data has no aliases and its hash differs', () => {
    const r = loadScreeningData(rulesCopy((d) => rmSync(join(d, 'aliases.yaml'))));
    expect(r.issues).toEqual([]);
    expect(r.data!.aliases).toEqual([]);
    expect(r.data!.words).toEqual(shipped().data!.words);
    expect(r.data!.hash).not.toBe(shipped().data!.hash);
  });

  test('when a line moves from the end of one file to the start of the next, then the hash changes', () => {
    const copy = loadScreeningData(rulesCopy());
    expect(copy.data!.hash).toBe(shipped().data!.hash);
    const append = (d: string, f: string) => writeFileSync(join(d, f), '# moved\n', { flag: 'a' });
    const prepend = (d: string, f: string) => writeFileSync(join(d, f), `# moved\n${readFileSync(join(d, f), 'utf8')}`);
    const hash = (edit: (d: string) => void) => loadScreeningData(rulesCopy(edit)).data!.hash;
    const endOfWords = hash((d) => append(d, 'words.yaml'));
    expect(endOfWords).not.toBe(shipped().data!.hash);
    expect(hash((d) => prepend(d, 'gazetteer.yaml'))).not.toBe(endOfWords);
    expect(hash((d) => append(d, 'gazetteer.yaml'))).not.toBe(hash((d) => prepend(d, 'aliases.yaml')));
  });
});

describe('the data schemas', () => {
  const group = { forms: ['大学'], en: ['university'] };
  const words = {
    version: 1,
    institutionWords: [group],
    genericKatakana: [group],
    cjkEquivalents: [{ from: '科学技术', to: '科技' }],
    cjkGenericPrefixes: ['中国人民解放军'],
    cjkContextWords: ['学部'],
    kanaStopwords: ['オブ'],
    contextWords: { departments: ['school'], titles: ['prof'], funders: ['jst'] },
    dictionaryWords: ['delta'],
  };
  const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) => schema.safeParse(v).success;

  test('when a word map is valid, then it parses; an empty, blank or extra field does not', () => {
    expect(ok(WordsFileSchema, words)).toBe(true);
    expect(ok(WordsFileSchema, { ...words, institutionWords: [{ forms: [], en: ['x'] }] })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, institutionWords: [{ forms: ['大学'], en: [] }] })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, institutionWords: [{ forms: ['  '], en: ['x'] }] })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, institutionWords: [{ ...group, extra: 1 }] })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, institutionWords: [{ forms: ['大学', '大學'], en: ['a', 'b'] }] })).toBe(
      true,
    );
    expect(ok(WordsFileSchema, { ...words, cjkEquivalents: [{ from: '科学技术', to: '', x: 1 }] })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, cjkEquivalents: [{ from: '科学技术', to: '' }] })).toBe(true);
    expect(ok(WordsFileSchema, { ...words, contextWords: { ...words.contextWords, other: [] } })).toBe(false);
    expect(ok(WordsFileSchema, { ...words, extra: true })).toBe(false);
  });

  const place = { han: '哈尔滨', kana: ['ハルビン'], latin: ['Harbin'], country: 'CN' };
  const gazetteer = { version: 1, places: [place], nationalMarkers: [{ country: 'CN', names: ['中国科学院'] }] };

  test('when a gazetteer is valid, then it parses; a bad country code or an empty list does not', () => {
    expect(ok(GazetteerFileSchema, gazetteer)).toBe(true);
    const { kana: _kana, ...noKana } = place;
    expect(GazetteerFileSchema.parse({ ...gazetteer, places: [noKana] }).places[0]!.kana).toEqual([]);
    for (const country of ['cn', 'C', 'CHN', 'XCN', 'CNX', '12'])
      expect(ok(GazetteerFileSchema, { ...gazetteer, places: [{ ...place, country }] })).toBe(false);
    expect(ok(GazetteerFileSchema, { ...gazetteer, places: [{ ...place, latin: [] }] })).toBe(false);
    expect(ok(GazetteerFileSchema, { ...gazetteer, places: [{ ...place, latin: ['Harbin', 'Haerbin'] }] })).toBe(true);
    expect(ok(GazetteerFileSchema, { ...gazetteer, places: [{ ...place, extra: 1 }] })).toBe(false);
    expect(ok(GazetteerFileSchema, { ...gazetteer, nationalMarkers: [{ country: 'CN', names: [] }] })).toBe(false);
    expect(ok(GazetteerFileSchema, { ...gazetteer, nationalMarkers: [{ country: 'CN', names: ['a', 'b'] }] })).toBe(
      true,
    );
    expect(ok(GazetteerFileSchema, { ...gazetteer, nationalMarkers: [{ country: 'CN', names: ['a'], x: 1 }] })).toBe(
      false,
    );
    expect(ok(GazetteerFileSchema, { ...gazetteer, extra: 1 })).toBe(false);
  });

  test('when the country message is read, then it says what a country code is', () => {
    const r = GazetteerFileSchema.safeParse({ ...gazetteer, places: [{ ...place, country: 'cn' }] });
    expect(r.success ? '' : r.error.issues[0]!.message).toBe('an ISO 3166 alpha-2 code');
  });

  const alias = { list: 'jp-eul', entry: 5, entryName: 'X University', names: [{ name: 'X大学', note: 'site' }] };
  test('when an alias file is valid, then it parses; an unknown list, bad entry or empty names does not', () => {
    expect(ok(AliasesFileSchema, { version: 1, aliases: [alias] })).toBe(true);
    expect(ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, list: 'x' }] })).toBe(false);
    expect(ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, names: [] }] })).toBe(false);
    const two = [
      { name: 'X大学', note: 'site' },
      { name: 'X大', note: 'news' },
    ];
    expect(ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, names: two }] })).toBe(true);
    expect(ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, names: [{ name: 'X', note: ' ' }] }] })).toBe(
      false,
    );
    expect(
      ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, names: [{ name: 'X', note: 'n', x: 1 }] }] }),
    ).toBe(false);
    expect(ok(AliasesFileSchema, { version: 1, aliases: [{ ...alias, extra: 1 }] })).toBe(false);
    expect(ok(AliasesFileSchema, { version: 1, aliases: [], extra: 1 })).toBe(false);
  });
});

describe('the list schema', () => {
  const file = list([{ name: 'Quenbrook Aerial', country: 'IR' }]);
  const entry = file.entries[0]!;
  const ok = (v: unknown) => ListFileSchema.safeParse(v).success;

  test('when a list file is valid, then it parses and concerns default to none', () => {
    expect(ok(file)).toBe(true);
    const { concerns: _c, ...noConcerns } = entry;
    expect(ListEntrySchema.parse(noConcerns).concerns).toEqual([]);
  });

  test.each([
    ['entry 0', { entry: 0 }],
    ['a fractional entry', { entry: 1.5 }],
    ['a lower-case country', { country: 'ir' }],
    ['a three-letter country', { country: 'IRN' }],
    ['a one-letter country', { country: 'I' }],
    ['an empty name', { name: '' }],
    ['an empty local name', { localName: '' }],
    ['an empty alias', { aliases: [''] }],
    ['an unknown field', { extra: 1 }],
  ])('when an entry has %s, then the file is refused', (_what, change) => {
    expect(ok({ ...file, entries: [{ ...entry, ...change }] })).toBe(false);
  });

  test.each([
    ['an upper-case list id', { list: 'JP-EUL' }],
    ['an unknown kind', { kind: 'other' }],
    ['a short sha256', { source: { ...file.source, sha256: 'ab' } }],
    ['an upper-case sha256', { source: { ...file.source, sha256: 'A'.repeat(64) } }],
    ['a sha256 with more after it', { source: { ...file.source, sha256: `${'0'.repeat(64)}x` } }],
    ['no entries', { entries: [] }],
    ['an unknown field', { extra: 1 }],
    ['an unknown source field', { source: { ...file.source, extra: 1 } }],
  ])('when a list file has %s, then it is refused', (_what, change) => {
    expect(ok({ ...file, ...change })).toBe(false);
  });

  test('when a list file uses each kind, then each is accepted', () => {
    for (const kind of ['eul', 'specified_entity', 'csl']) expect(ok({ ...file, kind })).toBe(true);
    expect(ok({ ...file, list: 'jp-ru-specified-2' })).toBe(true);
  });
});

describe('the screener port', () => {
  const lists = [
    { ...list([{ name: 'Quenbrook Aerial', country: 'IR' }], 'test-a'), date: '2025-02-03' },
    {
      ...list([{ name: 'Maltrion Dynamics' }], 'test-b'),
      source: { file: 'f', sha256: `abcdef12${'0'.repeat(56)}`, importedBy: 't' },
    },
  ];

  test('when a screener is built, then its versions name each list edition and the matcher version', () => {
    const s = createScreener(lists);
    expect(s.versions()).toEqual({
      'test-a': '2025-02-03#00000000',
      'test-b': '2025-01-01#abcdef12',
      matcher: matcherVersion(loadScreeningData(RULES).data),
    });
  });

  test('when the matcher version is made, then it is the code version and the first 12 hex of the data hash', () => {
    const data = { hash: `0123456789ab${'f'.repeat(52)}` } as ScreeningData;
    expect(matcherVersion(data)).toBe(`${MATCHER_CODE_VERSION}#0123456789ab`);
    expect(matcherVersion(undefined)).toBe(`${MATCHER_CODE_VERSION}#none`);
    expect(MATCHER_CODE_VERSION).toMatch(/^\d+$/);
  });

  test('when the screener screens, then it passes the name and the country on', () => {
    const s = createScreener(lists);
    expect(s.screen('Quenbrook Aerial').map((h) => h.entry)).toEqual([1]);
    expect(s.screen('Quenbrok Aerial', 'US')).toEqual([]);
    expect(s.screen('Quenbrok Aerial', 'IR').map((h) => h.list)).toEqual(['test-a']);
  });

  test('when thresholds or data are given, then the screener uses them', () => {
    expect(createScreener(lists, { possible: 0.95, strong: 0.99 }).screen('Maltrion')).toEqual([]);
    expect(createScreener(lists, { possible: 0.5, strong: 0.6 }).screen('Maltrion')[0]?.list).toBe('test-b');
    const harbin = [list([{ name: 'Harbin Institute of Technology', country: 'CN' }])];
    expect(createScreener(harbin).screen('ハルビン工業大学')[0]?.entry).toBe(1);
    // The curated aliases of the shipped data are attached by the entry's name.
    expect(createScreener(harbin).screen('哈工大')[0]?.matchType).toBe('exact');
  });

  test('when a swappable screener is swapped, then the next call screens and versions with the new lists', () => {
    const first = createScreener([lists[0]!]);
    const second = createScreener([lists[1]!]);
    const s = swappableScreener(first);
    expect(s.screen('Quenbrook Aerial', 'IR').map((h) => h.list)).toEqual(['test-a']);
    expect(s.versions()).toEqual(first.versions());
    s.swap(second);
    expect(s.screen('Quenbrook Aerial')).toEqual([]);
    expect(s.screen('Maltrion Dynamics').map((h) => h.list)).toEqual(['test-b']);
    expect(s.versions()).toEqual(second.versions());
  });
});
