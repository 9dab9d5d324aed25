import { defineConfig } from 'vitest/config';

// Mutation runs of one module against its own rule-by-rule tests only (`MUTATE_TESTS=a,b npx stryker run
// stryker.fast.config.mjs --mutate <file>`): a lower bound of the full run's score, in minutes instead of hours.
const only = (process.env.MUTATE_TESTS ?? '').split(',').filter(Boolean);
export default defineConfig({
  test: {
    include: only.map((t) => `test/unit/${t}.test.ts`),
    environment: 'node',
    testTimeout: 60_000,
  },
});
