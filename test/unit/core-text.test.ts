import { describe, expect, test } from 'vitest';
import { compileCountryLookup } from '../../src/core/country-lookup.ts';
import { asCodedError, CodedError, ErrorCode, formatIssue, isCodedError } from '../../src/core/errors.ts';
import { compileItemMatcher } from '../../src/core/item-match.ts';
import { foldKana, hasCjk, normalizeText, squash } from '../../src/core/text.ts';
import { item } from '../support/core-parts.ts';

describe('text folding', () => {
  test('when text mixes widths, cases, kana and punctuation, then it folds to padded tokens', () => {
    expect(normalizeText('ＣＦＲＰ、Carbon-Fibres!')).toBe(' cfrp carbonーfibres ');
    expect(normalizeText('Germanyの大学')).toBe(' germany ノ大学 ');
    expect(normalizeText('大学Germany')).toBe(' 大学 germany ');
    expect(normalizeText('せんい')).toBe(' センイ ');
    expect(normalizeText('せんい', { keepKana: true })).toBe(' せんい ');
    expect(normalizeText('3.5 mm. end')).toBe(' 3.5 mm end ');
    expect(normalizeText('a-b－c―d‐e')).toBe(' aーbーcーdーe ');
    expect(normalizeText('')).toBe('  ');
  });

  test('when English words are plural, then they fold to the singular, and short or special words are kept', () => {
    expect(normalizeText('lasers batteries boxes watches brushes gases glass corpus axis bus')).toBe(
      ' laser battery box watch brush gas glass corpus axis bus ',
    );
    expect(normalizeText('ies cats dies flies')).toBe(' ies cat die fly ');
    expect(normalizeText('ＧＰＵs abc1s')).toBe(' gpus abc1s ');
  });

  test('when kana and CJK are checked, then only those scripts count', () => {
    expect(foldKana('あいうゔゖ・ア')).toBe('アイウヴヶ・ア');
    expect(foldKana('ぁ')).toBe('ァ');
    expect(foldKana('abc')).toBe('abc');
    expect(hasCjk('abc')).toBe(false);
    expect(hasCjk('炭素')).toBe(true);
    expect(hasCjk('ｱ')).toBe(true);
    expect(hasCjk('々')).toBe(true);
    expect(squash(' a b  c ')).toBe('abc');
  });
});

describe('item matching', () => {
  const items = [
    item({ id: 'ITEM-SEM', terms: { en: ['SEM', 'scanning electron microscope'], ja: ['走査電子顕微鏡'], zh: [] } }),
    item({ id: 'ITEM-LASER', terms: { en: ['laser'], ja: ['レーザー'], zh: ['激光'] } }),
    item({ id: 'ITEM-BOOK', strength: 'not_controlled', terms: { en: ['book'], ja: ['書籍'], zh: [] } }),
  ];
  const m = compileItemMatcher(items);

  test('when a Latin term is inside another word, then it does not match; whole tokens and plurals do', () => {
    expect(m.match('semester plan')).toEqual([]);
    expect(m.matchWithTerms('two SEMs and lasers')).toEqual([
      { id: 'ITEM-SEM', term: 'SEM' },
      { id: 'ITEM-LASER', term: 'laser' },
    ]);
  });

  test('when a CJK term appears anywhere, then it matches, and results follow catalogue order', () => {
    expect(m.match('書籍とレーザー装置').map((i) => i.id)).toEqual(['ITEM-LASER', 'ITEM-BOOK']);
    expect(m.matchWithTerms('激 光')).toEqual([{ id: 'ITEM-LASER', term: '激光' }]);
    expect(m.matchWithTerms('走査 電子 顕微鏡')).toEqual([{ id: 'ITEM-SEM', term: '走査電子顕微鏡' }]);
  });

  test('when the same description is matched again, then the answer is the same (cached)', () => {
    const first = m.matchWithTerms('laser book');
    expect(m.matchWithTerms('laser book')).toBe(first);
    for (let i = 0; i < 5001; i++) m.matchWithTerms(`x ${i}`);
    expect(m.matchWithTerms('laser book')).toEqual(first);
  });
});

describe('country lookup', () => {
  const countries = [
    { code: 'SD', en: 'Sudan', ja: 'スーダン', aliases: [] },
    { code: 'SS', en: 'South Sudan', ja: '南スーダン', aliases: [] },
    { code: 'TH', en: 'Thailand', ja: 'タイ', aliases: [] },
    { code: 'IN', en: 'India', ja: 'インド', aliases: [] },
    { code: 'US', en: 'United States', ja: '米国', zh: '美国', aliases: ['USA', 'アメリカ'] },
    { code: 'DE', en: 'Germany', ja: 'ドイツ', aliases: [] },
  ];
  const lookup = compileCountryLookup(countries);

  test('when a name, alias, code or Chinese name is given alone, then it resolves', () => {
    expect(lookup.resolve('south sudan')).toBe('SS');
    expect(lookup.resolve('ＵＳＡ')).toBe('US');
    expect(lookup.resolve('us')).toBe('US');
    expect(lookup.resolve('美国')).toBe('US');
    expect(lookup.resolve('Atlantis')).toBeUndefined();
  });

  test('when text mentions countries, then they are found in order, the longest name winning', () => {
    expect(lookup.find('南スーダンとスーダンの大学')).toEqual(['SS', 'SD']);
    expect(lookup.find('Germany then South Sudan')).toEqual(['DE', 'SS']);
    expect(lookup.find('アメリカとドイツ')).toEqual(['US', 'DE']);
  });

  test('when a katakana name runs into a longer word or hiragana, then it is not a country', () => {
    expect(lookup.find('送りたい')).toEqual([]);
    expect(lookup.find('タイヤを送る')).toEqual([]);
    expect(lookup.find('インドネシア')).toEqual([]);
    expect(lookup.find('タイの大学')).toEqual(['TH']);
    expect(lookup.find('タイヤとタイ')).toEqual(['TH']);
  });

  test('when a two-letter code appears inside a sentence, then it is not read as a country', () => {
    expect(lookup.find('send it in a box')).toEqual([]);
    expect(lookup.find('us and them')).toEqual([]);
  });
});

describe('errors', () => {
  test('when an issue is formatted, then file, path and message are joined, with (root) for an empty path', () => {
    expect(formatIssue({ code: ErrorCode.RulesInvalid, file: 'a.yaml', path: 'x', message: 'bad' })).toBe(
      'a.yaml: x: bad',
    );
    expect(formatIssue({ code: ErrorCode.RulesInvalid, path: '', message: 'bad' })).toBe('(root): bad');
  });

  test('when something is thrown, then it becomes a coded error keeping the cause', () => {
    const coded = new CodedError(ErrorCode.FactInvalid, 'm', [
      { code: ErrorCode.FactInvalid, path: 'p', message: 'x' },
    ]);
    expect(isCodedError(coded)).toBe(true);
    expect(asCodedError(coded)).toBe(coded);
    expect(coded.name).toBe('CodedError');
    expect(coded.issues).toHaveLength(1);
    const plain = asCodedError(new Error('boom'));
    expect(plain).toMatchObject({ code: ErrorCode.Internal, message: 'boom' });
    expect((plain.cause as Error).message).toBe('boom');
    expect(asCodedError('text').message).toBe('text');
    expect(isCodedError(new Error('x'))).toBe(false);
    expect(new CodedError(ErrorCode.Internal, 'y').issues).toEqual([]);
  });
});
