/**
 * One query's word similarities (token-similarity.ts TokenSims), rule by rule on hand-built query tokens: an equal
 * word, a typo, another romanisation, a truncation, a katakana word by sound (three-consonant keys with a fitting
 * vowel, two-consonant keys only for long words or words among institution words), two listed words written as one,
 * the row's maximum, the fuzzy scan's pair() and the table's per-query values. The screener's suites test the same
 * rules through whole names; these pin each condition, so that a broken one fails here.
 */
import { describe, expect, test } from 'vitest';
import { jaroWinkler } from '../../src/screening/jaro-winkler.ts';
import type { QueryToken } from '../../src/screening/lexicon.ts';
import {
  mayBeVowelOf,
  PHONETIC_EQUAL,
  PHONETIC_NEAR,
  sameTransliteration,
  sameVowel,
  TokenSims,
  TokenTable,
  tokenSimilarity,
  translitKey,
} from '../../src/screening/token-similarity.ts';
import { TRUNCATION_SIM } from '../../src/screening/truncations.ts';

const NONE = new Set<string>();
const latin = (w: string, extra: Partial<QueryToken> = {}): QueryToken => ({
  alts: [w],
  kind: 'latin',
  segment: 0,
  ...extra,
});
/** A katakana word as the lexicon reads it: its sound key and, where it has them, vowel, length and other keys. */
const kana = (phon: string, extra: Partial<QueryToken> = {}): QueryToken => ({
  alts: [],
  phon,
  kind: 'kana',
  segment: 0,
  ...extra,
});
const sims = (tokens: QueryToken[], t: string, table?: TokenTable) =>
  Array.from(new TokenSims(tokens, NONE, table).of(t));
/** A table holding `joined` as two listed words written as one (name-index addJoined). */
const joinedTable = (...joined: string[]) => {
  const table = new TokenTable();
  for (const j of joined) {
    table.id(j);
    table.joined.add(j);
  }
  table.seal();
  return table;
};

describe('a Latin query word against a listed word', () => {
  test('when the words are equal, then 1, and the row ends with its maximum', () => {
    expect(sims([latin('sharif'), latin('tehran')], 'tehran')).toEqual([0, 1, 1]);
  });

  test('when the listed word is a typo of it, then its Jaro-Winkler score', () => {
    expect(sims([latin('sharif')], 'sharig')).toEqual([
      jaroWinkler('sharif', 'sharig'),
      jaroWinkler('sharif', 'sharig'),
    ]);
  });

  test('when the query word is not Latin (a translated institution word), then only the equal word counts', () => {
    expect(sims([{ ...latin('sharif'), kind: 'word' }], 'sharig')).toEqual([0, 0]);
    expect(sims([{ ...latin('sharif'), kind: 'word' }], 'sharif')).toEqual([1, 1]);
  });

  test('when the words are short (acronyms), then only equal ones match: HIT is not HIS', () => {
    expect(sims([latin('hit')], 'his')).toEqual([0, 0]);
  });

  test('when one word has several alternatives, then the best of them counts', () => {
    expect(sims([{ ...latin('univ'), alts: ['univ', 'university'] }], 'university')).toEqual([1, 1]);
  });
});

