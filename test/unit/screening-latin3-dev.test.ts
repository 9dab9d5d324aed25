/**
 * English short forms of listed entities (issue 13, dev set latin3): Web of Science address lines, acronyms with a
 * city and country, abbreviations, names inside signatures and sentences — and the look-alikes (the same acronym
 * elsewhere, the same city's other universities) that must stay clear.
 */
import { describe, expect, test } from 'vitest';
import { latinWords } from '../../src/screening/normalize.ts';
import { bundled, hardRefs, hitRef } from '../support/fixtures.ts';

const { screener } = bundled();
const find = (name: string, wanted: string, country?: string) =>
  screener.screen(name, country).find((h) => hitRef(h) === wanted);
const HARD = ['exact', 'strong'];

describe('a place after "of" is a word of the name, not a place to cut off', () => {
  test.each([
    ['collaboration with the University of Tehran', 'jp-eul#282'],
    ['Joint lab with the University of Electronic Science and Technology of China', 'jp-eul#595'],
    ['samples to University of Electronic Science and Technology of China', 'jp-eul#595'],
  ])('when the sentence is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the country after "of" is another one, then the name without it is not screened alone', () => {
    // "National Defense Academy of Japan" is not a listed "National Defense Academy" (DPRK's Second Academy).
    expect(hardRefs(screener, 'National Defense Academy of Japan')).toEqual([]);
    expect(hardRefs(screener, 'collaboration with the University of Tokyo')).toEqual([]);
  });
});

describe('Web of Science and ISO 4 abbreviations', () => {
  test('when Uni stands before of, or Aero. and Astro. carry their period, then they are the long words', () => {
    expect(latinWords('Sharif Uni of Technology')).toEqual(latinWords('Sharif University of Technology'));
    expect(latinWords('Beijing Univ. Aero. & Astro.')).toEqual([
      'beijing',
      'university',
      'aeronautics',
      'astronautics',
    ]);
    // Paired with Astro by & or and, Aero is the long word without its period too.
    expect(latinWords('Nanjing U of Aero & Astro')).toEqual(
      latinWords('Nanjing University of Aeronautics and Astronautics'),
    );
    // Without the period Aero is a word of names (ZALA Aero Group); Uni alone may be one (Uni-President).
    expect(latinWords('ZALA Aero Group')).toContain('aero');
    expect(latinWords('Uni-President Enterprises')).toContain('uni');
  });

  test('when U or Uni closes a name or stands before a field, then it is University; initials stay', () => {
    for (const q of ['Beihang U', 'Beihang U.', 'Beihang Uni'])
      expect(latinWords(q)).toEqual(['beihang', 'university']);
    expect(latinWords('Iran U Sci Tech')).toEqual(latinWords('Iran University Sci Tech'));
    expect(hardRefs(screener, 'Northwestern Polytech U')).toContain('jp-eul#559');
    expect(hardRefs(screener, 'Tehran U', 'IR')).toContain('jp-eul#282');
    // A person's initials, a lone U, and U inside a name are not University.
    expect(latinWords('A. U. Khan')).toEqual(['au', 'khan']);
    expect(latinWords('U')).toEqual(['u']);
    expect(latinWords('U Thant Institute')).toEqual(['u', 'thant', 'institute']);
    expect(hardRefs(screener, 'Kyoto U')).toEqual([]);
  });

  test('when the PLA stands before a name, then it is generic, as 中国人民解放军 is', () => {
    expect(latinWords('PLA National University of Defense Technology')).toEqual(
      latinWords('National University of Defense Technology'),
    );
    expect(latinWords("Chinese People's Liberation Army Navy Submarine Academy")).toEqual(
      latinWords('Navy Submarine Academy'),
    );
    // Alone it stays a word.
    expect(latinWords('PLA')).toEqual(['pla']);
    // The PLA's National Defense University is not NUDT: with the PLA counted it was a strong match.
    expect(hardRefs(screener, 'PLA National Defense University')).toEqual([]);
    expect(hardRefs(screener, 'PLA National University of Defense Technology')).toContain('jp-eul#553');
  });

  test('when No. stands before a number, then it is the number’s sign, not a word', () => {
    expect(latinWords('No. 771 Research Institute')).toEqual(latinWords('771 Research Institute'));
    expect(latinWords('CETC No.14 Institute')).toEqual(latinWords('CETC 14 Institute'));
    expect(latinWords('No Limits Trading')).toEqual(['no', 'limits', 'trading']);
    expect(screener.screen('No. 771 Research Institute').map(hitRef)).toContain('jp-eul#512');
  });

  test('when RI is written, then it is Research Institute', () => {
    expect(latinWords('CETC 14th RI')).toEqual(latinWords('CETC 14th Research Institute'));
    expect(hardRefs(screener, 'CETC 14th RI')).toContain('jp-eul#513');
    expect(hardRefs(screener, 'NTT Basic RI')).toEqual([]);
  });

  test('when Mgmt or Mgt is written, then it is Management', () => {
    expect(latinWords('Pyongjin Ship Mgmt Co.')).toEqual(latinWords('Pyongjin Ship Management Co.'));
    expect(latinWords('Ship Mgt')).toEqual(['ship', 'management']);
    expect(hardRefs(screener, 'Pyongjin Ship Mgmt Co.')).toContain('jp-eul#409');
  });

  test.each([
    ['Univ. of Elec. Sci. & Tech. of China', 'jp-eul#595', undefined],
    ['Pakistan Atomic Energy Commn, Islamabad, Pakistan', 'jp-eul#669', 'PK'],
    ['Xian Res Inst Nav Technol, Xian 710068, Peoples R China', 'jp-eul#477', 'CN'],
    // Sci is Science and also Scientific ("Sci Res Inst" for Scientific Research Institute).
    ['Sci Res Inst Hypersonic Syst, St Petersburg, Russia', 'jp-ru-specified#100', 'RU'],
    ['Tikhomirov Sci Res Inst Instrument Design JSC', 'jp-ru-specified#504', undefined],
  ])('when the query is %s, then %s is a hard hit', (query, wanted, country) => {
    expect(HARD).toContain(find(query, wanted, country)?.matchType);
  });

  test("when Elec. is Electrical in another university's department, then nothing is found", () => {
    expect(screener.screen('Dept. of Elec. Eng., University of Tokyo')).toEqual([]);
  });
});

