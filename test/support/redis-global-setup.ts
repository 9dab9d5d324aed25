/**
 * Vitest globalSetup for the integration project: hands the tests a REDIS_URL that answers.
 * `.ci/run` starts redis-server when none answers; locally, the machine's Redis on 6379 is used.
 */
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    redisUrl: string;
  }
}

export default function setup(project: TestProject): void {
  project.provide('redisUrl', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
}
