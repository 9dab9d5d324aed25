/**
 * Round twelve's and thirteen's screening modules rule by rule, without the real-list screener (the mutation runs'
 * tests for acronym.ts, typed-text.ts, korean-romanisation.ts and field-institutes.ts): each function's finds, what
 * it must leave as it is, and its bounds.
 */
import { describe, expect, test } from 'vitest';
import type { ScreeningHit } from '../../src/core/decision.ts';
import { isAcronymOf, restatedAcronym } from '../../src/screening/acronym.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { FieldInstitutes } from '../../src/screening/field-institutes.ts';
import { koreanKey, koreanReading, NAMES_KOREA } from '../../src/screening/korean-romanisation.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { asSentence, typedPlainly, withoutChatTokens } from '../../src/screening/typed-text.ts';

const lexicon = new Lexicon(bundledScreeningData()!);

describe('isAcronymOf', () => {
  test.each([
    ['HIT', 'Harbin Institute of Technology'],
    ['hit', 'Harbin Institute of Technology'],
    ['H.I.T.', 'Harbin Institute of Technology'],
    ['IHEP', 'Institute of High Energy Physics'],
    ['UMG', 'Universal Music Group'],
    ['MG', 'Universal Music Group'],
    ['EP', 'Institute of High Energy Physics'],
    ['KAA', 'Khatam-al-Anbiya'],
  ])('when %s is read against %s, then it is its acronym', (acronym, name) => {
    expect(isAcronymOf(acronym, [name])).toBe(true);
  });

  test.each([
    ['H', 'Harbin Institute of Technology'],
    ['CUC', 'China Unicom'],
    ['AB', 'Alpha'],
    ['XYZ', 'Harbin Institute of Technology'],
    ['TIH', 'Harbin Institute of Technology'],
  ])('when %s is read against %s, then it is not', (acronym, name) => {
    expect(isAcronymOf(acronym, [name])).toBe(false);
  });

  test('when several names are given, then one of them is enough', () => {
    expect(isAcronymOf('NPU', ['Xibei Gongye', 'Northwestern Polytechnical University'])).toBe(true);
    expect(isAcronymOf('NPU', [])).toBe(false);
  });
});

describe('restatedAcronym', () => {
  test.each([
    ['Digital Equipment Corporation (DEC)', 'Digital Equipment Corporation', 'DEC'],
    ['Digital Equipment Corporation(DEC)', 'Digital Equipment Corporation', 'DEC'],
    ['  Digital Equipment Corporation ( DEC )  ', 'Digital Equipment Corporation', 'DEC'],
    ['Aerospace Industries Organization（AIO）', 'Aerospace Industries Organization', 'AIO'],
  ])('when %s is read, then the name and its acronym are given', (text, name, acronym) => {
    expect(restatedAcronym(text)).toEqual({ name, acronym });
  });

  test.each([
    'China Unicom (CUC)',
    'Digital Equipment Corporation (DEC) Ltd',
    'x Digital Equipment Corporation (DEC',
    '北京航空航天大学 (BUAA)',
    'DEC (Digital Equipment Corporation)',
    'Digital Equipment Corporation',
  ])('when %s is read, then nothing is restated', (text) => {
    expect(restatedAcronym(text)).toBeUndefined();
  });
});

describe('koreanKey', () => {
  test.each([
    ['geumsan', 'kumsan'],
    ['bugang', 'pugang'],
    ['noksan', 'roksan'],
    ['nagwon', 'ragwon'],
    ['eundeok', 'undok'],
    ['jujakbong', 'zuzagbong'],
    ['jangsu', 'changsu'],
    ['sinheung', 'sinhung'],
    ['shinhung', 'sinhung'],
    ['dongsong', 'tongsong'],
    ['ponghwa', 'bonghwa'],
    ['kkumsan', 'kumsan'],
  ])('when %s and %s are keyed, then the keys are one', (a, b) => {
    expect(koreanKey(a)).toBe(koreanKey(b));
  });

  test('when r stands inside a word, then it stays r (Koryo is not Konyo)', () => {
    expect(koreanKey('koryo')).not.toBe(koreanKey('konyo'));
    expect(koreanKey('koryo')).toBe('goryo');
  });

  test('when words differ in more than romanisation, then their keys differ', () => {
    expect(koreanKey('kumsan')).not.toBe(koreanKey('kimsan'));
    expect(koreanKey('daesung')).not.toBe(koreanKey('daesong'));
  });
});

