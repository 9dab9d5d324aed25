/**
 * @module cli/screen
 * `export-check screen`: {"name": "...", "country": "XX"} lines in, one {"query", "matches"} line out each.
 */
import type { Screener } from '../app/ports.ts';
import { ErrorCode } from '../core/errors.ts';
import { parseJson, stdinLines } from './io.ts';

export async function runScreen(screener: Screener): Promise<number> {
  let failures = 0;
  for await (const line of stdinLines()) {
    if (!line.trim()) continue;
    const parsed = parseJson(line);
    const q = (parsed.ok ? parsed.value : undefined) as { name?: unknown; country?: unknown } | null | undefined;
    const country = countryOf(q?.country);
    if (typeof q?.name !== 'string' || country === false) {
      failures++;
      process.stdout.write(
        `${JSON.stringify({ error: { code: ErrorCode.QueryInvalid, message: 'expected {"name": string, "country"?: "XX"}' } })}\n`,
      );
      continue;
    }
    const matches = screener.screen(q.name, country).map(({ list, entry, name, matchedOn, score, matchType }) => ({
      list,
      entry,
      name,
      matchedOn,
      score,
      matchType,
    }));
    process.stdout.write(`${JSON.stringify({ query: q.name, matches })}\n`);
  }
  return failures ? 2 : 0;
}

/**
 * The query's country: absent, null or "" is no country (JSON writers emit null for a missing field); "cn" is CN.
 * Anything else that is not two letters is refused (false).
 */
function countryOf(c: unknown): string | undefined | false {
  if (c === undefined || c === null || c === '') return undefined;
  const code = typeof c === 'string' ? c.trim() : '';
  return /^[A-Za-z]{2}$/.test(code) ? code.toUpperCase() : false;
}
