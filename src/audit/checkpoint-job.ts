/**
 * @module audit/checkpoint-job
 * Verify, then checkpoint: a checkpoint says "the trail was intact up to here", so it is written only
 * after the trail verifies against the head and every earlier checkpoint (never blessing a tampering).
 */
import type { Checkpoint, VerifyResult } from './chain.ts';
import { type CheckpointSink, readCheckpoints } from './checkpoints.ts';
import { type AuditLog, currentCheckpoint, verifyAudit } from './log.ts';

export async function verifyWithCheckpoints(log: AuditLog, files: readonly string[]): Promise<VerifyResult> {
  return verifyAudit(
    log,
    files.flatMap((f) => readCheckpoints(f)),
  );
}

export async function checkpointNow(
  log: AuditLog,
  opts: { checkpointFiles: readonly string[]; sinks: readonly CheckpointSink[]; now: Date },
): Promise<{ ok: true; checkpoint: Checkpoint } | { ok: false; result: Extract<VerifyResult, { ok: false }> }> {
  const result = await verifyWithCheckpoints(log, opts.checkpointFiles);
  if (!result.ok) return { ok: false, result };
  const checkpoint = await currentCheckpoint(log, opts.now);
  for (const sink of opts.sinks) await sink.write(checkpoint);
  return { ok: true, checkpoint };
}

const PHRASES: Record<Extract<VerifyResult, { ok: false }>['problem'], string> = {
  edited: 'was edited',
  deleted: 'is missing',
  reordered: 'is out of order',
  unreadable: 'is unreadable',
  truncated: 'is missing (the end of the trail was cut)',
  'head-mismatch': 'does not match the stored head',
  'anchor-forged': 'is behind a forged prune anchor',
  'checkpoint-mismatch': 'differs from a signed checkpoint',
  'checkpoint-forged': 'is named by a checkpoint that is not signed',
};

/** `record 7 (stream id …) was edited: …; 6 records before it verify` */
export function describeFailure(r: Extract<VerifyResult, { ok: false }>): string {
  return `record ${r.at}${r.id ? ` (stream id ${r.id})` : ''} ${PHRASES[r.problem]}: ${r.detail}; ${r.count} records before it verify`;
}
