/**
 * @module conversation/service
 * The conversation use case over its ports: drop repeated deliveries, load the state, run one turn, save.
 * Channels (terminal, JSON lines, Slack, Teams) call `handle` and render the reply.
 */
import type { ConversationStore, IdempotencyStore } from '../app/ports.ts';
import { converse, type EngineDeps } from './engine.ts';
import type { ConversationState, Lang, Reply, TurnInput } from './types.ts';

export interface TurnOptions {
  /** The channel's delivery id (Slack event id, Teams activity id): a repeat is answered with null. */
  deliveryId?: string;
  /** --lang or a user setting: fixes the language instead of detecting it per message. */
  lang?: Lang;
}

export class ConversationService {
  constructor(
    private readonly deps: EngineDeps,
    private readonly store: ConversationStore<ConversationState>,
    private readonly idempotency: IdempotencyStore,
    private readonly defaultLang: Lang = 'ja',
  ) {}

  async handle(conversationId: string, input: TurnInput, options: TurnOptions = {}): Promise<Reply | null> {
    if (options.deliveryId && !(await this.idempotency.firstSeen(`delivery:${options.deliveryId}`))) return null;
    const prior = await this.store.load(conversationId);
    const defaults = { lang: options.lang ?? prior?.lang ?? this.defaultLang, langFixed: options.lang !== undefined };
    const withLang = prior && options.lang ? { ...prior, lang: options.lang, langFixed: true } : prior;
    const { state, reply } = await converse(this.deps, withLang, input, defaults);
    await this.store.save(conversationId, state);
    return reply;
  }

  async reset(conversationId: string): Promise<void> {
    await this.store.delete(conversationId);
  }
}
