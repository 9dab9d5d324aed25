// Mutation testing of the screening matcher: `npm run mutate` (StrykerJS + its vitest runner). Outside CI: it
// takes a long while on a shared 2-core machine. Target: at least 80% of mutants killed.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: [
    'src/screening/**/*.ts',
    // Evaluation tooling and the bundled-data loader, not the matcher: measured by the golden tests and bench.
    '!src/screening/golden-eval.ts',
    '!src/screening/bundled.ts',
    // The caches of the built index and the validated files: off under mutation testing (every mutant has the
    // same code text) and tested by their own suites on the full lists, too slow to run per mutant.
    '!src/screening/index-cache.ts',
    '!src/screening/validated-cache.ts',
  ],
  coverageAnalysis: 'perTest',
  // One runner: the machine is 2 cores shared by several sessions, and a second runner mostly waits for the first.
  concurrency: 1,
  // A busy shared machine: at 3 s, timeouts flooded the run (each restarts the vitest worker).
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/screening.html' },
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
