#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ with tsc (tsconfig.build.json), then stamps it. With --if-stale (what
// `npm start` runs) it builds only when a source file is newer than the stamp, and skips quietly where the
// compiler is not installed (`npm ci --omit=dev`): the launcher then runs the sources through tsx.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { distIsFresh, ROOT, STAMP } from './dist.js';

const ifStale = process.argv.includes('--if-stale');
if (ifStale && distIsFresh()) process.exit(0);
let tsc;
try {
  tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  if (ifStale) process.exit(0);
  process.stderr.write('export-check build: typescript is not installed (npm ci without --omit=dev)\n');
  process.exit(1);
}
const started = Date.now();
if (ifStale) process.stderr.write('export-check: compiling to dist/ (once after each change)…\n');
const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) {
  // A start must not fail on a build problem: the launcher falls back to the sources.
  process.stderr.write('export-check build: tsc failed; the sources run through tsx until it builds\n');
  process.exit(ifStale ? 0 : 1);
}
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
if (!ifStale) process.stderr.write(`export-check build: dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
