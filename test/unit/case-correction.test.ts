/**
 * Corrections re-decide the same case, on the in-memory stores (the Redis and Cluster run is in
 * test/integration/case-correction.test.ts).
 */
import { describe } from 'vitest';
import { MemoryAuditLog } from '../../src/audit/log.ts';
import { MemoryCaseStore, MemoryInbox } from '../../src/cases/memory-store.ts';
import type { ConversationState } from '../../src/conversation/types.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../../src/stores/memory.ts';
import { caseCorrectionSuite } from '../support/case-correction.ts';

describe('a correction re-decides the same case (memory stores)', () => {
  caseCorrectionSuite(() => ({
    cases: new MemoryCaseStore(),
    inbox: new MemoryInbox(),
    audit: new MemoryAuditLog('test-audit-key-0123456789'),
    conversations: new MemoryConversationStore<ConversationState>(600),
    idempotency: new MemoryIdempotencyStore(600),
  }));
});
