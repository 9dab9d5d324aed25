/**
 * The accepted list and screening files kept under the hash of their text (screening/validated-cache): an
 * edited file is validated again (a file that became invalid is reported, never answered from the cache), a
 * rejected file is never kept, and a kept value that does not hold is ignored and validated again.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, test } from 'vitest';
import { ListFileSchema } from '../../src/screening/list-schema.ts';
import { readValidated } from '../../src/screening/validated-cache.ts';
import { list } from '../support/screening-lists.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'screening-validated-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A list file in its own folder, and a cache folder beside it. */
function setup(content: unknown = list([{ name: 'Harbin Institute of Technology' }])) {
  const dir = tempDir();
  const file = join(dir, 'jp-eul.json');
  writeFileSync(file, JSON.stringify(content));
  const cache = join(dir, 'cache');
  const read = () => readValidated(file, 'lists/jp-eul.json', ListFileSchema, 'list-file', cache);
  const kept = () => readdirSync(cache).filter((f) => f.endsWith('.v8'));
  return { file, cache, read, kept };
}

/** Replaces the kept value with `value` (its checksum made right): what the next read returns if it is used. */
function forge(path: string, value: unknown): void {
  const payload = serialize(value);
  writeFileSync(path, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
}

describe('the validated-file cache', () => {
  test('when the cache folder is open to other users, then nothing in it is trusted: the file is validated', () => {
    const s = setup();
    expect(s.read().ok).toBe(true);
    forge(join(s.cache, s.kept()[0]!), { marker: 'planted by another user' });
    chmodSync(s.cache, 0o777);
    const r = s.read();
    expect(r.ok && r.value).toMatchObject({ list: 'jp-eul' });
    expect(r.ok && (r.value as { marker?: string }).marker).toBeUndefined();
  });

  test('when an accepted file is read again, then its kept value is the answer, defaults applied', () => {
    const s = setup();
    const first = s.read();
    expect(first.ok).toBe(true);
    expect(first.ok && first.value.entries[0]!.concerns).toEqual([]);
    expect(s.kept()).toHaveLength(1);
    forge(join(s.cache, s.kept()[0]!), { marker: 'from the cache' });
    expect(s.read()).toMatchObject({ ok: true, value: { marker: 'from the cache' } });
  });

  test('when the file is edited after it was kept, then the new text is validated: an invalid one is reported', () => {
    const s = setup();
    expect(s.read().ok).toBe(true);
    const text = readFileSync(s.file, 'utf8');
    writeFileSync(s.file, text.replace('"entry":1', '"entry":-1'));
    const r = s.read();
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ file: 'lists/jp-eul.json', path: 'entries[0].entry' });
  });

  test('when a file is rejected, then it is reported on every read and nothing is kept', () => {
    const s = setup({ list: 'jp-eul', entries: [] });
    expect(s.read().ok).toBe(false);
    const again = s.read();
    expect(again.ok).toBe(false);
    expect(!again.ok && again.issues.every((i) => i.file === 'lists/jp-eul.json')).toBe(true);
    expect(s.kept()).toEqual([]);
  });

  test.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 5)],
    ['altered', (b: Buffer) => Buffer.concat([b.subarray(0, 40), Buffer.from([b[40]! ^ 1]), b.subarray(41)])],
    ['empty', () => Buffer.alloc(0)],
  ])('when the kept value is %s, then it is ignored and the file validated and kept again', (_, corrupt) => {
    const s = setup();
    const want = s.read();
    const path = join(s.cache, s.kept()[0]!);
    writeFileSync(path, corrupt(readFileSync(path)));
    expect(s.read()).toEqual(want);
    forge(path, { marker: 'kept again' });
    expect(s.read()).toMatchObject({ value: { marker: 'kept again' } });
  });

  test('when the file cannot be read, then the issue says so, as without the cache', () => {
    const r = readValidated(join(tempDir(), 'missing.json'), 'lists/missing.json', ListFileSchema, 'list-file');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.file).toBe('lists/missing.json');
  });
});
