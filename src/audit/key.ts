/**
 * @module audit/key
 * Which key signs the audit chain. AUDIT_KEY from the environment, never from the store. Without it, a
 * trail nobody keeps (the in-memory store) uses a fixed development key quietly; a Redis trail uses it only
 * when ALLOW_EPHEMERAL_STORE=1 says this is a test or development store, with a loud warning; otherwise
 * the command refuses to start (AUDIT.KEY_MISSING), since records signed with a public key prove nothing.
 */
import type { Logger } from '../app/ports.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { AuditKey } from './chain.ts';

/** Public on purpose: it proves nothing, and verify with the real key rejects what it signed. */
export const DEV_AUDIT_KEY = 'export-check-development-audit-key-NOT-SECRET';

export function resolveAuditKey(
  env: { AUDIT_KEY?: string | undefined; ALLOW_EPHEMERAL_STORE?: string | undefined; REDIS_URL?: string | undefined },
  log: Logger,
): AuditKey {
  if (env.AUDIT_KEY) return env.AUDIT_KEY;
  if (!env.REDIS_URL) return DEV_AUDIT_KEY;
  if (env.ALLOW_EPHEMERAL_STORE === '1') {
    log.warn(
      { code: ErrorCode.AuditKeyMissing },
      'AUDIT_KEY is not set: the audit trail is signed with the public development key (ALLOW_EPHEMERAL_STORE=1). Its records prove nothing; set AUDIT_KEY in production.',
    );
    return DEV_AUDIT_KEY;
  }
  throw new CodedError(
    ErrorCode.AuditKeyMissing,
    'AUDIT_KEY is not set: the audit trail cannot be signed. Set AUDIT_KEY (a secret of 32+ random characters, kept out of Redis), or ALLOW_EPHEMERAL_STORE=1 for a test store',
  );
}
