/**
 * One decision per case, against a real Redis: 50 concurrent decisions (through the cases service, and
 * through the CLI's own path, each with its own connection) → exactly one applies and the researcher gets
 * one notice; 50 concurrent claims → one owner, no flapping; a revision and a take-over only when asked.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test, vi } from 'vitest';
import { RedisAuditLog } from '../../src/audit/redis-log.ts';
import type { OfficerDecision } from '../../src/cases/model.ts';
import { inboxNotifier } from '../../src/cases/ports.ts';
import { RedisCaseStore, RedisInbox } from '../../src/cases/redis-store.ts';
import { rolesFrom } from '../../src/cases/roles.ts';
import { CaseService } from '../../src/cases/service.ts';
import { main } from '../../src/cli/main.ts';
import { isCodedError } from '../../src/core/errors.ts';
import type { RedisClient } from '../../src/stores/redis.ts';
import { bundledContent } from '../support/conversation.ts';
import { emptyRedisDb, redisDbUrl } from '../support/redis-db.ts';
import { dropKeys, openTestRedis } from '../support/test-redis.ts';

const catalogue = bundledContent().messages;

const KEY = 'one-decision-test-key-0123456789';
const OFFICERS = Array.from({ length: 5 }, (_, i) => `local:officer${i}`);
const RESEARCHER = 'local:researcher';
const KINDS: OfficerDecision[] = [
  { kind: 'stop' },
  { kind: 'license_application' },
  { kind: 'prior_report' },
  { kind: 'classification', result: 'not_controlled' },
  { kind: 'no_license_needed', reason: '用途確認済み' },
];

let redis: RedisClient;
let prefix: string;
let cases: CaseService;
let inbox: RedisInbox;
let audit: RedisAuditLog;

const outcome = (p: Promise<unknown>) =>
  p.then(
    (r) => ((r as { changed: boolean }).changed ? 'applied' : 'unchanged'),
    (err: unknown) => (isCodedError(err) ? err.code : String(err)),
  );
const count = (xs: string[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[x] = (m[x] ?? 0) + 1;
  return m;
};

beforeAll(() => {
  redis = openTestRedis();
});
afterAll(async () => {
  await dropKeys(redis, 'ectest-one-*');
  redis.disconnect();
});
beforeEach(() => {
  prefix = `ectest-one-${randomUUID().slice(0, 8)}`;
  inbox = new RedisInbox(redis, prefix);
  audit = new RedisAuditLog(redis, { key: KEY, prefix });
  cases = new CaseService({
    store: new RedisCaseStore(redis, prefix),
    audit,
    notifier: inboxNotifier(inbox),
    roles: rolesFrom({ officers: OFFICERS, admins: [] }),
    now: () => new Date(),
    isHoliday: () => false,
    reminders: { afterHours: 8, maxReminders: 2 },
    messages: () => catalogue,
  });
});

async function openCase(): Promise<string> {
  const id = `EC-ONE-${randomUUID().slice(0, 6)}`;
  const d = {
    outcome: 'license_required',
    reasons: [{ id: 'r1', ja: 'x', en: 'x', citation: 'c' }],
    screening: [],
    rulesVersion: 'rules-test',
    missing: [],
  } as unknown as Parameters<CaseService['record']>[0]['decision'];
  await cases.record({
    caseId: id,
    requester: { principal: RESEARCHER, channel: 'terminal', conversationId: 'c1' },
    facts: {},
    decision: d,
    listVersions: {},
  });
  return id;
}

async function typesOf(id: string): Promise<string[]> {
  return (await audit.read()).entries.filter((e) => e?.caseId === id).map((e) => e!.type);
}

describe('one decision per case, through the service', () => {
  test('50 concurrent decisions by 5 officers with 5 different kinds: exactly one applies, one notice', async () => {
    const id = await openCase();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => outcome(cases.decide(id, OFFICERS[i % 5]!, KINDS[Math.floor(i / 5) % 5]!))),
    );
    const tally = count(results);
    expect(tally.applied).toBe(1);
    for (const r of results) expect(['applied', 'unchanged', 'CASE.ALREADY_DECIDED']).toContain(r);
    const c = await cases.get(id);
    expect(c.status).toBe('decided');
    expect(c.events.filter((e) => e.type === 'decided')).toHaveLength(1);
    expect((await typesOf(id)).filter((t) => t === 'case.decided')).toHaveLength(1);
    const told = (await inbox.drain(RESEARCHER)).filter((n) => n.en.startsWith("Officer's decision"));
    expect(told).toHaveLength(1);
  });

  test('50 concurrent claims by 5 officers: one owner, 49 refused or unchanged, no flapping', async () => {
    const id = await openCase();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => outcome(cases.claim(id, OFFICERS[i % 5]!))));
    expect(count(results).applied).toBe(1);
    for (const r of results) expect(['applied', 'unchanged', 'CASE.CLAIMED_BY_OTHER']).toContain(r);
    const c = await cases.get(id);
    expect(c.events.filter((e) => e.type === 'claimed' || e.type === 'taken_over')).toHaveLength(1);
    expect((await typesOf(id)).filter((t) => t === 'case.claimed')).toHaveLength(1);
    expect((await inbox.drain(RESEARCHER)).filter((n) => n.en.includes('being reviewed'))).toHaveLength(1);
    // The owner is one of those who asked, and stays the owner.
    expect(OFFICERS).toContain(c.claimedBy);
    const other = OFFICERS.find((o) => o !== c.claimedBy)!;
    expect(await outcome(cases.claim(id, other))).toBe('CASE.CLAIMED_BY_OTHER');
    expect(await outcome(cases.decide(id, other, { kind: 'stop' }))).toBe('CASE.CLAIMED_BY_OTHER');
    expect((await cases.get(id)).claimedBy).toBe(c.claimedBy);
  });

  test('a take-over and a revision happen only when asked for, each audited and told once', async () => {
    const id = await openCase();
    await cases.claim(id, OFFICERS[0]!);
    expect(await outcome(cases.claim(id, OFFICERS[1]!))).toBe('CASE.CLAIMED_BY_OTHER');
    expect(await outcome(cases.claim(id, OFFICERS[1]!, { takeOver: true }))).toBe('applied');
    expect((await cases.get(id)).claimedBy).toBe(OFFICERS[1]);
    await cases.decide(id, OFFICERS[1]!, { kind: 'license_application' });
    expect(await outcome(cases.decide(id, OFFICERS[1]!, { kind: 'stop' }))).toBe('CASE.ALREADY_DECIDED');
    const revisions = await Promise.all(
      Array.from({ length: 10 }, () => outcome(cases.decide(id, OFFICERS[1]!, { kind: 'stop' }, { revise: true }))),
    );
    expect(count(revisions)).toEqual({ applied: 1, unchanged: 9 });
    const c = await cases.get(id);
    expect(c.officerDecision?.kind).toBe('stop');
    expect(await typesOf(id)).toEqual([
      'case.recorded',
      'case.claimed',
      'case.refused',
      'case.taken_over',
      'case.decided',
      'case.refused',
      'case.revised',
    ]);
    const told = (await inbox.drain(RESEARCHER)).map((n) => n.en);
    expect(told.filter((t) => t.includes('was revised'))).toHaveLength(1);
    expect(told.filter((t) => t.includes('being reviewed'))).toHaveLength(2);
  });
});

describe('one decision per case, through the CLI path', () => {
  test('50 concurrent `cases decide` runs (each its own runtime and Redis connection): exactly one applies', async () => {
    const url = redisDbUrl(inject('redisUrl'), 8);
    const db = await emptyRedisDb(url);
    const env = {
      REDIS_URL: url,
      AUDIT_KEY: KEY,
      OFFICERS: 'local:officer0',
      EXPORT_CHECK_USER: 'officer0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-one-')),
      LOG_LEVEL: 'silent',
    };
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const cli = new CaseService({
        store: new RedisCaseStore(db),
        audit: new RedisAuditLog(db, { key: KEY }),
        notifier: inboxNotifier(new RedisInbox(db)),
        roles: rolesFrom({ officers: [], admins: [] }),
        now: () => new Date(),
        isHoliday: () => false,
        reminders: { afterHours: 8, maxReminders: 2 },
        messages: () => catalogue,
      });
      const id = 'EC-CLI-ONE';
      await cli.record({
        caseId: id,
        requester: { principal: RESEARCHER, channel: 'terminal', conversationId: 'c1' },
        facts: {},
        decision: {
          outcome: 'license_required',
          reasons: [],
          screening: [],
          rulesVersion: 'rules-test',
          missing: [],
        } as unknown as Parameters<CaseService['record']>[0]['decision'],
        listVersions: {},
      });
      const kinds = ['stop', 'license_application', 'prior_report'];
      const codes = await Promise.all(
        Array.from({ length: 50 }, (_, i) => main(['cases', 'decide', id, '--kind', kinds[i % 3]!])),
      );
      const written = err.mock.calls.map((c) => String(c[0])).join('');
      expect(codes.filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
      expect(written.match(/CASE\.ALREADY_DECIDED/g)?.length ?? 0).toBe(codes.filter((c) => c !== 0).length);
      const c = await cli.get(id);
      expect(c.events.filter((e) => e.type === 'decided')).toHaveLength(1);
      const trail = (await new RedisAuditLog(db, { key: KEY }).read()).entries.filter((e) => e?.caseId === id);
      expect(trail.filter((e) => e?.type === 'case.decided')).toHaveLength(1);
      const told = (await new RedisInbox(db).drain(RESEARCHER)).filter((n) => n.en.startsWith("Officer's decision"));
      expect(told).toHaveLength(1);
    } finally {
      out.mockRestore();
      err.mockRestore();
      vi.unstubAllEnvs();
      await db.flushdb();
      db.disconnect();
    }
  }, 240_000);
});
