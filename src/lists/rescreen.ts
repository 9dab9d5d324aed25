/**
 * @module lists/rescreen
 * Re-screening after the matcher or its data (word map, gazetteer, curated aliases) changed: each case
 * records the matcher version it was screened with (`listVersions.matcher`); when an open case or one
 * decided in the last 90 days was screened by another version, the cases are re-screened the way a list
 * update does, and a case that gains a hit is reopened.
 */
import type { Case } from '../cases/model.ts';
import type { CaseService } from '../cases/service.ts';
import type { Decision } from '../core/decision.ts';

export const RESCREEN_DAYS = 90;
const OPEN: readonly Case['status'][] = ['open', 'claimed', 'info_requested'];

/** Whether a case in the re-screening window was screened by another matcher version than `current`. */
export function screenedByOtherMatcher(c: Case, current: string, now: Date, days = RESCREEN_DAYS): boolean {
  const recent = OPEN.includes(c.status) || Date.parse(c.updatedAt) >= now.getTime() - days * 86_400_000;
  return recent && c.listVersions.matcher !== current;
}

/** Re-screens when any case in the window is stale; undefined when every case is already on `current`. */
export async function rescreenAfterMatcherChange(
  cases: Pick<CaseService, 'list' | 'rescreen'>,
  current: string,
  redecide: (c: Case) => Decision | undefined,
  now: Date,
): Promise<{ stale: number; reopened: Case[] } | undefined> {
  const stale = (await cases.list()).filter((c) => screenedByOtherMatcher(c, current, now)).length;
  if (stale === 0) return undefined;
  return { stale, reopened: await cases.rescreen(redecide, RESCREEN_DAYS) };
}
