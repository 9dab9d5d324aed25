/**
 * The built screening index kept on disk (screening/index-cache): a screener read back from its snapshot finds
 * what a freshly built one finds; a changed list, data hash or threshold is a new key, so a stale index is
 * never read; a truncated, altered or foreign file is ignored and rebuilt; a graph with an unknown class or a
 * function is not cached at all.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadLists } from '../../src/lists/load-lists.ts';
import { bundledScreeningData } from '../../src/screening/bundled.ts';
import { cachedBuild, snapshotKey } from '../../src/screening/index-cache.ts';
import type { ListFile } from '../../src/screening/list-schema.ts';
import {
  buildScreenerParts,
  createScreener,
  MATCHER_CODE_VERSION,
  SCREENER_CLASSES,
} from '../../src/screening/screener.ts';
import { readScreeningGolden } from '../../src/tools/screening-golden.ts';
import { list } from '../support/screening-lists.ts';

const ROOT = join(import.meta.dirname, '../..');
const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'screening-index-cache-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const snapshots = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.v8'));

class Counter {
  constructor(public n: number) {}
  next(): number {
    return ++this.n;
  }
}
interface Graph {
  counter: Counter;
  lists: readonly ListFile[];
  names: Map<string, number[]>;
}
const small = [list([{ name: 'Harbin Institute of Technology', country: 'CN' }])];

/** cachedBuild over a small graph, counting the builds. */
function counted(dir: string, key = 'k'.repeat(64), lists = small, make: () => object = () => ({})) {
  let builds = 0;
  const value = cachedBuild(dir, key, lists, [Counter], () => {
    builds++;
    return { counter: new Counter(41), lists, names: new Map([['hit', [1, 2]]]), ...make() } as Graph;
  });
  return { value, builds };
}

describe('the snapshot file', () => {
  test('when a graph was built once, then the next build of the key is read back, classes and lists restored', () => {
    const dir = cacheDir();
    expect(counted(dir).builds).toBe(1);
    expect(snapshots(dir)).toHaveLength(1);
    const again = counted(dir);
    expect(again.builds).toBe(0);
    expect(again.value.counter).toBeInstanceOf(Counter);
    expect(again.value.counter.next()).toBe(42);
    expect(again.value.lists).toBe(small);
    expect(again.value.names.get('hit')).toEqual([1, 2]);
  });

  test.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 10)],
    [
      'one byte of the payload altered',
      (b: Buffer) => Buffer.concat([b.subarray(0, 40), Buffer.from([b[40]! ^ 1]), b.subarray(41)]),
    ],
    ['empty', () => Buffer.alloc(0)],
    ['not a snapshot', () => Buffer.from('{"counter": 1}'.repeat(10))],
  ])('when the file is %s, then it is ignored, rebuilt and written again', (_, corrupt) => {
    const dir = cacheDir();
    counted(dir);
    const file = join(dir, snapshots(dir)[0]!);
    writeFileSync(file, corrupt(readFileSync(file)));
    const rebuilt = counted(dir);
    expect(rebuilt.builds).toBe(1);
    expect(rebuilt.value.counter.next()).toBe(42);
    expect(counted(dir).builds).toBe(0);
  });

  test('when the key changes, then the graph is built and only the new key is kept', () => {
    const dir = cacheDir();
    counted(dir, 'a'.repeat(64));
    expect(counted(dir, 'b'.repeat(64)).builds).toBe(1);
    expect(snapshots(dir)).toHaveLength(1);
    expect(counted(dir, 'a'.repeat(64)).builds).toBe(1);
  });

  test("when a file is another key's snapshot under this key's name, then it is ignored", () => {
    const dir = cacheDir();
    counted(dir, 'a'.repeat(64));
    const name = snapshots(dir)[0]!;
    copyFileSync(join(dir, name), join(dir, name.replace('a'.repeat(32), 'c'.repeat(32))));
    expect(counted(dir, 'c'.repeat(64)).builds).toBe(1);
  });

  test('when the graph holds a class it was not told of or a function, then nothing is cached', () => {
    class Other {}
    const dir = cacheDir();
    expect(counted(dir, undefined, small, () => ({ other: new Other() })).builds).toBe(1);
    expect(counted(dir, undefined, small, () => ({ f: () => 1 })).builds).toBe(1);
    expect(counted(dir, undefined, small, () => ({ inMap: new Map([['x', new Counter(1)]]) })).builds).toBe(1);
    expect(snapshots(dir)).toEqual([]);
  });

  test('when a mutation-testing worker runs, then there is no key (every mutant has the same code text)', () => {
    const was = process.env.STRYKER_MUTATOR_WORKER;
    process.env.STRYKER_MUTATOR_WORKER = '1';
    try {
      expect(snapshotKey(small, ['x'])).toBeUndefined();
    } finally {
      if (was === undefined) delete process.env.STRYKER_MUTATOR_WORKER;
      else process.env.STRYKER_MUTATOR_WORKER = was;
    }
    expect(snapshotKey(small, ['x'])).toMatch(/^[0-9a-f]{64}$/);
  });

  test('when the graph holds a pattern, then it is copied at rest and not cached with a lastIndex', () => {
    const dir = cacheDir();
    counted(dir, 'd'.repeat(64), small, () => ({ re: /ab+c/iu }));
    const read = counted(dir, 'd'.repeat(64), small, () => ({ re: /ab+c/iu }));
    expect(read.builds).toBe(0);
    expect((read.value as unknown as { re: RegExp }).re.test('xABBC')).toBe(true);
    const moved = /a/g;
    moved.exec('aa');
    const other = cacheDir();
    expect(counted(other, undefined, small, () => ({ re: moved })).builds).toBe(1);
    expect(snapshots(other)).toEqual([]);
  });

  test('when there is no key (the code cannot be read), then the graph is built every time', () => {
    const dir = cacheDir();
    let builds = 0;
    for (let i = 0; i < 2; i++) cachedBuild(dir, undefined, small, [Counter], () => ({ n: ++builds }));
    expect(builds).toBe(2);
    expect(snapshots(dir)).toEqual([]);
  });
});

