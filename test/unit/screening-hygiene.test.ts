/**
 * List hygiene at import (src/lists/hygiene.ts): multi-name local-name fields, bracketed long forms, junk
 * aliases; deterministic, and every change reported.
 */
import { describe, expect, test } from 'vitest';
import { cleanEntries, wrappedTails } from '../../src/lists/hygiene.ts';
import type { ListEntry } from '../../src/screening/list-schema.ts';

const entry = (e: Partial<ListEntry>): ListEntry => ({ entry: 1, name: 'X', aliases: [], concerns: [], ...e });

describe('list hygiene', () => {
  test('when a local-name field holds several names, then the first stays and the others become aliases', () => {
    const r = cleanEntries([
      entry({ name: 'KTIPM Center', localName: '研究開発センター（別称、KTIPM 及び IFP KTIPM）' }),
    ]);
    expect(r.entries[0]).toMatchObject({ localName: '研究開発センター', aliases: ['KTIPM', 'IFP KTIPM'] });
    expect(r.report).toEqual([expect.stringMatching(/^entry 1: split local name/)]);
  });

  test('when a local name is one description with a sentence or brackets, then it is left whole', () => {
    const text = '国防省（連邦軍及び場所を問わず全ての運用部隊を含む）。右には、海軍、空軍が含まれる。';
    const r = cleanEntries([entry({ localName: text })]);
    expect(r.entries[0]!.localName).toBe(text);
    expect(r.report).toEqual([]);
  });

  test('when the name has a bracketed long form, then both parts become aliases; an acronym or a branch does not', () => {
    const r = cleanEntries([
      entry({ name: 'Rostec (Russian Technologies State Corporation)' }),
      entry({ entry: 2, name: 'Harbin Institute of Technology (HIT)' }),
      entry({ entry: 3, name: 'Pan Systems Pte. Ltd. (Pyongyang branch)' }),
    ]);
    expect(r.entries.map((e) => e.aliases)).toEqual([['Rostec', 'Russian Technologies State Corporation'], [], []]);
  });

  test('when aliases are junk, then they are dropped and reported; duplicates go silently', () => {
    const r = cleanEntries([
      entry({
        name: 'Acme Rockets',
        aliases: ['and', '所 在 地 ： 8 Nikolayeva Street', 'Acme Rockets', 'Acme', 'Acme', 'of the'],
      }),
    ]);
    expect(r.entries[0]!.aliases).toEqual(['Acme']);
    expect(r.report).toHaveLength(3);
    expect(r.report[0]).toContain('"and"');
  });

  test('when the same entries are cleaned twice, then the result is the same (deterministic, idempotent)', () => {
    const input = [
      entry({ name: 'Rostec (Russian Technologies State Corporation)', localName: 'A、B', aliases: ['and'] }),
    ];
    const once = cleanEntries(input);
    expect(cleanEntries(input)).toEqual(once);
    expect(cleanEntries(once.entries).entries).toEqual(once.entries);
  });
});

