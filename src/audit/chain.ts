/**
 * @module audit/chain
 * The tamper-evident audit chain, pure: each record carries the hash of the previous one, so an edited,
 * deleted or reordered record breaks the chain at a place `verifyChain` names.
 */
import { createHash } from 'node:crypto';

export interface AuditEntry {
  /** 1, 2, 3 … with no gaps. */
  seq: number;
  at: string;
  type: string;
  actor: string;
  caseId?: string;
  data?: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type AuditInput = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS = '0'.repeat(64);

/** Canonical JSON (sorted keys) so the hash does not depend on property order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function hashEntry(e: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonical(e)).digest('hex');
}

export function nextEntry(input: AuditInput, prev: { seq: number; hash: string } | undefined): AuditEntry {
  const body = { ...input, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS };
  return { ...body, hash: hashEntry(body) };
}

export type VerifyResult =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; at: number; id?: string; problem: 'edited' | 'deleted' | 'reordered' | 'unreadable' };

/**
 * Walks the chain from an anchor (GENESIS, or the retained start after pruning). `ids` are the store's
 * own record ids (Redis stream ids), used to name the broken record.
 */
export function verifyChain(
  entries: readonly (AuditEntry | undefined)[],
  anchor: { seq: number; hash: string } = { seq: 0, hash: GENESIS },
  ids: readonly string[] = [],
): VerifyResult {
  let prev = anchor;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const id = ids[i];
    const named = id === undefined ? {} : { id };
    if (!e) return { ok: false, count: i, at: prev.seq + 1, problem: 'unreadable', ...named };
    const { hash, ...body } = e;
    if (hashEntry(body) !== hash) return { ok: false, count: i, at: e.seq, problem: 'edited', ...named };
    if (e.seq <= prev.seq) return { ok: false, count: i, at: e.seq, problem: 'reordered', ...named };
    if (e.seq > prev.seq + 1) return { ok: false, count: i, at: prev.seq + 1, problem: 'deleted', ...named };
    // In sequence but not linked: the previous record was rewritten with a freshly computed hash.
    if (e.prevHash !== prev.hash)
      return { ok: false, count: i, at: prev.seq, problem: 'edited', ...(ids[i - 1] ? { id: ids[i - 1] } : {}) };
    prev = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, count: entries.length, head: prev.hash };
}