describe('another romanisation of the same word', () => {
  test('when the listed word is the query word in another romanisation (Tsentr, Centr), then as sure as a sound', () => {
    expect(sims([latin('tsentr')], 'centr')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
    expect(sims([latin('centr')], 'tsentr')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a typo of a long word is already surer than a sound (…tsentr, …tzentr), then its own score stays', () => {
    const jw = jaroWinkler('aerokosmicheskiytsentr', 'aerokosmicheskiytzentr');
    expect(jw).toBeGreaterThan(PHONETIC_EQUAL);
    expect(sims([latin('aerokosmicheskiytsentr')], 'aerokosmicheskiytzentr')).toEqual([jw, jw]);
  });

  test('when the query word is not Latin, or too short, then no romanisation is read', () => {
    expect(sims([{ ...latin('tsentr'), kind: 'word' }], 'centr')).toEqual([0, 0]);
    expect(sims([latin('tsar')], 'czar')).toEqual([0, 0]);
  });
});

describe('a truncation (Web of Science, ISO 4)', () => {
  test('when the query word as typed truncates the listed word before a vowel, then a little below an equal word', () => {
    expect(sims([latin('kolt', { stem: 'kolt' })], 'koltovo')).toEqual([TRUNCATION_SIM, TRUNCATION_SIM]);
  });

  test('when the word has no stem (it was not typed as a truncation) or too little is cut, then nothing', () => {
    expect(sims([latin('kolt')], 'koltovo')).toEqual([0, 0]);
    expect(sims([latin('kolt', { stem: 'kolt' })], 'koltov')).toEqual([0, 0]);
  });

  test('when the word is listed itself (a word of the names), then it is no truncation', () => {
    const table = new TokenTable();
    table.id('kolt');
    table.seal();
    expect(sims([latin('kolt', { stem: 'kolt' })], 'koltovo', table)).toEqual([0, 0]);
  });

  test('when the query word equals the listed word, then 1, not the truncation score', () => {
    expect(sims([latin('koltovo', { stem: 'koltovo' })], 'koltovo')).toEqual([1, 1]);
  });
});

describe('a katakana word by its sound', () => {
  test('when a three-consonant key meets the word and the vowel fits (シャリフ, Sharif), then equal by sound', () => {
    expect(sims([kana('srf', { vowel: 'a' })], 'sharif')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a three-consonant key meets a word whose vowel it cannot render (an o for Tehran), then nothing', () => {
    expect(sims([kana('trn', { vowel: 'o' })], 'tehran')).toEqual([0, 0]);
    expect(sims([kana('trn', { vowel: 'e' })], 'tehran')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a four-consonant key meets the word, then equal by sound whatever the vowel', () => {
    expect(sims([kana('arms', { vowel: 'o' })], 'almaz')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when the key is one edit from a long listed key, then near, not equal', () => {
    expect(sims([kana('armsk')], 'almazov')).toEqual([PHONETIC_NEAR, PHONETIC_NEAR]);
  });

  test("when one of the word's other keys (ー as r) is a key of the listed word, then equal by sound", () => {
    expect(sims([kana('kmpt', { phonAlts: ['kmptr', 'kmprtr'] })], 'computer')).toEqual([
      PHONETIC_EQUAL,
      PHONETIC_EQUAL,
    ]);
  });

  test('when a two-consonant key comes from a long word starting with the same vowel (ベイハン, Beihang), then equal', () => {
    const beihan = kana('bn', { long: true, vowel: 'e', vowelAlt: 'a' });
    expect(sims([beihan], 'beihang')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
    // The diphthong's vowel too (エイ may be English a).
    expect(sims([beihan], 'bayan')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
    // Another vowel, or a listed word under five letters: no.
    expect(sims([beihan], 'bunin')).toEqual([0, 0]);
    expect(sims([beihan], 'bean')).toEqual([0, 0]);
  });

  test('when a long word shows no vowel, then its two-consonant key is not judged by the vowel', () => {
    expect(sims([kana('bn', { long: true })], 'bunin')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a two-consonant key comes from a short word, then nothing (キヤノン is no Keyhan)', () => {
    expect(sims([kana('bn', { vowel: 'e' })], 'beihang')).toEqual([0, 0]);
  });

  test('when a short name stands among institution words (ネダ in ネダ工業グループ), then it meets a word with its vowel', () => {
    const neda = kana('nd', { vowel: 'e', inWords: true });
    expect(sims([neda], 'neda')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
    expect(sims([neda], 'nida')).toEqual([0, 0]);
    // Never a listed word of three letters.
    expect(sims([neda], 'ned')).toEqual([0, 0]);
    // Without a vowel it is not judged at all.
    expect(sims([kana('nd', { inWords: true })], 'neda')).toEqual([0, 0]);
  });

  test('when a sound is found beside a Latin word, then each query word keeps its own score', () => {
    expect(sims([latin('tehran'), kana('srf', { vowel: 'a' })], 'sharif')).toEqual([0, PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });
});

describe('two listed words written as one (ウィンキー, キムチェク)', () => {
  test('when the katakana word has the joined word’s key and its first vowel, then equal by sound', () => {
    const table = joinedTable('kimchaek');
    expect(sims([kana('kmsk', { long: true, vowel: 'i' })], 'kimchaek', table)).toEqual([
      PHONETIC_EQUAL,
      PHONETIC_EQUAL,
    ]);
    expect(sims([kana('kmsk', { long: true, vowel: 'a' })], 'kimchaek', table)).toEqual([0, 0]);
  });

  test('when it has the key by one of its other keys, then equal too', () => {
    const table = joinedTable('kimchaek');
    expect(sims([kana('kmz', { phonAlts: ['kmk'], vowel: 'i' })], 'kimchaek', table)).toEqual([
      PHONETIC_EQUAL,
      PHONETIC_EQUAL,
    ]);
  });

  test('when the key is one edit away, then nothing: a joined word is met by its sound exactly', () => {
    const table = joinedTable('kimchaek');
    expect(sims([kana('kmskt', { long: true, vowel: 'i' })], 'kimchaek', table)).toEqual([0, 0]);
  });

  test('when a two-consonant key is equal but the katakana word is short, then nothing', () => {
    const table = joinedTable('kimo');
    expect(sims([kana('km', { vowel: 'i' })], 'kimo', table)).toEqual([0, 0]);
    expect(sims([kana('km', { vowel: 'i', long: true })], 'kimo', table)).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a split half (キム of キムチェク) carries the whole word’s key and vowel, then equal by the whole', () => {
    const table = joinedTable('kimchaek');
    const half = kana('km', { wholePhon: 'kmsk', wholeVowel: 'i' });
    expect(sims([half], 'kimchaek', table)).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
    expect(sims([{ ...half, wholeVowel: 'a' }], 'kimchaek', table)).toEqual([0, 0]);
    expect(sims([{ ...half, wholePhon: 'km' }], 'kimchaek', table)).toEqual([0, 0]);
  });

  test('when the same listed word is not a joined one, then the half is judged by its own short key: nothing', () => {
    expect(sims([kana('km', { wholePhon: 'kmsk', wholeVowel: 'i' })], 'kimchaek')).toEqual([0, 0]);
  });

  test('when a translated word already equals the joined word, then it keeps 1 (a sound never lowers it)', () => {
    const table = joinedTable('center');
    const word: QueryToken = { alts: ['center'], phon: 'sntr', kind: 'word', segment: 0, long: true, vowel: 'e' };
    expect(sims([word], 'center', table)).toEqual([1, 1]);
  });
});

describe('the row of a listed word', () => {
  test('when asked twice, then the same row (computed once per listed word)', () => {
    const s = new TokenSims([latin('sharif')], NONE);
    expect(s.of('sharif')).toBe(s.of('sharif'));
    expect(s.max('sharif')).toBe(1);
    expect(s.max('zebra')).toBe(0);
  });
});

describe("the fuzzy scan's pair", () => {
  test('when the listed word is a typo of the scanned query word, then its row maximum', () => {
    const s = new TokenSims([latin('sharif'), latin('tehran')], NONE);
    expect(s.pair('sharif', 'sharig')).toBe(jaroWinkler('sharif', 'sharig'));
  });

  test('when it is not, then 0 even if another query word matches it; once its row is computed, its maximum', () => {
    const s = new TokenSims([latin('sharif'), latin('tehran')], NONE);
    expect(s.pair('sharif', 'tehran')).toBe(0);
    expect(s.max('tehran')).toBe(1);
    expect(s.pair('sharif', 'tehran')).toBe(1);
  });

  test('when the words are alike but two edits apart in eight letters, then 0', () => {
    const s = new TokenSims([latin('zentharo')], NONE);
    expect(s.pair('zentharo', 'zenthora')).toBe(0);
  });
});

describe("the table's per-query values", () => {
  const table = new TokenTable();
  const ids = Object.fromEntries(
    ['sharif', 'sharig', 'centr', 'koltovo', 'neda', 'tehran', 'zebra'].map((t) => [t, table.id(t)]),
  );
  table.seal();

  test.each([
    ['an equal word', [latin('sharif')], 'sharif', 1],
    ['a typo (same first letters)', [latin('sharif')], 'sharig', jaroWinkler('sharif', 'sharig')],
    ['another romanisation', [latin('tsentr')], 'centr', PHONETIC_EQUAL],
    ['a truncation of a short stem', [latin('kolt', { stem: 'kolt' })], 'koltovo', TRUNCATION_SIM],
    ['a sound of four letters', [kana('nd', { vowel: 'e', inWords: true })], 'neda', PHONETIC_EQUAL],
    ['a sound', [kana('trn', { vowel: 'e' })], 'tehran', PHONETIC_EQUAL],
    ['nothing', [latin('sharif')], 'zebra', 0],
  ] as const)('when the listed word is %s, then its value is the row maximum', (_, tokens, t, value) => {
    const s = new TokenSims(tokens, NONE, table);
    expect(s.maxById(ids[t]!)).toBe(value);
    // Read again within the query: the stored value.
    expect(s.maxById(ids[t]!)).toBe(value);
  });

  test('when the next query asks, then the value is its own, not the last query’s', () => {
    expect(new TokenSims([latin('sharif')], NONE, table).maxById(ids.sharif!)).toBe(1);
    expect(new TokenSims([latin('tehran')], NONE, table).maxById(ids.sharif!)).toBe(0);
  });

  test('when the listed word is already in the table, then it keeps its id', () => {
    expect(table.id('sharif')).toBe(ids.sharif);
    expect(table.has('sharif')).toBe(true);
    expect(table.has('isfahan')).toBe(false);
    expect(table.texts[ids.tehran!]).toBe('tehran');
  });

  test('when the query stamp wraps around, then no stale value is read', () => {
    const t = new TokenTable();
    const id = t.id('sharif');
    t.seal();
    expect(new TokenSims([latin('sharif')], NONE, t).maxById(id)).toBe(1);
    // The stamp of that value is 1; after a wrap the next query's stamp is 1 again.
    (t as unknown as { generation: number }).generation = 0x7ffffffe;
    expect(t.nextQuery()).toBe(1);
    expect(t.stamp[id]).toBe(0);
    expect(new TokenSims([latin('tehran')], NONE, t).maxById(id)).toBe(0);
  });
});

describe('romanisation keys', () => {
  test.each([
    ['shchuka', 'schuka'],
    ['tchaikov', 'chaikov'],
    ['khan', 'han'],
    ['ghazi', 'gazi'],
    ['tsar', 'czar'],
    ['tzar', 'czar'],
    ['centr', 'tsentr'],
    ['back', 'bak'],
    ['qom', 'kom'],
    ['alexa', 'aleksa'],
    ['phoenix', 'foenix'],
    ['wolga', 'volga'],
    ['yakut', 'iakut'],
    ['moon', 'mun'],
    ['soup', 'sup'],
    ['meer', 'mir'],
    ['russia', 'rossia'],
  ])('when %s meets %s, then one key', (a, b) => {
    expect(translitKey(a)).toBe(translitKey(b));
    // Memoised: asked again, the same.
    expect(translitKey(a)).toBe(translitKey(b));
  });

  test.each([
    ['sharif', 'sharip'],
    ['casa', 'sasa'],
    ['shah', 'sah'],
    ['chan', 'shan'],
    ['kazan', 'kasan'],
    ['maria', 'mario'],
    ['vorus', 'voros'],
  ])('when %s meets %s, then two keys', (a, b) => {
    expect(translitKey(a)).not.toBe(translitKey(b));
  });

  test('when words differ only by romanisation, then one word; equal, short, non-letter or two dictionary words: not', () => {
    expect(sameTransliteration('tsentr', 'centr', NONE)).toBe(true);
    expect(sameTransliteration('centr', 'centr', NONE)).toBe(false);
    expect(sameTransliteration('tsar', 'czar', NONE)).toBe(false);
    expect(sameTransliteration('tsentr2', 'centr2', NONE)).toBe(false);
    expect(sameTransliteration('centr', 'tsen-tr', NONE)).toBe(false);
    expect(sameTransliteration('tsentr', 'centr', new Set(['tsentr', 'centr']))).toBe(false);
    expect(sameTransliteration('tsentr', 'centr', new Set(['centr']))).toBe(true);
  });

  test('when the common key is under three letters, then too short to tell', () => {
    expect(translitKey('hhhhh')).toBe('h');
    expect(sameTransliteration('hhhhh', 'khkhkh', NONE)).toBe(false);
    expect(translitKey('ababab')).toBe('ababab');
  });
});

describe('edges the mutation run found unpinned', () => {
  test('when two dictionary words are one edit apart but not a plural (Material, Materiel), then 0', () => {
    const dictionary = new Set(['material', 'materiel']);
    expect(tokenSimilarity('material', 'materiel', dictionary)).toBe(0);
    expect(tokenSimilarity('material', 'materiel', NONE)).toBe(jaroWinkler('material', 'materiel'));
  });

  test('when only one word opens as a Russian institute acronym, then a typo is still a typo', () => {
    expect(tokenSimilarity('vniiefa', 'vniefa', NONE)).toBe(jaroWinkler('vniiefa', 'vniefa'));
    expect(tokenSimilarity('vniiefa', 'vniefa', NONE)).toBeGreaterThan(0.9);
  });

  test('when one word is short, then romanisation is not read; a key of exactly three letters is enough', () => {
    expect(translitKey('khhan')).toBe(translitKey('khan'));
    expect(sameTransliteration('khan', 'khhan', NONE)).toBe(false);
    expect(translitKey('khaan')).toBe('han');
    expect(sameTransliteration('khaan', 'khhan', NONE)).toBe(true);
  });

  test("when none of a katakana word's keys equals the listed word's, then nothing; a two-letter key may, one letter never", () => {
    expect(sims([kana('zzzz', { phonAlts: ['yyyy'] })], 'sharif')).toEqual([0, 0]);
    expect(sims([kana('bnxx', { phonAlts: ['bn'] })], 'bean')).toEqual([PHONETIC_EQUAL, PHONETIC_EQUAL]);
  });

  test('when a split half carries a whole key of exactly three letters, then the whole word is met', () => {
    const table = joinedTable('kimchaek');
    expect(sims([kana('km', { wholePhon: 'kmk', wholeVowel: 'i' })], 'kimchaek', table)).toEqual([
      PHONETIC_EQUAL,
      PHONETIC_EQUAL,
    ]);
  });

  test('when the scanned word is short but another query word equals the listed one, then pair() still reads 0', () => {
    const s = new TokenSims([latin('abcd'), latin('abcdd')], NONE);
    expect(s.pair('abcd', 'abcdd')).toBe(0);
    expect(s.max('abcdd')).toBe(1);
  });

  test('when the table value is asked, then every route that makes a word similar lets it through', () => {
    const table = new TokenTable();
    const ids = Object.fromEntries(['kimchaek', 'kelvu', 'koltovoxa', 'chaek'].map((t) => [t, table.id(t)]));
    table.joined.add('kimchaek');
    table.seal();
    const value = (tokens: QueryToken[], t: string) => new TokenSims(tokens, NONE, table).maxById(ids[t]!);
    // Met only by the whole word's key, whose first letter the half's own key does not share.
    expect(value([kana('sk', { wholePhon: 'kmsk', wholeVowel: 'i' })], 'kimchaek')).toBe(PHONETIC_EQUAL);
    // A typo of five letters.
    expect(value([latin('kelvo')], 'kelvu')).toBe(jaroWinkler('kelvo', 'kelvu'));
    // A truncation whose stem is longer than the four letters the sieve keys on, typed beside a short word.
    expect(value([latin('xy', { stem: 'koltov' })], 'koltovoxa')).toBe(TRUNCATION_SIM);
    // A listed word with several keys, one of which starts as the katakana word's.
    expect(value([kana('sk', { long: true, vowel: 'a' })], 'chaek')).toBe(PHONETIC_EQUAL);
  });
});

describe('vowels of a katakana word', () => {
  test('when the listed word has no first vowel to compare, then no vowel agrees', () => {
    expect(sameVowel(kana('x'), undefined)).toBe(false);
    expect(sameVowel(kana('x', { vowel: 'a' }), undefined)).toBe(false);
    expect(sameVowel(kana('x', { vowel: 'a' }), 'a')).toBe(true);
    expect(sameVowel(kana('x', { vowel: 'e', vowelAlt: 'a' }), 'a')).toBe(true);
    expect(sameVowel(kana('x', { vowel: 'e', vowelAlt: 'a' }), 'o')).toBe(false);
  });

  test.each([
    // [katakana vowel, its diphthong's, listed word, fits]
    [undefined, undefined, 'tehran', true],
    ['o', undefined, 'xyz', true],
    ['o', undefined, 'usman', true],
    ['a', undefined, 'tehran', false],
    ['e', undefined, 'tehran', true],
    ['i', undefined, 'tehran', true],
    ['a', undefined, 'service', true],
    ['a', undefined, 'seaton', true],
    ['o', undefined, 'tehran', false],
    ['a', undefined, 'cape', true],
    ['e', undefined, 'cape', true],
    ['o', undefined, 'cape', true],
    ['i', undefined, 'cape', false],
    ['u', undefined, 'cape', false],
    ['e', undefined, 'shtil', true],
    ['a', undefined, 'bird', true],
    ['a', undefined, 'bind', false],
    ['i', undefined, 'bind', true],
    ['u', undefined, 'bind', false],
    ['a', undefined, 'power', true],
    ['o', undefined, 'power', true],
    ['e', undefined, 'power', false],
    ['i', undefined, 'power', false],
    ['a', undefined, 'yakut', true],
    ['a', undefined, 'ykut', true],
    ['e', 'a', 'cape', true],
    ['u', 'a', 'power', true],
    ['u', 'i', 'power', false],
  ] as const)('when a katakana word with vowel %s (diphthong %s) meets %s, then it fits: %s', (v, alt, t, fits) => {
    const qt = kana('trn', { ...(v ? { vowel: v } : {}), ...(alt ? { vowelAlt: alt } : {}) });
    expect(mayBeVowelOf(qt, t)).toBe(fits);
  });
});
