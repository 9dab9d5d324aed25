/**
 * @module screening/screener
 * The Screener port implemented over the in-process matcher, the loaded list files and the matcher's data
 * (word map, gazetteer, curated aliases). Its versions include `matcher`: the code version and a hash of the
 * data, recorded with each case so that a matcher or alias change re-screens cases as a list update does.
 * With `cacheDir` (the CLI's `decide`, `screen`, `chat`), the built parts come from screening/index-cache when
 * nothing they are built from has changed.
 */
import type { Screener } from '../app/ports.ts';
import type { ScreeningHit } from '../core/decision.ts';
import { attachAliases } from '../lists/aliases.ts';
import { bundledScreeningData } from './bundled.ts';
import { CandidateSearch } from './candidates.ts';
import { CommonWordNames } from './common-word-names.ts';
import { CountryMarkers } from './country-markers.ts';
import { CyrillicRenderings } from './cyrillic.ts';
import type { ScreeningData } from './data.ts';
import { TradeNameIndex } from './han-latin-score.ts';
import { HanRenderingGuard } from './han-rendering.ts';
import { cachedBuild, snapshotKey } from './index-cache.ts';
import { Lexicon } from './lexicon.ts';
import type { ListFile } from './list-schema.ts';
import { DEFAULT_THRESHOLDS, Matcher, type MatchThresholds } from './matcher.ts';
import { NameIndex } from './name-index.ts';
import { ParentTails } from './parent-tails.ts';
import { RareWords } from './rare-words.ts';
import { withRestatedName } from './restated-name.ts';
import { SpanScreener } from './spans.ts';
import { TokenTable } from './token-similarity.ts';
import { TradeNameWords } from './trade-name.ts';
import { WholeAliasIndex } from './whole-aliases.ts';

/** Bumped whenever the matching code changes what it finds; with the data hash it makes the matcher version. */
export const MATCHER_CODE_VERSION = '27';

export function matcherVersion(data: ScreeningData | undefined): string {
  return `${MATCHER_CODE_VERSION}#${data ? data.hash.slice(0, 12) : 'none'}`;
}

/** How a screener is made: `cacheDir`, a folder where the built index is kept for the next process. */
export interface ScreenerOptions {
  cacheDir?: string;
}

export interface ScreenerParts {
  matcher: Matcher;
  whole: WholeAliasIndex;
  han: HanRenderingGuard;
  common: CommonWordNames;
}

/** The classes a built screener's graph holds, for the index cache. */
export const SCREENER_CLASSES = [
  Matcher,
  NameIndex,
  CandidateSearch,
  TokenTable,
  Lexicon,
  WholeAliasIndex,
  HanRenderingGuard,
  CommonWordNames,
  CountryMarkers,
  ParentTails,
  TradeNameIndex,
  TradeNameWords,
  RareWords,
];

/** The parts of a screener, built (what the index cache stores). */
export function buildScreenerParts(
  lists: readonly ListFile[],
  thresholds: MatchThresholds | undefined,
  data: ScreeningData | undefined,
): ScreenerParts {
  const attached = data ? attachAliases(lists, data.aliases) : undefined;
  const aliases = attached?.byEntry;
  const matcher = new Matcher(lists, {
    ...(thresholds ? { thresholds } : {}),
    ...(data ? { lexicon: new Lexicon(data) } : {}),
    ...(aliases ? { aliases } : {}),
  });
  const whole = new WholeAliasIndex(
    lists,
    attached?.wholeByEntry ?? new Map(),
    (thresholds ?? DEFAULT_THRESHOLDS).strong,
    matcher.lexicon.anotherBodyWords,
    matcher.lexicon.collegeNamers(),
  );
  const han = new HanRenderingGuard(lists, aliases ?? new Map(), matcher.lexicon);
  const common = new CommonWordNames(data, matcher.lexicon);
  return { matcher, whole, han, common };
}

export function createScreener(
  lists: readonly ListFile[],
  thresholds?: MatchThresholds,
  data: ScreeningData | undefined = bundledScreeningData(),
  options: ScreenerOptions = {},
): Screener {
  const build = () => buildScreenerParts(lists, thresholds, data);
  const { matcher, whole, han, common } = options.cacheDir
    ? cachedBuild(
        options.cacheDir,
        snapshotKey(lists, [MATCHER_CODE_VERSION, JSON.stringify(thresholds ?? null), data?.hash ?? 'none']),
        lists,
        SCREENER_CLASSES,
        build,
      )
    : build();
  const versions = {
    ...Object.fromEntries(lists.map((l) => [l.list, `${l.date}#${l.source.sha256.slice(0, 8)}`])),
    matcher: matcherVersion(data),
  };
  const matched = (n: string, c: string | undefined) =>
    common.apply(
      n,
      c,
      han.apply(n, whole.apply(n, c, matcher.screen(n, c)), (latin) => whole.apply(latin, c, matcher.screen(latin, c))),
    );
  // A listed name inside a longer text: its spans screened as queries of their own (spans.ts).
  const spans = data ? new SpanScreener(data, matcher.lexicon) : undefined;
  // A name in Cyrillic is screened as written and as its Latin readings too (cyrillic.ts).
  const cyrillic = data?.cyrillic ? new CyrillicRenderings(data.cyrillic, lists) : undefined;
  const screenOne = (name: string, country?: string): ScreeningHit[] => {
    // The layers meet the same piece more than once (a bracketed long name's part outside the brackets is both the
    // restated-name reading and a span): each piece goes through the matcher once per query. The matcher is pure
    // and no layer changes the hits it is given, so the second reading is the first one's hits.
    const seen = new Map<string, ScreeningHit[]>();
    const once = (n: string, c: string | undefined) => {
      const key = `${c ?? ''}\u0000${n}`;
      let hits = seen.get(key);
      if (!hits) {
        hits = matched(n, c);
        seen.set(key, hits);
      }
      return hits;
    };
    const screen = (n: string, c?: string) => withRestatedName(n, c, once);
    const texts: typeof screen = spans ? (n, c) => spans.apply(n, c, screen) : screen;
    return cyrillic ? cyrillic.apply(name, country, texts) : texts(name, country);
  };
  return { screen: screenOne, versions: () => versions };
}
