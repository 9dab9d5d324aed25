/**
 * Listed names made only of ordinary words (src/screening/common-word-names.ts) on the real lists: "Insight
 * Enterprises Inc." is a Pakistani EUL entry and a US IT firm. Exact or strong only in the entry's country;
 * elsewhere, or with no country, a possible match — never nothing.
 */
import { describe, expect, test } from 'vitest';
import { loadLists } from '../../src/lists/load-lists.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { RULES_DIR } from '../support/fixtures.ts';

const screener = createScreener(loadLists(`${RULES_DIR}/lists`).lists);
const top = (name: string, country?: string) => {
  const h = screener.screen(name, country)[0];
  return h && [`${h.list}#${h.entry}`, h.matchType];
};

describe('listed names made only of ordinary words', () => {
  test('when the name is given with another country or none, then it is a possible match, not exact', () => {
    expect(top('Insight Enterprises Inc.', 'US')).toEqual(['jp-eul#633', 'possible']);
    expect(top('Insight Enterprises')).toEqual(['jp-eul#633', 'possible']);
    expect(top('Future Systems Pvt Ltd', 'IN')).toEqual(['jp-eul#623', 'possible']);
    expect(top('General Technology Ltd', 'JP')).toEqual(['jp-eul#716', 'possible']);
  });

  test('when the name is given with the entry’s country, or the query names it, then it stays exact or strong', () => {
    expect(top('Insight Enterprises', 'PK')).toEqual(['jp-eul#633', 'exact']);
    expect(top('General Technology Limited', 'HK')).toEqual(['jp-eul#716', 'exact']);
    expect(top('Insight Enterprises, Pakistan')?.[1]).not.toBe('possible');
  });

  test('when a place or country is part of the name, then the name is not ordinary and keeps its strength', () => {
    expect(top('Beijing Institute of Technology')?.[1]).toBe('exact');
    expect(top('Harbin Institute of Technology')?.[1]).toBe('exact');
    expect(top('Iran Electronics Industries')?.[1]).toBe('exact');
    expect(top('Sharif University of Technology')?.[1]).toBe('exact');
  });

  test('when the query is only a legal form, then nothing is found (an alias "Aktsionernoe Obshchestvo LLS" once was)', () => {
    // "LLS" was read as a legal form (for the Quantum Center's typo of LLC), which left the alias of entry 547
    // (Leningrad Laser Systems) as the bare Russian legal form: any "Aktsionernoe Obshchestvo" hit it, exact.
    expect(top('Aktsionernoe Obshchestvo')).toBeUndefined();
    expect(top('Leningrad Laser Systems')).toEqual(['jp-ru-specified#547', 'exact']);
    expect(top('Russian Quantum Center')?.[1]).toBe('exact');
  });

  test('when a name’s only other words are single letters, then it proves the entity only with its country', () => {
    // "H and A International" (EUL 624, Pakistan) was a strong hit for "H-International School" (a US school).
    expect(top('H-International School')).toEqual(['jp-eul#624', 'possible']);
    expect(top('H and A International')).toEqual(['jp-eul#624', 'possible']);
    expect(top('H and A International', 'PK')).toEqual(['jp-eul#624', 'exact']);
  });

  test('when a Russian body’s full name ends "of the Russian Federation", then the wrapped-line "Federation" alias no longer hits it', () => {
    // The Russia list once held "Federation" and "Defence" alone: line ends of "… of the Russian" (entries 250, 557).
    expect(top('Ministry of Health of the Russian Federation', 'RU')).toBeUndefined();
    expect(top('Federation', 'RU')).toBeUndefined();
    expect(top('Ministry of Defence of the Russian Federation', 'RU')).toEqual(['jp-eul#788', 'exact']);
  });
});
