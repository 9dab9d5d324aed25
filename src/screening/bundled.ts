/**
 * @module screening/bundled
 * The matcher data shipped in this repository's rules/screening, read once: the default for a screener
 * built without explicit data (tests, benchmarks). The server and CLI load the data of their rules folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../core/errors.ts';
import { loadScreeningData, type ScreeningData } from './data.ts';

const BUNDLED_RULES = fileURLToPath(new URL('../../rules', import.meta.url));
let cached: { data?: ScreeningData } | undefined;

export function bundledScreeningData(): ScreeningData | undefined {
  cached ??= loadScreeningData(BUNDLED_RULES);
  return cached.data;
}

/**
 * The matcher data of a rules folder: its screening/ files, or the shipped ones when the folder has none.
 * A broken file is reported through `report` and the shipped data is used, so a bad edit never leaves the
 * bot matching without its word map; `rules check` fails on the same issues.
 */
export function screeningDataFor(rulesDir: string, report: (issues: Issue[]) => void): ScreeningData | undefined {
  if (!existsSync(join(rulesDir, 'screening'))) return bundledScreeningData();
  const r = loadScreeningData(rulesDir);
  if (r.issues.length) report(r.issues);
  return r.data ?? bundledScreeningData();
}
