/**
 * Listed names inside Japanese and Chinese sentences (issue 13, helper jasent; spans.ts, whole-aliases.ts): a short
 * form beside what the sentence acts on (北航に炭素繊維を送りたい), after a time word (来月北航から), beside a person
 * (北理工から客員研究員が来ます), with Japan named as the destination (北航から日本に研究者が来る), in a Chinese
 * sentence (他是北航的教授), with a numbered institute of its own (中物院九所), and an acronym glued to its name
 * (BIT北京理工大学). Each listed case has an innocent twin that must find nothing hard; the jasent dev set is
 * checked and scored.
 */
import { describe, expect, test } from 'vitest';
import {
  checkEvalSets,
  DEV_JASENT_FILE,
  DEV_JASENT_UNLISTED_FILE,
  loadDevJasent,
  scoreEvalSets,
} from '../../src/bench/screening-eval.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundled, GOLDEN_DIR, hardRefs, hitRef, RULES_DIR } from '../support/fixtures.ts';

const { screener } = bundled();
const ref = hitRef;
const hitOn = (query: string, wanted: string, country?: string) =>
  screener.screen(query, country).find((h) => ref(h) === wanted);
const hard = (query: string, country?: string) => hardRefs(screener, query, country);

/** [listed query, entry, strongest type it may have, innocent twin]. */
const cases: [string, string, 'strong' | 'possible', string][] = [
  // What the sentence acts on (を) is goods, not another body beside the short form.
  ['北航に炭素繊維を送りたい', 'jp-eul#501', 'strong', '北大に炭素繊維を送りたい'],
  ['哈工大に炭素繊維のプリプレグを送る', 'jp-eul#541', 'strong', '浙大に炭素繊維のプリプレグを送る'],
  // …and so is what qualifies the goods with の (炭素繊維のサンプルを), unless it is a body (北京大学の研究者を).
  ['北航に炭素繊維のサンプルを送りたい', 'jp-eul#501', 'strong', '北大に炭素繊維のサンプルを送りたい'],
  // A time word typed before the name is cut off the piece.
  ['来月北航から留学生が来ます', 'jp-eul#501', 'strong', '来月北大から留学生が来ます'],
  ['今年西工大と共同研究を始める', 'jp-eul#559', 'strong', '今年阪大と共同研究を始める'],
  // …or alone before a comma.
  ['来月、北理工から研究者が来る', 'jp-eul#494', 'strong', '来月、東工大から研究者が来る'],
  // A person is no other body.
  ['北理工から客員研究員が来ます', 'jp-eul#494', 'strong', '東工大から客員研究員が来ます'],
  // Japan as a piece of its own is the exporter's side, not the partner's country.
  ['北航から日本に研究者が来る', 'jp-eul#501', 'strong', '清华から日本に研究者が来る'],
  // Chinese function words around a short form in a Chinese sentence.
  ['他是北航的教授', 'jp-eul#501', 'strong', '他是北大的教授'],
  ['来自哈工大的博士', 'jp-eul#541', 'strong', '来自浙大的博士'],
  // Particle runs (まで, さんと, について) and words glued after a name (向け, 宛て, 訪問) end its piece.
  ['北航までサンプルを持参', 'jp-eul#501', 'strong', '北大までサンプルを持参'],
  ['北航さんと打ち合わせ', 'jp-eul#501', 'strong', '東大さんと打ち合わせ'],
  ['北航について教えて', 'jp-eul#501', 'strong', '北大について教えて'],
  ['北航向けの輸出', 'jp-eul#501', 'strong', '北大向けの輸出'],
  ['西工大宛てに送付', 'jp-eul#559', 'strong', '阪大宛てに送付'],
  ['来週の北航訪問', 'jp-eul#501', 'strong', '来週の北大訪問'],
  ['北航訪問', 'jp-eul#501', 'strong', '北大訪問'],
  // An affiliate written after its parent (系企業, 傘下, 関連会社, 下属): the parent is named.
  ['IRGC系企業', 'jp-eul#138', 'strong', 'JAXA系企業'],
  ['北航関連会社', 'jp-eul#501', 'strong', '北大関連会社'],
  ['哈工大下属企业', 'jp-eul#541', 'strong', '浙大下属企业'],
  // The sentence going on after a bracket is no other name.
  ['北航（中国）に送る', 'jp-eul#501', 'strong', '北大（中国）に送る'],
  // A katakana name before a particle other than を, for a hard hit only.
  ['スホーイに部品を送る', 'jp-eul#819', 'strong', 'ソニーに部品を送る'],
  ['ツァギから留学生が来ます', 'jp-ru-specified#291', 'strong', 'トヨタから留学生が来ます'],
  // A country and a middle dot before a short form (中国・北航): the short form alone.
  ['中国・北航の先生', 'jp-eul#501', 'strong', '中国・北大の先生'],
  ['中国・哈工大に送る', 'jp-eul#541', 'strong', '中国・清华に送る'],
  // A numbered institute of the body is one of its own.
  ['中物院九所', 'jp-eul#519', 'strong', '中科院九所'],
  // An acronym glued to the name it stands for: the name alone.
  ['BIT北京理工大学', 'jp-eul#494', 'strong', 'PKU北京大学'],
  ['北京理工大学BITに送る', 'jp-eul#494', 'strong', '北京大学PKUに送る'],
];

