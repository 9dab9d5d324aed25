/**
 * @module audit/log
 * The audit trail port and its in-memory twin. Records hold ids and actions, never personal data: the
 * facts stay in the case record.
 */
import { randomUUID } from 'node:crypto';
import {
  type Anchor,
  type AuditEntry,
  type AuditInput,
  type AuditKey,
  type Checkpoint,
  nextEntry,
  type SignedHead,
  type StoredTrail,
  signAnchor,
  signCheckpoint,
  signHead,
  type VerifyResult,
  verifyTrail,
} from './chain.ts';

export interface AuditLog {
  /** The key the chain is signed with (never stored with the records). */
  readonly key: AuditKey;
  append(input: AuditInput): Promise<AuditEntry>;
  /**
   * Appends unless a record with this id is already in the trail (a retry after a cut, a repeated
   * repair): `fresh` says whether this call added it.
   */
  appendOnce(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }>;
  /** Every record in order, with the store's ids, from the retained start; the head is read first. */
  read(): Promise<StoredTrail>;
  /** Drops records older than the cut-off, leaving a signed anchor so the kept ones still verify. */
  prune(before: Date): Promise<number>;
}

export async function verifyAudit(log: AuditLog, checkpoints: readonly Checkpoint[] = []): Promise<VerifyResult> {
  return verifyTrail(log.key, await log.read(), checkpoints);
}

/** The signed head as it stands now, to keep outside the store. */
export async function currentCheckpoint(log: AuditLog, at: Date): Promise<Checkpoint> {
  const { head, anchor } = await log.read();
  const point = head ?? anchor ?? { seq: 0, hash: '0'.repeat(64) };
  return signCheckpoint(log.key, point, at.toISOString());
}

export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];
  private anchor: Anchor | undefined;
  private head: SignedHead | undefined;
  private readonly ids = new Map<string, AuditEntry>();

  constructor(readonly key: AuditKey) {}

  async append(input: AuditInput): Promise<AuditEntry> {
    return (await this.appendOnce({ ...input, id: input.id ?? randomUUID() })).entry;
  }

  async appendOnce(input: AuditInput & { id: string }): Promise<{ entry: AuditEntry; fresh: boolean }> {
    const known = this.ids.get(input.id);
    if (known) return { entry: known, fresh: false };
    const entry = nextEntry(this.key, input, this.head);
    this.entries.push(entry);
    this.head = signHead(this.key, entry);
    this.ids.set(input.id, entry);
    return { entry, fresh: true };
  }

  async read(): Promise<StoredTrail> {
    return {
      entries: [...this.entries],
      ids: this.entries.map((e) => String(e.seq)),
      anchor: this.anchor,
      head: this.head,
    };
  }

  async prune(before: Date): Promise<number> {
    let n = 0;
    while (this.entries.length && new Date(this.entries[0]!.at) < before) {
      const dropped = this.entries.shift()!;
      if (dropped.id) this.ids.delete(dropped.id);
      this.anchor = signAnchor(this.key, dropped, before.toISOString());
      n++;
    }
    return n;
  }
}
