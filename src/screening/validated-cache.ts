/**
 * @module screening/validated-cache
 * The list files and rules/screening files as zod accepted them, kept in the OS temp folder under the hash of
 * the file's text, the schema's name and the screening code's version (screening/index-cache: every file of
 * screening/, where the schemas live, read-data, and the zod and yaml versions). Validating the lists and the
 * 2,000-odd curated aliases is some 50 ms of a cold start; the same text under the same schema code always
 * gives the same value, and any edit of either is a new key. Only accepted files are kept: a file zod rejects
 * is read and reported as `file: path: message` every time. A kept value that does not hold (checksum,
 * unreadable) is ignored, and a cache that cannot be read or written only costs speed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { z } from 'zod';
import { type DataResult, readData } from '../ruleset/read-data.ts';
import { codeVersion } from './index-cache.ts';

// One folder per user: the temp folder is shared, and a value read from it is trusted as validated list data.
const CACHE_DIR = join(tmpdir(), `export-check-validated-v1-${process.getuid?.() ?? 'user'}`);

/**
 * Whether `dir` is ours alone: made by this user, with no access for anyone else. Another local user could
 * otherwise plant a "validated" list without an entity (a checksum is no signature), or swap the folder.
 */
function privateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    const uid = process.getuid?.();
    return st.isDirectory() && (uid === undefined || st.uid === uid) && (st.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

function keyOf(name: string, text: string): string | undefined {
  const code = codeVersion();
  if (!code) return undefined;
  return createHash('sha256').update(code).update('\0').update(name).update('\0').update(text).digest('hex');
}

function load(path: string): unknown {
  try {
    const bytes = readFileSync(path);
    const payload = bytes.subarray(32);
    if (bytes.length <= 32 || !createHash('sha256').update(payload).digest().equals(bytes.subarray(0, 32)))
      return undefined;
    return deserialize(payload);
  } catch {
    return undefined;
  }
}

function store(path: string, value: unknown): void {
  try {
    const payload = serialize(value);
    if (!privateDir(dirname(path))) return;
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(tmp, path);
  } catch {
    // a read-only or full temp folder only costs speed
  }
}

/**
 * readData, with the accepted value of the same text under the same schema code taken from the cache. `name`
 * names the schema (one name per schema: the key does not see which schema object a caller passes).
 */
export function readValidated<S extends z.ZodType>(
  file: string,
  label: string,
  schema: S,
  name: string,
  dir = CACHE_DIR,
): DataResult<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return readData(file, label, schema);
  }
  const key = privateDir(dir) ? keyOf(name, text) : undefined;
  const path = key && join(dir, `${key}.v8`);
  if (path) {
    const value = load(path);
    if (value !== undefined) return { ok: true, value: value as z.output<S>, text };
  }
  const r = readData(file, label, schema);
  // Kept only when the text zod accepted is the one the key was made of (the file may change in between).
  if (path && r.ok && r.text === text) store(path, r.value);
  return r;
}
