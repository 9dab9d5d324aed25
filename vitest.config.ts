import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but the repo; `integration` talks to a real redis-server
// (started by test/support/redis-global-setup.ts when REDIS_URL does not answer).
export default defineConfig({
  test: {
    projects: [
      // Timeouts catch hangs only: CLI tests spawn the command, which takes seconds on a loaded CI machine.
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/redis-global-setup.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
