/**
 * @module stores/orphaned-aborts
 * When a server or cluster node stays unreachable past `maxRetriesPerRequest`, ioredis rejects every queued
 * command with one shared MaxRetriesPerRequestError — including commands it queued for itself, whose promise
 * nobody holds, so Node sees an unhandled rejection (redis/ioredis#1791; its stack is ioredis' own). Every
 * command of ours is awaited and its failure reaches the user as APP.STORE_UNAVAILABLE, so this one is noise:
 * it must not take the process down while the store recovers. Anything else still does.
 *
 * The same holds for ioredis' "Command timed out" (`commandTimeout`) on such a command while a cluster node is down:
 * its stack is one ioredis timer and nothing of ours (seen once in CI, in the cluster fault test).
 */
import type { Logger } from '../app/ports.ts';

/** The frame ioredis' command timer throws from (node_modules/ioredis/built/Command.js). */
const IOREDIS_COMMAND_FRAME = /[\\/]ioredis[\\/]built[\\/]Command\.js:/u;

/** By name: the error may come serialised from another process (a test worker), not as an instance. */
export function isOrphanedStoreAbort(reason: unknown): boolean {
  if (typeof reason !== 'object' || reason === null) return false;
  const { name, message, stack } = reason as { name?: unknown; message?: unknown; stack?: unknown };
  if (name === 'MaxRetriesPerRequestError') return true;
  // Only ioredis' own timeout, raised from its own timer: another error with this text is not one.
  return message === 'Command timed out' && typeof stack === 'string' && IOREDIS_COMMAND_FRAME.test(stack);
}

let installed = false;

/** Once per process: logs an orphaned store abort (code APP.STORE_UNAVAILABLE) and rethrows anything else. */
export function tolerateOrphanedStoreAborts(log: Logger): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (!isOrphanedStoreAbort(reason)) throw reason; // Node's own behaviour: the process ends with the error
    log.warn({ code: 'APP.STORE_UNAVAILABLE' }, 'redis client dropped a command it had queued itself; retrying');
  });
}
