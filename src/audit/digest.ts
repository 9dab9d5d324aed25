/**
 * @module audit/digest
 * Keyed digests of values the audit trail must not hold (facts may carry personal data: audit/log.ts). With
 * AUDIT_KEY, a digest shows whether a value changed and matches a value one already has, without revealing
 * it; without the key, a name cannot be guessed back from it.
 */
import { createHmac } from 'node:crypto';
import type { AuditKey } from './chain.ts';

/** 16 hex characters of HMAC-SHA256 over the fact's name and value (the name keeps equal values apart). */
export function factDigest(key: AuditKey, fact: string, value: string | number): string {
  return createHmac('sha256', key)
    .update(`fact\u0000${fact}\u0000${JSON.stringify(value)}`)
    .digest('hex')
    .slice(0, 16);
}
