import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ENV_VARIABLES } from '../../src/config.ts';
import { ROOT } from '../support/fixtures.ts';

/** Every `.ts`/`.js` file under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** What the code reads: the config schema, and any direct `process.env.X` / `process.env['X']` / destructuring. */
function variablesRead(): Set<string> {
  const found = new Set<string>(ENV_VARIABLES);
  for (const file of sources(`${ROOT}src`)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"`]([^'"`]+)['"`]\s*\])/g))
      found.add((m[1] ?? m[2])!);
    // An environment passed as a parameter (`env: NodeJS.ProcessEnv = process.env`): upper-case reads off it.
    for (const m of text.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)\b|\[\s*['"`]([A-Z][A-Z0-9_]*)['"`]\s*\])/g))
      found.add((m[1] ?? m[2])!);
    for (const m of text.matchAll(/\{([^}]*)\}\s*=\s*process\.env\b/g))
      for (const name of m[1]!
        .split(',')
        .map((s) => s.split(':')[0]!.trim())
        .filter(Boolean))
        found.add(name);
  }
  return found;
}

const documented = new Set(
  [...readFileSync(`${ROOT}docs/environment.md`, 'utf8').matchAll(/^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|/gm)].map(
    (m) => m[1]!,
  ),
);

test('docs/environment.md describes every environment variable the code reads', () => {
  const read = variablesRead();
  expect(read.size).toBeGreaterThan(30);
  expect([...read].filter((v) => !documented.has(v)).sort()).toEqual([]);
});

test('the scan finds direct reads, not only the config schema', () => {
  const read = variablesRead();
  for (const v of ['EXPORT_CHECK_USER', 'EXPORT_CHECK_DEBUG', 'LANG', 'TEAMS_DEV_NO_AUTH', 'ALLOW_EPHEMERAL_STORE'])
    expect(read).toContain(v);
});
