import { defineConfig } from 'vitest/config';

// The tests the mutation run (`npm run mutate`) uses against src/screening: the matcher's rule-by-rule tests
// and the real-list screening tests. The golden sets are left to `npm test`: each is one long test, which
// would run for every mutant.
export default defineConfig({
  test: {
    include: ['test/unit/screening-matcher.test.ts', 'test/unit/screening.test.ts', 'test/unit/screening-data.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
