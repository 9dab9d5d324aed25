/**
 * serve survives ioredis rejecting a command it queued for itself while a node is down (nobody holds that
 * promise), and still ends on any other unhandled rejection.
 */
import { spawnSync } from 'node:child_process';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors/index.js';
import { describe, expect, test } from 'vitest';
import { isOrphanedStoreAbort } from '../../src/stores/orphaned-aborts.ts';

const MODULE = new URL('../../src/stores/orphaned-aborts.ts', import.meta.url).href;

/** A process that installs the guard, then leaves `rejection` unhandled and, if it lives on, says so. */
function runWith(rejection: string) {
  const script = `
    import { tolerateOrphanedStoreAborts } from ${JSON.stringify(MODULE)};
    const lines = [];
    tolerateOrphanedStoreAborts({ warn: (o, m) => lines.push(o.code + ' ' + m), info() {}, error() {}, debug() {} });
    ${rejection};
    setTimeout(() => console.log('alive; logged: ' + lines.join('|')), 50);
  `;
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('orphaned store aborts', () => {
  test("ioredis' MaxRetriesPerRequestError is one; other errors, and non-errors, are not", () => {
    expect(isOrphanedStoreAbort(new MaxRetriesPerRequestError(1))).toBe(true);
    expect(isOrphanedStoreAbort(new Error('Reached the max retries per request limit'))).toBe(false);
    expect(isOrphanedStoreAbort(new TypeError('x'))).toBe(false);
    expect(isOrphanedStoreAbort('MaxRetriesPerRequestError')).toBe(false);
  });

  test("ioredis' own command timeout is one, by its frame; the same text from elsewhere is not", () => {
    const timedOut = new Error('Command timed out');
    timedOut.stack =
      'Error: Command timed out\n    at Timeout.<anonymous> (/app/node_modules/ioredis/built/Command.js:207:33)';
    expect(isOrphanedStoreAbort(timedOut)).toBe(true);
    const ours = new Error('Command timed out');
    ours.stack = 'Error: Command timed out\n    at handle (/app/src/conversation/service.ts:10:5)';
    expect(isOrphanedStoreAbort(ours)).toBe(false);
    expect(isOrphanedStoreAbort({ message: 'Command timed out' })).toBe(false);
  });

  test('the process logs an orphaned abort with the store code and keeps running', () => {
    const r = runWith(
      `const E = class MaxRetriesPerRequestError extends Error { get name() { return 'MaxRetriesPerRequestError'; } }; Promise.reject(new E('limit'))`,
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('alive; logged: APP.STORE_UNAVAILABLE');
  });

  test('any other unhandled rejection still ends the process', () => {
    const r = runWith(`Promise.reject(new Error('a real bug'))`);
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toContain('alive');
    expect(r.stderr).toContain('a real bug');
  });
});
