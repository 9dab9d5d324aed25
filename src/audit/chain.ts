/**
 * @module audit/chain
 * The tamper-evident audit chain, pure. Each record carries an HMAC (keyed with AUDIT_KEY, which never
 * lives in the store) over its body and the previous record's hash: without the key nobody can re-chain
 * edited records, forge the head, a prune anchor or a checkpoint. `verifyTrail` names the first bad
 * record, and compares the chain's end with the stored head and with checkpoints kept outside the store,
 * so a deleted tail or a deleted stream is caught too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AuditEntry {
  /** 1, 2, 3 … with no gaps. */
  seq: number;
  at: string;
  type: string;
  actor: string;
  caseId?: string;
  data?: Record<string, unknown>;
  /** The record's own id: appending the same id again (a retry after a cut) adds nothing. */
  id?: string;
  prevHash: string;
  hash: string;
}

export type AuditInput = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The secret the chain is keyed with (AUDIT_KEY). */
export type AuditKey = string;

export const GENESIS = '0'.repeat(64);

/** Where the chain stands: the last record's seq and hash. */
export interface ChainPoint {
  seq: number;
  hash: string;
}
/** The stored head, signed so it cannot be wound back to an earlier record without the key. */
export interface SignedHead extends ChainPoint {
  mac: string;
}
/** Left behind by a prune: the last pruned record, signed, so the kept records still verify. */
export interface Anchor extends ChainPoint {
  before: string;
  mac: string;
}
/** The signed head written outside the store (a file, the officers' channel). */
export interface Checkpoint extends ChainPoint {
  at: string;
  mac: string;
}

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

/** Domain-separated HMAC: a record's hash can never pass for a checkpoint's or an anchor's MAC. */
export function mac(key: AuditKey, kind: 'record' | 'head' | 'anchor' | 'checkpoint', body: unknown): string {
  return createHmac('sha256', key)
    .update(`export-check/${kind}\n${canonical(body)}`)
    .digest('hex');
}

function sameMac(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export function hashEntry(key: AuditKey, e: Omit<AuditEntry, 'hash'>): string {
  return mac(key, 'record', e);
}

export function nextEntry(key: AuditKey, input: AuditInput, prev: ChainPoint | undefined): AuditEntry {
  const body = { ...input, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS };
  return { ...body, hash: hashEntry(key, body) };
}

export function signHead(key: AuditKey, p: ChainPoint): SignedHead {
  return { seq: p.seq, hash: p.hash, mac: mac(key, 'head', { seq: p.seq, hash: p.hash }) };
}
export function signAnchor(key: AuditKey, p: ChainPoint, before: string): Anchor {
  return { seq: p.seq, hash: p.hash, before, mac: mac(key, 'anchor', { seq: p.seq, hash: p.hash, before }) };
}
export function signCheckpoint(key: AuditKey, p: ChainPoint, at: string): Checkpoint {
  return { seq: p.seq, hash: p.hash, at, mac: mac(key, 'checkpoint', { seq: p.seq, hash: p.hash, at }) };
}

const headOk = (key: AuditKey, h: SignedHead) =>
  typeof h.mac === 'string' && sameMac(h.mac, mac(key, 'head', { seq: h.seq, hash: h.hash }));
const anchorOk = (key: AuditKey, a: Anchor) =>
  typeof a.mac === 'string' && sameMac(a.mac, mac(key, 'anchor', { seq: a.seq, hash: a.hash, before: a.before }));
export const checkpointOk = (key: AuditKey, c: Checkpoint) =>
  typeof c.mac === 'string' && sameMac(c.mac, mac(key, 'checkpoint', { seq: c.seq, hash: c.hash, at: c.at }));

export type Problem =
  | 'edited'
  | 'deleted'
  | 'reordered'
  | 'unreadable'
  | 'truncated'
  | 'head-mismatch'
  | 'anchor-forged'
  | 'checkpoint-mismatch'
  | 'checkpoint-forged';

export type VerifyResult =
  | { ok: true; count: number; head: string; seq: number; checkpoints: number }
  | {
      ok: false;
      count: number;
      /** The seq of the first bad (or first missing) record. */
      at: number;
      /** The store's id of that record (a Redis stream id), when there is one. */
      id?: string;
      problem: Problem;
      /** One sentence for the operator. */
      detail: string;
    };

type Failure = Extract<VerifyResult, { ok: false }>;

/**
 * Walks the chain from an anchor (GENESIS, or the signed anchor a prune left). `ids` are the store's own
 * record ids (Redis stream ids), used to name the broken record.
 */
export function verifyChain(
  key: AuditKey,
  entries: readonly (AuditEntry | undefined)[],
  anchor: ChainPoint = { seq: 0, hash: GENESIS },
  ids: readonly string[] = [],
): VerifyResult {
  let prev = anchor;
  const present = new Set(entries.map((e) => e?.seq));
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const id = ids[i];
    const named = id === undefined ? {} : { id };
    const fail = (at: number, problem: Problem, detail: string, extra = named): Failure => ({
      ok: false,
      count: i,
      at,
      problem,
      detail,
      ...extra,
    });
    if (!e) return fail(prev.seq + 1, 'unreadable', `record ${prev.seq + 1} cannot be read`);
    const { hash, ...body } = e;
    if (typeof hash !== 'string' || !sameMac(hashEntry(key, body), hash))
      return fail(
        e.seq,
        'edited',
        `record ${e.seq} does not carry a valid HMAC: it was edited or re-chained without AUDIT_KEY (or another key is set)`,
      );
    if (e.seq <= prev.seq) return fail(e.seq, 'reordered', `record ${e.seq} comes after record ${prev.seq}`);
    if (e.seq > prev.seq + 1)
      return present.has(prev.seq + 1)
        ? fail(e.seq, 'reordered', `record ${e.seq} stands where record ${prev.seq + 1} belongs`)
        : fail(prev.seq + 1, 'deleted', `missing records after seq ${prev.seq}: the next record is ${e.seq}`);
    // In sequence, validly keyed, but not linked to the record before: that one was replaced.
    if (e.prevHash !== prev.hash)
      return fail(prev.seq, 'edited', `record ${prev.seq} is not the one record ${e.seq} was chained to`, {
        ...(ids[i - 1] ? { id: ids[i - 1]! } : {}),
      });
    prev = { seq: e.seq, hash: e.hash };
  }
  return { ok: true, count: entries.length, head: prev.hash, seq: prev.seq, checkpoints: 0 };
}

