/**
 * @module screening/whole-aliases
 * Curated aliases met as the whole query, beside the word-by-word matcher:
 * - every curated alias typed as the whole query finds its entry, whatever the matcher's guards make of it;
 * - ambiguous short forms (`whole: true`: 南航 is NUAA and China Southern Airlines; HIT, SUT, AUT are words or
 *   other schools) match only as the whole query and at most as `possible`; a listed name spelt the same (the
 *   EUL lists "SUT" for Sharif) keeps its strength but must be the whole query, in the entry's country if one
 *   is given, when the matcher finds it;
 * - names in Hangul, which the matcher does not read (김일성종합대학), are only here;
 * - a curated CJK name or short form followed by a school or a person (哈工大材料学院, 北航の張先生) still names its
 *   entry, which the matcher's containment rule leaves to names of four characters or more.
 * "The whole query" is the query with case, width, kana and kanji variants, spacing and punctuation folded,
 * and a title or honorific around it dropped ("Prof. Kim, 김책공업종합대학", "南航の先生"; "南航集团" is not).
 * A country that disagrees with the entry's drops the hit: a short form names no one outside its country.
 */
import type { ScreeningHit } from '../core/decision.ts';
import { countryAgrees } from './country-agrees.ts';
import { asPossible, type BestHit, keepBest, mergeHits, orderedHits, POSSIBLE_SCORE } from './hit-order.ts';
import { isCityCollege } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import { DEFAULT_THRESHOLDS, MAX_QUERY_LENGTH } from './matcher.ts';
import { compactKey, foldCjkRun, normalizeName } from './normalize.ts';
import { numberedInstitutes } from './numbering.ts';
import { withoutKanaCompanySuffix } from './query.ts';
import { escapeRegExp } from './regexp.ts';

export interface WholeAlias {
  name: string;
  /** Marked `whole: true` in aliases.yaml: another entity may carry the same short form. */
  ambiguous: boolean;
}

/** Score of an ambiguous short form met as the whole query: a possible match, for a person to look at. */
export const AMBIGUOUS_SCORE = POSSIBLE_SCORE;
/** Score of a Hangul name found at the start of a longer Hangul text ("김일성종합대학 물리학부"). */
export const HANGUL_CONTAINED_SCORE = 0.95;
/** A Hangul name this long (in syllables) identifies its entity inside a longer text. */
const HANGUL_CONTAINED_MIN = 4;

/** Longer queries are never a whole name (the longest alias is some 120 characters). */
const WHOLE_QUERY_MAX = 300;
/** The longest CJK name looked for at the start of a longer CJK text. */
const CJK_PREFIX_MAX = 16;
/**
 * What may follow a CJK name and still be about it (after folding: の is ノ, 學院 is 学院): a particle and anything,
 * or a short run ending in a school, department, laboratory, campus (校区, 本部: 西工大本部) or person word, or a numbered institute of the body
 * (中物院九所, 中物院第九研究所: one of its own; the key writes every number as 第…硏究所, numbering.ts). 集团, 公司, a named 研究所 are not here: they
 * name another body, and so does what words.yaml's cjkAnotherBodyAfter lists (北京理工职业学院 is not BIT's school).
 */
function contextTail(anotherBody: readonly string[]): RegExp {
  const escaped = anotherBody.map(escapeRegExp);
  const not = escaped.length ? `(?!${escaped.join('|')})` : '';
  return new RegExp(
    `^(?:ノ.*|${not}.{0,12}?(?:学院|学部|学系|系|研究室|实验室|课题组|研究科|专业|学科|教研室|先生|教授|老师|博士|讲师|同学|团队|校区|分校|本部|本校|キャンパス)|${not}(?:第?[0-9一二三四五六七八九十百〇]{1,4}(?:[研硏]究)?所))$`,
    'u',
  );
}
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaffー々]+/gu;
/** Titles and honorifics that say who the person is, not which institution. */
const CONTEXT = [
  /^(?:prof|professor|dr|mr|ms|mrs)\.?\s+\S+\s+(?:at|of|from)\s+/iu,
  /^(?:prof|professor|dr|mr|ms|mrs)\.?\s+[^,，、]{1,40}[,，、]\s*/iu,
  /^(?:prof|professor|dr)\.?\s+/iu,
  // The country in front, as Korean text writes it (중국 하얼빈공업대학).
  /^(?:중국|이란|러시아|파키스탄|북한|조선|시리아|벨라루스)\s*/u,
  /(?:の)?(?:先生|教授|准教授|博士|研究室|さん|様|殿|御中|各位|宛て|宛|선생님?|교수님?|박사)$/u,
];

