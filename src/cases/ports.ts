/**
 * @module cases/ports
 * Storage and notification ports of the cases use case; memory and Redis implement them.
 */
import type { Case } from './model.ts';

/**
 * What `create` found: the case written, or the one already under its id (a repeated delivery must not create a
 * second case), with the version settled so far (`settledVersion`), read in the same step.
 */
export type Created = { created: true; settled: number } | { created: false; existing: Case; settled: number };

export interface CaseStore {
  create(c: Case): Promise<Created>;
  get(id: string): Promise<Case | undefined>;
  /** Read-modify-write without lost updates; `fn` returns undefined to leave the case as it is. */
  update(id: string, fn: (c: Case) => Case | undefined): Promise<Case | undefined>;
  /** Newest first. */
  list(): Promise<Case[]>;
  /** The last case version whose audit record and notices are done (0: none yet). */
  settledVersion(id: string): Promise<number>;
  markSettled(id: string, version: number): Promise<void>;
}

export interface Notice {
  /** Names the change and the recipient: a notice pushed again after a cut is delivered once. */
  id?: string;
  caseId: string;
  at: string;
  ja: string;
  en: string;
}

/** Where notices wait for channels that cannot be pushed to (the terminal, the CLI officer inbox). */
export interface Inbox {
  push(principal: string, notice: Notice): Promise<void>;
  drain(principal: string): Promise<Notice[]>;
}

/** Delivers notices: to the requester in their conversation, and to the officers' channel. */
export interface Notifier {
  toRequester(c: Case, notice: Notice): Promise<void>;
  toOfficers(c: Case, notice: Notice): Promise<void>;
}

export const OFFICERS_INBOX = 'officers';

/** The embedded default: both go to inboxes, read by the terminal chat and `cases inbox`. */
export function inboxNotifier(inbox: Inbox): Notifier {
  return {
    toRequester: (c, n) => inbox.push(c.requester.principal, n),
    toOfficers: (_c, n) => inbox.push(OFFICERS_INBOX, n),
  };
}

/** Sends each notice where it belongs: the requester's own channel, and every officer channel configured. */
export function routingNotifier(
  byChannel: Partial<Record<Case['requester']['channel'], Notifier>>,
  fallback: Notifier,
  officers: Notifier[],
): Notifier {
  return {
    toRequester: (c, n) => (byChannel[c.requester.channel] ?? fallback).toRequester(c, n),
    toOfficers: async (c, n) => {
      for (const o of officers) await o.toOfficers(c, n);
    },
  };
}
