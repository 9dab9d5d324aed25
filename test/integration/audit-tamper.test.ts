/**
 * Every tampering of the audit stream someone with Redis access could try, each detected by verify with
 * the first bad record named: an edit, an edit re-hashed without the key, a deleted middle record, a
 * deleted tail (with and without winding the head back), the whole stream deleted, a full re-chaining
 * without the key, a forged prune anchor, a reorder. Plus: a legitimate prune still verifies, a retried
 * append adds nothing, and refusals do not grow the trail without bound.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type AuditEntry, type Checkpoint, GENESIS, mac, signHead } from '../../src/audit/chain.ts';
import { currentCheckpoint, verifyAudit } from '../../src/audit/log.ts';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import { throttleRefusals } from '../../src/audit/throttle.ts';
import { isCodedError } from '../../src/core/errors.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { startServerWith } from '../support/server.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

const KEY = 'tamper-test-audit-key-0123456789';
let redis: RedisClient;
let prefix: string;
let audit: RedisAuditLog;
let checkpoint: Checkpoint;
const stream = () => `${prefix}:{audit}:stream`;
const headKey = () => `${prefix}:{audit}:head`;

beforeAll(() => {
  redis = openTestRedis();
});
afterAll(async () => {
  await dropKeys(redis, 'ectest-tamper-*');
  redis.disconnect();
});
beforeEach(async () => {
  prefix = `ectest-tamper-${randomUUID().slice(0, 8)}`;
  audit = new RedisAuditLog(redis, { key: KEY, prefix });
  for (let i = 1; i <= 6; i++)
    await audit.append({
      at: new Date(Date.UTC(2026, 0, i)).toISOString(),
      type: 'case.decided',
      actor: 'local:officer',
      caseId: `EC-${i}`,
      data: { detail: 'stop' },
    });
  checkpoint = await currentCheckpoint(audit, new Date('2026-01-07T00:00:00Z'));
  expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: true, count: 6, seq: 6, checkpoints: 1 });
});

async function records(): Promise<{ id: string; e: AuditEntry }[]> {
  return (await redis.xrange(stream(), '-', '+')).map(([id, f]) => ({ id, e: JSON.parse(f[1]!) as AuditEntry }));
}
/** Rewrites the stream with these records, under the original stream ids when given. */
async function rewrite(rs: { id?: string; e: AuditEntry }[]): Promise<void> {
  await redis.del(stream());
  let ms = 1;
  for (const r of rs) await redis.xadd(stream(), r.id ?? `${ms++}-0`, 'json', JSON.stringify(r.e));
}
const sha = (e: Omit<AuditEntry, 'hash'>) => createHash('sha256').update(JSON.stringify(e)).digest('hex');

describe('every tampering of the audit stream is detected, naming the first bad record', () => {
  test('an edited record', async () => {
    const rs = await records();
    rs[2]!.e.actor = 'local:someone-else';
    await rewrite(rs);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({
      ok: false,
      at: 3,
      problem: 'edited',
      id: rs[2]!.id,
    });
  });

  test('an edited record re-hashed without the key, and everything after re-linked', async () => {
    const rs = await records();
    let prev = rs[1]!.e.hash;
    for (const r of rs.slice(2)) {
      if (r.e.seq === 3) r.e.data = { detail: 'no_license_needed' };
      const { hash: _h, ...body } = { ...r.e, prevHash: prev };
      r.e = { ...body, hash: sha(body) };
      prev = r.e.hash;
    }
    await rewrite(rs);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({
      ok: false,
      at: 3,
      problem: 'edited',
      id: rs[2]!.id,
    });
  });

  test('a deleted record in the middle', async () => {
    const rs = await records();
    await redis.xdel(stream(), rs[3]!.id);
    const r = await verifyAudit(audit, [checkpoint]);
    expect(r).toMatchObject({ ok: false, at: 4, problem: 'deleted' });
    expect(r.ok ? '' : r.detail).toContain('missing records after seq 3');
  });

  test('a deleted tail: the head says more', async () => {
    const rs = await records();
    await redis.xdel(stream(), rs[4]!.id, rs[5]!.id);
    const r = await verifyAudit(audit, [checkpoint]);
    expect(r).toMatchObject({ ok: false, at: 5, problem: 'truncated' });
    expect(r.ok ? '' : r.detail).toContain('missing records after seq 4');
  });

  test('a deleted tail with the head wound back: unsigned head refused; a replayed old signed head is caught by the checkpoint', async () => {
    const rs = await records();
    await redis.xdel(stream(), rs[4]!.id, rs[5]!.id);
    await redis.set(headKey(), JSON.stringify({ seq: 4, hash: rs[3]!.e.hash, mac: '0'.repeat(64) }));
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: false, at: 4, problem: 'head-mismatch' });
    // Someone who copied the head when it was at seq 4 puts it back: the head agrees, the checkpoint does not.
    await redis.set(headKey(), JSON.stringify(signHead(KEY, rs[3]!.e)));
    const r = await verifyAudit(audit, [checkpoint]);
    expect(r).toMatchObject({ ok: false, at: 5, problem: 'truncated' });
    expect(r.ok ? '' : r.detail).toContain('stream shorter than checkpoint');
  });

  test('the whole stream deleted, head and all', async () => {
    await redis.del(stream(), headKey(), `${prefix}:{audit}:ids`);
    const r = await verifyAudit(audit, [checkpoint]);
    expect(r).toMatchObject({ ok: false, at: 1, problem: 'truncated' });
    expect(r.ok ? '' : r.detail).toContain('stream shorter than checkpoint');
    expect(r.ok ? '' : r.detail).toContain('missing records after seq 0');
  });

  test('the whole chain re-computed without the key (and a head to match)', async () => {
    const rs = await records();
    const guess = 'not-the-key';
    let prev = GENESIS;
    for (const r of rs) {
      const { hash: _h, ...body } = { ...r.e, actor: 'local:forger', prevHash: prev };
      r.e = { ...body, hash: mac(guess, 'record', body) };
      prev = r.e.hash;
    }
    await rewrite(rs);
    await redis.set(headKey(), JSON.stringify(signHead(guess, rs[5]!.e)));
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({
      ok: false,
      at: 1,
      problem: 'edited',
      id: rs[0]!.id,
    });
  });

  test('a forged prune anchor over deleted early records; and the same deletion with no anchor', async () => {
    const rs = await records();
    await redis.xdel(stream(), rs[0]!.id, rs[1]!.id, rs[2]!.id);
    const anchorKey = `${prefix}:{audit}:anchor`;
    // Record 3's hash is readable (record 4 links to it); its signature is not computable.
    await redis.set(
      anchorKey,
      JSON.stringify({ seq: 3, hash: rs[3]!.e.prevHash, before: '2026-01-04T00:00:00Z', mac: 'f'.repeat(64) }),
    );
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: false, at: 3, problem: 'anchor-forged' });
    await redis.del(anchorKey);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: false, at: 1, problem: 'deleted' });
  });

  test('two records swapped', async () => {
    const rs = await records();
    const swapped = [rs[0]!, rs[2]!, rs[1]!, ...rs.slice(3)].map((r, i) => ({ id: rs[i]!.id, e: r.e }));
    await rewrite(swapped);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({
      ok: false,
      at: 3,
      problem: 'reordered',
      id: rs[1]!.id,
    });
  });

  test('a forged checkpoint is reported, not trusted', async () => {
    const forged = { ...checkpoint, seq: 2, hash: 'a'.repeat(64) };
    expect(await verifyAudit(audit, [forged])).toMatchObject({ ok: false, problem: 'checkpoint-forged' });
  });
});

