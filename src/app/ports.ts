/**
 * @module app/ports
 * The small interfaces the use cases need; adapters implement them. Each has an in-memory twin.
 */
import type { ScreeningHit } from '../core/decision.ts';
import type { FactKey } from '../core/facts.ts';

/** Screens a counterparty name (any script) against the loaded lists. Pure computation over loaded data. */
export interface Screener {
  screen(name: string, country?: string): ScreeningHit[];
  /** Versions of the loaded lists, for the case record and the banner. */
  versions(): Record<string, string>;
}

/** A screener with no lists: every name is clear. Only for tests that are not about screening. */
export const noScreening: Screener = {
  screen: () => [],
  versions: () => ({}),
};

/** Structured logging; adapters pass pino. Personal data never goes in here, only ids and fact keys. */
export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * The facts an LLM may propose. Answers that open an exception or clear a concern (listStatus, handCarry,
 * temporaryExport, endUseConcern …) are always asked or typed by the researcher, never inferred by a model.
 */
export const LLM_EXTRACTABLE: readonly FactKey[] = [
  'caseType',
  'destinationCountry',
  'counterpartyName',
  'itemDescription',
  'valueJPY',
  'listCategory',
];

/** The optional LLM: proposes facts (validated by the caller) and phrases an explanation (checked by the caller). */
export interface LanguageModel {
  readonly name: string;
  proposeFacts(input: { text: string; lang: 'ja' | 'en'; asked: string | null }): Promise<Record<string, unknown>>;
  phrase(input: { decision: unknown; outcomeSentence: string; lang: 'ja' | 'en' }): Promise<string | undefined>;
}

/** Conversation state by conversation id, expiring after a quiet period. */
export interface ConversationStore<S> {
  load(id: string): Promise<S | undefined>;
  save(id: string, state: S): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Remembers delivery ids so a repeated delivery (a Slack retry, a Teams resend) is handled once. */
export interface IdempotencyStore {
  /** True the first time a key is seen within the retention window, false afterwards. */
  firstSeen(key: string): Promise<boolean>;
  /** Forgets a key whose handling failed, so the channel's retry is handled. */
  forget(key: string): Promise<void>;
}

/** Small values that must outlive a process: a channel's conversation reference, for instance. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}
