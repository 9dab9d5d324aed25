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
    if (
      typeof q?.name !== 'string' ||
      (q.country !== undefined && (typeof q.country !== 'string' || !/^[A-Z]{2}$/.test(q.country)))
    ) {
      failures++;
      process.stdout.write(
        `${JSON.stringify({ error: { code: ErrorCode.QueryInvalid, message: 'expected {"name": string, "country"?: "XX"}' } })}\n`,
      );
      continue;
    }
    const matches = screener
      .screen(q.name, q.country as string | undefined)
      .map(({ list, entry, name, matchedOn, score, matchType }) => ({
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