export interface StoredTrail {
  entries: readonly (AuditEntry | undefined)[];
  ids: readonly string[];
  anchor: Anchor | undefined;
  /** Read before the entries, so records appended while reading are not taken for a mismatch. */
  head: SignedHead | undefined;
}

/**
 * The whole check: the anchor's signature, the chain, the chain's end against the signed head, and each
 * checkpoint (valid MAC; its record still there with its hash, unless pruned).
 */
export function verifyTrail(key: AuditKey, trail: StoredTrail, checkpoints: readonly Checkpoint[] = []): VerifyResult {
  const { entries, ids, anchor, head } = trail;
  const count = entries.length;
  if (anchor && !anchorOk(key, anchor))
    return {
      ok: false,
      count: 0,
      at: anchor.seq,
      problem: 'anchor-forged',
      detail: `the prune anchor (seq ${anchor.seq}) is not signed with AUDIT_KEY: records before the first kept one may have been removed`,
    };
  const chain = verifyChain(key, entries, anchor ?? undefined, ids);
  if (!chain.ok) return chain;
  const first = anchor?.seq ?? 0;
  const last = chain.seq;
  const hashAt = (seq: number): string | undefined => {
    if (seq === first) return anchor?.hash ?? GENESIS;
    return entries[seq - first - 1]?.hash;
  };
  const idAfter = (seq: number) => (ids[seq - first - 1] ? { id: ids[seq - first - 1]! } : {});

  if (head) {
    if (!headOk(key, head))
      return {
        ok: false,
        count,
        at: head.seq,
        problem: 'head-mismatch',
        detail: `the stored head (seq ${head.seq}) is not signed with AUDIT_KEY`,
      };
    if (head.seq > last)
      return {
        ok: false,
        count,
        at: last + 1,
        problem: 'truncated',
        detail: `missing records after seq ${last}: the head says seq ${head.seq}`,
      };
    if (head.seq >= first && hashAt(head.seq) !== head.hash)
      return {
        ok: false,
        count,
        at: head.seq,
        problem: 'head-mismatch',
        detail: `record ${head.seq} is not the one the head points to`,
        ...idAfter(head.seq),
      };
  } else if (last > 0)
    return {
      ok: false,
      count,
      at: last,
      problem: 'head-mismatch',
      detail: `the head is missing while the stream ends at seq ${last}`,
    };

  // Newest checkpoint first: the strongest claim about how long the trail was.
  const sorted = [...checkpoints].sort((a, b) => b.seq - a.seq);
  for (const cp of sorted) {
    if (!checkpointOk(key, cp))
      return {
        ok: false,
        count,
        at: cp.seq,
        problem: 'checkpoint-forged',
        detail: `the checkpoint of ${cp.at} (seq ${cp.seq}) is not signed with AUDIT_KEY`,
      };
    if (cp.seq > last)
      return {
        ok: false,
        count,
        at: last + 1,
        problem: 'truncated',
        detail: `stream shorter than checkpoint: the checkpoint of ${cp.at} has seq ${cp.seq}, the stream ends at seq ${last}; missing records after seq ${last}`,
      };
    if (cp.seq >= first && hashAt(cp.seq) !== cp.hash)
      return {
        ok: false,
        count,
        at: cp.seq,
        problem: 'checkpoint-mismatch',
        detail: `record ${cp.seq} differs from the checkpoint of ${cp.at}`,
        ...idAfter(cp.seq),
      };
  }
  return { ...chain, checkpoints: checkpoints.length };
}
