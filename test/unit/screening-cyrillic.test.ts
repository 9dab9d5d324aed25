/**
 * Issue 13, "a name in any script": a name written in Cyrillic (a Russian partner's letterhead or e-mail signature)
 * finds its listed entry through its word-mapped English form and its romanisation (screening/cyrillic.ts, the
 * word map rules/screening/cyrillic-words.yaml); unlisted Cyrillic organisations find nothing hard; any input screens
 * without throwing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadCyrillicDev } from '../../src/bench/screening-eval.ts';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { checkScreeningData } from '../../src/lists/check-screening.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { CyrillicRenderings, cyrillicStem } from '../../src/screening/cyrillic.ts';
import { loadScreeningData } from '../../src/screening/data.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';

const { lists } = loadLists(`${RULES_DIR}/lists`);
const data = bundledScreeningData()!;
const screener = createScreener(lists, undefined, data);
/** The same screener without the Russian word map: what the product did before. */
const { cyrillic: _, ...withoutMap } = data;
const before = createScreener(lists, undefined, withoutMap);
const renderings = new CyrillicRenderings(data.cyrillic!);

const entries = (hits: ScreeningHit[]) => hits.map((h) => `${h.list}#${h.entry}`);
const hard = (hits: ScreeningHit[]) => hits.filter((h) => h.matchType !== 'possible');

describe('Cyrillic names of listed entities', () => {
  test.each([
    ['Московский физико-технический институт', 'jp-ru-specified#24'],
    ['МФТИ', 'jp-ru-specified#24'],
    ['Концерн ВКО "Алмаз-Антей"', 'jp-ru-specified#496'],
    ['ПАО Туполев', 'jp-ru-specified#45'],
    ['ООО Аргут', 'jp-ru-specified#3'],
    // As a letterhead writes it: the state form, the quotes, the bracketed status.
    [
      'Федеральное государственное автономное образовательное учреждение высшего образования «Московский физико-технический институт (национальный исследовательский университет)»',
      'jp-ru-specified#24',
    ],
    // Inflected, as in a sentence or a signature.
    ['сотрудник Московского физико-технического института', 'jp-ru-specified#24'],
    // A namesake the list leaves out, in the genitive.
    ['АО «НПО «Сплав» им. А. Н. Ганичева»', 'jp-ru-specified#26'],
    // A namesake the list writes, named.
    ['АО «МКБ «Факел» им. академика П. Д. Грушина»', 'jp-ru-specified#372'],
    // United Engine Corporation's companies as the lists write them (UEC-…).
    ['АО «ОДК-Авиадвигатель»', 'jp-ru-specified#498'],
    // A curated Cyrillic alias with a legal form in front.
    ['ПАО «ОАК»', 'jp-ru-specified#47'],
    ['ГК «Ростех»', 'jp-ru-specified#37'],
    // Belarus: a state foreign-trade unitary enterprise.
    ['ГВТУП «Белспецвнештехника»', 'jp-by-specified#11'],
  ])('when %s is screened, then it finds %s', (query, entry) => {
    expect(entries(screener.screen(query))).toContain(entry);
  });

  test('when names that found nothing before the word map are screened, then each finds its entry', () => {
    for (const [query, entry] of [
      ['ПАО Туполев', 'jp-ru-specified#45'],
      ['ООО Аргут', 'jp-ru-specified#3'],
      // АО «ОДК-Авиадвигатель» was here: the curated "UEC-Aviadvigatel" now finds it without the word map too.
    ] as const) {
      expect([query, entries(before.screen(query))]).toEqual([query, []]);
      expect([query, entries(screener.screen(query))]).toEqual([query, expect.arrayContaining([entry])]);
    }
  });

  test('when a rendering meets a listed spelling, then the hit is strong, never exact', () => {
    const hits = screener.screen('ПАО Туполев', 'RU');
    expect(hits.find((h) => h.entry === 45 && h.list === 'jp-ru-specified')?.matchType).toBe('strong');
    expect(hits.some((h) => h.matchType === 'exact')).toBe(false);
    // A curated Cyrillic alias itself stays exact.
    expect(screener.screen('МФТИ')[0]).toMatchObject({ entry: 24, matchType: 'exact' });
  });

  test('when a one-word listed name is met without a legal form of its kind, then it is at most possible', () => {
    // ООО «Рубин» is not АО «Рубин»: many Russian companies share such a name.
    expect(hard(screener.screen('ООО «Рубин»', 'RU'))).toEqual([]);
    expect(hard(screener.screen('Рубин', 'RU'))).toEqual([]);
    expect(screener.screen('ООО «Рубин»', 'RU').some((h) => h.entry === 202)).toBe(true);
    // A curated Cyrillic one-word alias too: ООО «Туполев» is not ПАО «Туполев».
    expect(hard(screener.screen('ООО «Туполев»', 'RU'))).toEqual([]);
    expect(screener.screen('ПАО «Туполев»', 'RU').find((h) => h.entry === 45)?.matchType).toBe('strong');
    // Its own kind of legal form keeps the match strong.
    expect(screener.screen('АО «Рубин»', 'RU').find((h) => h.entry === 202)?.matchType).toBe('strong');
    expect(screener.screen('ООО Аргут', 'RU').find((h) => h.entry === 3)?.matchType).toBe('strong');
  });
});