describe('the key', () => {
  const inputs = [MATCHER_CODE_VERSION, 'null', 'hash'];
  test('when the lists or any input differ, then the key differs; the same ones give the same key', () => {
    const key = snapshotKey(small, inputs);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(snapshotKey([list([{ name: 'Harbin Institute of Technology', country: 'CN' }])], inputs)).toBe(key);
    expect(snapshotKey([list([{ name: 'Harbin Institute of Technolog', country: 'CN' }])], inputs)).not.toBe(key);
    expect(snapshotKey([list([{ name: 'Harbin Institute of Technology', country: 'RU' }])], inputs)).not.toBe(key);
    expect(snapshotKey(small, [`${MATCHER_CODE_VERSION}+1`, 'null', 'hash'])).not.toBe(key);
    expect(snapshotKey(small, [MATCHER_CODE_VERSION, 'null', 'other'])).not.toBe(key);
  });
});

describe('a screener through the cache', () => {
  const { lists } = loadLists(join(ROOT, 'rules/lists'));
  // Every sixth golden query (several hundred, of every kind): all of them only make the test slower, not stronger.
  const queries = readScreeningGolden(join(ROOT, 'test/golden/screening.jsonl'))
    .map((c) => c.query)
    .filter((_, i) => i % 6 === 0);

  test('when the shipped screener is read back from its snapshot, then the golden queries have the same hits', () => {
    const dir = cacheDir();
    const key = snapshotKey(lists, ['shipped']);
    const data = bundledScreeningData();
    let builds = 0;
    const build = () => {
      builds++;
      return buildScreenerParts(lists, undefined, data);
    };
    const built = cachedBuild(dir, key, lists, SCREENER_CLASSES, build);
    const read = cachedBuild(dir, key, lists, SCREENER_CLASSES, build);
    // Two builds here mean the snapshot was not written: the screener's graph holds a class SCREENER_CLASSES
    // does not name, or a function.
    expect(builds).toBe(1);
    expect(read.matcher).not.toBe(built.matcher);
    for (const q of queries) {
      const want = built.whole.apply(q, undefined, built.matcher.screen(q));
      expect(read.whole.apply(q, undefined, read.matcher.screen(q)), q).toEqual(want);
      expect(read.han.apply(q, want), q).toEqual(built.han.apply(q, want));
    }
    expect(queries.length).toBeGreaterThan(100);
    // Two screeners and a few thousand screenings: 10 s on a quiet machine, 26 s seen on a loaded one.
  }, 180_000);

  test('when a list changes between two processes, then the next screener sees the change, and the old lists again', () => {
    const dir = cacheDir();
    const name = 'Qwertzuiop Dynamics Research Institute';
    const edited = [...lists, list([{ name, country: 'RU' }], 'test-list')];
    const found = (ls: readonly ListFile[]) =>
      createScreener(ls, undefined, undefined, { cacheDir: dir })
        .screen(name)
        .some((h) => h.list === 'test-list');
    expect(found(lists)).toBe(false);
    expect(found(edited)).toBe(true);
    expect(found(edited)).toBe(true);
    expect(found(lists)).toBe(false);
  });
});