describe('listed names in Japanese and Chinese sentences (jasent)', () => {
  test.each(cases)('%s names %s (at most %s); its twin %s names nothing hard', (query, entry, most, twin) => {
    const h = hitOn(query, entry);
    expect(h, `${query} → ${screener.screen(query).map(ref).join(', ')}`).toBeDefined();
    expect(h!.matchType).not.toBe('exact');
    if (most === 'possible') expect(h!.matchType).toBe('possible');
    expect(hard(twin)).toEqual([]);
  });

  test('an ambiguous short form in a sentence stays possible (南航 is also China Southern Airlines)', () => {
    for (const q of ['南航に炭素繊維を送りたい', '来月南航から研究者が来る', '他是南航的老师', '来自电子科大的博士']) {
      const hits = screener.screen(q);
      expect(hits.length, q).toBeGreaterThan(0);
      expect(
        hits.every((h) => h.matchType === 'possible'),
        q,
      ).toBe(true);
    }
    expect(hard('中国南方航空（南航）の便で広州へ')).toEqual([]);
  });

  test('a katakana word before a particle names no one by a possible hit alone (サンプルに, パナソニックに)', () => {
    for (const q of ['サンプルに送る', 'パナソニックに電池を送る', 'キヤノンの技術者が来る'])
      expect(screener.screen(q).map(ref), q).toEqual([]);
  });

  test('a listed name with の in it keeps its strength in a sentence (寧辺の核施設に送る)', () => {
    for (const q of ['寧辺の核施設に送る', '寧辺の核施設から技術者が来る'])
      expect(hitOn(q, 'jp-eul#445')?.matchType, q).toBe('strong');
    // Two pieces joined by の count only when they are, as written, a listed or curated name.
    expect(hard('哈爾浜理工大学の先生を招へい', 'CN')).toEqual([]);
  });

  test('Chinese function words cut spans only: a listed name holding one is still found whole', () => {
    // 的 is in 波罗的海 (the Baltic): the whole name is not held back by its pieces.
    const baltic = screener.screen('波罗的海造船厂的工程师');
    expect(baltic.length).toBeGreaterThan(0);
  });

  test('only an acronym in capitals is cut off a CJK name: a romanised city glued to one stays whole', () => {
    expect(hitOn('We plan to ship samples to Harbin工業大学 next month.', 'jp-eul#541')).toBeDefined();
    // The acronym's reading is added, not put in place of the text (UESTC電子科技大学, ベラルーシKGB).
    expect(hitOn('Visiting researcher from UESTC電子科技大学', 'jp-eul#595')).toBeDefined();
  });

  test('Chinese function words cut a Chinese sentence only, never a name in a Latin one (创新在线)', () => {
    expect(hitOn('创新在线电子有限公司', 'jp-eul#719')).toBeDefined();
    expect(hitOn('Visiting researcher from 创新在线电子有限公司', 'jp-eul#719')).toBeDefined();
  });

  test('a named institute after the short form is another body, not a numbered one of its own', () => {
    expect(hard('中物院集团')).toEqual([]);
  });
});

describe('Japanese synonyms of the words the lists’ Japanese names use (cjkEquivalents)', () => {
  test.each([
    ['南興化学プラント', 'jp-eul#395'],
    ['ウラル車両プラント', 'jp-eul#833'],
    ['チャシュマ原発', 'jp-eul#613'],
    ['カラチ原発に計装機器を納入', 'jp-eul#639'],
  ])('%s names %s', (query, entry) => {
    expect(hitOn(query, entry), `${query} → ${screener.screen(query).map(ref).join(', ')}`).toBeDefined();
  });
  test('the synonyms name nothing by themselves', () => {
    for (const q of ['化学プラントの設計図を送る', '福島第一原発の見学', '歯科インプラントを輸出'])
      expect(hard(q)).toEqual([]);
  });
});

describe('the jasent dev set', () => {
  const sets = loadDevJasent(GOLDEN_DIR);
  test('is well formed: every expected entry exists, no unlisted query is listed or also a rendering', () => {
    const { lists } = loadLists(`${RULES_DIR}/lists`);
    expect(sets.renderings.length).toBeGreaterThanOrEqual(190);
    expect(sets.unlisted.length).toBeGreaterThanOrEqual(140);
    expect(checkEvalSets(sets, lists, { renderings: DEV_JASENT_FILE, unlisted: DEV_JASENT_UNLISTED_FILE })).toEqual([]);
  });
  test('recall ≥ 98% and no exact or strong hit on an unlisted partner', () => {
    const s = scoreEvalSets(screener, sets);
    expect(s.recall.recall).toBeGreaterThanOrEqual(0.98);
    expect(s.falsePositives.exactOrStrong).toBe(0);
  });
});