describe('alias fields the PDF importer filled with several names', () => {
  test('when an alias holds names separated by semicolons, then each is an alias; a trailing "and" goes', () => {
    const r = cleanEntries([
      entry({
        name: 'Joint Stock Company Experimental Design Bureau Novator',
        aliases: ['Novator Design Bureau; and', 'JSC OKB Novator'],
      }),
      entry({
        entry: 2,
        name: 'Alfa Machinery Group',
        aliases: ['AMG 社; 有限会社 AMG LLC Company AMG; Kompaniya AMG'],
      }),
    ]);
    expect(r.entries[0]!.aliases).toEqual(['Novator Design Bureau', 'JSC OKB Novator']);
    expect(r.entries[1]!.aliases).toEqual(['AMG 社', '有限会社 AMG LLC Company AMG', 'Kompaniya AMG']);
    expect(r.report).toEqual([
      expect.stringMatching(/^entry 1: alias "Novator Design Bureau; and" read as "Novator Design Bureau"$/),
      expect.stringMatching(/^entry 2: alias "AMG 社; .*" read as "AMG 社", /),
    ]);
  });

  test('when a PDF line break split a Japanese word, then the space is closed; a space before Latin stays', () => {
    const r = cleanEntries([
      entry({
        name: 'Eastech Electronics Limited',
        aliases: [
          'シェンジェン・イースト・テクノ ロジー・リミテッド; イーステック Eastech Electronics Ltd',
          '株式会社 NIIEI',
        ],
      }),
    ]);
    expect(r.entries[0]!.aliases).toEqual([
      'シェンジェン・イースト・テクノロジー・リミテッド',
      'イーステック',
      'Eastech Electronics Ltd',
      '株式会社 NIIEI',
    ]);
  });

  test('when a split leaves the tail of a wrapped line, then it goes; two names either side of a legal form stay two', () => {
    const r = cleanEntries([
      entry({
        name: 'Skolkovo Foundation',
        aliases: [
          'of New Technologies; Kommertsializatsii Novykh Tekhnologii',
          '研究・生産団体ライトニング 株式会社学術生産公団モールニヤ',
        ],
      }),
    ]);
    expect(r.entries[0]!.aliases).toEqual([
      'Kommertsializatsii Novykh Tekhnologii',
      '研究・生産団体ライトニング 株式会社学術生産公団モールニヤ',
    ]);
  });

  test('when an alias is one ordinary name, then it is kept as it is and nothing is reported', () => {
    const r = cleanEntries([entry({ name: 'Acme Rockets', aliases: ['Acme Rocket Works', 'ロケット工業 Acme'] })]);
    expect(r.entries[0]!.aliases).toEqual(['Acme Rocket Works', 'ロケット工業 Acme']);
    expect(r.report).toEqual([]);
  });

  describe('an alias the PDF wrapped over two lines', () => {
    test('when a cut alias is followed later in the cell by its tail, then they are joined and the tail is no alias', () => {
      const r = cleanEntries([
        entry({
          entry: 557,
          name: '33rd Scientific Research and Testing Institute',
          aliases: [
            '33rd Central Experimental Institute for Scientific Research of the Ministry of',
            '33rd Central Research and Testing Institute of the Ministry of Defence of the Russian',
            '33rd Military Scientific Centre',
            'Defence; Federation',
          ],
        }),
      ]);
      expect(r.entries[0]!.aliases).toEqual([
        '33rd Central Experimental Institute for Scientific Research of the Ministry of Defence',
        '33rd Central Research and Testing Institute of the Ministry of Defence of the Russian Federation',
        '33rd Military Scientific Centre',
      ]);
      expect(r.report).toContain(
        'entry 557: joined the wrapped alias "33rd Central Experimental Institute for Scientific Research of the Ministry of" with its tail "Defence"',
      );
    });

    test('when a cut alias ends on initials, then the surname after it is its tail; a short form is never a tail', () => {
      expect(wrappedTails(['Complex Elara named after G. A', 'Illienko'], 'Elara').aliases).toEqual([
        'Complex Elara named after G. A Illienko',
      ]);
      // "Skoltech" is a name of its own, not the rest of "…Skolkovo Institute of".
      expect(
        wrappedTails(
          ['Organization for Higher Education Skolkovo Institute of', 'Skoltech', 'Science and Technology'],
          'Skolkovo Institute of Science and Technology',
        ).aliases,
      ).toEqual(['Organization for Higher Education Skolkovo Institute of Science and Technology', 'Skoltech']);
    });

    test('when a line ends where a name may end, then a lone generic word is its tail only if the name holds the join', () => {
      const name = 'Scientific Research Institute of Electrical Carbon Products';
      expect(wrappedTails(['JSC Institute of Electrical Carbon', 'Izdelii', 'Products'], name).aliases).toEqual([
        'JSC Institute of Electrical Carbon Products',
        'Izdelii',
      ]);
      expect(wrappedTails(['JSC Institute of Electrical Carbon', 'Products'], 'Carbon Works').aliases).toEqual([
        'JSC Institute of Electrical Carbon',
        'Products',
      ]);
    });

    test('when a cut alias has no tail, then it stays as it is', () => {
      expect(wrappedTails(['Research and Design Institute named after', 'JSC NIKIET'], 'NIKIET').aliases).toEqual([
        'Research and Design Institute named after',
        'JSC NIKIET',
      ]);
    });
  });
});
