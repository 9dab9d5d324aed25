/**
 * @module ruleset/shared
 * Rules and lists shared by every instance through the store (Redis or Redis Cluster). A publish writes the
 * snapshot under its version (rules: the content hash `rules-…`; lists: a hash of the files) first, and only
 * then flips the pointer, in one script that refuses when the snapshot is missing: a publish that fails
 * halfway leaves every instance on the old version. Each serving instance polls the pointers (one small GET
 * each, every 500 ms), materialises a new version into its DATA_DIR and swaps it in. All keys share the
 * `{rules}` hash tag: one Cluster slot. The file registry stays the source when no store is configured.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Logger } from '../app/ports.ts';
import type { RedisClient } from '../stores/redis.ts';
import type { Pointer, RuleRegistry, RulesPublisher } from './registry.ts';

const FLIP = `for i = 2, #KEYS do if redis.call('EXISTS', KEYS[i]) == 0 then return 0 end end
redis.call('SET', KEYS[1], ARGV[1])
return 1`;

export const sharedKeys = (prefix = 'ec') => ({
  rulesPointer: `${prefix}:{rules}:active`,
  rulesSnapshot: (version: string) => `${prefix}:{rules}:snapshot:${version}`,
  listsPointer: `${prefix}:{rules}:lists-active`,
  listsSnapshot: (hash: string) => `${prefix}:{rules}:lists:${hash}`,
});

/** Every file under `dir`, by path relative to it (with `/`). */
export function readTree(dir: string, filter: (rel: string) => boolean = () => true): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const rel = relative(dir, p).split(sep).join('/');
        if (filter(rel)) out[rel] = readFileSync(p, 'utf8');
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** Writes the files into `dir` through a temporary folder and one rename: a reader never sees half of it. */
export function writeTree(dir: string, files: Record<string, string>): void {
  if (existsSync(dir)) return;
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  for (const [rel, text] of Object.entries(files)) {
    const p = join(tmp, ...rel.split('/'));
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  mkdirSync(dirname(dir), { recursive: true });
  try {
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(dir)) throw err; // another process won the race with the same content
  }
}

const listFiles = (rel: string) => !rel.includes('/') && rel.endsWith('.json');

export function listsHash(files: Record<string, string>): string {
  const h = createHash('sha256');
  for (const [name, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
    h.update(name).update('\0').update(text).update('\0');
  return `lists-${h.digest('hex').slice(0, 12)}`;
}

export class SharedRules implements RulesPublisher {
  readonly keys: ReturnType<typeof sharedKeys>;

  constructor(
    private readonly redis: RedisClient,
    prefix = 'ec',
  ) {
    this.keys = sharedKeys(prefix);
  }

  /** Snapshots first (never overwritten: a version is its content), then the pointer, atomically. */
  async publish(pointer: Pointer, snapshotDir: (version: string) => string): Promise<void> {
    for (const version of [pointer.active, ...pointer.history]) {
      const key = this.keys.rulesSnapshot(version);
      if (!existsSync(snapshotDir(version)) || (await this.redis.exists(key))) continue;
      await this.redis.set(key, JSON.stringify(readTree(snapshotDir(version))), 'NX');
    }
    const flipped = await this.redis.eval(
      FLIP,
      2,
      this.keys.rulesPointer,
      this.keys.rulesSnapshot(pointer.active),
      JSON.stringify(pointer),
    );
    if (flipped !== 1) throw new Error(`snapshot ${pointer.active} is not in the store`);
  }

  async rulesPointer(): Promise<Pointer | undefined> {
    const raw = await this.redis.get(this.keys.rulesPointer);
    return raw ? (JSON.parse(raw) as Pointer) : undefined;
  }

  /** Writes the snapshots `pointer` names that this machine lacks (the active one must exist in the store). */
  async materialiseRules(pointer: Pointer, registry: RuleRegistry): Promise<void> {
    for (const version of [pointer.active, ...pointer.history]) {
      const dir = registry.snapshotDir(version);
      if (existsSync(dir)) continue;
      const raw = await this.redis.get(this.keys.rulesSnapshot(version));
      if (!raw) {
        if (version === pointer.active) throw new Error(`snapshot ${version} is not in the store`);
        continue;
      }
      writeTree(dir, JSON.parse(raw) as Record<string, string>);
    }
  }

  /** Publishes the list files of `listsDir` (after an import); returns their hash. */
  async publishLists(listsDir: string): Promise<string> {
    const files = readTree(listsDir, listFiles);
    const hash = listsHash(files);
    await this.redis.set(this.keys.listsSnapshot(hash), JSON.stringify(files), 'NX');
    const flipped = await this.redis.eval(FLIP, 2, this.keys.listsPointer, this.keys.listsSnapshot(hash), hash);
    if (flipped !== 1) throw new Error(`lists ${hash} are not in the store`);
    return hash;
  }

  async listsPointer(): Promise<string | undefined> {
    return (await this.redis.get(this.keys.listsPointer)) ?? undefined;
  }

  /** The folder holding the shared lists `hash` on this machine (written from the store when missing). */
  async materialiseLists(hash: string, dataDir: string): Promise<string> {
    const dir = join(dataDir, 'lists-shared', hash);
    if (existsSync(dir)) return dir;
    const raw = await this.redis.get(this.keys.listsSnapshot(hash));
    if (!raw) throw new Error(`lists ${hash} are not in the store`);
    writeTree(dir, JSON.parse(raw) as Record<string, string>);
    return dir;
  }
}

/**
 * Brings this machine's registry to the store's active version (before serving, and on every change).
 * Returns whether the local pointer changed.
 */
export async function syncRules(shared: SharedRules, registry: RuleRegistry): Promise<boolean> {
  const pointer = await shared.rulesPointer();
  if (!pointer) return false;
  const local = registry.status();
  if (local.active === pointer.active && JSON.stringify(local.history) === JSON.stringify(pointer.history))
    return false;
  await shared.materialiseRules(pointer, registry);
  registry.adopt(pointer);
  return true;
}

export interface SharedFollower {
  close(): void;
  /** One poll now (tests; the timer does the same every interval). */
  poll(): Promise<void>;
}

/** Polls both pointers and calls back when the store's active rules or lists change. */
export function followShared(opts: {
  shared: SharedRules;
  registry: RuleRegistry;
  dataDir: string;
  log: Logger;
  /** The lists this process serves now (undefined: its own files). */
  listsHash: string | undefined;
  onRules: () => void;
  onLists: (dir: string, hash: string) => void;
  intervalMs?: number;
}): SharedFollower {
  let lists = opts.listsHash;
  let failing = false;
  let running: Promise<void> | undefined;
  const once = async () => {
    try {
      if (await syncRules(opts.shared, opts.registry)) opts.onRules();
      const hash = await opts.shared.listsPointer();
      if (hash && hash !== lists) {
        const dir = await opts.shared.materialiseLists(hash, opts.dataDir);
        opts.onLists(dir, hash);
        lists = hash;
      }
      if (failing) opts.log.info({}, 'shared rules: store answers again');
      failing = false;
    } catch (err) {
      // The store may be down: keep serving what is loaded; say so once per outage.
      if (!failing)
        opts.log.warn(
          { code: 'APP.STORE_UNAVAILABLE', err: err instanceof Error ? err.message : String(err) },
          'shared rules: cannot read the store; the loaded version keeps serving',
        );
      failing = true;
    }
  };
  const poll = () => {
    running ??= once().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void poll(), opts.intervalMs ?? 500);
  timer.unref();
  return {
    close: () => clearInterval(timer),
    poll,
  };
}
