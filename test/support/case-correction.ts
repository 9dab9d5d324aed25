/**
 * Issue 15 item 3 at the case level, for any store pair (memory in unit, Redis and Redis Cluster in
 * integration): a correction after a decision re-decides the same case — facts, decision, status, one
 * `case.corrected` audit record, the officers told — and a stale or repeated correction changes nothing twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { beforeEach, expect, test } from 'vitest';
import type { ConversationStore, IdempotencyStore } from '../../src/app/ports.ts';
import type { AuditLog } from '../../src/audit/log.ts';
import { verifyAudit } from '../../src/audit/log.ts';
import type { CaseStore } from '../../src/cases/ports.ts';
import { type Inbox, inboxNotifier, OFFICERS_INBOX } from '../../src/cases/ports.ts';
import { rolesFrom } from '../../src/cases/roles.ts';
import { CaseService } from '../../src/cases/service.ts';
import { ConversationService } from '../../src/conversation/service.ts';
import type { ConversationState, TurnInput } from '../../src/conversation/types.ts';
import { isCodedError } from '../../src/core/errors.ts';
import { codeOf } from './coded-error.ts';
import { bundledContent, engineDeps } from './conversation.ts';
import { bundled } from './fixtures.ts';

/** Read once: the notices' catalogue does not change during these tests. */
const catalogue = bundledContent().messages;

export interface CorrectionStores {
  cases: CaseStore;
  inbox: Inbox;
  audit: AuditLog;
  conversations: ConversationStore<ConversationState>;
  idempotency: IdempotencyStore;
}

const OFFICER = 'local:officer';
const RESEARCHER = 'local:researcher';
const OPENING = "I'd like to send carbon fibre samples to Beijing Institute of Technology next month";
const TO_KAIST: TurnInput[] = [
  { text: 'actually it goes to KAIST in Korea, not Beijing' },
  { choose: 'not_controlled', fact: 'listStatus' },
  { choose: 'no', fact: 'endUseConcern' },
];

