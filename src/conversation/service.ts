/**
 * @module conversation/service
 * The conversation use case over its ports: drop repeated deliveries, load the state, run one turn, record
 * the decision as a case, save. Channels (terminal, JSON lines, Slack, Teams) call `handle` and render the
 * reply. When a store cannot be reached the user is told the case cannot be recorded now — never a clearance —
 * and nothing is half-written: the state is saved only after the case is. A conversation belongs to the
 * principal who started it: in a shared thread, other people's messages are ignored (null, as for a repeat).
 */
import { createHash } from 'node:crypto';
import type { ConversationStore, IdempotencyStore, Logger } from '../app/ports.ts';
import { silentLogger } from '../app/ports.ts';
import type { Case, Requester } from '../cases/model.ts';
import type { CorrectInput, RecordInput } from '../cases/service.ts';
import { isCodedError } from '../core/errors.ts';
import type { EvaluationContext } from '../core/evaluate.ts';
import { findDate } from './dates.ts';
import { converse, type EngineDeps } from './engine.ts';
import { detectLang } from './lang.ts';
import { STEERING } from './lexicon.ts';
import { readCommand, step } from './phase.ts';
import { renderUnderstood } from './render.ts';
import {
  type ConversationState,
  type FactEntry,
  type Lang,
  type Reply,
  type TurnInput,
  upgradeState,
} from './types.ts';

export interface TurnOptions {
  /** The channel's delivery id (Slack event id, Teams activity id): a repeat is answered with null. */
  deliveryId?: string;
  /** --lang or a user setting: fixes the language instead of detecting it per message. */
  lang?: Lang;
  /** Who is asking and where to answer; recorded in the case. */
  requester?: Omit<Requester, 'conversationId'>;
  /** Only continue a conversation that exists (a message in a channel thread the bot did not start: null). */
  continueOnly?: boolean;
}

/** The part of the survey a conversation needs: answers routed to it, or what it tells the triage. */
export interface SurveyRouter {
  /** Reads the user's surveys (one read), then routes this turn's message on what it read. */
  begin(principal: string): Promise<SurveyTurn>;
}
export interface SurveyTurn {
  turn(input: TurnInput, lang: Lang): Promise<{ reply: Reply } | { context: EvaluationContext }>;
}

/** The part of the cases use case a conversation needs. */
export interface CaseRecorder {
  /** Idempotent per case id: `existed` when a retried turn found the case it had already made. */
  record(input: RecordInput): Promise<{ existed: boolean; case?: Pick<Case, 'version' | 'facts'> }>;
  /** Re-decides the same case on corrected facts; refusals are coded (CASE.FACTS_CHANGED, CASE.CLOSED). */
  correct(input: CorrectInput): Promise<{ changed: boolean; case: Pick<Case, 'version' | 'events'> }>;
  get(caseId: string): Promise<Pick<Case, 'version' | 'facts'>>;
  awaitingInfo(caseId: string): Promise<boolean>;
  giveInfo(caseId: string, requester: string, text: string): Promise<unknown>;
  listVersions(): Record<string, string>;
}

