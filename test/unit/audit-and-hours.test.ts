import { describe, expect, test } from 'vitest';
import { GENESIS, nextEntry, verifyChain } from '../../src/audit/chain.ts';
import { addBusinessHours } from '../../src/cases/business-hours.ts';

const KEY = 'unit-test-audit-key-0123456789';

describe('audit hash chain', () => {
  const chain = () => {
    const out = [];
    let prev: { seq: number; hash: string } | undefined;
    for (let i = 0; i < 4; i++) {
      const e = nextEntry(
        KEY,
        { at: `2026-01-0${i + 1}T00:00:00Z`, type: 'case.recorded', actor: 'local:a', caseId: `C${i}` },
        prev,
      );
      out.push(e);
      prev = e;
    }
    return out;
  };

  test('an untouched chain verifies from genesis', () => {
    const c = chain();
    expect(c[0]!.prevHash).toBe(GENESIS);
    expect(verifyChain(KEY, c)).toMatchObject({ ok: true, count: 4 });
  });

  test('an edited record is named, whether or not its hash was recomputed', () => {
    const c = chain();
    expect(
      verifyChain(
        KEY,
        c.map((e) => (e.seq === 3 ? { ...e, actor: 'x' } : e)),
      ),
    ).toMatchObject({
      ok: false,
      at: 3,
      problem: 'edited',
    });
    const forged = { ...c[1]!, actor: 'x' };
    const { hash: _h, ...body } = forged;
    const rehashed = nextEntry(
      KEY,
      { at: body.at, type: body.type, actor: body.actor, caseId: body.caseId! },
      { seq: 1, hash: c[0]!.hash },
    );
    expect(verifyChain(KEY, [c[0]!, rehashed, c[2]!, c[3]!])).toMatchObject({ ok: false, at: 2, problem: 'edited' });
  });

  test('a deleted and a reordered record are named', () => {
    const c = chain();
    expect(verifyChain(KEY, [c[0]!, c[2]!, c[3]!])).toMatchObject({ ok: false, at: 2, problem: 'deleted' });
    expect(verifyChain(KEY, [c[0]!, c[2]!, c[1]!, c[3]!])).toMatchObject({ ok: false, at: 3, problem: 'reordered' });
    expect(verifyChain(KEY, [c[0]!, c[1]!, c[1]!, c[3]!])).toMatchObject({ ok: false, at: 2, problem: 'reordered' });
  });
});

describe('business hours (JST, weekends and holidays excluded)', () => {
  const none = () => false;
  test.each([
    ['Monday 10:00 JST + 3 h', '2026-11-30T01:00:00Z', 3, '2026-11-30T04:00:00.000Z'],
    ['Friday 16:00 JST + 2 h rolls over the weekend', '2026-11-27T07:00:00Z', 2, '2026-11-30T01:00:00.000Z'],
    ['Saturday + 1 h starts on Monday 09:00', '2026-11-28T03:00:00Z', 1, '2026-11-30T01:00:00.000Z'],
    ['Before opening counts from 09:00', '2026-11-30T22:00:00Z', 1, '2026-12-01T01:00:00.000Z'],
  ])('%s', (_name, start, hours, want) => {
    expect(addBusinessHours(new Date(start), hours, none).toISOString()).toBe(want);
  });

  test('a public holiday is skipped', () => {
    const holiday = (d: string) => d === '2026-11-23';
    // Friday 2026-11-20 16:00 JST + 2 h: Friday 1 h, Monday is 勤労感謝の日, Tuesday 10:00 JST.
    expect(addBusinessHours(new Date('2026-11-20T07:00:00Z'), 2, holiday).toISOString()).toBe(
      '2026-11-24T01:00:00.000Z',
    );
  });
});
