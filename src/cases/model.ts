/**
 * @module cases/model
 * A case: every decision is recorded as one, with the requester, the facts and their provenance, the
 * decision, the rules and list versions, and what officers did. Escalating outcomes open it for officers:
 * open → claimed → decided → closed, with `info_requested` while the researcher is asked for more.
 */
import { z } from 'zod';
import type { FactEntry } from '../conversation/types.ts';
import type { Decision } from '../core/decision.ts';

export const CASE_STATUSES = ['recorded', 'open', 'claimed', 'info_requested', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** What an officer can decide (the cases issue), each with its own required detail. */
export const OfficerDecisionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('no_license_needed'), reason: z.string().trim().min(1, 'give the reason') }),
  z.strictObject({ kind: z.literal('classification'), result: z.enum(['controlled', 'not_controlled']) }),
  z.strictObject({ kind: z.literal('license_application') }),
  z.strictObject({ kind: z.literal('prior_report') }),
  z.strictObject({ kind: z.literal('more_information'), question: z.string().trim().min(1, 'say what is needed') }),
  z.strictObject({ kind: z.literal('stop') }),
]);
export type OfficerDecision = z.infer<typeof OfficerDecisionSchema>;
export const OFFICER_DECISION_KINDS = OfficerDecisionSchema.options.map((o) => o.shape.kind.value);

export interface Requester {
  /** `slack:U123`, `teams:<aad-object-id>`, `local:alice`. */
  principal: string;
  channel: 'terminal' | 'jsonl' | 'slack' | 'teams';
  conversationId: string;
  /** Channel-specific place to answer (Slack channel+thread ts, Teams conversation reference). */
  thread?: Record<string, string>;
}

export interface CaseEvent {
  at: string;
  actor: string;
  type:
    | 'created'
    | 'claimed'
    | 'decided'
    | 'commented'
    | 'info_requested'
    | 'info_given'
    | 'closed'
    | 'reopened'
    | 'reminded'
    | 'revised'
    | 'taken_over'
    | 'corrected';
  detail?: string;
  /** A researcher's correction: what it changed, so its audit record and notices can be rebuilt after a cut. */
  correction?: CorrectionDetail;
  /** The case version this event produced: its audit record and notices belong to that version. */
  v?: number;
}

/** What a correction changed: each fact before → after (absent: not set), the outcome and the status. */
export interface CorrectionDetail {
  facts: Record<string, { before?: string | number; after?: string | number }>;
  outcome: { before: string; after: string };
  status: { before: CaseStatus; after: CaseStatus };
  /** The officer decision made on the old facts, which no longer stands. */
  droppedDecision?: OfficerDecision['kind'];
}

export interface Case {
  id: string;
  /** 1 when recorded, +1 on every write: the compare-and-set compares it. */
  version?: number;
  status: CaseStatus;
  requester: Requester;
  facts: Record<string, FactEntry>;
  decision: Decision;
  rulesVersion: string;
  listVersions: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** A date from the request (shipment date, visit start), ISO yyyy-mm-dd, when one was given. */
  deadline?: string;
  claimedBy?: string;
  officerDecision?: OfficerDecision & { by: string; at: string };
  comments: { by: string; at: string; text: string }[];
  events: CaseEvent[];
  reminders: { count: number; lastAt?: string };
  /** Where channels show this case (the Slack officer message ts, the Teams activity id), set by adapters. */
  refs?: Record<string, string>;
}
