import { defineConfig } from 'vitest/config';
import base from './vitest.mutate.config.ts';

// The mutation run's tests without the three that build the screener on the real lists (screening-ports,
// screening-listed-names, screening-mut-whole-aliases): a lower bound on the score, fast enough to run one file on a
// busy 2-core machine (`npx stryker run stryker.screening.config.mjs --vitest.configFile vitest.mutate-fast.config.ts`
// is not accepted by the CLI; see stryker.fast.config.mjs).
const HEAVY = ['screening-ports', 'screening-listed-names', 'screening-mut-whole-aliases'];
export default defineConfig({
  test: {
    ...base.test,
    exclude: HEAVY.map((h) => `test/unit/${h}.test.ts`),
  },
});
