/**
 * A value built afresh in each test that asks for it, on first use, and shared by the rest of that test.
 * The screening suites build their screeners through this rather than at module level or in beforeAll: the
 * mutation run (`npm run mutate:screening`, coverageAnalysis perTest) then sees which tests run the building
 * code, instead of counting it as static and running every test for each of its mutants.
 */
import { expect } from 'vitest';

export function perTest<T>(build: () => T): () => T {
  let built: { test: string | undefined; value: T } | undefined;
  return () => {
    const { currentTestName, testPath } = expect.getState();
    const test = currentTestName === undefined ? undefined : `${testPath}#${currentTestName}`;
    if (!built || built.test !== test) built = { test, value: build() };
    return built.value;
  };
}