describe('romanisation coincidences', () => {
  test('when a romanised word is one letter from a listed word, then the hit is at most possible', () => {
    // Прибор (instrument) is not Прибой (surf): "Pribor" one edit from the listed "Zavod Priboy" is another word.
    expect(hard(screener.screen('АО «Завод «Прибор»'))).toEqual([]);
  });

  test('when a listed one-word name is one part of a hyphenated Russian word, then it is not found hard', () => {
    // Научно- of Научно-производственное is not the listed alias "AO Nauchno"; Алмаз- of Алмаз-Антей not "Almaz JSC".
    const framed = 'We plan to ship samples to АО «Научно-производственное объединение «Экран» next month.';
    expect(hard(screener.screen(framed, 'RU'))).toEqual([]);
    expect(
      screener.screen('ООО «Алмаз-Сервис»', 'RU').filter((h) => h.entry === 134 && h.matchType !== 'possible'),
    ).toEqual([]);
  });

  test('when a Cyrillic sentence puts a listed name after от or с, then the name is found', () => {
    expect(entries(screener.screen('Письмо от ПАО «Туполев»'))).toContain('jp-ru-specified#45');
    expect(entries(screener.screen('Договор с АО «Концерн «Созвездие» о совместных исследованиях'))).toContain(
      'jp-ru-specified#543',
    );
  });
});

describe('unlisted Cyrillic organisations', () => {
  test.each([
    ['Московский государственный университет имени М. В. Ломоносова', 'RU'],
    ['МГУ им. М. В. Ломоносова', undefined],
    ['Росатом', undefined],
    ['ПАО Сбербанк', 'RU'],
    ['ООО «Яндекс»', 'RU'],
    ['АО «Лаборатория Касперского»', undefined],
    ['Казахский национальный университет имени аль-Фараби', 'KZ'],
    ['Софийски университет „Св. Климент Охридски“', 'BG'],
    ['Київський політехнічний інститут імені Ігоря Сікорського', 'UA'],
    ['ООО «Вектор»', 'RU'],
  ])('when %s is screened, then nothing is found hard', (query, country) => {
    expect(hard(screener.screen(query, country))).toEqual([]);
  });

  test('when the unlisted dev set is screened, then no organisation is found exact or strong', () => {
    const { unlisted } = loadCyrillicDev(GOLDEN_DIR);
    const found = unlisted.flatMap((c) =>
      hard(screener.screen(c.query, c.country ?? undefined)).map((h) => `${c.query} → ${h.list}#${h.entry}`),
    );
    expect(found).toEqual([]);
  });
});

