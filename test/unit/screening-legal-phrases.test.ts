/**
 * A legal form written out in words (normalize.ts withoutLegalPhrase, name-index.ts): the listed "Open Joint
 * Stock Company Aviadvigatel" is found as "Aviadvigatel", a one-word name, as any, hard only where the country
 * agrees; the full name, and with a typo in its legal form, is still found.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { withoutLegalPhrase } from '../../src/screening/normalize.ts';
import { bundled } from '../support/fixtures.ts';

const { screener } = bundled();
const typeOf = (query: string, ref: string, country?: string) =>
  screener.screen(query, country).find((h: ScreeningHit) => `${h.list}#${h.entry}` === ref)?.matchType;

describe('withoutLegalPhrase', () => {
  test.each([
    ['Open Joint Stock Company Aviadvigatel', 'Aviadvigatel'],
    ['Joint-Stock Company Concern Almaz-Antey', 'Concern Almaz-Antey'],
    ['Public Joint Stock Company Megafon', 'Megafon'],
    ['Federal State Unitary Enterprise MNIIRIP', 'MNIIRIP'],
    ['Federal State Budgetary Institution of Science Lebedev Physical Institute', 'Lebedev Physical Institute'],
    ['State-owned Foreign Trade Unitary Enterprise Belspetsvneshtechnika', 'Belspetsvneshtechnika'],
    ['Aktsionernoe Obshchestvo Papilon', 'Papilon'],
    ['Bee Insaat Mimarlik Anonim Sirketi', 'Bee Insaat Mimarlik'],
  ])('when %s has its legal form written out, then the name without it is %s', (text, bare) => {
    expect(withoutLegalPhrase(text)).toBe(bare);
  });

  test('when a name has no such form, or is nothing else, then there is none to drop', () => {
    expect(withoutLegalPhrase('Harbin Institute of Technology')).toBeUndefined();
    expect(withoutLegalPhrase('Joint Stock Company')).toBeUndefined();
    // "Joint" inside a name is a word of it: only the phrase at the start goes.
    expect(withoutLegalPhrase('United Joint Stock Company Holdings')).toBeUndefined();
  });
});

describe('a listed name with a written-out legal form', () => {
  test('when only its name is given, then it is found: hard with its country, possible without', () => {
    // (Aviadvigatel has since become a curated alias, which holds whatever the country.)
    expect(typeOf('Kurganmashzavod', 'jp-eul#801', 'RU')).toBe('exact');
    expect(typeOf('Kurganmashzavod', 'jp-eul#801')).toBe('possible');
    expect(typeOf('Megafon', 'jp-ru-specified#420', 'RU')).toBe('exact');
    expect(typeOf('Megafon', 'jp-ru-specified#420')).toBe('possible');
    expect(typeOf('Votkinsky Zavod', 'jp-ru-specified#248')).toMatch(/exact|strong/);
    expect(typeOf('Concern Almaz-Antey', 'jp-ru-specified#496')).toMatch(/exact|strong/);
  });

  test('when the full name is given, also with a typo in the legal form, then it is still found hard', () => {
    expect(typeOf('Open Joint Stock Company Aviadvigatel', 'jp-ru-specified#498')).toBe('exact');
    expect(typeOf('Joint Stock Comany Eleron', 'jp-ru-specified#239')).toMatch(/exact|strong/);
  });

  test('when an innocent name shares the bare word, then the one-word rule still holds it', () => {
    // Joint Stock Company STAR is listed; A*STAR (Singapore) is not.
    expect(screener.screen('A*STAR', 'SG').filter((h) => h.matchType !== 'possible')).toEqual([]);
    expect(screener.screen('A*STAR').filter((h) => h.matchType !== 'possible')).toEqual([]);
  });
});
