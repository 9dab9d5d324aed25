/**
 * @module app/runtime
 * The runtime facade the channel adapters talk to: the conversation, cases, surveys and the small stores,
 * behind one interface. The composition root (src/cli/wiring.ts) builds it; adapters depend on this module,
 * never on src/cli (a test checks).
 */
import type { AuditLog } from '../audit/log.ts';
import type { Inbox } from '../cases/ports.ts';
import type { Roles } from '../cases/roles.ts';
import type { CaseService } from '../cases/service.ts';
import type { ConversationContent } from '../conversation/content.ts';
import type { EngineDeps } from '../conversation/engine.ts';
import type { ConversationService } from '../conversation/service.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { SurveyService } from '../survey/service.ts';
import type { IdempotencyStore, KeyValueStore } from './ports.ts';

export interface Runtime {
  conversation: ConversationService;
  surveys: SurveyService;
  /** Conversation references and other small values channels keep. */
  values: KeyValueStore;
  /** Repeated deliveries channels drop themselves (Slack slash commands, which carry no event id). */
  idempotency: IdempotencyStore;
  engine(): EngineDeps;
  roles: Roles;
  /** For /healthz: whether the shared store answers. */
  storeHealth(): Promise<'memory' | 'redis' | 'redis-unreachable'>;
  /** Serves a newly activated rule set from the next turn on. */
  activate(ruleSet: RuleSet, content: ConversationContent): void;
  cases: CaseService;
  inbox: Inbox;
  audit: AuditLog;
  describe: string;
  close(): Promise<void>;
}
