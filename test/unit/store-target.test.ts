import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { isCodedError } from '../../src/core/errors.ts';
import { parseClusterNodes, STORE_UNAVAILABLE_PATTERN, storeTarget } from '../../src/stores/target.ts';

test('REDIS_CLUSTER_NODES is host:port pairs; it wins over REDIS_URL; without either there is no store', () => {
  expect(parseClusterNodes('127.0.0.1:7101, redis-b:7102,[::1]:7103')).toEqual([
    { host: '127.0.0.1', port: 7101 },
    { host: 'redis-b', port: 7102 },
    { host: '::1', port: 7103 },
  ]);
  expect(storeTarget({ REDIS_URL: 'redis://x:6379', REDIS_CLUSTER_NODES: 'a:1' })).toEqual({
    kind: 'cluster',
    nodes: [{ host: 'a', port: 1 }],
  });
  expect(storeTarget({ REDIS_URL: 'redis://x:6379' })).toEqual({ kind: 'standalone', url: 'redis://x:6379' });
  expect(storeTarget({})).toBeUndefined();
  expect(() => parseClusterNodes('a')).toThrow(/host:port/);
});

test('a malformed REDIS_CLUSTER_NODES is refused at start-up with CONFIG code naming the variable; empty means unset', () => {
  let err: unknown;
  try {
    loadConfig({ REDIS_CLUSTER_NODES: 'redis-a,redis-b' });
  } catch (e) {
    err = e;
  }
  expect(isCodedError(err) && err.issues?.map((i) => i.path)).toEqual(['REDIS_CLUSTER_NODES']);
  expect(loadConfig({ REDIS_CLUSTER_NODES: '' }).REDIS_CLUSTER_NODES).toBeUndefined();
});

test('the errors of a dead server or cluster node are recognised as "store unavailable"', () => {
  for (const m of [
    'Command timed out',
    'CLUSTERDOWN The cluster is down',
    'Reached the max retries per request limit (which is 2).',
    'connect ECONNREFUSED 127.0.0.1:7102',
    'Failed to refresh slots cache.',
  ])
    expect([m, STORE_UNAVAILABLE_PATTERN.test(m)]).toEqual([m, true]);
  expect(STORE_UNAVAILABLE_PATTERN.test('CASE.FORBIDDEN')).toBe(false);
});