export function caseCorrectionSuite(fresh: () => CorrectionStores | Promise<CorrectionStores>): void {
  let s: CorrectionStores;
  let cases: CaseService;
  let conversation: ConversationService;
  let n = 0;

  beforeEach(async () => {
    s = await fresh();
    cases = new CaseService({
      store: s.cases,
      audit: s.audit,
      notifier: inboxNotifier(s.inbox),
      roles: rolesFrom({ officers: [OFFICER], admins: [] }),
      messages: () => catalogue,
      now: () => new Date('2026-11-20T07:00:00Z'),
      isHoliday: () => false,
      reminders: { afterHours: 8, maxReminders: 2 },
    });
    // Ids derived from the request as in production (the same request, the same case), random without a seed.
    const newCaseId = (seed?: string) =>
      `EC-T-${createHash('sha256')
        .update(seed ?? randomUUID())
        .digest('hex')
        .slice(0, 10)}`;
    conversation = new ConversationService(engineDeps({ newCaseId }), s.conversations, s.idempotency, {
      defaultLang: 'en',
      cases: {
        record: (i) => cases.record(i),
        correct: (i) => cases.correct(i),
        get: (id) => cases.get(id),
        awaitingInfo: (id) => cases.awaitingInfo(id),
        giveInfo: (id, who, text) => cases.giveInfo(id, who, text),
        listVersions: () => bundled().screener.versions(),
      },
    });
    n++;
  });

  const conv = () => `conv-correct-${n}`;
  const say = (input: TurnInput, as = RESEARCHER) =>
    conversation.handle(conv(), input, { lang: 'en', requester: { principal: as, channel: 'terminal' } });
  const auditOf = async (type: string) => (await s.audit.read()).entries.filter((e) => e?.type === type);

  async function escalated(): Promise<string> {
    const r = await say({ text: OPENING });
    expect(r?.decision?.outcome).toBe('license_required');
    await s.inbox.drain(OFFICERS_INBOX);
    return r!.decision!.caseId;
  }

  test('when the item is corrected and the outcome stays, then the same case holds the new facts, one audit record says what changed (no values), and the officer who claimed it is told', async () => {
    const id = await escalated();
    await cases.claim(id, OFFICER);
    await s.inbox.drain(OFFICERS_INBOX);

    const r = await say({ text: 'actually it is carbon fibre prepreg' });
    expect(r?.decision).toMatchObject({ caseId: id, outcome: 'license_required' });
    expect(r?.say).toContain('carbon fibre samples → carbon fibre prepreg');
    expect(r?.say).toContain('The export-control office was told of the correction.');

    const c = await cases.get(id);
    expect(c.facts.itemDescription?.value).toBe('carbon fibre prepreg');
    expect(c).toMatchObject({ status: 'claimed', claimedBy: OFFICER });
    expect(c.events.at(-1)).toMatchObject({ type: 'corrected', actor: RESEARCHER });
    expect(c.events.at(-1)?.detail).toContain('itemDescription: carbon fibre samples → carbon fibre prepreg');
    expect((await cases.list()).map((x) => x.id)).toEqual([id]);

    const [rec, ...more] = await auditOf('case.corrected');
    expect(more).toEqual([]);
    expect(rec).toMatchObject({
      caseId: id,
      actor: RESEARCHER,
      data: {
        outcome: { before: 'license_required', after: 'license_required' },
        status: { before: 'claimed', after: 'claimed' },
        facts: { itemDescription: { before: expect.stringMatching(/^[0-9a-f]{16}$/), after: expect.any(String) } },
      },
    });
    expect(JSON.stringify(rec)).not.toContain('prepreg');
    expect(await verifyAudit(s.audit)).toMatchObject({ ok: true });

    const told = await s.inbox.drain(OFFICERS_INBOX);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ caseId: id });
    expect(told[0]!.en).toContain('itemDescription carbon fibre samples → carbon fibre prepreg');
    expect(told[0]!.en).toContain('Outcome license_required → license_required');
  });

  test('when an escalated case is corrected to a recipient that needs no officer, then the same case is recorded only, the officers are told, and "new case" starts another', async () => {
    const id = await escalated();
    let r = null;
    for (const input of TO_KAIST) r = await say(input);
    expect(r?.decision).toMatchObject({ caseId: id, outcome: 'no_license_required' });
    expect(r?.say).toContain('With the corrected facts the case no longer needs an officer');

    const c = await cases.get(id);
    expect(c.status).toBe('recorded');
    expect(c.facts.counterpartyName?.value).toBe('KAIST');
    expect(c.facts.destinationCountry?.value).toBe('KR');
    expect(c.decision.screening).toEqual([]);
    const told = await s.inbox.drain(OFFICERS_INBOX);
    expect(told.map((x) => x.en)).toEqual([expect.stringContaining('no longer needs an officer')]);
    expect((await auditOf('case.corrected'))[0]?.data).toMatchObject({
      outcome: { before: 'license_required', after: 'no_license_required' },
      status: { before: 'open', after: 'recorded' },
    });
    // An officer cannot claim what no longer needs one.
    expect(await codeOf(cases.claim(id, OFFICER))).toBe('CASE.INVALID_ACTION');

    await say({ text: 'new case' });
    const other = await say({ text: OPENING });
    expect(other?.decision?.caseId).not.toBe(id);
    expect((await cases.list()).length).toBe(2);
  });

  test('when an officer has already decided, then a correction reopens the case for the officers and the old decision no longer stands', async () => {
    const id = await escalated();
    await cases.decide(id, OFFICER, { kind: 'license_application' });
    await s.inbox.drain(OFFICERS_INBOX);

    const r = await say({ text: 'actually it is carbon fibre prepreg' });
    expect(r?.decision?.caseId).toBe(id);
    expect(r?.say).toContain("The officer's decision was made on the facts before the correction");
    const c = await cases.get(id);
    expect(c.status).toBe('open');
    expect(c.officerDecision).toBeUndefined();
    expect(c.claimedBy).toBeUndefined();
    expect((await auditOf('case.corrected'))[0]?.data).toMatchObject({
      droppedDecision: 'license_application',
      status: { before: 'decided', after: 'open' },
    });
    expect((await s.inbox.drain(OFFICERS_INBOX)).map((x) => x.en)).toEqual([
      expect.stringContaining("The officer's decision (license_application) was made on the old facts"),
    ]);
    // The officers decide again, once, on the corrected facts.
    expect((await cases.decide(id, OFFICER, { kind: 'stop' })).case.status).toBe('decided');
  });

  test('when the same correction is sent again, then nothing changes twice: one audit record, one notice', async () => {
    const id = await escalated();
    const c = await cases.get(id);
    const input = {
      caseId: id,
      requester: RESEARCHER,
      facts: { ...c.facts, itemDescription: { value: 'carbon fibre prepreg', provenance: 'user' as const } },
      decision: c.decision,
      listVersions: c.listVersions,
      basedOn: c.version!,
    };
    expect((await cases.correct(input)).changed).toBe(true);
    expect((await cases.correct(input)).changed).toBe(false);
    expect(await auditOf('case.corrected')).toHaveLength(1);
    expect(await s.inbox.drain(OFFICERS_INBOX)).toHaveLength(1);
    expect((await cases.get(id)).version).toBe(c.version! + 1);
  });

  test('when corrections made on the same facts race, then the compare-and-set lets exactly one apply and refuses the rest with CASE.FACTS_CHANGED', async () => {
    const id = await escalated();
    const c = await cases.get(id);
    const items = Array.from({ length: 8 }, (_, i) => `prepreg batch ${i}`);
    const results = await Promise.allSettled(
      items.map((item) =>
        cases.correct({
          caseId: id,
          requester: RESEARCHER,
          facts: { ...c.facts, itemDescription: { value: item, provenance: 'user' } },
          decision: c.decision,
          listVersions: c.listVersions,
          basedOn: c.version!,
        }),
      ),
    );
    const applied = results.filter((x) => x.status === 'fulfilled');
    expect(applied).toHaveLength(1);
    const refused = results.flatMap((x) => (x.status === 'rejected' && isCodedError(x.reason) ? [x.reason.code] : []));
    expect(refused).toEqual(Array(items.length - 1).fill('CASE.FACTS_CHANGED'));
    const after = await cases.get(id);
    expect(after.version).toBe(c.version! + 1);
    expect(items).toContain(after.facts.itemDescription?.value);
    expect(await auditOf('case.corrected')).toHaveLength(1);
    expect((await auditOf('case.refused')).map((e) => e?.data?.why)).toEqual(
      Array(items.length - 1).fill('CASE.FACTS_CHANGED'),
    );
  });

  test('when another turn corrected the case meanwhile, then the conversation does not overwrite it: it shows the case facts, and the next correction applies', async () => {
    const id = await escalated();
    const c = await cases.get(id);
    // Another instance of the bot corrected the same case; this conversation's state has not seen it.
    await cases.correct({
      caseId: id,
      requester: RESEARCHER,
      facts: { ...c.facts, itemDescription: { value: 'carbon fibre tow', provenance: 'user' } },
      decision: c.decision,
      listVersions: c.listVersions,
      basedOn: c.version!,
    });
    const r = await say({ text: 'actually it is carbon fibre prepreg' });
    expect(r?.decision).toBeNull();
    expect(r?.say).toContain(`Case ${id} was changed by another correction in the meantime`);
    expect(r?.say).toContain('carbon fibre tow');
    expect((await cases.get(id)).facts.itemDescription?.value).toBe('carbon fibre tow');

    const again = await say({ text: 'actually it is carbon fibre prepreg' });
    expect(again?.decision?.caseId).toBe(id);
    expect(again?.say).toContain('carbon fibre tow → carbon fibre prepreg');
    expect((await cases.get(id)).facts.itemDescription?.value).toBe('carbon fibre prepreg');
    expect(await auditOf('case.corrected')).toHaveLength(2);
  });

  test('when the case is closed, then a correction changes nothing and says how to start another', async () => {
    const id = await escalated();
    await cases.decide(id, OFFICER, { kind: 'license_application' });
    await cases.close(id, OFFICER);
    const r = await say({ text: 'actually it is carbon fibre prepreg' });
    expect(r?.decision).toBeNull();
    expect(r?.say).toContain(`Case ${id} is closed and cannot be corrected`);
    const c = await cases.get(id);
    expect(c.status).toBe('closed');
    expect(c.facts.itemDescription?.value).toBe('carbon fibre samples');
    expect(await auditOf('case.corrected')).toEqual([]);
  });

  test('when someone else than the requester corrects a case, then it is refused with CASE.FORBIDDEN', async () => {
    const id = await escalated();
    const c = await cases.get(id);
    const code = await codeOf(
      cases.correct({ caseId: id, requester: 'local:mallory', facts: {}, decision: c.decision, listVersions: {} }),
    );
    expect(code).toBe('CASE.FORBIDDEN');
    expect((await cases.get(id)).facts).toEqual(c.facts);
  });

  test('when a case recorded without an officer is corrected to one that needs an officer, then it opens and the officers are told', async () => {
    const id = await escalated();
    for (const input of TO_KAIST) await say(input);
    expect((await cases.get(id)).status).toBe('recorded');
    await s.inbox.drain(OFFICERS_INBOX);
    const r = await say({ text: 'The recipient is Harbin Institute of Technology in China' });
    expect(r?.decision?.caseId).toBe(id);
    expect(r?.decision?.outcome).toBe('license_required');
    expect((await cases.get(id)).status).toBe('open');
    expect((await s.inbox.drain(OFFICERS_INBOX)).map((x) => x.en)).toEqual([
      expect.stringContaining('After the correction the case needs an officer.'),
    ]);
  });

  test('when the original request is sent again after its case was corrected, then it is another case and the corrected case keeps its facts', async () => {
    const id = await escalated();
    await say({ text: 'actually it is carbon fibre prepreg' });
    const again = await say({ text: OPENING });
    const other = again?.decision?.caseId;
    expect(other).toBeDefined();
    expect(other).not.toBe(id);
    expect(again?.say).toContain(other);
    expect(again?.say).not.toContain(id);
    expect((await cases.get(id)).facts.itemDescription?.value).toBe('carbon fibre prepreg');
    expect((await cases.get(other!)).facts.itemDescription?.value).toBe('carbon fibre samples');
    // Sent once more, it finds that case again (a retry after a cut makes nothing new).
    const third = await say({ text: OPENING });
    expect(third?.decision?.caseId).toBe(other);
    expect(third?.say).toContain(`already on record as case ${other}`);
    expect((await cases.list()).length).toBe(2);
  });

  test('when someone else in the thread writes a correction after a first message that was decided at once, then it is ignored and the case keeps its facts', async () => {
    const id = await escalated();
    expect(await say({ text: 'actually it is carbon fibre prepreg' }, 'local:mallory')).toBeNull();
    expect((await cases.get(id)).facts.itemDescription?.value).toBe('carbon fibre samples');
    expect(await auditOf('case.corrected')).toEqual([]);
  });
}