describe('koreanReading', () => {
  test('when a DPRK name is read, then only its own words are keyed', () => {
    expect(koreanReading('Kumsan Trading Company', lexicon)).toBe('gumsan Trading Company');
    expect(koreanReading('Korea Pugang Trading Corporation', lexicon)).toBe('Korea bugang Trading Corporation');
  });

  test('when a word is a place, a country, short or ordinary, then it is left as typed', () => {
    expect(koreanReading('Pyongyang', lexicon)).toBe('Pyongyang');
    expect(koreanReading('Korea', lexicon)).toBe('Korea');
    expect(koreanReading('Pak Co', lexicon)).toBe('Pak Co');
    expect(koreanReading('Electric', lexicon)).toBe('Electric');
    expect(koreanReading('北朝鮮 3', lexicon)).toBe('北朝鮮 3');
  });

  test("when a word holds an apostrophe (Ch'ongsong), then it is keyed without it", () => {
    expect(koreanReading("Ch'ongsong", lexicon)).toBe(koreanKey('chongsong'));
  });

  test.each([
    ['Korea Kumsan', true],
    ['DPRK body', true],
    ['Choson Central Bank', true],
    ['Chosun Ilbo', true],
    ['Pyongyang Trading', true],
    ['North Korean firm', true],
    ['Koreana Hotel', false],
    ['Seoul Trading', false],
  ])('when %s is read, then it says Korea: %s', (text, says) => {
    expect(NAMES_KOREA.test(text)).toBe(says);
  });
});

describe('withoutChatTokens', () => {
  test.each([
    ['@suzuki 哈工大さんとの打ち合わせ', '哈工大さんとの打ち合わせ'],
    ['<@U123ABC> 北航の件', '北航の件'],
    ['<@U123ABC|suzuki> 北航の件', '北航の件'],
    ['a.rezaei@sharif.edu Sharif University of Technology', 'Sharif University of Technology'],
    ['https://www.nudt.edu.cn/ 国防科技大学', '国防科技大学'],
    ['hit.edu.cn のハルビン工大', 'のハルビン工大'],
    ['ut.ac.ir のテヘラン大さん', 'のテヘラン大さん'],
    ['北航 @suzuki 哈工大', '北航 | 哈工大'],
    ['北航 @a @b 哈工大', '北航 | 哈工大'],
    ['Sharif University of Technology @here', 'Sharif University of Technology'],
  ])('when %s is read, then %s is left', (text, left) => {
    expect(withoutChatTokens(text)).toBe(left);
  });

  test.each(['Beihang University', 'S.p.A. Leonardo', 'Harbin Inst. of Tech.', 'HIT.EDU.CN', 'Co. Ltd.', 'name@'])(
    'when %s holds no chat token, then it is left as it is',
    (text) => {
      expect(withoutChatTokens(text)).toBe(text);
    },
  );
});

describe('asSentence and typedPlainly', () => {
  const verbs = new Set(['blacklists', 'adds']);

  test('when a headline is in title case, then its small words and verbs are lower-cased', () => {
    expect(asSentence('US Blacklists Harbin Institute Of Technology', verbs)).toBe(
      'US blacklists Harbin Institute of Technology',
    );
    expect(asSentence('US Adds Beihang University To The List', verbs)).toBe('US adds Beihang University to the List');
  });

  test.each([
    'Institute Of Technology',
    'US blacklists the Harbin Institute of Technology',
    '米国 Blacklists Harbin Institute Of Technology',
    'US Blacklists HIT',
  ])('when %s is no title-case headline of four words, then it is left as it is', (text) => {
    expect(asSentence(text, verbs)).toBe(text);
  });

  test('when no headline words are known, then a headline is left as it is', () => {
    expect(asSentence('US Blacklists Harbin Institute Of Technology', new Set())).toBe(
      'US Blacklists Harbin Institute Of Technology',
    );
  });

  test.each([
    ['SUPARCO Pak', 'SUPARCO Pakistan'],
    ['KRL Pak.', 'KRL Pakistan'],
    ['NUST Pak, Islamabad', 'NUST Pakistan, Islamabad'],
    ['Pak Jong Chol', 'Pak Jong Chol'],
    ['M/s Iqbal Enterprises', 'Iqbal Enterprises'],
    ['Messrs. Iqbal Enterprises', 'Iqbal Enterprises'],
    ['Iqbal Enterprises M/s', 'Iqbal Enterprises M/s'],
  ])('when %s is typed, then it is read as %s', (text, read) => {
    expect(typedPlainly(text, verbs)).toBe(read);
  });
});

