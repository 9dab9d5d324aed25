/**
 * @module cli/audit
 * `export-check audit verify | export --from DATE --to DATE --format csv|jsonl | prune`.
 * verify walks the hash chain and names the first edited, deleted or reordered record (exit 1).
 */
import type { AuditEntry } from '../audit/chain.ts';
import { verifyAudit } from '../audit/log.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { Args } from './io.ts';
import type { Runtime } from './wiring.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

function csvCell(v: unknown): string {
  const s = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function runAudit(args: Args, rt: Runtime, retentionDays: number): Promise<number> {
  const sub = args.positional[1];
  const flag = (name: string) => {
    const v = args.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  if (sub === 'verify') {
    const r = await verifyAudit(rt.audit);
    if (r.ok) {
      out(`audit chain intact: ${r.count} records, head ${r.head.slice(0, 16)}`);
      return 0;
    }
    process.stderr.write(
      `${ErrorCode.AuditBroken}: record ${r.at}${r.id ? ` (stream id ${r.id})` : ''} was ${r.problem}; ${r.count} records before it verify\n`,
    );
    return 1;
  }
  if (sub === 'export') {
    const from = flag('from') ? Date.parse(flag('from')!) : Number.NEGATIVE_INFINITY;
    const to = flag('to')
      ? Date.parse(`${flag('to')!}${flag('to')!.length === 10 ? 'T23:59:59.999Z' : ''}`)
      : Number.POSITIVE_INFINITY;
    if (Number.isNaN(from) || Number.isNaN(to))
      throw new CodedError(ErrorCode.InputUnparseable, 'audit export: --from/--to must be dates (YYYY-MM-DD)');
    const format = flag('format') ?? 'jsonl';
    if (format !== 'csv' && format !== 'jsonl')
      throw new CodedError(ErrorCode.InputUnparseable, 'audit export: --format csv|jsonl');
    const { entries } = await rt.audit.read();
    const picked = entries.filter((e): e is AuditEntry => !!e && Date.parse(e.at) >= from && Date.parse(e.at) <= to);
    const cols = ['seq', 'at', 'type', 'actor', 'caseId', 'data', 'prevHash', 'hash'] as const;
    if (format === 'csv') out(cols.join(','));
    for (const e of picked) out(format === 'csv' ? cols.map((c) => csvCell(e[c])).join(',') : JSON.stringify(e));
    return 0;
  }
  if (sub === 'prune') {
    const before = new Date(Date.now() - retentionDays * 86_400_000);
    out(
      `pruned ${await rt.audit.prune(before)} records older than ${before.toISOString().slice(0, 10)} (retention ${retentionDays} days)`,
    );
    return 0;
  }
  process.stderr.write(
    'usage: export-check audit verify | export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|jsonl] | prune\n',
  );
  return 2;
}
