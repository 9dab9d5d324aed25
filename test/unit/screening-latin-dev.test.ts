/**
 * English renderings of listed entities (issue 13, the Latin dev set test/golden/screening-dev-latin.jsonl): each
 * class of miss found on it and fixed in the matcher, with an innocent counterpart that must stay clear. The
 * classes: a postal address in an affiliation line is context; a place's older or other romanisation (Peking,
 * Nanking, Esfahan) is its listed spelling; an acronym written against the CJK name it stands for (BIT北京理工大学)
 * restates it; "R&D" is research and development; VKO/PVO are descriptive; "branch of", "a subsidiary of",
 * "the Research Project of" name the other body; so does a unit named before its institution ("School of … of
 * Harbin Institute of Technology"); two institutions joined by "and" are each screened, each with its own place; "U. of" is University of and
 * "Pak." Pakistan; a faculty glued after a Latin-and-CJK name (Sharif工科大学物理学科) is cut off.
 */
import { describe, expect, test } from 'vitest';
import { checkEvalSets, loadDevLatin, scoreEvalSets } from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { latinWords } from '../../src/screening/normalize.ts';
import { bundled, GOLDEN_DIR, hardRefs, hitRef, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const ref = hitRef;
const refs = (query: string, country?: string) => screener.screen(query, country).map(ref);
const hard = (query: string, country?: string) => hardRefs(screener, query, country);

describe('a postal address between delimiters is context around the name', () => {
  test.each([
    ['JSC MCST, 1 Vavilova St., Moscow', 'jp-ru-specified#71'],
    ['MCST, 1 Vavilova Street, Moscow', 'jp-ru-specified#71'],
    ['JSC MCST, Vavilova St.', 'jp-ru-specified#71'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test('an innocent company with its address finds nothing', () => {
    expect(refs('Yandex LLC, 16 Lva Tolstogo St., Moscow')).toEqual([]);
  });

  test('a name opening with St. or holding an organisation noun is no address', () => {
    expect(
      screener.screen('St. Petersburg Naval Design Bureau Almaz').find((h) => ref(h) === 'jp-ru-specified#260')
        ?.matchType,
    ).toBe('exact');
  });
});

describe("a place's other romanisation is its listed spelling", () => {
  test('Peking, Nanking, Esfahan, Teheran fold to the first gazetteer spelling', () => {
    expect(latinWords('Peking Nanking Esfahan Teheran Moskva')).toEqual([
      'beijing',
      'nanjing',
      'isfahan',
      'tehran',
      'moscow',
    ]);
  });

  test.each([
    ['Peking Institute of Technology', 'jp-eul#494'],
    ['Nanking University of Aeronautics and Astronautics', 'jp-eul#555'],
    ['Esfahan Optics', 'jp-eul#136'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test('an unlisted Peking university stays clear', () => {
    expect(hard('Peking University, Beijing 100871, China')).toEqual([]);
  });
});

describe('an acronym written against the CJK name it stands for restates it', () => {
  test.each([
    ['BIT北京理工大学', 'jp-eul#494'],
    ['北京理工大学 BIT', 'jp-eul#494'],
    ['哈工程HEU', 'jp-eul#540'],
    ['南航NUAA', 'jp-eul#555'],
    ['南理工NJUST', 'jp-eul#556'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test.each(['TCL科技', 'LGエレクトロニクス', 'SONY株式会社', 'IHIエアロスペース'])(
    'generic words, a legal form or katakana on the CJK side: %s finds nothing',
    (query) => expect(refs(query)).toEqual([]),
  );
});

describe('R&D and descriptive Russian acronyms', () => {
  test('R&D is research and development', () => {
    expect(hard('R&D Center ELVEES')).toContain('jp-ru-specified#60');
    expect(hard('JSC R&D Center «ELVEES», Zelenograd, Moscow 124498, Russia')).toContain('jp-ru-specified#60');
  });

  test('VKO (aerospace defence) says nothing about which concern', () => {
    expect(refs('VKO Almaz-Antey')).toContain('jp-ru-specified#496');
  });
});

describe('what one body is of another names the other', () => {
  test.each([
    ['Kazan Aviation Plant named after S.P. Gorbunov, branch of PJSC Tupolev', 'jp-ru-specified#45'],
    ['a subsidiary of Rostec State Corporation', 'jp-ru-specified#37'],
    ['Supported by the Research Project of National University of Defense Technology (ZK20-03)', 'jp-eul#553'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test.each([
    'a subsidiary of Mitsubishi Heavy Industries',
    'Branch of Harbin University of Science and Technology',
    'Supported by the Research Project of Tokyo Institute of Technology',
  ])('an innocent parent stays clear: %s', (query) => expect(hard(query)).toEqual([]));
});

describe('a unit named before its institution, two institutions joined, a short name before its unit', () => {
  test.each([
    ['School of Astronautics of Harbin Institute of Technology', 'jp-eul#541'],
    ['Institute of Physics of the Kim Il Sung University', 'jp-eul#329'],
    ['Joint Laboratory of Sharif University of Technology and Kyoto University', 'jp-eul#259'],
    // The other institution's place (Tokyo) says nothing about this one.
    ['Sharif University of Technology and University of Tokyo', 'jp-eul#259'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test('a short listed name before a centre of it is found, as possible', () => {
    expect(refs('Skoltech Center for Photonics and Quantum Materials')).toContain('jp-ru-specified#425');
  });

  test.each([
    'School of Engineering of the University of Tokyo',
    'Institute of Physics of the Chinese Academy of Sciences',
    'Kyoto University and Tokyo Institute of Technology',
    'Skolkovo School of Management',
    'Tokyo Center for Photonics',
    'Harbin University of Science and Technology',
  ])('innocent: %s finds nothing', (query) => expect(refs(query)).toEqual([]));

  test('a listed name with "and" in it is not cut in two', () => {
    expect(hard('Iran University of Science and Technology, Tehran')).toContain('jp-eul#132');
  });
});

describe('U. of, Pak., older English names, a faculty glued after a mixed-script name', () => {
  test.each([
    ['Sharif U. of Tech.', 'jp-eul#259'],
    ['U of Tehran', 'jp-eul#282'],
    ['Pak. Inst. of Eng. & Appl. Sci.', 'jp-eul#670'],
    ['Moscow Physico-Technical Institute', 'jp-ru-specified#24'],
    ['Sharif工科大学物理学科', 'jp-eul#259'],
    ['Tehran大学工学部', 'jp-eul#282'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test('U is University only before "of"; Pak is Pakistan only with its period', () => {
    expect(latinWords('U. of Tehran')).toEqual(['university', 'of', 'tehran']);
    expect(latinWords('Pak Chol')).toEqual(['pak', 'chol']);
  });

  test.each(['A. U. Khan Company', 'Pak Chol Trading', 'Isfahan工科大学物理学科', 'Tokyo大学工学部'])(
    'innocent: %s finds nothing',
    (query) => expect(refs(query)).toEqual([]),
  );
});

describe("an acronym's possessive is the acronym", () => {
  test.each([
    ["CETC's 14th Research Institute", 'jp-eul#513'],
    ["NUDT's School of Computer", 'jp-eul#553'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test("other words keep theirs: People's and Peoples fold as before", () => {
    expect(latinWords("CETC's People's")).toEqual(['cetc', 'peoples']);
  });
});

describe('a compass word and its adjective are one word', () => {
  test('Far Eastern Branch meets the listed Far East Branch', () => {
    expect(
      hard(
        'Institute of Marine Technology Problems, Far Eastern Branch of the Russian Academy of Sciences, Vladivostok',
      ),
    ).toContain('jp-ru-specified#234');
    expect(hard('AECC Southern Industry Company')).toContain('jp-eul#482');
  });

  test('Northwest University is not Northwestern Polytechnical University', () => {
    expect(refs("Northwest University, Xi'an 710127, China")).toEqual([]);
  });
});

describe("an institution's own council, office or grant after its name", () => {
  test.each([
    ['Funded by the University of Tehran Research Council', 'jp-eul#282'],
    ['Sharif University of Technology grant No. G930305', 'jp-eul#259'],
    ["Iran University of Science and Technology's Research Office", 'jp-eul#132'],
  ])('%s', (query, wanted) => expect(hard(query)).toContain(wanted));

  test.each([
    'Tehran University of Medical Sciences Research Council',
    'Supported by the Kyoto University Research Fund',
  ])('innocent: %s finds nothing', (query) => expect(refs(query)).toEqual([]));
});

describe('the Latin dev set', () => {
  const sets = loadDevLatin(GOLDEN_DIR);
  const { lists } = loadLists(`${RULES_DIR}/lists`);

  test('is sound: entries exist, no listed name among the unlisted, no query in both', () => {
    expect(sets.renderings.length).toBeGreaterThanOrEqual(300);
    expect(sets.unlisted.length).toBeGreaterThanOrEqual(150);
    expect(
      checkEvalSets(sets, lists, {
        renderings: 'screening-dev-latin.jsonl',
        unlisted: 'screening-dev-latin-unlisted.jsonl',
      }),
    ).toEqual([]);
  });

  test('recall stays at its measured floor, with no exact or strong false positive', () => {
    const s = scoreEvalSets(screener, sets);
    expect(s.recall.recall).toBeGreaterThanOrEqual(0.975);
    expect(s.falsePositives.exactOrStrong).toBe(0);
  });
});