/** Whether a recorded case holds these fact values (unknown when the recorder does not say). */
function sameFacts(recorded: Case['facts'] | undefined, facts: ConversationState['facts']): boolean {
  if (!recorded) return true;
  const values = (f: Record<string, { value: unknown } | undefined>) =>
    JSON.stringify(
      Object.entries(f)
        .map(([k, e]) => [k, e?.value])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  return values(recorded) === values(facts);
}

/** What a conversation may be wired to besides its stores; each part is optional. */
export interface ConversationOptions {
  defaultLang?: Lang;
  cases?: CaseRecorder;
  log?: Logger;
  surveys?: SurveyRouter;
}

export class ConversationService {
  private readonly defaultLang: Lang;
  private readonly cases: CaseRecorder | undefined;
  private readonly log: Logger;
  private readonly surveys: SurveyRouter | undefined;

  constructor(
    private deps: EngineDeps,
    private readonly store: ConversationStore<ConversationState>,
    private readonly idempotency: IdempotencyStore,
    options: ConversationOptions = {},
  ) {
    this.defaultLang = options.defaultLang ?? 'ja';
    this.cases = options.cases;
    this.log = options.log ?? silentLogger;
    this.surveys = options.surveys;
  }

  async handle(conversationId: string, input: TurnInput, options: TurnOptions = {}): Promise<Reply | null> {
    const lang = options.lang ?? this.defaultLang;
    try {
      const reply = await this.turn(conversationId, input, options);
      if (reply) for (const fn of this.observers) fn(reply, options.requester?.channel ?? 'terminal');
      return reply;
    } catch (err) {
      // Only the code and the conversation id are logged: the message may hold personal data.
      this.log.error(
        { code: 'APP.STORE_UNAVAILABLE', conversationId, err: err instanceof Error ? err.name : 'unknown' },
        'turn failed',
      );
      if (options.deliveryId) await this.idempotency.forget(`delivery:${options.deliveryId}`).catch(() => undefined);
      return { say: this.deps.content.messages.t('conversation.store_down', lang), ask: null, decision: null };
    }
  }

  private async turn(conversationId: string, input: TurnInput, options: TurnOptions): Promise<Reply | null> {
    const principal = options.requester?.principal ?? `local:${conversationId}`;
    // The delivery check, the state read and the survey read go out together (one round trip, not three); a
    // repeat drops the reads. A message that may start nothing (continueOnly) reads the surveys only if it is heard.
    const loading = this.store.load(conversationId);
    let surveyed = options.continueOnly ? undefined : this.surveys?.begin(principal);
    surveyed?.catch(() => undefined); // awaited below when the turn is taken
    if (options.deliveryId && !(await this.firstSeen(options.deliveryId, loading))) return null;
    const loaded = await loading;
    const prior = loaded ? upgradeState(loaded) : undefined;
    // reset / new case work in every phase: they skip the survey and are never forwarded to an officer.
    const command = 'text' in input ? readCommand(input.text.trim()) : null;
    const restart = command === 'reset' || command === 'new_case';
    if (options.continueOnly && !prior) return null;
    // In a shared thread only the requester answers the questions and corrects the facts: others are ignored.
    if (prior?.owner && options.requester && prior.owner !== principal) return null;
    const lang =
      options.lang ?? ('text' in input ? detectLang(input.text) : undefined) ?? prior?.lang ?? this.defaultLang;

    // The annual survey takes the message while the user is answering it.
    surveyed ??= this.surveys?.begin(principal);
    const survey = restart ? undefined : await (await surveyed)?.turn(input, lang);
    if (survey && 'reply' in survey) return survey.reply;

    // A case waiting for this researcher's answer takes a typed message as that answer (phase table).
    if (
      prior?.caseId &&
      prior.phase === 'decided' &&
      'text' in input &&
      this.cases &&
      !restart &&
      (await this.cases.awaitingInfo(prior.caseId))
    ) {
      const text = input.text.trim();
      const next = step('awaiting_information', {
        kind: 'text',
        command,
        empty: !text,
        steering: STEERING.test(text),
        choiceFits: false,
        correction: false,
        faq: false,
        hasFacts: false,
      });
      if (next === 'to_officer') {
        await this.cases.giveInfo(prior.caseId, principal, input.text);
        const say = this.deps.content.messages.t('conversation.info_sent', options.lang ?? prior.lang);
        return { say, ask: null, decision: null };
      }
    }

    const defaults = { lang: options.lang ?? prior?.lang ?? this.defaultLang, langFixed: options.lang !== undefined };
    const withLang = prior && options.lang ? { ...prior, lang: options.lang, langFixed: true } : prior;
    const context = survey?.context ?? {};
    // The same request in the same conversation (who, and — added by the engine — the facts, the outcome and
    // the rules version) on the same day is the same case: a message sent again after a cut finds the case
    // it already made instead of making a second one.
    const turnSeed = createHash('sha256')
      .update(JSON.stringify([conversationId, principal]))
      .digest('hex');
    const { state, reply } = await converse({ ...this.deps, turnSeed }, withLang, input, defaults, context);
    // The one who started the conversation owns it — also when their first message is decided at once.
    const owned = (s: ConversationState) => (options.requester ? { ...s, owner: prior?.owner ?? principal } : s);
    if (reply.decision && this.cases) {
      const deadline = findDate(String(state.facts.itemDescription?.value ?? ''), new Date());
      // The engine keeps the id of the case a correction re-decides: that case is corrected, not a new one made.
      if (prior && reply.corrects === reply.decision.caseId) {
        const corrected = await this.correct(prior, state, reply, principal, deadline);
        if (corrected) return this.saved(conversationId, owned(corrected.state), corrected.reply);
      }
      const input = {
        requester: {
          principal,
          channel: options.requester?.channel ?? 'terminal',
          conversationId,
          ...(options.requester?.thread ? { thread: options.requester.thread } : {}),
        },
        facts: state.facts as Record<string, FactEntry>,
        listVersions: this.cases.listVersions(),
        ...(deadline ? { deadline } : {}),
      } as const;
      let decision = reply.decision;
      let recorded = await this.cases.record({ ...input, caseId: decision.caseId, decision });
      // The id derived from this request may belong to its case as corrected since (other facts now): this
      // request is then another case, under an id derived from that one (a retry after a cut finds it again).
      for (let i = 0; i < 5 && recorded.existed && !sameFacts(recorded.case?.facts, state.facts); i++) {
        decision = { ...decision, caseId: this.deps.newCaseId(`${decision.caseId}\nafter-correction`) };
        recorded = await this.cases.record({ ...input, caseId: decision.caseId, decision });
      }
      const renamed =
        decision === reply.decision
          ? reply
          : { ...reply, say: reply.say.replaceAll(reply.decision.caseId, decision.caseId), decision };
      state.caseId = decision.caseId;
      if (recorded.case?.version !== undefined) state.caseVersion = recorded.case.version;
      const final = recorded.existed
        ? {
            ...renamed,
            say: `${renamed.say}\n${this.deps.content.messages.t('conversation.already_recorded', state.lang, { id: decision.caseId })}`,
          }
        : renamed;
      return this.saved(conversationId, owned(state), final);
    }
    await this.store.save(conversationId, owned(state));
    return reply;
  }

  /** The case is on record: say so even if the conversation state cannot be saved now. */
  private async saved(conversationId: string, state: ConversationState, reply: Reply): Promise<Reply> {
    await this.store
      .save(conversationId, state)
      .catch((err) =>
        this.log.error(
          { code: 'APP.STORE_UNAVAILABLE', conversationId, err: err instanceof Error ? err.name : 'unknown' },
          'case recorded; conversation state not saved',
        ),
      );
    return reply;
  }

  /**
   * Writes a correction into the case it re-decides and says what it meant for the officers. A case
   * corrected meanwhile by another turn is not overwritten: the conversation takes the case's facts and asks
   * for the correction again. A closed case stays as it is. Undefined when the case is gone (it is recorded).
   */
  private async correct(
    prior: ConversationState,
    state: ConversationState,
    reply: Reply,
    principal: string,
    deadline: string | undefined,
  ): Promise<{ state: ConversationState; reply: Reply } | undefined> {
    const cases = this.cases!;
    const caseId = reply.decision!.caseId;
    const cat = this.deps.content.messages;
    const lang = state.lang;
    try {
      const r = await cases.correct({
        caseId,
        requester: principal,
        facts: state.facts as Record<string, FactEntry>,
        decision: reply.decision!,
        listVersions: cases.listVersions(),
        ...(deadline ? { deadline } : {}),
        ...(prior.caseVersion !== undefined ? { basedOn: prior.caseVersion } : {}),
      });
      if (r.case.version !== undefined) state.caseVersion = r.case.version;
      const k = r.case.events.findLast((e) => e.type === 'corrected')?.correction;
      const line = !k
        ? undefined
        : k.droppedDecision
          ? cat.t('reply.correction_reopened', lang)
          : k.status.after === 'recorded'
            ? k.status.before === 'recorded'
              ? undefined
              : cat.t('reply.correction_no_officer', lang)
            : cat.t('reply.correction_told_officer', lang);
      return { state, reply: line ? { ...reply, say: `${reply.say}\n${line}` } : reply };
    } catch (err) {
      const code = isCodedError(err) ? err.code : undefined;
      if (code === 'CASE.NOT_FOUND') return undefined;
      if (code === 'CASE.CLOSED')
        return {
          state: prior,
          reply: { say: cat.t('reply.correction_closed', lang, { id: caseId }), ask: null, decision: null },
        };
      if (code !== 'CASE.FACTS_CHANGED') throw err;
      const current = await cases.get(caseId);
      const synced: ConversationState = {
        ...state,
        phase: 'decided',
        asked: null,
        pending: [],
        facts: current.facts,
        ...(current.version !== undefined ? { caseVersion: current.version } : {}),
      };
      const say = [
        cat.t('reply.correction_conflict', lang, { id: caseId }),
        renderUnderstood(synced, this.deps.ruleSet, cat),
      ];
      return { state: synced, reply: { say: say.join('\n'), ask: null, decision: null } };
    }
  }

  private async firstSeen(deliveryId: string, loading: Promise<unknown>): Promise<boolean> {
    try {
      const first = await this.idempotency.firstSeen(`delivery:${deliveryId}`);
      if (!first) loading.catch(() => undefined);
      return first;
    } catch (err) {
      loading.catch(() => undefined);
      throw err;
    }
  }

  private observers: ((reply: Reply, channel: string) => void)[] = [];

  /** Watches every reply (metrics): called after the turn is recorded, never for repeated deliveries. */
  observe(fn: (reply: Reply, channel: string) => void): void {
    this.observers.push(fn);
  }

  /** Swaps the rules under a running service (an activation or rollback); turns in flight finish on the old. */
  setEngine(deps: EngineDeps): void {
    this.deps = deps;
  }

  get engine(): EngineDeps {
    return this.deps;
  }
}
