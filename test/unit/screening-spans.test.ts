/**
 * A listed name inside a longer text (issue 13, spans.ts), through the bundled screener on the real lists: each
 * frame with a listed name, which must be found (none was before the span layer), and with an innocent one, which
 * must find nothing. A span's hit is never exact, a place in front of a CJK name is not cut off, a short form
 * does not leave a longer name, and a place of another country vetoes the span's hit.
 */
import { describe, expect, test } from 'vitest';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { WordsFileSchema } from '../../src/screening/data.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { MAX_SPANS, SpanScreener } from '../../src/screening/spans.ts';
import { bundled, hardRefs, hitRef, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const ref = hitRef;
const found = (query: string, wanted: string, country?: string) =>
  screener.screen(query, country).find((h) => ref(h) === wanted);
const hard = (query: string, country?: string) => hardRefs(screener, query, country);

/** Each listed case: the query, the entry it names, and the strongest match type the span may give. */
const listed: [string, string, 'strong' | 'possible', string][] = [
  // English sentence frames
  ['AK-47 parts from Kalashnikov Concern, Izhevsk', 'jp-eul#780', 'strong', 'AK-47 parts from Bosch GmbH, Stuttgart'],
  [
    'contract signed with Rosoboronexport in Moscow',
    'jp-eul#806',
    'possible',
    'contract signed with Mitsubishi Electric in Tokyo',
  ],
  [
    'procurement for the Ministry of Defence of the Russian Federation',
    'jp-eul#788',
    'strong',
    'procurement for the Ministry of Defense of Japan',
  ],
  ['samples made by Angstrem in Zelenograd', 'jp-eul#754', 'possible', 'samples made by Toshiba in Kawasaki'],
  // Japanese form labels and trailing departments
  ['共同研究者：シャリフ工科大学 物理学科', 'jp-eul#259', 'strong', '共同研究者：東京大学 物理学科'],
  ['訪問者所属: テヘラン大学 工学部', 'jp-eul#282', 'strong', '訪問者所属: 京都大学 工学部'],
  [
    '招へい研究者の所属：北京航空航天大学 機械工程及自動化学院',
    'jp-eul#501',
    'strong',
    '招へい研究者の所属：清華大学 機械工程系',
  ],
  [
    '共同研究先：哈爾浜工業大学 材料学院（中国・ハルビン市）',
    'jp-eul#541',
    'strong',
    '共同研究先：浙江大学 材料学院（中国・杭州市）',
  ],
  // A faculty, a campus or a city glued after a Latin name, or after a space
  ['University of Tehran工学部', 'jp-eul#282', 'strong', 'University of Tokyo工学部'],
  ['Harbin Institute of Technology深圳校', 'jp-eul#541', 'strong', 'Tsinghua University深圳校'],
  ['Harbin Institute of Technology威海校区', 'jp-eul#541', 'strong', 'Shandong University威海校区'],
  ['Harbin Institute of Technology 威海校区', 'jp-eul#541', 'strong', 'Shandong University 威海校区'],
  ['NUDT長沙', 'jp-eul#553', 'strong', 'CSU長沙'],
  // An acronym joined to another body by "and", or followed by "in" and its city
  ['collaboration with NWPU and Tsinghua', 'jp-eul#559', 'strong', 'collaboration with SJTU and Tsinghua'],
  ['our partner is NUDT in Changsha', 'jp-eul#553', 'strong', 'our partner is SJTU in Shanghai'],
  // A place's possessive or a "-based" in front, an acronym before its faculty
  ["China's Harbin Institute of Technology", 'jp-eul#541', 'strong', "China's Tsinghua University"],
  ["Xi'an's Northwestern Polytechnical University", 'jp-eul#559', 'strong', "Japan's Tohoku University"],
  ['Chengdu-based CETC 10th Institute', 'jp-eul#475', 'strong', 'Kyoto-based Kyoto University'],
  ['NUDT College of Computer', 'jp-eul#553', 'strong', 'SJTU School of Materials'],
  // A city in front of a listed Latin name: the rest, as possible only
  ['Beijing Beihang University', 'jp-eul#501', 'possible', 'Beijing Tsinghua University'],
  ['Tehran Sharif University of Technology', 'jp-eul#259', 'possible', 'Tehran Amirkabir Hospital'],
  // An aside in brackets inside a CJK name: the name without it
  ['航天科工(CASIC)第二研究院', 'jp-eul#511', 'strong', '中国移动(CMCC)研究院'],
  // A katakana name (with 派 or 社) closing a Japanese phrase after の
  ['イエメンのフーシ派', 'jp-eul#33', 'strong', '日本のトヨタ'],
  // A longer Chinese short form between the words of a Chinese sentence
  ['在长春光机所读博', 'jp-eul#520', 'strong', '在长春应化所读博'],
  ['入职中国电科10所', 'jp-eul#475', 'strong', '入职中国移动研究院'],
  ['去航天一院实习', 'jp-eul#508', 'strong', '去华为实习'],
  // Japanese particles between names
  ['東京大学と北京航空航天大学の共同研究', 'jp-eul#501', 'strong', '東京大学と清華大学の共同研究'],
  // A Latin company name with 社 / 公司 glued on
  ['KAMAZ社', 'jp-eul#781', 'strong', 'Toyota社'],
  ['ロシアのKAMAZ社製トラック', 'jp-eul#781', 'strong', 'ドイツのMAN社製トラック'],
  // An acronym followed by a city or a country
  ['HIAST Damascus', 'jp-eul#457', 'strong', 'HIAST Tokyo'],
  ['FSB Russia', 'jp-ru-specified#6', 'possible', 'FSB Germany'],
  ['AIO Iran', 'jp-eul#40', 'possible', 'AIO Japan'],
  // Descriptive words inside a listed name: on the Russia list they are words of the entry's own long form
  // ("… Almaz-Antey Air and Space Defence Corporation"), so they confirm it (the EUL twin is the same company).
  [
    'Almaz-Antey Air and Space Defence Concern',
    'jp-ru-specified#496',
    'strong',
    'Kawasaki Heavy Industries Aerospace Company',
  ],
];

describe('a listed name inside a longer text is found through its span', () => {
  test.each(listed)('when %s is screened, then %s is found, never exact and at most %s', (query, wanted, most) => {
    const hit = found(query, wanted);
    expect(hit?.matchType).toBeDefined();
    expect(hit?.matchType).not.toBe('exact');
    if (most === 'possible') expect(hit?.matchType).toBe('possible');
  });

  test.each(listed.map(([, , , innocent]) => innocent))(
    'when the innocent %s is screened in the same frame, then nothing is found',
    (innocent) => {
      expect(screener.screen(innocent)).toEqual([]);
    },
  );
});

describe('a city in front of a listed Latin name', () => {
  test('when the city is of another country, or a country stands there, then nothing is found', () => {
    expect(screener.screen('Tokyo Northwestern Polytechnical University')).toEqual([]);
    expect(screener.screen('Japan Center in Russia')).toEqual([]);
  });
});

describe('what a span never does', () => {
  test('when a place stands in front of a CJK name, then it is not cut off (西安电子科技大学 is not UESTC)', () => {
    expect(hard('西安电子科技大学')).toEqual([]);
    expect(hard('西安 电子科技大学')).toEqual([]);
    expect(hard('共同研究先：西安电子科技大学 通信工程学院')).toEqual([]);
  });

  test('when a place anywhere in the text is of another country, then a span of another country’s entity goes', () => {
    // The institute is the University of Tokyo's, not the listed Institute of Solid-State Physics (RAS).
    expect(found('Institute for Solid State Physics, The University of Tokyo', 'jp-ru-specified#346')).toBeUndefined();
    expect(found('IHEP Beijing', 'jp-ru-specified#277')).toBeUndefined();
    // A place in an institution joined by と says where that one is, not the other.
    expect(found('東京大学と北京航空航天大学の共同研究', 'jp-eul#501')?.matchType).toBe('strong');
  });

  test('when a short form stands beside another name, then it does not name its entity on its own', () => {
    expect(found('China Southern Airlines, 南航', 'jp-eul#555')).toBeUndefined();
    expect(found('Kyoto University (KRL)', 'jp-eul#641')).toBeUndefined();
    expect(found('KRL', 'jp-eul#641')?.matchType).toBe('exact');
  });

  test('when a one-word part after a comma is only a city, then it names nothing (", Shiraz" is no company)', () => {
    expect(found('Islamic Azad University, Shiraz', 'jp-eul#263')).toBeUndefined();
    expect(found('Central Aerohydrodynamic Institute, Zhukovsky', 'jp-ru-specified#294')).toBeUndefined();
  });

  test('when the words around a quoted name are a legal form, then they are not screened without it', () => {
    // "Aktsionernoe Obshchestvo" alone is an alias of Leningrad Laser Systems once its "LLS" is read as a legal form.
    expect(found('Aktsionernoe Obshchestvo “Severstal”', 'jp-ru-specified#547')).toBeUndefined();
  });

  test('when a sentence word is lowercase ("made by hand"), then it is no name', () => {
    expect(screener.screen('samples made by hand')).toEqual([]);
    expect(screener.screen('サンプルを送る')).toEqual([]);
  });

  test('when a frame word follows an organisation noun, then it is part of the name ("Institute for …")', () => {
    expect(screener.screen('Japan Agency for Marine-Earth Science and Technology')).toEqual([]);
    expect(screener.screen('Max Planck Institute for Plasma Physics')).toEqual([]);
  });

  test('when the head of a descriptive name is a word of many names, then it finds nothing (Sharif)', () => {
    expect(found('Sharif Advanced Materials Company', 'jp-eul#259')).toBeUndefined();
  });
});

describe('a listed name in an English sentence that goes on after it', () => {
  test.each([
    ['We plan to ship samples to Harbin Institute of Technology next month.', 'jp-eul#541'],
    ['We plan to ship samples to ハルビン工業大学 next month.', 'jp-eul#541'],
    ['joint research with 北京航空航天大学 on batteries', 'jp-eul#501'],
    ['joint research with Beihang University on batteries', 'jp-eul#501'],
    // The rest is only the sentence: an acronym is alone in it, as a whole query would be.
    ['We plan to ship samples to HIT next month.', 'jp-eul#541'],
    ['Visiting researcher from NUDT', 'jp-eul#553'],
  ])('when %s is screened, then %s is found', (query, ref) => {
    expect(found(query, ref)).toBeDefined();
  });

  test('when an innocent name or another name stands there, then nothing hard is found', () => {
    expect(hard('We plan to ship samples to Tsinghua University next month.')).toEqual([]);
    expect(hard('joint research with MIT on batteries')).toEqual([]);
    expect(hard('joint research with 清华大学 on batteries')).toEqual([]);
    // Another capitalised name in the sentence: the acronym is not alone (HIT is also a common word).
    expect(hard('Tokyo Tech and HIT will meet next month')).not.toContain('jp-eul#541');
  });
});

describe('a Japanese sentence finds no more than its pieces', () => {
  const strongest = (query: string, wanted: string) => found(query, wanted)?.matchType;

  test('when an unlisted university is followed by what is done with it, then its listed neighbour is at most possible, as for the name alone', () => {
    // Harbin University of Science and Technology and Beijing University of Technology are not listed; alone
    // they find nothing, and the word-by-word translation of the sentence must not make them HIT or BIT.
    for (const [name, neighbour] of [
      ['哈尔滨理工大学', 'jp-eul#541'],
      ['ハルビン理工大学', 'jp-eul#541'],
      ['北京工业大学', 'jp-eul#494'],
    ] as const) {
      expect(hard(name)).not.toContain(neighbour);
      for (const sentence of [`${name}に炭素繊維のサンプルを送りたい`, `来月、${name}の研究者を受け入れる`])
        expect(hard(sentence), sentence).not.toContain(neighbour);
    }
  });

  test('when an unlisted Han name stands after a Latin department, then its listed neighbour is at most possible', () => {
    for (const q of ['Dept. of Physics, 哈尔滨理工大学', 'Dept. of Physics, 北京工業大学'])
      expect(hard(q), q).toEqual([]);
    // A name in two scripts is no context: HESA's own acronym beside its Japanese name keeps it hard.
    expect(found('イラン航空機製造産業（HESA）', 'jp-eul#121')?.matchType).toBe('strong');
  });

  test('when a listed name is followed by what is done with it, then it stays a hard hit, and a city before it counts', () => {
    expect(strongest('ハルビン工業大学に炭素繊維のサンプルを送りたい', 'jp-eul#541')).toMatch(/exact|strong/);
    expect(strongest('来月、北京理工大学の研究者を受け入れる', 'jp-eul#494')).toMatch(/exact|strong/);
    expect(strongest('成都の電子科技大学に送る', 'jp-eul#595')).toMatch(/exact|strong/);
  });

  test('when a curated name holds a particle and a sentence follows, then it is still found, as strong', () => {
    expect(strongest('寧辺の核施設', 'jp-eul#445')).toMatch(/exact|strong/);
    // The sentence guard reads the two pieces joined by の as that name (jasent): no longer held to possible.
    expect(strongest('寧辺の核施設に送る', 'jp-eul#445')).toBe('strong');
  });
});

describe('spans are data-driven and bounded', () => {
  const data = bundledScreeningData()!;

  test('when a trailing city is in the gazetteer, then the acronym before it is screened (KRL Rawalpindi)', () => {
    // Kahuta is a word of KRL's own names ("Kahuta Research Facility"): it confirms the entry without the gazetteer.
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    const withoutRawalpindi = {
      ...data,
      gazetteer: { ...data.gazetteer, places: data.gazetteer.places.filter((p) => !p.latin.includes('rawalpindi')) },
    };
    const missed = createScreener(lists, undefined, withoutRawalpindi)
      .screen('KRL Rawalpindi')
      .find((h) => ref(h) === 'jp-eul#641');
    expect(missed).toBeUndefined();
    expect(found('KRL Rawalpindi', 'jp-eul#641')?.matchType).toBe('strong');
    expect(found('KRL Kahuta', 'jp-eul#641')?.matchType).toBe('strong');
  });

  test('when the words file has no span words, then it is still valid and no text is cut', () => {
    const { frames, labels, cjkDepartments, companySuffixes, particles, orgNouns, ...older } = data.words.contextWords;
    const words = WordsFileSchema.parse({ ...data.words, contextWords: older });
    const spans = new SpanScreener({ ...data, words }, new Lexicon(data));
    expect(spans.spans('AK-47 parts from Kalashnikov Concern')).toEqual([]);
    expect(spans.spans('KAMAZ社')).toEqual([]);
    expect(frames?.length && labels?.length && cjkDepartments?.length).toBeTruthy();
    expect(companySuffixes?.length && particles?.length && orgNouns?.length).toBeTruthy();
  });

  test('when a text has many parts, then at most MAX_SPANS are screened', () => {
    const spans = new SpanScreener(data, new Lexicon(data));
    const text = Array.from({ length: 10 }, (_, i) => `Vostrel${String.fromCharCode(97 + i)}kov Trading`).join(', ');
    expect(spans.spans(text).length).toBe(MAX_SPANS);
  });
});
