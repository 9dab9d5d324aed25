/**
 * @module screening/index-cache
 * The built screener (name index, candidate search, lexicon, whole-alias index, Han guard) kept on disk, so
 * that a `decide` or `screen` process does not fold and index some 9,000 names on every start (most of its
 * cold start). The file is named by a key over everything the build reads: the lists as loaded, the hash of
 * rules/screening, the thresholds, MATCHER_CODE_VERSION, the text of the code that builds and runs the index
 * (every file of screening/ and the few modules it imports), the kanji and kana libraries' versions and V8's.
 * Any change is a new key, so a stale index is never read. A file whose checksum or structure does not hold
 * is ignored and rebuilt; a cache that cannot be read or written only costs speed.
 *
 * What is stored is the object graph itself (node:v8 serialisation keeps Maps, Sets, typed arrays and shared
 * references). Class instances lose their prototype on the way, so a snapshot records where each instance
 * sits and of which of the known classes it is, and puts the prototype back on reading; the lists are not
 * stored but put back from the caller's. Patterns (RegExp) are copied when at rest. A graph holding anything
 * else (another class, a function) is not cached at all: the screener is then simply built, and the cache
 * test says which class to add.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { ListFile } from './list-schema.ts';

/** Bumped when the snapshot's own layout changes. */
const FORMAT = 'screener-snapshot-1';
const SUFFIX = '.v8';

type Path = (string | number)[];
/** A class whose instances may be in the graph: its prototype is restored by name. */
export type Revivable = abstract new (...args: never[]) => object;

interface Snapshot {
  format: string;
  /** The whole key (the file is named by part of it). */
  key: string;
  /** The graph, with every reference to the lists array set to null. */
  root: unknown;
  /** Where each class instance sits (its first path from the root) and its class. */
  instances: [Path, string][];
  /** Where the lists array was referenced. */
  listRefs: Path[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** The compiled code (dist/) or the sources through tsx: each keeps its own snapshot. */
const COMPILED = HERE.endsWith(join('dist', 'screening'));
const PREFIX = `screener-${COMPILED ? 'js' : 'ts'}-`;
/** Beside every file of screening/: the modules outside it whose code the build runs. */
const OUTSIDE = [
  join(HERE, '..', 'lists', 'aliases'),
  join(HERE, '..', 'core', 'text'),
  join(HERE, '..', 'core', 'decision'),
  join(HERE, '..', 'ruleset', 'read-data'),
];
/** Libraries whose output the index holds (kanji folding, kana romanisation) and the validator of its data. */
const LIBRARIES = ['opencc-js', 'wanakana', 'zod', 'yaml'];

let codeHash: string | undefined;

/**
 * The text of the code that builds and runs the index (the data schemas included), and the libraries'
 * versions; undefined when unreadable.
 */
export function codeVersion(): string | undefined {
  // Under mutation testing every mutant runs the same instrumented text: a key over the code cannot tell them
  // apart, so nothing is cached there.
  if (process.env.STRYKER_MUTATOR_WORKER !== undefined) return undefined;
  if (codeHash !== undefined) return codeHash;
  try {
    const h = createHash('sha256');
    for (const file of readdirSync(HERE).sort()) {
      const p = join(HERE, file);
      if (statSync(p).isFile()) h.update(file).update('\0').update(readFileSync(p)).update('\0');
    }
    for (const base of OUTSIDE) h.update(readFileSync(base + (COMPILED ? '.js' : '.ts'))).update('\0');
    for (const lib of LIBRARIES) {
      const pkg = join(HERE, '..', '..', 'node_modules', lib, 'package.json');
      h.update((JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version).update('\0');
    }
    codeHash = h.update(process.versions.v8).digest('hex');
    return codeHash;
  } catch {
    return undefined;
  }
}

/**
 * The cache key of a screener built from `lists` with `inputs` (thresholds, data hash, code version …), or
 * undefined when the code's version cannot be read (then nothing is cached).
 */
export function snapshotKey(lists: readonly ListFile[], inputs: readonly string[]): string | undefined {
  const code = codeVersion();
  if (!code) return undefined;
  const h = createHash('sha256').update(FORMAT).update('\0').update(code);
  for (const i of inputs) h.update('\0').update(i);
  return h.update('\0').update(JSON.stringify(lists)).digest('hex');
}

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return (
    proto === Object.prototype ||
    proto === null ||
    Array.isArray(v) ||
    v instanceof Map ||
    v instanceof Set ||
    ArrayBuffer.isView(v)
  );
}

/**
 * Walks the graph: the path of every class instance and every reference to `lists`; undefined when it holds
 * an instance of a class not in `classes` or a function (such a graph is not cached).
 */
function survey(
  root: object,
  lists: readonly ListFile[],
  classes: ReadonlyMap<unknown, string>,
): { instances: [Path, string][]; listRefs: Path[] } | undefined {
  const instances: [Path, string][] = [];
  const listRefs: Path[] = [];
  const seen = new Set<object>();
  // A path is undefined inside a Map (its values cannot be addressed): no instance or list may sit there.
  const stack: [object, Path | undefined][] = [[root, []]];
  const visit = (x: unknown, path: Path | undefined): boolean => {
    if (typeof x === 'function' || typeof x === 'symbol') return false;
    if (typeof x === 'object' && x !== null) stack.push([x, path]);
    return true;
  };
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (v === lists) {
      if (!path) return undefined;
      listRefs.push(path);
      continue;
    }
    if (seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v)) continue;
    // v8 copies a pattern's source and flags, not its lastIndex: only a pattern at rest is copied exactly.
    if (v instanceof RegExp) {
      if (v.lastIndex !== 0 || Object.keys(v).length) return undefined;
      continue;
    }
    if (!isPlain(v)) {
      const name = classes.get(Object.getPrototypeOf(v).constructor);
      if (!name || !path) return undefined;
      instances.push([path, name]);
    }
    // Only an object's own fields and a Map's or Set's contents: v8 serialises nothing else.
    if (v instanceof Map) {
      for (const [k, x] of v)
        if (typeof k === 'object' || !visit(k, undefined) || !visit(x, undefined)) return undefined;
    } else if (v instanceof Set) {
      for (const x of v) if (typeof x === 'object' || !visit(x, undefined)) return undefined;
    } else {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (!visit(x, typeof x === 'object' && x !== null && path ? [...path, k] : undefined)) return undefined;
      }
    }
  }
  return { instances, listRefs };
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

