/**
 * Rules and lists shared through the store: two instances (two DATA_DIRs, one store); an activation on one
 * is followed by the other; a publish that fails halfway leaves both on the old version. Runs on the
 * standalone server and on the cluster (vitest.config.ts).
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { loadLists } from '../../src/lists/load-lists.ts';
import { loadRuleSet } from '../../src/ruleset/load.ts';
import { RuleRegistry } from '../../src/ruleset/registry.ts';
import { followShared, SharedRules } from '../../src/ruleset/shared.ts';
import { createScreener } from '../../src/screening/screener.ts';
import { swappableScreener } from '../../src/screening/swappable.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { bundled, GOLDEN_DIR, RULES_DIR } from '../support/fixtures.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

const prefix = `ectest-shared-${randomUUID().slice(0, 8)}`;
let redis: RedisClient;

beforeAll(() => {
  redis = openTestRedis();
});
afterAll(async () => {
  await dropKeys(redis, `${prefix}:*`);
  redis.disconnect();
});

/** One working rules folder (the admin's), and an instance = a registry with its own DATA_DIR. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'ec-shared-'));
  const rules = join(root, 'rules');
  for (const entry of ['facts.yaml', 'countries', 'items', 'decision', 'conversation'])
    cpSync(join(RULES_DIR, entry), join(rules, entry), { recursive: true });
  const instance = (name: string) => {
    const registry = new RuleRegistry(rules, join(root, name), GOLDEN_DIR);
    registry.setPublisher(new SharedRules(redis, prefix));
    return registry;
  };
  return { root, rules, instance };
}

const edit = (file: string, from: string, to: string) =>
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

function follower(registry: RuleRegistry, dataDir: string, shared = new SharedRules(redis, prefix)) {
  const seen = { rules: 0, lists: [] as string[] };
  const f = followShared({
    shared,
    registry,
    dataDir,
    log: silentLogger,
    listsHash: undefined,
    onRules: () => void seen.rules++,
    onLists: (dir) => void seen.lists.push(dir),
    intervalMs: 60_000, // the test polls by hand
  });
  return { ...f, seen };
}

/** A client that fails the pointer flip (the second half of a publish). */
function failingFlip(client: RedisClient): RedisClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'eval') return async () => Promise.reject(new Error('Connection is closed.'));
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('rules shared through the store', () => {
  test('when one instance reloads, then the other follows to the same version and serves it; a rollback on the other comes back to the first', async () => {
    const { root, rules, instance } = workspace();
    const a = instance('a');
    const b = instance('b');
    const followB = follower(b, join(root, 'b'));
    const first = await a.reloadShared(bundled().screener);
    expect(first.ok).toBe(true);
    await followB.poll();
    expect(followB.seen.rules).toBe(1);
    expect(b.status().active).toBe(first.ok && first.version);
    expect(loadRuleSet(b.activeDir())).toMatchObject({ ok: true, ruleSet: { version: first.ok && first.version } });

    edit(
      join(rules, 'decision', '10-country.yaml'),
      'outcome: prohibited',
      'outcome: prohibited\n    # shared-rules test',
    );
    const second = await a.reloadShared(bundled().screener);
    expect(second).toMatchObject({ ok: true, unchanged: false });
    await followB.poll();
    expect(b.status()).toEqual(a.status());

    const followA = follower(a, join(root, 'a'));
    const back = await b.rollbackShared();
    expect(back).toMatchObject({ ok: true, version: first.ok && first.version });
    await followA.poll();
    expect(a.status().active).toBe(first.ok && first.version);
    expect(followA.seen.rules).toBe(1);
    followA.close();
    followB.close();
  });

  test('when the publish fails halfway (snapshot stored, pointer not flipped), then the reload is refused with APP.STORE_UNAVAILABLE and every instance stays on the old version', async () => {
    const { root, rules, instance } = workspace();
    const a = instance('a');
    const b = instance('b');
    const followB = follower(b, join(root, 'b'));
    const first = await a.reloadShared(bundled().screener);
    await followB.poll();
    const before = await new SharedRules(redis, prefix).rulesPointer();

    edit(join(rules, 'decision', '10-country.yaml'), 'outcome: prohibited', 'outcome: prohibited\n    # half');
    a.setPublisher(new SharedRules(failingFlip(redis), prefix));
    const r = await a.reloadShared(bundled().screener);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'APP.STORE_UNAVAILABLE' });
    expect(a.status().active).toBe(first.ok && first.version);
    expect(await new SharedRules(redis, prefix).rulesPointer()).toEqual(before);
    await followB.poll();
    expect(b.status().active).toBe(first.ok && first.version);
    expect(followB.seen.rules).toBe(1);
    followB.close();
  });
});

describe('lists shared through the store', () => {
  test('when lists are imported and published on one machine, then the other instance loads them and screens against the new entry', async () => {
    const { root } = workspace();
    const listsDir = join(root, 'lists');
    cpSync(join(RULES_DIR, 'lists'), listsDir, {
      recursive: true,
      filter: (src) => !src.includes(`${join('lists', 'sources')}`),
    });
    const eul = join(listsDir, 'jp-eul.json');
    const data = JSON.parse(readFileSync(eul, 'utf8')) as { entries: { name: string; entry: number }[] };
    const sample = data.entries[0]!;
    sample.name = 'Zyxwv Shared Test Institute';
    writeFileSync(eul, JSON.stringify(data));

    const b = new RuleRegistry(RULES_DIR, join(root, 'b'), GOLDEN_DIR);
    const followB = follower(b, join(root, 'b'));
    const screener = swappableScreener(bundled().screener);
    expect(screener.screen('Zyxwv Shared Test Institute')).toEqual([]);

    const hash = await new SharedRules(redis, prefix).publishLists(listsDir);
    expect(hash).toMatch(/^lists-[0-9a-f]{12}$/);
    await followB.poll();
    expect(followB.seen.lists).toHaveLength(1);
    const { lists, issues } = loadLists(followB.seen.lists[0]!);
    expect(issues).toEqual([]);
    screener.swap(createScreener(lists));
    expect(screener.screen('Zyxwv Shared Test Institute').map((h) => h.entry)).toEqual([sample.entry]);
    // Nothing new: the next poll changes nothing.
    await followB.poll();
    expect(followB.seen.lists).toHaveLength(1);
    followB.close();
  });

  test('when a lists publish fails halfway (snapshot stored, pointer not flipped), then it is refused and every instance keeps the lists it had', async () => {
    const { root } = workspace();
    const listsDir = join(root, 'lists');
    cpSync(join(RULES_DIR, 'lists'), listsDir, {
      recursive: true,
      filter: (src) => !src.includes(`${join('lists', 'sources')}`),
    });
    const b = new RuleRegistry(RULES_DIR, join(root, 'b'), GOLDEN_DIR);
    const followB = follower(b, join(root, 'b'));
    const first = await new SharedRules(redis, prefix).publishLists(listsDir);
    await followB.poll();
    expect(followB.seen.lists).toHaveLength(1);

    const eul = join(listsDir, 'jp-eul.json');
    const data = JSON.parse(readFileSync(eul, 'utf8')) as { entries: { name: string }[] };
    data.entries[0]!.name = 'Zyxwv Halfway Test Institute';
    writeFileSync(eul, JSON.stringify(data));
    await expect(new SharedRules(failingFlip(redis), prefix).publishLists(listsDir)).rejects.toThrow(
      'Connection is closed.',
    );
    expect(await new SharedRules(redis, prefix).listsPointer()).toBe(first);
    await followB.poll();
    expect(followB.seen.lists).toHaveLength(1);
    followB.close();
  });
});