describe('FieldInstitutes', () => {
  const fields = new FieldInstitutes(lexicon, (w) => lexicon.latinPlaces.has(w.toLowerCase()));
  const hit = (over: Partial<ScreeningHit> = {}): ScreeningHit => ({
    list: 'jp-ru-specified',
    entry: 346,
    name: 'Institute of Solid-State Physics of the Russian Academy of Sciences',
    matchedOn: 'Institute of Solid-State Physics',
    score: 0.95,
    matchType: 'strong',
    kind: 'specified_entity',
    country: 'RU',
    ...over,
  });

  test.each([
    [['institute', 'of', 'solid', 'state', 'physics'], true],
    [['software', 'research', 'institute'], true],
    [['institute', 'of', 'high', 'energy', 'physics'], true],
    [['keldysh', 'center'], true],
    [['optics', 'laboratory'], true],
    [['bhabha', 'atomic', 'research', 'centre'], true],
    [['sharif', 'university', 'of', 'technology'], false],
    [['harbin', 'institute', 'of', 'technology'], false],
    [['institute', 'academy'], false],
    [['boreskov', 'keldysh', 'institute'], false],
    [['software', 'research'], false],
  ])('when %j is read, then it is an institute named by its field: %s', (tokens, field) => {
    expect(fields.fieldInstitute(tokens)).toBe(field);
  });

  test('when another university is named beside it, then a hard hit is held to possible', () => {
    const [h] = fields.hold(['Institute of Solid State Physics', 'TU Wien'], undefined, [hit()]);
    expect(h?.matchType).toBe('possible');
  });

  test('when its own parent academy or a place is named beside it, then the hit stands', () => {
    expect(fields.hold(['Institute of Solid State Physics', 'Russian Academy of Sciences'], 'RU', [hit()])).toEqual([
      hit(),
    ]);
    expect(fields.hold(['Institute of Solid State Physics', 'Chernogolovka'], undefined, [hit()])).toEqual([hit()]);
  });

  test('when the other part is the name as typed (Aleksandrov for Alexandrov), then it is no other parent', () => {
    const h = hit({
      entry: 2,
      name: 'Alexandrov Research Institute of Technology',
      matchedOn: 'Alexandrov Research Institute of Technology',
    });
    expect(fields.hold(['Aleksandrov Research Institute of Technology', 'Sosnovy Bor'], undefined, [h])).toEqual([h]);
  });

  test('when the country given is not its own, then the hit is held to possible even without parts', () => {
    const h = hit({ name: 'Institute of High Energy Physics', matchedOn: 'IHEP', entry: 277 });
    expect(fields.hold(['Institute of High Energy Physics (IHEP)'], 'CN', [h])[0]?.matchType).toBe('possible');
    expect(fields.hold(['Institute of High Energy Physics (IHEP)'], 'RU', [h])).toEqual([h]);
    expect(fields.hold(['Institute of High Energy Physics (IHEP)'], undefined, [h])).toEqual([h]);
  });

  test('when the entity is not named by its field, then another country or parent changes nothing', () => {
    const h = hit({
      name: 'Sharif University of Technology',
      matchedOn: 'Sharif University of Technology',
      country: 'IR',
    });
    expect(fields.hold(['Sharif University of Technology', 'University of Tokyo'], 'JP', [h])).toEqual([h]);
  });

  test('when the hits are possible or there are no parts, then they are returned as they are', () => {
    const possible = hit({ matchType: 'possible', score: 0.85 });
    expect(fields.hold(['Institute of Solid State Physics', 'TU Wien'], 'AT', [possible])).toEqual([possible]);
    expect(fields.hold([], 'AT', [hit()])).toEqual([hit()]);
  });
});
