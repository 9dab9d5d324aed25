/**
 * @module cli/survey
 * `export-check survey start --campaign ID --users FILE.csv | remind --campaign ID | report --campaign ID
 * [--out DIR]`. Starting needs ADMINS; the CSV has a header `principal,name,department` (principals as in
 * OFFICERS: slack:U…, teams:<AAD id>, local:<user>).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { chartSvg, departmentsCsv, followUpsCsv, respondentsCsv } from '../survey/report-files.ts';
import type { Args } from './io.ts';
import type { Runtime } from './wiring.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const InviteeSchema = z.object({
  principal: z.string().regex(/^(slack|teams|local):.+/, 'must look like slack:U123, teams:<id> or local:<user>'),
  name: z.string().min(1),
  department: z.string().min(1),
});

export function readInvitees(file: string) {
  const rows = parse(readFileSync(file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as unknown[];
  return rows.map((row, i) => {
    const r = InviteeSchema.safeParse(row);
    if (!r.success)
      throw new CodedError(
        ErrorCode.InputUnparseable,
        `${file}: row ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
      );
    return r.data;
  });
}

export async function runSurvey(args: Args, rt: Runtime, actor: string): Promise<number> {
  const sub = args.positional[1];
  const flag = (n: string) => (typeof args.flags.get(n) === 'string' ? (args.flags.get(n) as string) : undefined);
  const campaign = flag('campaign');
  if (!campaign || !['start', 'remind', 'report'].includes(sub ?? '')) {
    process.stderr.write(
      'usage: export-check survey start --campaign ID --users FILE.csv | remind --campaign ID | report --campaign ID [--out DIR]\n',
    );
    return 2;
  }
  if (sub === 'start') {
    if (!rt.roles.isAdmin(actor))
      throw new CodedError(ErrorCode.AdminForbidden, `${actor} is not an admin; only admins start surveys`);
    const users = flag('users');
    if (!users) throw new CodedError(ErrorCode.InputUnparseable, 'survey start: give --users FILE.csv');
    const invitees = readInvitees(users);
    const n = await rt.surveys.start(campaign, invitees);
    out(`survey ${campaign}: invited ${n} of ${invitees.length} (the others were invited before)`);
    return 0;
  }
  if (sub === 'remind') {
    const sent = await rt.surveys.remindDue(campaign);
    out(sent.length ? `reminded: ${sent.join(', ')}` : 'no reminders due');
    return 0;
  }
  const report = await rt.surveys.report(campaign);
  const dir = flag('out') ?? `survey-report-${campaign}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'departments.csv'), departmentsCsv(report));
  writeFileSync(join(dir, 'respondents.csv'), respondentsCsv(report));
  writeFileSync(join(dir, 'follow-ups.csv'), followUpsCsv(report));
  writeFileSync(join(dir, 'chart.svg'), chartSvg(report));
  for (const d of report.byDepartment)
    out(
      `${d.department}\t${d.responded}/${d.invited} responded (${Math.round(d.responseRate * 100)}%)\t${d.controlledLabs} lab(s) with controlled items`,
    );
  for (const l of report.controlledLabs) out(`controlled: ${l.lab} (${l.department}) ${l.category} ${l.description}`);
  out(
    `follow-ups needed: ${report.followUps.length}; files in ${dir}/ (departments.csv, respondents.csv, follow-ups.csv, chart.svg)`,
  );
  return 0;
}
