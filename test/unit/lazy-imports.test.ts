import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../support/fixtures.ts';

/** Modules reached from `file` through static value imports (type-only imports and `import()` excluded). */
function staticGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)';/gms)].map((m) => m[1]!);
  seen.set(file, specs);
  for (const s of specs) if (s.startsWith('.')) staticGraph(join(dirname(file), s), seen);
  return seen;
}

const HEAVY = /^(exceljs|pdfjs-dist|@slack\/|botbuilder|ioredis|openai|pino|prom-client|express)/;

test('the command entry loads no store client, LLM, chat SDK or list importer until a command needs it', () => {
  const graph = staticGraph(join(ROOT, 'src/cli/main.ts'));
  const heavy = [...graph].flatMap(([file, specs]) =>
    specs.filter((s) => HEAVY.test(s)).map((s) => `${relative(ROOT, file)} → ${s}`),
  );
  expect(heavy).toEqual([]);
});

test('serve loads a chat SDK only for its configured channel, and never the LLM client or a list importer', () => {
  const graph = staticGraph(join(ROOT, 'src/cli/serve.ts'));
  const sdk = /^(exceljs|pdfjs-dist|@slack\/|botbuilder|openai)/;
  const loaded = [...graph].flatMap(([file, specs]) =>
    specs.filter((s) => sdk.test(s)).map((s) => `${relative(ROOT, file)} → ${s}`),
  );
  expect(loaded).toEqual([]);
});
