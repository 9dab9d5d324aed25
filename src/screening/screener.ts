/**
 * @module screening/screener
 * The Screener port implemented over the in-process matcher and the loaded list files.
 */
import type { Screener } from '../app/ports.ts';
import type { ListFile } from './list-schema.ts';
import { Matcher, type MatchThresholds } from './matcher.ts';

export function createScreener(lists: readonly ListFile[], thresholds?: MatchThresholds): Screener {
  const matcher = new Matcher(lists, thresholds);
  const versions = Object.fromEntries(lists.map((l) => [l.list, `${l.date}#${l.source.sha256.slice(0, 8)}`]));
  return {
    screen: (name, country) => matcher.screen(name, country),
    versions: () => versions,
  };
}
