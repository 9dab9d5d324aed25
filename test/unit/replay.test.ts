import { afterEach, describe, expect, test, vi } from 'vitest';
import { decideFacts } from '../../src/app/decide.ts';
import type { Case } from '../../src/cases/model.ts';
import { decisionDiff, runReplay } from '../../src/cli/replay.ts';
import type { Config } from '../../src/config.ts';
import { bundled, RULES_DIR } from '../support/fixtures.ts';

const facts = {
  caseType: 'shipment',
  destinationCountry: 'CN',
  counterpartyName: 'Beihang University',
  itemDescription: '汎用の計測器',
  listStatus: 'not_controlled',
  endUseConcern: 'unknown',
  militaryEndUser: 'no',
};

function recorded(): Case {
  const r = decideFacts(bundled(), facts);
  if (!r.ok) throw new Error('decide');
  return {
    id: 'EC-2026-0001',
    status: 'open',
    requester: { principal: 'local:test', channel: 'terminal', conversationId: 'c1' },
    facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, { value: v, provenance: 'user' }])),
    decision: { ...r.decision, caseId: 'EC-2026-0001' } as Case['decision'],
    rulesVersion: r.decision.rulesVersion,
    listVersions: {},
    createdAt: '2026-12-01T00:00:00Z',
    updatedAt: '2026-12-01T00:00:00Z',
    comments: [],
    events: [],
    reminders: { count: 0 },
  } as Case;
}

const config = { dataDir: '/nonexistent-data-dir', rulesDir: RULES_DIR } as Config;
let printed: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  printed = [];
});
function capture() {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
}

describe('cases replay', () => {
  test('when a case is replayed under the rules it was decided with, then the decision is byte-identical', async () => {
    capture();
    const c = recorded();
    const code = await runReplay(c.id, { get: async () => c }, config, { ruleSet: bundled().ruleSet, dir: RULES_DIR });
    expect(code).toBe(0);
    expect(printed.join('')).toMatch(/byte-identical \(license_required\)/);
  });

  test('when the stored decision differs from the replay, then what differs is listed and the exit is 1', async () => {
    capture();
    const c = recorded();
    c.decision = { ...c.decision, outcome: 'officer_review', reasons: c.decision.reasons.slice(1) };
    const code = await runReplay(c.id, { get: async () => c }, config, { ruleSet: bundled().ruleSet, dir: RULES_DIR });
    expect(code).toBe(1);
    expect(printed.join('')).toMatch(/outcome: officer_review → license_required/);
    expect(printed.join('')).toMatch(/reasons: \+SCR-EUL-CONCERN/);
  });

  test('when the snapshot is not available, then it compares with the current rules only and exits 2', async () => {
    capture();
    const c = { ...recorded(), rulesVersion: 'rules-000000000000' };
    const code = await runReplay(c.id, { get: async () => c }, config, { ruleSet: bundled().ruleSet, dir: RULES_DIR });
    expect(code).toBe(2);
    expect(printed.join('')).toMatch(/snapshot rules-000000000000 is not available/);
    expect(printed.join('')).toMatch(/under the current rules rules-[0-9a-f]{12}: the same decision/);
  });

  test('when no id is given, then it is a coded usage error', async () => {
    await expect(
      runReplay(undefined, { get: async () => recorded() }, config, { ruleSet: bundled().ruleSet, dir: RULES_DIR }),
    ).rejects.toMatchObject({
      code: 'CASE.INVALID_ACTION',
    });
  });

  test('when decisions differ in open points, flags or why-not, then each is named', () => {
    const c = recorded();
    const a = c.decision;
    const b = {
      ...a,
      open: ['endUseConcern' as const],
      flags: ['cites' as const],
      considered: [],
      rulesVersion: 'rules-x',
    };
    expect(decisionDiff(a, b)).toEqual([
      'flags: [] → [cites]',
      'open: [] → [endUseConcern]',
      'considered (why not): changed',
      `rulesVersion: ${a.rulesVersion} → rules-x`,
    ]);
    const { considered: _c, ...old } = a;
    expect(decisionDiff(old as typeof a, a)).toEqual(['considered (why not): not recorded with this case']);
  });
});
