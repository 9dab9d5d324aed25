// `npx stryker run stryker.fast.config.mjs --mutate <file>`: the screening mutation run on the tests of
// vitest.mutate-fast.config.ts (no real-list screener builds). Its score is a lower bound of the full run's.
import base from './stryker.screening.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: process.env.MUTATE_TESTS ? 'vitest.mutate-unit.config.ts' : 'vitest.mutate-fast.config.ts', related: false },
  incrementalFile: 'reports/mutation/stryker-fast-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/screening-fast.html' },
  jsonReporter: { fileName: 'reports/mutation/screening-fast.json' },
  timeoutMS: 20_000,
};
