/**
 * @module stores/memory
 * In-memory twins of the store ports: one process, nothing kept across restarts. Entries expire like
 * their Redis counterparts; the clock is injectable for tests.
 */
import type { ConversationStore, IdempotencyStore, KeyValueStore } from '../app/ports.ts';

export class MemoryConversationStore<S> implements ConversationStore<S> {
  private readonly entries = new Map<string, { json: string; expires: number }>();
  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string): Promise<S | undefined> {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(id);
      return undefined;
    }
    // Stored as JSON, as in Redis, so a state that does not survive serialisation fails here too.
    return JSON.parse(e.json) as S;
  }

  async save(id: string, state: S): Promise<void> {
    this.entries.set(id, { json: JSON.stringify(state), expires: this.now() + this.ttlSeconds * 1000 });
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(key: string): Promise<boolean> {
    const t = this.now();
    const expires = this.seen.get(key);
    if (expires !== undefined && expires > t) return false;
    this.seen.set(key, t + this.ttlSeconds * 1000);
    if (this.seen.size > 100_000) for (const [k, e] of this.seen) if (e <= t) this.seen.delete(k);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.seen.delete(key);
  }
}

export class MemoryKeyValueStore implements KeyValueStore {
  private readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
}