describe('an affiliation as addresses and signatures write it', () => {
  test.each([
    ['Dr. Reza Ahmadi\nDepartment of Physics\nSharif University of Technology\nTehran, Iran', 'jp-eul#259'],
    ['Ivan Petrov\nSenior Researcher\nMoscow Institute of Physics and Technology\nDolgoprudny', 'jp-ru-specified#24'],
    ['Wang Fang\r\nHarbin Institute of Technology\r\nHarbin, P.R. China', 'jp-eul#541'],
  ])('when a signature is pasted line by line (%s), then each line is a part and %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when lines hold only unlisted bodies, then nothing is found', () => {
    expect(screener.screen('Lomonosov Moscow State University\nMoscow, Russia')).toEqual([]);
    expect(screener.screen('Tokyo Institute of Technology\nMeguro, Tokyo')).toEqual([]);
  });

  test.each([
    ['CAEP, P.R.China', 'jp-eul#519'],
    ['CAEP, Peoples R China', 'jp-eul#519'],
    ['MUT, Isfahan, I.R. Iran', 'jp-eul#160'],
    ['Key Laboratory of Nuclear Physics, CAEP, Mianyang, Sichuan, P.R.China', 'jp-eul#519'],
    ['State Key Laboratory of Advanced Welding, HIT', 'jp-eul#541'],
  ])('when an acronym stands beside P.R. China, I.R. Iran or a laboratory (%s), then %s is found', (query, wanted) => {
    expect(find(query, wanted)).toBeDefined();
  });

  test("when the acronym is another body's in its country, then it is not found hard", () => {
    expect(hardRefs(screener, 'HIT, Holon, Israel', 'IL')).toEqual([]);
    expect(hardRefs(screener, 'SUT, Nakhon Ratchasima, Thailand', 'TH')).toEqual([]);
    expect(hardRefs(screener, 'State Key Laboratory of Solid State Microstructures, Nanjing University')).toEqual([]);
  });
});

describe('the DPRK named in English', () => {
  test('when DPRK stands before a North Korean name, then it is the country, not a word of another name', () => {
    expect(HARD).toContain(find('DPRK Academy of National Defence Science', 'jp-eul#299')?.matchType);
    expect(HARD).toContain(
      find('Faculty of Physics, Kim Il Sung University, Pyongyang, DPR Korea', 'jp-eul#329')?.matchType,
    );
  });

  test('when Korea stands alone, then it names no country (South Korean bodies stay clear)', () => {
    expect(hardRefs(screener, 'Korea Advanced Institute of Science and Technology', 'KR')).toEqual([]);
    expect(screener.screen('Korea University, Seoul')).toEqual([]);
  });
});

describe('a name inside an English sentence with no frame word before it', () => {
  test.each([
    ['former Harbin Institute of Technology researcher', 'jp-eul#541'],
    ['Former Harbin Institute of Technology researcher', 'jp-eul#541'],
    ['graduate of Beihang University', 'jp-eul#501'],
    ['Sharif University of Technology-affiliated researcher', 'jp-eul#259'],
    ['a delegation of Northwestern Polytechnical University visits our lab', 'jp-eul#559'],
    ['MoU between Harbin Institute of Technology and Kyoto University', 'jp-eul#541'],
  ])('when the sentence is %s, then %s is a hard hit', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the capitalised run is an unlisted body, then nothing hard is found', () => {
    expect(hardRefs(screener, 'former Harbin University of Science and Technology researcher')).toEqual([]);
    expect(hardRefs(screener, 'graduate of University of Science and Technology of China')).toEqual([]);
    expect(hardRefs(screener, 'a delegation of Northwest University visits our lab')).toEqual([]);
  });
});

describe('the place of another institution joined by and or a slash', () => {
  test.each([
    ['Kyoto University / Harbin Institute of Technology', 'jp-eul#541'],
    ['Kyoto University and Moscow Institute of Physics and Technology', 'jp-ru-specified#24'],
  ])('when the text is %s, then Kyoto says nothing of where %s is', (query, wanted) => {
    expect(find(query, wanted)).toBeDefined();
  });

  test('when the place stands beside the name itself, then it still vetoes', () => {
    // IHEP in Beijing (Chinese Academy of Sciences) is not the Institute of High Energy Physics in Protvino.
    expect(hardRefs(screener, 'Institute of High Energy Physics, Beijing, China')).not.toContain('jp-ru-specified#277');
    expect(hardRefs(screener, 'Sharif University of Technology (Harbin, China)')).toEqual([]);
  });
});

describe("an e-mail's header words are labels", () => {
  test.each([
    ['Re: samples for NUDT', 'jp-eul#553'],
    ['Subject: MoU with NUDT', 'jp-eul#553'],
    ['Fwd: invitation from Sharif University of Technology', 'jp-eul#259'],
  ])('when the text is %s, then the header word is no name beside %s', (query, wanted) => {
    expect(HARD).toContain(find(query, wanted)?.matchType);
  });

  test('when the header stands before an unlisted body, then nothing is found', () => {
    expect(screener.screen('Re: samples for Tokyo University of Science')).toEqual([]);
  });
});