/** Whether an alias is kept out of the matcher and met only here. */
export function wholeOnly(n: { name: string; whole?: true | undefined }): boolean {
  return n.whole === true || HANGUL.test(n.name);
}

/**
 * The comparable form of a whole name: the matcher's folding (case, width, kana and kanji variants, legal forms,
 * abbreviations) without spacing or punctuation; Hangul, which that folding drops, folded by width only.
 */
export function wholeKey(text: string): string {
  if (HANGUL.test(text))
    return text
      .normalize('NFKC')
      .toLowerCase()
      .replace(CJK_RUN, (run) => foldCjkRun(run))
      .replace(/[^\p{L}\p{N}]+/gu, '');
  // A middle dot between katakana words is spacing too (アミール・カビール).
  // An institute's number written in digits or kanji, with or without 第 and 研究 (23所, 二十三所, 第二十三研究所): one
  // number, as the matcher reads it (numbering.ts), so a short form meets its curated spelling either way.
  const key = numberedInstitutes(compactKey(normalizeName(text)).replace(/[・･]/gu, ''));
  return key === '|' ? '' : key;
}

/** The query's keys: as typed, with a title or honorific around it dropped, and each comma or bracket part. */
function queryKeys(query: string): { whole: string[]; parts: string[] } {
  const raw = query.normalize('NFKC').trim();
  let stripped = raw;
  for (const c of CONTEXT) stripped = stripped.replace(c, '').trim();
  // インテグラル社 is the whole name インテグラル with 社 for "company" (query.ts).
  const whole = [...new Set([wholeKey(raw), wholeKey(stripped), wholeKey(withoutKanaCompanySuffix(stripped))])].filter(
    Boolean,
  );
  // "Prof. Kim, 김책공업종합대학" / "김책공업종합대학 (평양)": each part alone, for Hangul names only
  // ("中国南方航空（南航）" is the airline, not NUAA).
  const parts = raw
    .split(/[,，、()（）]+/u)
    .map(wholeKey)
    .filter((k) => k && !whole.includes(k));
  return { whole, parts };
}

interface Indexed {
  listIndex: number;
  entryIndex: number;
  alias: WholeAlias;
  key: string;
}

export class WholeAliasIndex {
  private readonly byKey = new Map<string, Indexed[]>();
  /** Long Hangul names, for the "name at the start of a longer text" rule. */
  private readonly hangulLong: Indexed[] = [];
  /** Ambiguous keys by `list#entry`: a matcher hit on a listed name spelt so must be the whole query. */
  private readonly ambiguousByEntry = new Map<string, Set<string>>();
  private readonly contextTail: RegExp;
  /** The gazetteer's Han places and the independent colleges' own names, folded (isCityCollege). */
  private readonly places: ReadonlySet<string>;

