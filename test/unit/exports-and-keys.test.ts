import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/app/ports.ts';
import { DEV_AUDIT_KEY, resolveAuditKey } from '../../src/audit/key.ts';
import { localPrincipal } from '../../src/cli/wiring.ts';
import { isCodedError } from '../../src/core/errors.ts';
import { toCsv } from '../../src/exports/csv.ts';
import { followUpsCsv } from '../../src/survey/report-files.ts';
import type { SurveyReport } from '../../src/survey/service.ts';

const BOM = '\uFEFF';

describe('CSV exports', () => {
  test('a cell that Excel would run as a formula gets a leading quote; numbers stay numbers; a BOM leads', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['=HYPERLINK("http://x","y")', '+81 3', -5],
        ['@SUM(A1)', '\tx', '-1+1'],
        ['plain, with "quotes"\nand a newline', null, { k: '=v' }],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toEqual([
      ['a', 'b', 'c'],
      [`'=HYPERLINK("http://x","y")`, "'+81 3", '-5'],
      ["'@SUM(A1)", "'\tx", "'-1+1"],
      ['plain, with "quotes"\nand a newline', '', '{"k":"=v"}'],
    ]);
  });

  test('the survey report CSVs are escaped too (a researcher types the lab name)', () => {
    const report = {
      followUps: [
        { principal: 'slack:U1', name: '=cmd|/C calc!A0', department: '工学部', lab: '@lab', questions: ['q1'] },
      ],
    } as unknown as SurveyReport;
    const csv = followUpsCsv(report);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(parse(csv.slice(1))).toEqual([
      ['principal', 'name', 'department', 'lab', 'questions'],
      ['slack:U1', "'=cmd|/C calc!A0", '工学部', "'@lab", 'q1'],
    ]);
  });
});

describe('the audit key and the CLI identity', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
      return undefined;
    } catch (err) {
      return isCodedError(err) ? err.code : String(err);
    }
  };

  test('AUDIT_KEY is used when set; a Redis trail without it is refused unless ALLOW_EPHEMERAL_STORE=1', () => {
    expect(resolveAuditKey({ AUDIT_KEY: 'k'.repeat(32), REDIS_URL: 'redis://x' }, silentLogger)).toBe('k'.repeat(32));
    expect(code(() => resolveAuditKey({ REDIS_URL: 'redis://x' }, silentLogger))).toBe('AUDIT.KEY_MISSING');
    const warnings: unknown[] = [];
    const log = { ...silentLogger, warn: (o: unknown) => warnings.push(o) };
    expect(resolveAuditKey({ REDIS_URL: 'redis://x', ALLOW_EPHEMERAL_STORE: '1' }, log)).toBe(DEV_AUDIT_KEY);
    expect(warnings).toEqual([{ code: 'AUDIT.KEY_MISSING' }]);
    expect(resolveAuditKey({}, silentLogger)).toBe(DEV_AUDIT_KEY); // in memory: nothing is kept anyway
  });

  test('the CLI acts as a local user only', () => {
    expect(localPrincipal({ EXPORT_CHECK_USER: 'tanaka' })).toBe('local:tanaka');
    expect(localPrincipal({ EXPORT_CHECK_USER: 'local:tanaka' })).toBe('local:tanaka');
    expect(code(() => localPrincipal({ EXPORT_CHECK_USER: 'slack:U_OFFICER' }))).toBe('CONFIG.INVALID');
    expect(code(() => localPrincipal({ EXPORT_CHECK_USER: 'teams:aad-officer' }))).toBe('CONFIG.INVALID');
    expect(localPrincipal({})).toMatch(/^local:/);
  });
});
