/**
 * Chinese forms of listed names (issue 13, helper zh2): a name inside a Chinese sentence (他们和哈工大合作, 与北航的
 * 联合研究: its subjects, verbs and 和 / 与 cut it, spans.ts), an institute's 研究所 shortened to 所 (name-index.ts),
 * and an institute's number written either way in a whole-query short form (23所 / 二十三所, whole-aliases.ts).
 * Synthetic lists pin the rules; the bundled lists pin the real entries the dev set found with them.
 */
import { describe, expect, test } from 'vitest';
import { checkEvalSets, loadDevZh2, scoreEvalSets } from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { institutesInKanji } from '../../src/screening/numbering.ts';
import { bundled, GOLDEN_DIR, hardRefs, hitRef, RULES_DIR } from '../support/fixtures.ts';
import { list, screenOver } from '../support/screening-lists.ts';

const screen = screenOver([
  list(
    [
      { name: 'Qarvel Polytechnic University', localName: '卡尔维尔工业大学', country: 'CN' },
      { name: 'Zentharo Strength Institute', localName: '泽塔罗强度环境研究所', country: 'CN' },
      { name: 'Hedro Space Technology', localName: '北京和德罗宇航技术有限公司', country: 'CN' },
      { name: 'Ubrel Group 14th Institute', localName: '乌布雷尔集团第十四研究所', country: 'CN' },
    ],
    'test-list',
  ),
]);
const entries = (q: string) => screen(q).map((h) => [h.entry, h.matchType] as const);

describe('a listed name inside a Chinese sentence', () => {
  test('when the sentence opens with 和 / 与 or its subject, and a verb follows, then the name is found, never exact', () => {
    for (const q of [
      '他们和卡尔维尔工业大学合作',
      '与卡尔维尔工业大学的联合研究',
      '我们和卡尔维尔工业大学签订了合作协议',
    ])
      expect(entries(q), q).toEqual([[1, 'strong']]);
    expect(entries('我们在卡尔维尔工业大学做过访问学者')).toEqual([[1, 'strong']]);
  });

  test('when 和 stands inside a name, then the name is screened as written', () => {
    expect(entries('北京和德罗宇航技术有限公司')).toEqual([[3, 'exact']]);
  });

  test('when a sentence names only another body, then it finds nothing', () => {
    expect(screen('他们和浙江大学合作')).toEqual([]);
    expect(screen('与乌布雷尔集团第十三研究所的合作')).toEqual([]);
  });
});

describe('研究所 shortened to 所', () => {
  test('when the institute’s name is written with 所 alone, then it is found strong, not exact', () => {
    expect(entries('泽塔罗强度环境所')).toEqual([[2, 'strong']]);
  });

  test('when the name is another one, or a numbered institute with another number, then nothing', () => {
    expect(screen('泽塔罗环境所')).toEqual([]);
    expect(screen('乌布雷尔集团第十三所')).toEqual([]);
  });
});

describe('the bundled lists, Chinese forms (dev set zh2)', () => {
  const s = () => bundled().screener;

  test('when a short form stands in a Chinese sentence, then its entry is a hard hit', () => {
    expect(hardRefs(s(), '他们和哈工大合作')).toContain('jp-eul#541');
    expect(hardRefs(s(), '与北航的联合研究')).toContain('jp-eul#501');
    expect(hardRefs(s(), '他们和西工大合作')).toContain('jp-eul#559');
    expect(hardRefs(s(), '与中国空气动力研究与发展中心合作')).toContain('jp-eul#510');
  });

  test('when an unlisted university stands in the same sentence, then nothing is hard', () => {
    for (const q of [
      '他们和西安电子科技大学合作',
      '与同济大学的联合研究',
      '在哈尔滨理工大学读研',
      '他们和大连理工大学合作',
    ])
      expect(hardRefs(s(), q), q).toEqual([]);
  });

  test('when a CETC institute of the CETC Chip entry is written in Chinese, then that entry is found', () => {
    expect(hardRefs(s(), '中国电子科技集团公司第二十四研究所')).toContain('jp-eul#503');
    expect(hardRefs(s(), '中电科44所')).toContain('jp-eul#503');
  });

  test('when a bare institute number is written in kanji, then it meets the curated short form as possible', () => {
    const hits = s().screen('二十三所');
    expect(hits.map(hitRef)).toEqual(['jp-eul#478']);
    expect(hits[0]!.matchType).toBe('possible');
    // No curated short form holds 38: an unlisted CETC institute's number finds nothing.
    expect(s().screen('三十八所')).toEqual([]);
  });

  test('when CETC 13 is named, then it is the US CSL entry, never CETC 10 or CASC’s 13th institute', () => {
    const refs = hardRefs(s(), '中国电子科技集团公司第十三研究所');
    expect(refs).toContain('us-csl#12');
    expect(refs).not.toContain('jp-eul#475');
    expect(refs).not.toContain('jp-eul#476');
  });
});

describe('〇 in an institute’s number', () => {
  test('when 〇 or ○ stands in the number before 所 / 研究所, then it is written 零, a Han character', () => {
    expect(institutesInKanji('中航工业六〇七所')).toBe('中航工业六零七所');
    expect(institutesInKanji('第七○二研究所')).toBe('第七零二研究所');
  });

  test('when 〇 is not in an institute’s number, then the text is left alone', () => {
    expect(institutesInKanji('二〇二〇年の共同研究')).toBe('二〇二〇年の共同研究');
  });

  test('when AVIC’s 607th institute is written with 〇, then it is found, not the 67th', () => {
    expect(hardRefs(bundled().screener, '中国航空工业集团公司第六〇七所')).toContain('jp-eul#483');
  });
});

describe('CETC’s and AVIC’s group names are one group before a number', () => {
  const s = () => bundled().screener;

  test('when any of CETC’s names stands before the number, then that institute is found and no other', () => {
    for (const q of ['中电科第十研究所', '中国电子科技集团第10研究所', '中国电科第十所']) {
      const refs = hardRefs(s(), q);
      expect(refs, q).toContain('jp-eul#475');
      expect(refs, q).not.toContain('jp-eul#513');
    }
  });

  test('when the group alone or an unlisted institute of it is named, then nothing is hard', () => {
    for (const q of ['中国电子科技集团有限公司', '中电科', '中国电子科技集团公司第三十八研究所', '中航工业'])
      expect(hardRefs(s(), q), q).toEqual([]);
  });
});

describe('the dev set zh2', () => {
  test('when it is loaded, then every expected entry exists and no unlisted name is a listed one or a rendering', () => {
    const set = loadDevZh2(GOLDEN_DIR);
    expect(set.renderings.length).toBeGreaterThanOrEqual(250);
    expect(set.unlisted.length).toBeGreaterThanOrEqual(120);
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    const files = { renderings: 'screening-dev-zh2.jsonl', unlisted: 'screening-dev-zh2-unlisted.jsonl' };
    expect(checkEvalSets(set, lists, files)).toEqual([]);
  });

  test('when it is screened, then recall is at least 97% and no unlisted organisation is an exact or strong hit', () => {
    const score = scoreEvalSets(bundled().screener, loadDevZh2(GOLDEN_DIR));
    expect(score.recall.recall).toBeGreaterThanOrEqual(0.97);
    expect(score.falsePositives.exactOrStrong).toBe(0);
    expect(score.falsePositives.rate).toBeLessThanOrEqual(0.01);
  });
});
