/**
 * @module stores/scripts
 * A Lua script sent by its SHA1 (EVALSHA) instead of its text. The server keeps every script it has run;
 * the first call on a server that has not seen it (a new server, a flushed script cache, a new master after a
 * failover) answers NOSCRIPT and is sent once more as text (EVAL), which caches it, so the reply is the
 * script's either way. Per message the bot runs a few scripts; sent as text, each carried a few hundred bytes
 * that the server then hashed to find its cached copy. (ioredis' defineCommand does the same, but a command
 * defined on first use is missing from an auto-pipeline already open in that tick.)
 */
import { createHash } from 'node:crypto';
import type { RedisClient } from './redis.ts';

export type ScriptArg = string | number;

export interface RedisScript {
  /** Runs the script with exactly the number of keys it was defined with. */
  run(client: RedisClient, keys: readonly string[], args: readonly ScriptArg[]): Promise<unknown>;
}

const isNoScript = (err: unknown) => err instanceof Error && err.message.startsWith('NOSCRIPT');

export function redisScript(lua: string, numberOfKeys: number): RedisScript {
  const sha = createHash('sha1').update(lua).digest('hex');
  return {
    async run(client, keys, args) {
      if (keys.length !== numberOfKeys) throw new Error(`a script of ${numberOfKeys} keys got ${keys.length}`);
      try {
        return await client.evalsha(sha, numberOfKeys, ...keys, ...args);
      } catch (err) {
        if (!isNoScript(err)) throw err;
        return client.eval(lua, numberOfKeys, ...keys, ...args);
      }
    },
  };
}
