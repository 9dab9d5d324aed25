/**
 * @module audit/log
 * The audit trail port and its in-memory twin. Records hold ids and actions, never personal data: the
 * facts stay in the case record.
 */
import { type AuditEntry, type AuditInput, nextEntry, type VerifyResult, verifyChain } from './chain.ts';

export interface AuditLog {
  append(input: AuditInput): Promise<AuditEntry>;
  /** Every record in order, with the store's ids, from the retained start. */
  read(): Promise<{
    entries: (AuditEntry | undefined)[];
    ids: string[];
    anchor: { seq: number; hash: string } | undefined;
  }>;
  /** Drops records older than the cut-off, keeping the chain verifiable from the first kept one. */
  prune(before: Date): Promise<number>;
}

export async function verifyAudit(log: AuditLog): Promise<VerifyResult> {
  const { entries, ids, anchor } = await log.read();
  return verifyChain(entries, anchor, ids);
}

export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  private anchor: { seq: number; hash: string } | undefined;

  async append(input: AuditInput): Promise<AuditEntry> {
    const last = this.entries[this.entries.length - 1] ?? this.anchor;
    const entry = nextEntry(input, last);
    this.entries.push(entry);
    return entry;
  }

  async read() {
    return { entries: [...this.entries], ids: this.entries.map((e) => String(e.seq)), anchor: this.anchor };
  }

  async prune(before: Date): Promise<number> {
    let n = 0;
    while (this.entries.length && new Date(this.entries[0]!.at) < before) {
      const dropped = this.entries.shift()!;
      this.anchor = { seq: dropped.seq, hash: dropped.hash };
      n++;
    }
    return n;
  }
}
