import { defineConfig } from 'vitest/config';

// The tests that exercise src/core, for `npm run mutate:core` (StrykerJS). Outside CI: mutation testing
// reruns these many times, so it uses only the fast core tests.
export default defineConfig({
  test: {
    // Synthetic rule sets only (test/support/core-parts.ts): the bundled rules and lists take seconds to load,
    // which mutation testing would pay once per mutant. The golden and answer tests cover the shipped data.
    include: ['test/unit/core-*.test.ts'],
    environment: 'node',
  },
});
