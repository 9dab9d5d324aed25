import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { cliRunner } from '../support/cli.ts';
import { useFreshRedisDb } from '../support/redis-db.ts';

// The "done when", through the real command: a separate Redis database, emptied first.
const db = useFreshRedisDb(9);
const run = cliRunner({
  REDIS_URL: db.url,
  OFFICERS: 'local:officer',
  EXPORT_CHECK_USER: 'researcher',
  AUDIT_KEY: 'cli-test-audit-key-0123456789',
  DATA_DIR: mkdtempSync(join(tmpdir(), 'ec-cli-cases-')),
});
const asOfficer = { EXPORT_CHECK_USER: 'officer' };

test('from the chat, an escalated case reaches `cases list`; an officer decides it; the researcher sees it; audit verify passes, then fails after an edit', async () => {
  const chat = await run(
    ['chat', '--jsonl'],
    `${JSON.stringify({ text: '北京理工大学に炭素繊維のサンプルを送ります' })}\n`,
  );
  expect(chat.code).toBe(0);
  const caseId = JSON.parse(chat.out.trim()).decision.caseId as string;

  const list = await run(['cases', 'list']);
  expect(list.out).toContain(`${caseId}\topen\tlicense_required\tlocal:researcher`);

  expect((await run(['cases', 'claim', caseId])).err).toContain('CASE.FORBIDDEN');
  // No flag lets the researcher act as the officer.
  const spoofed = await run(['cases', 'claim', caseId, '--as', 'local:officer']);
  expect(spoofed.code).toBe(1);
  expect(spoofed.err).toContain('CASE.FORBIDDEN');
  expect(spoofed.err).toContain('--as is not accepted');
  expect((await run(['cases', 'claim', caseId], '', { EXPORT_CHECK_USER: 'slack:U_OFFICER' })).err).toContain(
    'CONFIG.INVALID',
  );
  expect((await run(['cases', 'claim', caseId], '', asOfficer)).out).toContain(`${caseId}: claimed`);
  expect((await run(['cases', 'decide', caseId, '--kind', 'stop'], '', asOfficer)).out).toContain(`${caseId}: decided`);
  // One decision per case: a different one is refused unless revised explicitly.
  expect((await run(['cases', 'decide', caseId, '--kind', 'license_application'], '', asOfficer)).err).toContain(
    'CASE.ALREADY_DECIDED',
  );
  expect((await run(['cases', 'show', caseId])).out).toMatch(/officer decision: Stop/);

  const later = await run(['chat', '--jsonl'], `${JSON.stringify({ text: 'どうなりましたか？' })}\n`);
  expect(JSON.parse(later.out.trim()).say).toContain(`案件 ${caseId} の担当者の判断：中止してください`);

  const ok = await run(['audit', 'verify']);
  expect(ok.code).toBe(0);
  expect(ok.out).toMatch(/audit chain intact: \d+ records/);
  const csv = await run(['audit', 'export', '--format', 'csv']);
  expect(csv.out.split('\r\n')[0]).toBe('\uFEFFseq,at,type,actor,caseId,data,prevHash,hash');
  expect(csv.out).toContain('case.decided');
  const checkpoint = await run(['audit', 'checkpoint', '--out', join(tmpdir(), `ec-cp-${process.pid}.jsonl`)]);
  expect(checkpoint.code).toBe(0);
  const written = JSON.parse(checkpoint.out.trim().split('\n').at(-1)!);
  expect(readFileSync(join(tmpdir(), `ec-cp-${process.pid}.jsonl`), 'utf8')).toContain(written.mac);

  return (async () => {
    const stream = 'ec:{audit}:stream';
    const all = await db.redis().xrange(stream, '-', '+');
    await db.redis().del(stream);
    for (const [id, fields] of all) {
      const e = JSON.parse(fields[1]!);
      if (e.type === 'case.decided') e.data.detail = 'no_license_needed';
      await db.redis().xadd(stream, id, 'json', JSON.stringify(e));
    }
    const broken = await run(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/AUDIT\.CHAIN_BROKEN: record \d+ \(stream id [\d-]+\) was edited/);

    // The whole trail deleted (stream and head): the checkpoint outside Redis still says how long it was.
    await db.redis().del(stream, 'ec:{audit}:head', 'ec:{audit}:ids');
    const gone = await run(['audit', 'verify', '--checkpoints', join(tmpdir(), `ec-cp-${process.pid}.jsonl`)]);
    expect(gone.code).toBe(1);
    expect(gone.err).toContain('stream shorter than checkpoint');
    expect(gone.err).toContain(`has seq ${written.seq}`);
  })();
  // Each command is a process start: generous for a loaded CI machine.
}, 240_000);
