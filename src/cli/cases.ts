/**
 * @module cli/cases
 * `export-check cases list|show|claim|decide|comment|close|inbox|remind` — the officers' actions from the
 * command line, over the same cases use case Slack and Teams call. The actor is the person at the terminal
 * (`local:<OS user>`, or EXPORT_CHECK_USER): no flag lets one person act as another, and `--as` is refused.
 * Only configured officers (OFFICERS) may claim, decide, comment or close; taking over another officer's
 * case (`--take-over`) and changing a decision (`--revise`) are explicit.
 */
import type { Case } from '../cases/model.ts';
import { OFFICER_DECISION_KINDS, OfficerDecisionSchema } from '../cases/model.ts';
import { officerDecisionText } from '../cases/notices.ts';
import { OFFICERS_INBOX } from '../cases/ports.ts';
import { officerExtraLines } from '../conversation/officer-view.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { Catalogue } from '../surfaces/catalogue.ts';
import type { Args } from './io.ts';
import type { Runtime } from './wiring.ts';

const USAGE = `usage: export-check cases list [--status open,claimed] [--json]
       export-check cases show ID [--json]
       export-check cases claim ID [--take-over] | close ID
       export-check cases decide ID --kind ${OFFICER_DECISION_KINDS.join('|')} [--reason R] [--result controlled|not_controlled] [--question Q] [--revise]
       export-check cases comment ID --text T
       export-check cases inbox | remind
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

function row(c: Case): string {
  return [c.id, c.status, c.decision.outcome, c.requester.principal, c.createdAt.slice(0, 16), c.claimedBy ?? '-'].join(
    '\t',
  );
}

function show(c: Case, cat: Catalogue): void {
  out(`${c.id}  ${c.status}  ${c.decision.outcome}  (rules ${c.rulesVersion})`);
  out(
    `requester: ${c.requester.principal} via ${c.requester.channel}; created ${c.createdAt}${c.deadline ? `; deadline ${c.deadline}` : ''}`,
  );
  out('facts:');
  for (const [k, e] of Object.entries(c.facts)) out(`  ${k} = ${JSON.stringify(e.value)}  [${e.provenance}]`);
  out('reasons (rule path):');
  for (const r of c.decision.reasons) out(`  ${r.id}: ${r.en} (${r.citation})`);
  for (const [title, lines] of officerExtraLines(c.decision, cat, 'en')) {
    out(`${title.toLowerCase()}:`);
    for (const l of lines) out(`  ${l}`);
  }
  if (c.decision.screening.length) out('screening hits:');
  for (const h of c.decision.screening)
    out(`  ${h.list} No.${h.entry} ${h.name} — ${h.matchType} ${h.score} on "${h.matchedOn}"`);
  out(
    `lists: ${
      Object.entries(c.listVersions)
        .map(([k, v]) => `${k}@${v}`)
        .join(', ') || 'none'
    }`,
  );
  if (c.officerDecision)
    out(
      `officer decision: ${officerDecisionText(c.officerDecision, cat).en} — ${c.officerDecision.by} at ${c.officerDecision.at}`,
    );
  for (const m of c.comments) out(`comment ${m.at} ${m.by}: ${m.text}`);
  out('history:');
  for (const e of c.events) out(`  ${e.at} ${e.type}${e.detail ? ` (${e.detail})` : ''} by ${e.actor}`);
}

export async function runCases(args: Args, rt: Runtime, actor: string): Promise<number> {
  const [, sub, id] = args.positional;
  const flag = (name: string) => {
    const v = args.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  if (args.flags.has('as'))
    throw new CodedError(
      ErrorCode.CaseForbidden,
      `cases: --as is not accepted; you act as yourself (${actor}, from the OS user or EXPORT_CHECK_USER)`,
    );
  const as = actor;
  const needId = () => {
    if (!id) throw new CodedError(ErrorCode.CaseInvalidAction, `cases ${sub}: give the case id`);
    return id;
  };
  const report = (r: { case: Case; changed: boolean }) => {
    out(`${r.case.id}: ${r.case.status}${r.changed ? '' : ' (unchanged: the same action was already done)'}`);
    return 0;
  };
  switch (sub) {
    case 'list': {
      const status = flag('status')?.split(',') as Case['status'][] | undefined;
      const cases = await rt.cases.list(status ? { status } : {});
      if (args.flags.has('json')) for (const c of cases) out(JSON.stringify(c));
      else for (const c of cases) out(row(c));
      return 0;
    }
    case 'show': {
      const c = await rt.cases.get(needId());
      if (args.flags.has('json')) out(JSON.stringify(c, null, 2));
      else show(c, rt.engine().content.messages);
      return 0;
    }
    case 'claim':
      return report(await rt.cases.claim(needId(), as, { takeOver: args.flags.has('take-over') }));
    case 'close':
      return report(await rt.cases.close(needId(), as));
    case 'comment': {
      const text = flag('text');
      if (!text) throw new CodedError(ErrorCode.CaseInvalidAction, 'cases comment: give --text');
      return report(await rt.cases.comment(needId(), as, text));
    }
    case 'decide': {
      const parsed = OfficerDecisionSchema.safeParse({
        kind: flag('kind'),
        ...(flag('reason') !== undefined ? { reason: flag('reason') } : {}),
        ...(flag('result') !== undefined ? { result: flag('result') } : {}),
        ...(flag('question') !== undefined ? { question: flag('question') } : {}),
      });
      if (!parsed.success)
        throw new CodedError(
          ErrorCode.CaseInvalidAction,
          `cases decide: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`).join('; ')}`,
        );
      return report(await rt.cases.decide(needId(), as, parsed.data, { revise: args.flags.has('revise') }));
    }
    case 'inbox':
      for (const n of await rt.inbox.drain(OFFICERS_INBOX)) out(`${n.at} ${n.caseId}: ${n.en}`);
      return 0;
    case 'remind': {
      const sent = await rt.cases.remindDue();
      out(sent.length ? `reminded: ${sent.join(', ')}` : 'no reminders due');
      return 0;
    }
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}
