/**
 * @module cli/audit
 * `export-check audit verify [--checkpoints FILE] | checkpoint [--out FILE] | export --from DATE --to DATE
 * --format csv|jsonl | prune`. verify checks the keyed chain, its end against the stored head and against
 * the signed checkpoints kept outside Redis (DATA_DIR/audit-checkpoints.jsonl by default), and names the
 * first bad record (exit 1). checkpoint verifies, then appends the signed head to the checkpoint file.
 */
import type { AuditEntry } from '../audit/chain.ts';
import { checkpointNow, describeFailure, verifyWithCheckpoints } from '../audit/checkpoint-job.ts';
import { defaultCheckpointFile, fileCheckpointSink } from '../audit/checkpoints.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { toCsv } from '../exports/csv.ts';
import type { Args } from './io.ts';
import type { Runtime } from './wiring.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function runAudit(
  args: Args,
  rt: Runtime,
  opts: { retentionDays: number; dataDir: string },
): Promise<number> {
  const sub = args.positional[1];
  const flag = (name: string) => {
    const v = args.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const defaultFile = defaultCheckpointFile(opts.dataDir);
  if (sub === 'verify') {
    const files = [flag('checkpoints') ?? defaultFile];
    const r = await verifyWithCheckpoints(rt.audit, files);
    if (r.ok) {
      out(
        `audit chain intact: ${r.count} records, head ${r.head.slice(0, 16)} at seq ${r.seq}; ${r.checkpoints} checkpoint(s) from ${files.join(', ')} agree`,
      );
      if (!r.checkpoints)
        process.stderr.write(
          `warning: no checkpoint in ${files.join(', ')}: a deleted end of the trail is caught only against checkpoints (export-check audit checkpoint; serve writes one every AUDIT_CHECKPOINT_MINUTES)\n`,
        );
      return 0;
    }
    process.stderr.write(`${ErrorCode.AuditBroken}: ${describeFailure(r)}\n`);
    return 1;
  }
  if (sub === 'checkpoint') {
    const file = flag('out') ?? defaultFile;
    const r = await checkpointNow(rt.audit, {
      checkpointFiles: [...new Set([defaultFile, file])],
      sinks: [fileCheckpointSink(file)],
      now: new Date(),
    });
    if (!r.ok) {
      process.stderr.write(`${ErrorCode.AuditBroken}: no checkpoint written; ${describeFailure(r.result)}\n`);
      return 1;
    }
    out(`checkpoint: seq ${r.checkpoint.seq}, head ${r.checkpoint.hash.slice(0, 16)}, at ${r.checkpoint.at} → ${file}`);
    out(JSON.stringify(r.checkpoint));
    return 0;
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
    if (format === 'csv')
      process.stdout.write(
        toCsv(
          cols,
          picked.map((e) => cols.map((c) => e[c])),
        ),
      );
    else for (const e of picked) out(JSON.stringify(e));
    return 0;
  }
  if (sub === 'prune') {
    const before = new Date(Date.now() - opts.retentionDays * 86_400_000);
    out(
      `pruned ${await rt.audit.prune(before)} records older than ${before.toISOString().slice(0, 10)} (retention ${opts.retentionDays} days)`,
    );
    return 0;
  }
  process.stderr.write(
    'usage: export-check audit verify [--checkpoints FILE] | checkpoint [--out FILE] | export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|jsonl] | prune\n',
  );
  return 2;
}
