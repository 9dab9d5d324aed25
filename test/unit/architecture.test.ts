import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const sources = files(`${ROOT}src`).map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));
const importers = (pattern: RegExp) => sources.filter((s) => pattern.test(s.text)).map((s) => s.path);

test('botbuilder (end of life upstream) is imported only inside src/channels/teams', () => {
  expect(importers(/from 'botbuilder/).filter((p) => !p.startsWith('src/channels/teams/'))).toEqual([]);
});

test('the Slack SDK is imported only inside src/channels/slack', () => {
  expect(importers(/from '@slack\//).filter((p) => !p.startsWith('src/channels/slack/'))).toEqual([]);
});

test('the core has no I/O, no clock and no environment', () => {
  const core = sources.filter((s) => s.path.startsWith('src/core/'));
  for (const s of core)
    expect([s.path, /from 'node:|process\.env|Date\.now\(|new Date\(/.test(s.text)]).toEqual([s.path, false]);
});

test('adapters and use cases depend inward: nothing outside the composition root imports src/cli', () => {
  // src/bin starts the CLI; the benchmarks start the real server the way `serve` does.
  const outside = sources.filter((s) => !/^src\/(cli|bin|bench)\//.test(s.path));
  expect(outside.filter((s) => /from '[./]*\/cli\//.test(s.text)).map((s) => s.path)).toEqual([]);
});

test('the channel adapters reach the rest through the runtime facade in src/app', () => {
  const adapters = sources.filter((s) => /^src\/channels\/(slack|teams)\//.test(s.path));
  expect(adapters.filter((s) => /from '\.\.\/\.\.\/app\/runtime\.ts'/.test(s.text)).length).toBeGreaterThan(0);
});

test('the LLM adapter depends on the app port, not on the conversation engine', () => {
  const llm = sources.filter((s) => s.path.startsWith('src/llm/'));
  expect(llm.filter((s) => /from '\.\.\/conversation\//.test(s.text)).map((s) => s.path)).toEqual([]);
});