  constructor(
    private readonly lists: readonly ListFile[],
    aliases: ReadonlyMap<string, readonly WholeAlias[]>,
    /** The matcher's strong threshold, so a whole-name hit is graded as the matcher grades its own. */
    private readonly strong: number = DEFAULT_THRESHOLDS.strong,
    /** Folded words that open another body after a name (the lexicon's anotherBodyWords). */
    anotherBody: readonly string[] = [],
    /** Folded Han places and colleges' own names (lexicon.collegeNamers): a college named by one is another body. */
    places: readonly string[] = [],
  ) {
    this.contextTail = contextTail(anotherBody);
    this.places = new Set(places);
    lists.forEach((list, listIndex) => {
      list.entries.forEach((entry, entryIndex) => {
        for (const alias of aliases.get(`${list.list}#${entry.entry}`) ?? []) {
          const key = wholeKey(alias.name);
          if (!key) continue;
          const item = { listIndex, entryIndex, alias, key };
          const same = this.byKey.get(key);
          if (same) same.push(item);
          else this.byKey.set(key, [item]);
          if (!alias.ambiguous && HANGUL.test(key) && key.length >= HANGUL_CONTAINED_MIN) this.hangulLong.push(item);
          if (alias.ambiguous) {
            const id = `${list.list}#${entry.entry}`;
            const keys = this.ambiguousByEntry.get(id) ?? new Set<string>();
            keys.add(key);
            this.ambiguousByEntry.set(id, keys);
          }
        }
      });
    });
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * The matcher's hits for `query`, with the whole-name hits added (per entry the better one) and any hit on an
   * ambiguous name held to the whole-query rule; best first, in the matcher's order.
   */
  /**
   * A CJK tail after a name (`head`), the 大学 or 学 its short form left out aside (南京理工 + 大学紫金学院, 南京理工大 +
   * 学珠海学院), that is a college named by a city or by its own name.
   */
  private cityCollege(tail: string, head: string): boolean {
    const place = (han: string) => this.places.has(han);
    if (isCityCollege(tail.replace(/^(?:大学|学)/u, ''), place) || isCityCollege(tail, place)) return true;
    // A name that ends in the college's place, 学院 after it: 北京理工大学（珠海） (the campus) + 学院, the former college.
    if (!/^市?学院$/u.test(tail)) return false;
    for (let k = 2; k <= 4 && k < head.length; k++) if (place(head.slice(-k))) return true;
    return false;
  }

  apply(rawQuery: string, country: string | undefined, matched: ScreeningHit[]): ScreeningHit[] {
    if (this.byKey.size === 0) return matched;
    const query = rawQuery.replace(/\p{Cc}/gu, ' ').slice(0, MAX_QUERY_LENGTH);
    // No alias is that long, so a text this long is no whole name: folding it would only cost time.
    const long = query.length > WHOLE_QUERY_MAX;
    const { whole, parts } = long ? { whole: [], parts: [] } : queryKeys(query);
    const kept = matched.flatMap((h) => {
      const ambiguous = this.ambiguousByEntry.get(`${h.list}#${h.entry}`);
      const key = ambiguous && wholeKey(h.matchedOn);
      if (!key || !ambiguous.has(key)) return [h];
      // The list's own spelling keeps its strength in its own country ("HIT" with CN is Harbin); with no country
      // it is at most possible, for a person to look at (国防大学 is also Taiwan's and the PLA's), never clear.
      if (!whole.includes(key)) return [];
      if (country && h.country) return countryAgrees(country, h.country) ? [h] : [];
      return [asPossible(h)];
    });
    return long ? kept : mergeHits(kept, this.hits(whole, parts, query, country));
  }

  /** Hits of the whole-name aliases; at most one per entry. */
  private hits(whole: readonly string[], parts: readonly string[], query: string, country?: string): ScreeningHit[] {
    const best = new Map<string, BestHit>();
    const keep = (item: Indexed, score: number, exact: boolean) =>
      keepBest(best, {
        score,
        exact,
        name: {
          entryKey: `${item.listIndex}:${item.entryIndex}`,
          listIndex: item.listIndex,
          entryIndex: item.entryIndex,
          text: item.alias.name,
        },
      });
    const agrees = (item: Indexed) => {
      const entryCountry = this.lists[item.listIndex]!.entries[item.entryIndex]!.country;
      return !country || !entryCountry || countryAgrees(country, entryCountry);
    };
    for (const k of whole)
      for (const item of this.byKey.get(k) ?? [])
        if (agrees(item))
          keep(item, item.alias.ambiguous ? AMBIGUOUS_SCORE : 1, !item.alias.ambiguous && k === whole[0]);
    for (const k of parts)
      for (const item of this.byKey.get(k) ?? [])
        if (!item.alias.ambiguous && HANGUL.test(k) && agrees(item)) keep(item, 1, false);
    // A long Hangul name opening a longer Hangul text: the rest is a department or a person.
    if (HANGUL.test(query)) {
      const first = wholeKey(query);
      for (const item of this.hangulLong)
        if (first.startsWith(item.key) && first !== item.key && agrees(item)) keep(item, HANGUL_CONTAINED_SCORE, false);
    }
    // A CJK name or short form followed by a school or a person (哈工大材料学院, 北航の張先生): the rest is context.
    const first = whole[0] ?? '';
    if (first.startsWith('|'))
      for (let l = Math.min(first.length - 2, CJK_PREFIX_MAX); l >= 2; l--) {
        const tail = first.slice(1 + l);
        // A college named by a city is another body (电子科技大学 + 成都学院, 北京理工大 + 学珠海学院), not its school.
        if (!this.contextTail.test(tail) || this.cityCollege(tail, first.slice(1, 1 + l))) continue;
        for (const item of this.byKey.get(first.slice(0, 1 + l)) ?? [])
          if (agrees(item)) keep(item, item.alias.ambiguous ? AMBIGUOUS_SCORE : HANGUL_CONTAINED_SCORE, false);
      }
    return orderedHits(best, this.lists, this.strong);
  }
}
