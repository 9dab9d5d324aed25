/**
 * @module stores/orphaned-aborts
 * When a server or cluster node stays unreachable past `maxRetriesPerRequest`, ioredis rejects every queued
 * command with one shared MaxRetriesPerRequestError — including commands it queued for itself, whose promise
 * nobody holds, so Node sees an unhandled rejection (redis/ioredis#1791; its stack is ioredis' own). Every
 * command of ours is awaited and its failure reaches the user as APP.STORE_UNAVAILABLE, so this one is noise:
 * it must not take the process down while the store recovers. Anything else still does.
 */
import type { Logger } from '../app/ports.ts';

/** By name: the error may come serialised from another process (a test worker), not as an instance. */
export function isOrphanedStoreAbort(reason: unknown): boolean {
  return (
    typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'MaxRetriesPerRequestError'
  );
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