describe('what must keep verifying', () => {
  test('a legitimate prune leaves a signed anchor: the kept records verify, with the old checkpoint', async () => {
    // Prune goes by stream id (the time of writing): everything written so far.
    expect(await audit.prune(new Date(Date.now() + 1000))).toBe(6);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: true, count: 0, seq: 6 });
    await new Promise((r) => setTimeout(r, 1100));
    await audit.append({ at: new Date().toISOString(), type: 'case.closed', actor: 'local:o' });
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: true, count: 1, seq: 7 });
  });

  test('an append retried with the same record id adds nothing', async () => {
    const input = { id: 'case:EC-9:v2', at: '2026-01-08T00:00:00Z', type: 'case.claimed', actor: 'local:o' };
    expect((await audit.appendOnce(input)).fresh).toBe(true);
    expect((await audit.appendOnce(input)).fresh).toBe(false);
    expect((await records()).filter((r) => r.e.id === input.id)).toHaveLength(1);
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: true, seq: 7 });
  });

  test('100 refusals from one source and 100 from 100 sources grow the trail by a bounded summary', async () => {
    let now = new Date('2026-01-08T00:00:00Z');
    const throttled = throttleRefusals(audit, { now: () => now, timer: false });
    const refuse = (actor: string) =>
      throttled.append({ at: now.toISOString(), type: 'case.refused', actor, data: { why: 'not an officer' } });
    for (let i = 0; i < 100; i++) await refuse('teams:spoofed');
    for (let i = 0; i < 100; i++) await refuse(`teams:spoofed-${i}`);
    now = new Date('2026-01-08T00:01:00Z');
    await throttled.flushDue();
    const added = (await records()).slice(6).map((r) => r.e);
    // One full record per source, at most 20 a minute, then one summary with the count.
    expect(added.filter((e) => e.type === 'case.refused')).toHaveLength(20);
    const summary = added.filter((e) => e.type === 'audit.refusals_summarised');
    expect(summary).toHaveLength(1);
    expect(summary[0]!.data).toMatchObject({ refusal: 'case.refused', count: 180 });
    expect(await verifyAudit(audit, [checkpoint])).toMatchObject({ ok: true });
  });
});

describe('serve and the audit key', () => {
  test('serve refuses to start without AUDIT_KEY; ALLOW_EPHEMERAL_STORE=1 starts it on the public development key', async () => {
    const refused = await startServerWith({ AUDIT_KEY: '' }).then(
      () => 'started',
      (err: unknown) => (isCodedError(err) ? err.code : String(err)),
    );
    expect(refused).toBe('AUDIT.KEY_MISSING');
    const dev = await startServerWith({ AUDIT_KEY: '', ALLOW_EPHEMERAL_STORE: '1' });
    expect(dev.runtime.audit.key).not.toBe('');
    await dev.close();
  });
});
