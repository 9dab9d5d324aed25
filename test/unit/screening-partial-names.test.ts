/**
 * Two classes of English short forms the matcher missed (issue 13): Web of Science / ISO 4 truncations without
 * their period ("Inst Struct & Environm Engn", "Natl Ctr Non Destruct Testing"), read by a general rule
 * (truncations.ts) beside the data map of irregular ones (Mfg, Gen, Imp & Exp); and partial names carrying a
 * listed name's rare core word ("Iprogift Tech Co Ltd"), at least a possible match (rare-words.ts). Each rule's
 * test also pins what it must not find.
 */
import { describe, expect, test } from 'vitest';
import { truncates, truncationShaped } from '../../src/screening/truncations.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

describe('an ISO 4 truncation stands for the longer listed word', () => {
  const screen = screenOver([
    list(
      [
        { name: 'Beijing Institute of Strength and Environmental Engineering', country: 'CN' },
        { name: 'National Centre for Non Destructive Testing', country: 'PK' },
        { name: 'Changchun Institute of Optics, Fine Mechanics and Physics', country: 'CN' },
        { name: 'Institute of Structural and Environmental Engineering', country: 'CN' },
        { name: 'Golden Falcon Aviation', country: 'AE' },
        { name: 'Electronica Trading LLC', country: 'AE' },
        { name: 'NPO Electron', country: 'RU' },
        { name: 'Pegasus General Trading FZE', country: 'AE' },
        { name: 'Zorvex Industrial Development Company', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test('when a word is cut after a consonant, before a vowel, by three letters or more, then it is a truncation', () => {
    expect(truncates('environm', 'environmental')).toBe(true);
    expect(truncates('struct', 'structural')).toBe(true);
    expect(truncates('destruct', 'destructive')).toBe(true);
    expect(truncates('gold', 'golden')).toBe(false);
    expect(truncates('tech', 'technical')).toBe(false);
    expect(truncationShaped('mega')).toBe(false);
    expect(truncationShaped('ind')).toBe(false);
  });

  test('when Web of Science truncates the listed words, then the listed name is found, strong beside a spelled-out word', () => {
    expect(brief(screen('Beijing Inst Strength & Environm Engn'))).toEqual([[1, 'strong', expect.any(Number)]]);
    expect(brief(screen('Natl Ctr Non Destruct Testing'))).toEqual([[2, 'strong', expect.any(Number)]]);
  });

  test('when a data-map abbreviation is also a truncation (Mech, Phys), then both words it may stand for meet', () => {
    expect(brief(screen('Changchun Inst Opt Fine Mech & Phys'))).toEqual([[3, 'strong', expect.any(Number)]]);
  });

  test('when only truncations meet the name, then the hit is at most possible', () => {
    expect(brief(screen('Inst Struct & Environm Engn'))).toEqual([[4, 'possible', 0.8]]);
  });

  test('when the word is itself a dictionary or listed word, or too little is cut, then it stays itself', () => {
    expect(screen('Gold Falcon Aviation')).toEqual([]);
    expect(brief(screen('Electron Trading')).map(([e]) => e)).not.toContain(6);
  });

  test('when an irregular abbreviation is written without its period (Gen, Ind Dev), then the data map expands it', () => {
    expect(brief(screen('Pegasus Gen Trading'))).toEqual([[8, 'exact', 1]]);
    expect(brief(screen('Zorvex Ind Dev Co'))[0]?.[0]).toBe(9);
  });
});

describe("a partial name with a listed name's rare core word is at least possible", () => {
  const screen = screenOver([
    list(
      [
        { name: 'Shenzhen Iprogift Technology Co., Ltd', country: 'CN' },
        { name: 'Megasan Elektronik Ticaret Ve Sanayi Anonim Sirketi', country: 'TR' },
        { name: 'Guangzhou Tianhaixiang Aviation Technology Co., Ltd.', country: 'CN' },
        { name: 'Shiraz Electronics Industries', country: 'IR' },
        { name: 'Emirates Alloys LLC', country: 'AE' },
        { name: 'Shenzhen Kovalenko Technology Co', country: 'CN' },
        { name: 'Tianjin Kovalenko Technology Co', country: 'CN' },
        { name: 'Guangzhou Kovalenko Technology Co', country: 'CN' },
        { name: 'Hebei Institute of Semiconductors', country: 'CN' },
      ],
      'test-list',
    ),
  ]);

  test('when the query holds the rare word and other words of the name, then it is a possible match', () => {
    expect(brief(screen('Iprogift Tech Co Ltd'))).toEqual([[1, 'possible', 0.8]]);
    // Elektronik is a generic word (electronic): the name's descriptor left over, a possible match at 0.85.
    expect(brief(screen('Megasan Elektronik'))).toEqual([[2, 'possible', 0.85]]);
    expect(brief(screen('Tianhaixiang Aviation Tech'))).toEqual([[3, 'possible', 0.8]]);
    expect(brief(screen('Prof. Li, Iprogift Tech Co Ltd'))).toEqual([[1, 'possible', 0.8]]);
  });

  test('when the entity has another country than the one given, then the rule finds nothing', () => {
    expect(screen('Iprogift Tech Co Ltd', 'US')).toEqual([]);
  });

  test('when the rest of the query is not the listed name, or the word is alone, then nothing', () => {
    expect(screen('Iprogift Consulting')).toEqual([]);
    expect(screen('Shiraz University')).toEqual([]);
    expect(screen('Emirates')).toEqual([]);
  });

  test('when many entries share the word, or it is a word an abbreviation stands for, then it is not rare', () => {
    expect(screen('Kovalenko Tech Co Ltd')).toEqual([]);
    expect(screen('Institute of Semiconductors, Chinese Academy of Sciences')).toEqual([]);
  });
});
