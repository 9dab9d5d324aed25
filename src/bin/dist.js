// Whether dist/ (the compiled JavaScript, `npm run build`) is at least as new as every source file. Plain
// JavaScript so the launcher can ask before loading any TypeScript tooling.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STAMP = join(ROOT, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function distIsFresh() {
  if (!existsSync(STAMP) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) return false;
  return statSync(STAMP).mtimeMs >= newestSource(join(ROOT, 'src'));
}
