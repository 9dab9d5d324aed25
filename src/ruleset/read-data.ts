/**
 * @module ruleset/read-data
 * Reads one YAML or JSON data file and validates it with a zod schema, turning every problem into an
 * issue `file: path: message`. Expected failures come back as values, never as exceptions.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ErrorCode, type Issue } from '../core/errors.ts';

export type DataResult<T> = { ok: true; value: T; text: string } | { ok: false; issues: Issue[] };

export function formatZodPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

export function zodIssues(file: string, error: z.ZodError, code: Issue['code'] = ErrorCode.RulesInvalid): Issue[] {
  return error.issues.map((i) => ({ code, file, path: formatZodPath(i.path), message: i.message }));
}

export function readData<S extends z.ZodType>(file: string, label: string, schema: S): DataResult<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, issues: [{ code: ErrorCode.RulesUnreadable, file: label, path: '', message }] };
  }
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYamlCached(text);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { ok: false, issues: [{ code: ErrorCode.RulesInvalid, file: label, path: '', message }] };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, issues: zodIssues(label, parsed.error) };
  return { ok: true, value: parsed.data, text };
}

/**
 * YAML parsing is most of a cold start (`decide` reads ~100 rule files), so a parsed file is kept in the OS
 * temp folder under the hash of its text: the same text always parses to the same value, and any edit is a
 * new key. Only successful parses are kept; a cache that cannot be read or written is simply skipped.
 */
const CACHE_DIR = join(tmpdir(), 'export-check-yaml-v1');

function parseYamlCached(text: string): unknown {
  const key = join(CACHE_DIR, `${createHash('sha256').update(text).digest('hex')}.v8`);
  try {
    return deserialize(readFileSync(key));
  } catch {
    // not cached yet (or unreadable): parse below
  }
  const raw = parseYaml(text, { prettyErrors: true }) as unknown;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${key}.${process.pid}.tmp`;
    writeFileSync(tmp, serialize(raw));
    renameSync(tmp, key);
  } catch {
    // a read-only or full temp folder only costs speed
  }
  return raw;
}