/** The snapshot file's bytes: a sha256 of the payload, then the payload. */
function encode(snapshot: Snapshot): Buffer {
  const payload = serialize(snapshot);
  return Buffer.concat([createHash('sha256').update(payload).digest(), payload]);
}

function decode(bytes: Buffer, key: string): Snapshot | undefined {
  if (bytes.length < 33) return undefined;
  const payload = bytes.subarray(32);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, 32))) return undefined;
  const s = deserialize(payload) as Snapshot;
  const sound = s?.format === FORMAT && s.key === key && Array.isArray(s.instances) && Array.isArray(s.listRefs);
  return sound ? s : undefined;
}

/** The graph of a snapshot file with its prototypes and lists put back, or undefined when it does not hold. */
function read<T>(
  file: string,
  key: string,
  lists: readonly ListFile[],
  classes: ReadonlyMap<string, Revivable>,
): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const s = decode(bytes, key);
    if (!s) return undefined;
    for (const [path, name] of s.instances) {
      const cls = classes.get(name);
      const obj = at(s.root, path);
      if (!cls || typeof obj !== 'object' || obj === null) return undefined;
      Object.setPrototypeOf(obj, cls.prototype);
    }
    for (const path of s.listRefs) {
      if (at(s.root, path) !== null) return undefined;
      setAt(s.root, path, lists);
    }
    return s.root as T;
  } catch {
    return undefined;
  }
}

/** Writes the graph (without the lists) atomically, and removes the snapshots of other keys. */
function write(
  dir: string,
  file: string,
  key: string,
  root: object,
  lists: readonly ListFile[],
  classes: Map<unknown, string>,
) {
  const found = survey(root, lists, classes);
  if (!found) return;
  // The lists are the caller's: each reference is nulled for the copy and put back right after.
  for (const path of found.listRefs) setAt(root, path, null);
  let bytes: Buffer;
  try {
    bytes = encode({ format: FORMAT, key, root, ...found });
  } finally {
    for (const path of found.listRefs) setAt(root, path, lists);
  }
  mkdirSync(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
  for (const f of readdirSync(dir))
    if (f.startsWith(PREFIX) && join(dir, f) !== file && !f.endsWith('.tmp')) rmSync(join(dir, f), { force: true });
}

/**
 * `build()`'s result from the snapshot of `key` in `dir` when there is a sound one; otherwise built, and
 * written for the next process. `classes` are the classes its graph may hold.
 */
export function cachedBuild<T extends object>(
  dir: string,
  key: string | undefined,
  lists: readonly ListFile[],
  classes: readonly Revivable[],
  build: () => T,
): T {
  if (!key) return build();
  const file = join(dir, `${PREFIX}${key.slice(0, 32)}${SUFFIX}`);
  const byName = new Map<string, Revivable>(classes.map((c) => [c.name, c]));
  const hit = read<T>(file, key, lists, byName);
  if (hit) return hit;
  const built = build();
  try {
    write(dir, file, key, built, lists, new Map<unknown, string>(classes.map((c) => [c, c.name])));
  } catch {
    // a read-only or full disk, or a graph v8 cannot serialise, only costs speed
  }
  return built;
}