describe('any input', () => {
  test.each([
    '🚀🚀 МФТИ モスクワ',
    'Rоstec', // a Cyrillic о inside a Latin word
    'МФTИ', // a Latin T inside a Cyrillic word
    'ООО',
    '«»„“',
    'им.',
    'АО «',
    'Қазақ ұлттық университеті ў ђ ѕ',
    'Института прикладной математики ハルビン工業大学 Harbin',
    'х'.repeat(2000),
    '\u0400\u04ff\u0500\u052f',
  ])('when %j is screened, then it returns a list', (query) => {
    expect(Array.isArray(screener.screen(query))).toBe(true);
  });

  test('when a word mixes Cyrillic and Latin letters, then it is read whole in Latin', () => {
    expect(renderings.renderings('Rоsoboronexport').map((r) => r.text)).toContain('Rosoboronexport');
    expect(entries(screener.screen('МФTИ'))).toContain('jp-ru-specified#24');
  });

  test('when a query has no Cyrillic, then it has no rendering and screens as before', () => {
    expect(renderings.renderings('Moscow Institute of Physics and Technology')).toEqual([]);
    expect(screener.screen('Tupolev PJSC')).toEqual(before.screen('Tupolev PJSC'));
  });
});

describe('the Russian word map', () => {
  test('when words are inflected, then they have one stem', () => {
    expect(cyrillicStem('института')).toBe(cyrillicStem('институт'));
    expect(cyrillicStem('институтом')).toBe(cyrillicStem('институт'));
    expect(cyrillicStem('Московского')).toBe(cyrillicStem('Московский'));
    expect(cyrillicStem('технологии')).toBe(cyrillicStem('технология'));
    expect(cyrillicStem('объединением')).toBe(cyrillicStem('объединение'));
  });

  test('when a query is rendered, then the English form, the romanisation and the legal forms are as the lists write them', () => {
    const r = (q: string) => renderings.renderings(q).map((x) => x.text);
    expect(r('Московский физико-технический институт')).toEqual([
      'Moscow Physics and Technology Institute',
      'Moskovskiy fiziko-tekhnicheskiy institut',
    ]);
    expect(r('АО «НПО Алмаз»')).toContain('AO NPO Almaz');
    expect(r('Екатеринбург')).toEqual(['Yekaterinburg']);
    expect(r('Щёлково')).toEqual(['Shchyolkovo']);
    // Initials are not the small words в and и; the namesake is named.
    expect(r('Институт прикладной математики им. М. В. Келдыша')[0]).toBe(
      'Institute Applied Mathematics named after M V Keldysh',
    );
  });

  test('when the word map is broken, then the check names the file and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screening-rules-'));
    cpSync(`${RULES_DIR}/screening`, join(dir, 'screening'), { recursive: true });
    const f = join(dir, 'screening', 'cyrillic-words.yaml');
    writeFileSync(
      f,
      readFileSync(f, 'utf8').replace('{ forms: [институт], en: Institute }', '{ forms: [institut], en: Институт }'),
    );
    const issues = checkScreeningData(dir);
    expect(issues.map((i) => i.file)).toEqual(['screening/cyrillic-words.yaml', 'screening/cyrillic-words.yaml']);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^words\[\d+\]\.en$/)]));
    expect(paths).toEqual(expect.arrayContaining([expect.stringMatching(/^words\[\d+\]\.forms\[0\]$/)]));
    expect(loadScreeningData(dir).data).toBeUndefined();
  });

  test('when a rules folder has no word map, then its data still loads, without Cyrillic readings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'screening-rules-'));
    cpSync(`${RULES_DIR}/screening`, join(dir, 'screening'), {
      recursive: true,
      filter: (p) => !p.endsWith('cyrillic-words.yaml'),
    });
    const r = loadScreeningData(dir);
    expect(r.issues).toEqual([]);
    expect(r.data?.cyrillic).toBeUndefined();
  });
});
