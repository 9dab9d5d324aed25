// CI: runs the vitest suite again on other Node majors, fetched as the npm registry's `node` package
// (`npx -y node@22 …`, cached by npm after the first run), then closes with ONE "N passed, N failed" line that
// sums the main run (.vitest/results.json, written by run-vitest.mjs) and these. Typecheck and lint ran once
// already; only the tests are repeated. Usage: node test/support/run-other-nodes.mjs 22 24 [vitest args…]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const majors = args.filter((a) => /^\d+$/.test(a));
const extra = args.filter((a) => !/^\d+$/.test(a));

function counts(file) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const main = counts('.vitest/results.json');
let passed = main.passed;
let failed = main.failed;
let status = main.failed ? 1 : 0;
for (const major of majors) {
  const out = `.vitest/results-node${major}.json`;
  const started = Date.now();
  const r = spawnSync(
    'npx',
    [
      '-y',
      `node@${major}`,
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=dot',
      '--reporter=json',
      `--outputFile=${out}`,
      ...extra,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const c = r.status === null ? { passed: 0, failed: 1 } : counts(out);
  passed += c.passed;
  failed += c.failed;
  if (r.status !== 0) status = 1;
  console.log(
    `node ${major}: ${c.passed} tests passed and ${c.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(status);
