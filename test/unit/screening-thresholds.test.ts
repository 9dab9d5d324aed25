/**
 * The 0.8 / 0.9 thresholds, the cap a guard puts on a match, keeping an entry's best name and the order of
 * hits, through the public screener (createScreener(...).screen). Names sit just above and just below each
 * threshold, so moving a threshold or turning a `>=` into a `>` fails here.
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../src/screening/matcher.ts';
import { brief, list, screenOver } from '../support/screening-lists.ts';

const lists = [
  list([
    { name: 'Maltrion Dynamics Holding' },
    { name: 'Zorvex Quantiblar Industries', aliases: ['Zorvex Quantiblar'] },
    { name: 'Brantor Optics Research Center', country: 'RU' },
    { name: 'Vostrenko', country: 'RU' },
  ]),
];
const screen = screenOver(lists);

describe('the shipped thresholds', () => {
  test('when the thresholds are read, then possible is 0.8 and strong 0.9', () => {
    expect(DEFAULT_THRESHOLDS).toEqual({ possible: 0.8, strong: 0.9 });
  });

  test('when a name scores just above 0.9, then it is strong; just below, possible', () => {
    // Three of four words, the generic one missing: 0.903. Two of four: 0.85.
    expect(brief(screen('Brantor Optics Research'))).toEqual([[3, 'strong', 0.903]]);
    expect(brief(screen('Maltrion Dynamics Holding Group'))).toEqual([[1, 'strong', 0.903]]);
    expect(brief(screen('Maltrion Dynamics'))).toEqual([[1, 'possible', 0.888]]);
    expect(brief(screen('Brantor Optics'))).toEqual([[3, 'possible', 0.85]]);
  });

  test('when a name scores below 0.8, then it is not a hit at all', () => {
    expect(screen('Brantor')).toEqual([]);
    // Brantor, a rare word of the name, with two more of its words: possible by the rare-word rule, at 0.8 exactly.
    expect(brief(screen('Brantor Research Center'))).toEqual([[3, 'possible', 0.8]]);
    expect(screen('Maltrion')).toEqual([]);
  });

  test('when a score equals a threshold exactly, then it reaches it', () => {
    // "MaltrionDynamics Holding" equals the name once spacing is ignored: 0.95 exactly.
    const at = screenOver(lists, { possible: 0.95, strong: 0.95 });
    expect(brief(at('MaltrionDynamics Holding'))).toEqual([[1, 'strong', 0.95]]);
    const above = screenOver(lists, { possible: 0.951, strong: 0.99 });
    expect(above('MaltrionDynamics Holding')).toEqual([]);
    const exactOnly = screenOver(lists, { possible: 1, strong: 1 });
    expect(brief(exactOnly('Zorvex Quantiblar'))).toEqual([[2, 'exact', 1]]);
    expect(exactOnly('Zorvex Quantiblr')).toEqual([]);
  });

  test('when the thresholds are lowered, then a possible score becomes strong and a weaker one appears', () => {
    const loose = screenOver(lists, { possible: 0.7, strong: 0.85 });
    expect(brief(loose('Maltrion Dynamics'))).toEqual([[1, 'strong', 0.888]]);
    expect(brief(loose('Brantor Optics'))).toEqual([[3, 'strong', 0.85]]);
  });
});

describe('the cap a guard puts on a match', () => {
  test('when a one-word name is met without its country, then it is capped at the possible threshold', () => {
    expect(brief(screen('Vostrenko'))).toEqual([[4, 'possible', 0.8]]);
    expect(brief(screen('Vostrenko', 'RU'))).toEqual([[4, 'exact', 1]]);
    expect(brief(screen('Vostrenk', 'RU'))).toEqual([[4, 'strong', 0.983]]);
  });

  test('when the matcher has its own thresholds, then the cap stays below its strong one', () => {
    // Stricter possible: the cap is the possible threshold. Looser strong: the cap is just under strong.
    expect(brief(screenOver(lists, { possible: 0.85, strong: 0.95 })('Vostrenko'))).toEqual([[4, 'possible', 0.85]]);
    expect(brief(screenOver(lists, { possible: 0.7, strong: 0.8 })('Vostrenko'))).toEqual([[4, 'possible', 0.799]]);
    expect(brief(screenOver(lists, { possible: 0.7, strong: 0.95 })('Vostrenko'))).toEqual([[4, 'possible', 0.8]]);
  });
});

describe('the best name of an entry', () => {
  test('when several names of one entry match, then the entry appears once, with the best name', () => {
    const hits = screen('Zorvex Quantiblar Industries');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ entry: 2, matchType: 'exact', matchedOn: 'Zorvex Quantiblar Industries' });
    const alias = screen('Zorvex Quantiblar');
    expect(alias).toHaveLength(1);
    expect(alias[0]).toMatchObject({ entry: 2, matchType: 'exact', matchedOn: 'Zorvex Quantiblar' });
  });

  test('when the better name comes first or last, then the better one is kept either way', () => {
    const first = screenOver([list([{ name: 'Kovrant Meridel Systems', aliases: ['Kovrant Meridel Systems Plant'] }])]);
    const last = screenOver([list([{ name: 'Kovrant Meridel Systems Plant', aliases: ['Kovrant Meridel Systems'] }])]);
    for (const s of [first, last]) {
      const hits = s('Kovrant Meridel Systems');
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ matchType: 'exact', score: 1, matchedOn: 'Kovrant Meridel Systems' });
    }
  });

  test('when two names score the same but only one is the listed spelling, then that one is kept as exact', () => {
    // The katakana local name equals the query only after the gazetteer folds ハルビン to 哈尔滨 (score 1, strong);
    // the Chinese alias is the query's own spelling (exact). The local name comes first.
    const s = screenOver([
      list(
        [
          {
            name: 'Harbin Institute of Technology',
            localName: 'ハルビン工业大学',
            aliases: ['哈尔滨工业大学'],
            country: 'CN',
          },
        ],
        'test-list',
      ),
    ]);
    expect(s('哈尔滨工业大学')).toMatchObject([{ matchType: 'exact', score: 1, matchedOn: '哈尔滨工业大学' }]);
    expect(s('ハルビン工业大学')).toMatchObject([{ matchType: 'exact', score: 1, matchedOn: 'ハルビン工业大学' }]);
  });

  test('when the listed CJK name equals the query only after folding, then it is strong with score 1', () => {
    const s = screenOver([
      list([{ name: 'Harbin Institute of Technology', localName: 'ハルビン工业大学', country: 'CN' }], 'test-list'),
    ]);
    expect(brief(s('哈尔滨工业大学'))).toEqual([[1, 'strong', 1]]);
  });
});

describe('the order of hits', () => {
  const s = screenOver([
    list([
      { name: 'Dravonel Kitterm Group' },
      { name: 'Dravonel Kitterm' },
      { name: 'Dravonel Kittern' },
      { name: 'Dravonel Kitterm Trading Company' },
    ]),
    list([{ name: 'Dravonel Kitterm' }], 'a-list'),
  ]);

  test('when hits differ in type and score, then exact, strong, possible, higher scores first, ties by list', () => {
    const hits = s('Dravonel Kitterm');
    expect(hits.map((h) => [h.list, h.entry, h.matchType])).toEqual([
      ['a-list', 1, 'exact'],
      ['jp-eul', 2, 'exact'],
      ['jp-eul', 3, 'strong'],
      ['jp-eul', 1, 'possible'],
      ['jp-eul', 4, 'possible'],
    ]);
    expect(hits.map((h) => h.score)).toEqual([1, 1, 0.979, 0.888, 0.85]);
  });

  test('when the same name is listed twice in one list, then the lower entry number comes first', () => {
    const twice = screenOver([list([{ name: 'Brontel Vask' }, { name: 'Brontel Vask' }, { name: 'Brontel Vask' }])]);
    expect(twice('Brontel Vask').map((h) => h.entry)).toEqual([1, 2, 3]);
  });
});

describe('what a hit carries', () => {
  test('when an entry is hit, then the hit names the list, entry, country, concerns, kind and edition', () => {
    const s = screenOver([
      list([{ name: 'Quenbrook Aerial', country: 'IR', concerns: ['M', 'N'] }], 'jp-ru-specified', 'specified_entity'),
    ]);
    expect(s('Quenbrook Aerial')).toEqual([
      {
        list: 'jp-ru-specified',
        entry: 1,
        name: 'Quenbrook Aerial',
        matchedOn: 'Quenbrook Aerial',
        score: 1,
        matchType: 'exact',
        kind: 'specified_entity',
        country: 'IR',
        concerns: ['M', 'N'],
        listDate: '2025-01-01',
      },
    ]);
    const bare = screenOver([list([{ name: 'Quenbrook Aerial' }])])('Quenbrook Aerial')[0]!;
    expect('country' in bare || 'concerns' in bare).toBe(false);
  });
});
