import { defineConfig } from 'vitest/config';

// The tests the mutation run (`npm run mutate`) uses against src/screening: the matcher's rule-by-rule tests
// on small lists (test/unit/screening-*.test.ts below, each on synthetic lists). The real-list and golden tests are left to `npm test`: each builds the full index, which
// would be paid for every one of the ~2,300 mutants.
export default defineConfig({
  test: {
    include: [
      'test/unit/screening-matcher.test.ts',
      'test/unit/screening-keys.test.ts',
      'test/unit/screening-normalize.test.ts',
      'test/unit/screening-thresholds.test.ts',
      'test/unit/screening-typos.test.ts',
      'test/unit/screening-guards.test.ts',
      'test/unit/screening-renderings.test.ts',
      'test/unit/screening-ports.test.ts',
      'test/unit/screening-listed-names.test.ts',
      'test/unit/screening-table.test.ts',
      'test/unit/screening-lexicon.test.ts',
      // Written for the mutation run: the edges and conditions the suites above leave implicit.
      'test/unit/screening-mut-*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
  },
});
