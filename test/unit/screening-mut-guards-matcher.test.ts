/**
 * The guards (guards.ts) on the matcher itself: through the screener, the span layer (spans.ts) screens the listed
 * name in "Kelvor Trading Macau, China" as a query of its own, so a broken guard does not show there. Hong Kong
 * and Macau are in China both ways; a listed name's own country word ("Iran" in "Iran Kelvorian Industries") is the
 * name, so a place of another country after it only holds it to possible, while another country named drops it;
 * a one-word name met by its sound is possible, not dropped; and two institutes under one parent body are told
 * apart by the characters after the parent.
 */
import { describe, expect, test } from 'vitest';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { Lexicon } from '../../src/screening/lexicon.ts';
import { Matcher } from '../../src/screening/matcher.ts';
import { perTest } from '../support/per-test.ts';
import { brief, list } from '../support/screening-lists.ts';

const lists = [
  list(
    [
      { name: 'Kelvor Trading Macau', country: 'MO' },
      { name: 'Vostrel Kelvin Trading', country: 'HK' },
      { name: 'Zentharo Merid Company', country: 'CN' },
      { name: 'Mikron', country: 'RU' },
      { name: 'Institute of Solid State Physics', localName: 'ロシア科学アカデミー固体物理学研究所', country: 'RU' },
      { name: 'Iran Kelvorian Industries', country: 'IR' },
    ],
    'test-list',
  ),
];
const matcher = perTest(() => new Matcher(lists, { lexicon: new Lexicon(bundledScreeningData()!) }));
const screen = (name: string, country?: string) => brief(matcher().screen(name, country));

describe('Hong Kong and Macau named in the query', () => {
  test('when China is named after a Macau or Hong Kong entity, then it is the entity’s country: strong', () => {
    expect(screen('Kelvor Trading Macau, China')).toEqual([[1, 'strong', 0.95]]);
    expect(screen('Vostrel Kelvin Trading, China')).toEqual([[2, 'strong', 0.95]]);
  });

  test('when Hong Kong or Macau is named after a Chinese entity, then it is the entity’s country: strong', () => {
    expect(screen('Zentharo Merid Company, Hong Kong')).toEqual([[3, 'strong', 0.95]]);
    expect(screen('Zentharo Merid Company, Macau')).toEqual([[3, 'strong', 0.95]]);
    expect(screen('Zentharo Merid Company, Tokyo')).toEqual([]);
  });
});

describe('a listed name that holds its country’s word', () => {
  test('when a place of another country follows it, then it is held to possible, not dropped (a branch abroad)', () => {
    expect(screen('Iran Kelvorian Industries, Beijing')).toEqual([[6, 'possible', 0.8]]);
    // Hong Kong is China's only for an entity of China, Hong Kong or Macau.
    expect(screen('Iran Kelvorian Industries, Hong Kong')).toEqual([[6, 'possible', 0.8]]);
    expect(screen('Iran Kelvorian Industries, Tehran')).toEqual([[6, 'strong', 0.95]]);
  });

  test('when another country is named besides the place, then the hit goes', () => {
    expect(screen('Iran Kelvorian Industries, China')).toEqual([]);
    expect(screen('Iran Kelvorian Industries, Beijing, China')).toEqual([]);
  });
});

describe('a one-word name met by its sound', () => {
  test('when the katakana starts with the name’s vowel, then it is possible outside the country and strong in it', () => {
    expect(screen('ミクロン')).toEqual([[4, 'possible', 0.8]]);
    expect(screen('ミクロン', 'RU')).toEqual([[4, 'strong', 0.978]]);
    expect(screen('マイクロン')).toEqual([]);
  });
});

describe('two institutes under one parent body', () => {
  test('when the query’s part after the parent leaves one character out, then it is the institute (strong)', () => {
    expect(screen('ロシア科学アカデミー固物理学研究所')).toEqual([[5, 'strong', 0.929]]);
  });

  test('when it leaves two characters out and adds none, then it is still the institute (possible by score)', () => {
    expect(screen('ロシア科学アカデミー固物理研究所')).toEqual([[5, 'possible', 0.857]]);
  });

  test('when two of the listed characters are replaced by one of the query’s own, then it is another institute', () => {
    expect(screen('ロシア科学アカデミー光物理学研究所')).toEqual([]);
    expect(screen('ロシア科学アカデミー一般物理学研究所')).toEqual([]);
  });
});
