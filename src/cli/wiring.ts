/**
 * @module cli/wiring
 * Part of the composition root: builds the conversation service from the configuration — Redis stores when
 * REDIS_URL or REDIS_CLUSTER_NODES is set (in-memory otherwise), the LLM when OPENAI_* or AZURE_OPENAI_* is set (none otherwise).
 */
import { createHash, randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import holidayJp from '@holiday-jp/holiday_jp';
import { pino } from 'pino';
import type { KeyValueStore, Logger, Screener } from '../app/ports.ts';
import type { Runtime } from '../app/runtime.ts';
import { resolveAuditKey } from '../audit/key.ts';
import { MemoryAuditLog } from '../audit/log.ts';
import { RedisAuditLog } from '../audit/redis-log.ts';
import { throttleRefusals } from '../audit/throttle.ts';
import { MemoryCaseStore, MemoryInbox } from '../cases/memory-store.ts';
import { type Inbox, inboxNotifier, type Notifier } from '../cases/ports.ts';
import { RedisCaseStore, RedisInbox } from '../cases/redis-store.ts';
import { parsePrincipals, rolesFrom } from '../cases/roles.ts';
import { CaseService } from '../cases/service.ts';
import type { Config } from '../config.ts';
import type { ConversationContent } from '../conversation/content.ts';
import { createEngineDeps } from '../conversation/engine.ts';
import { type CaseRecorder, ConversationService } from '../conversation/service.ts';
import type { ConversationState, Lang } from '../conversation/types.ts';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { OpenAiLanguageModel } from '../llm/openai.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import { connectStore, storeAnswers } from '../stores/connect.ts';
import { MemoryConversationStore, MemoryIdempotencyStore, MemoryKeyValueStore } from '../stores/memory.ts';
import {
  type RedisClient,
  RedisConversationStore,
  RedisIdempotencyStore,
  RedisKeyValueStore,
} from '../stores/redis.ts';
import { describeTarget, storeTarget } from '../stores/target.ts';
import type { ReplyContent } from '../surfaces/reply-view.ts';
import { loadCampaigns } from '../survey/load.ts';
import { inboxSurveySender } from '../survey/senders.ts';
import { type SurveySender, SurveyService } from '../survey/service.ts';
import { MemorySurveyStore, RedisSurveyStore } from '../survey/store.ts';
import { printIssues } from './io.ts';

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'export-check' } }, pino.destination(2));
}

/**
 * Case ids readable on the phone to an officer: EC-20261125-7KQ2MX. With a seed (the conversation turn and
 * its result) the id is the same for the same turn, so a retry after a cut finds the case it made.
 */
export function newCaseId(now: Date = new Date(), seed?: string): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const day = now.toISOString().slice(0, 10);
  const bytes =
    seed === undefined ? randomBytes(6) : createHash('sha256').update(`${day}\n${seed}`).digest().subarray(0, 6);
  const suffix = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `EC-${day.replace(/-/g, '')}-${suffix}`;
}

export function createLanguageModel(config: Config): OpenAiLanguageModel | undefined {
  const timeoutMs = config.LLM_TIMEOUT_MS;
  const promptsDir = config.promptsDir;
  if (config.AZURE_OPENAI_ENDPOINT && config.AZURE_OPENAI_API_KEY && config.AZURE_OPENAI_DEPLOYMENT)
    return new OpenAiLanguageModel({
      azure: {
        endpoint: config.AZURE_OPENAI_ENDPOINT,
        apiKey: config.AZURE_OPENAI_API_KEY,
        deployment: config.AZURE_OPENAI_DEPLOYMENT,
        apiVersion: config.AZURE_OPENAI_API_VERSION,
      },
      timeoutMs,
      promptsDir,
    });
  if (config.OPENAI_API_KEY || config.OPENAI_BASE_URL)
    return new OpenAiLanguageModel({
      apiKey: config.OPENAI_API_KEY ?? 'none',
      baseURL: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs,
      promptsDir,
    });
  return undefined;
}

/** The runtime facade lives in src/app so adapters depend inward; re-exported for the composition root's callers. */
export type { Runtime };

const isHoliday = (ymd: string) => Object.hasOwn(holidayJp.holidays, ymd);

/** How notices and survey messages leave the runtime (the inbox by default), and the clock. */
export interface RuntimeChannels {
  now?: () => Date;
  notifierFor?: (ctx: { inbox: Inbox; setRef: CaseService['setRef']; values: KeyValueStore }) => Notifier;
  surveySenderFor?: (ctx: { inbox: Inbox; values: KeyValueStore; replyContent: () => ReplyContent }) => SurveySender;
}

/**
 * Every store on one Redis connection (or cluster client) when a store is configured, in memory otherwise (one process, nothing
 * kept: the embedded default for trying the bot).
 */
export function createRuntime(
  config: Config,
  deps: { ruleSet: RuleSet; screener: Screener; log: Logger; rulesDir?: string },
  defaultLang: Lang,
  channels: RuntimeChannels = {},
): Runtime | undefined {
  const now = channels.now ?? (() => new Date());
  const notifierFor = channels.notifierFor ?? (({ inbox }) => inboxNotifier(inbox));
  const surveySenderFor = channels.surveySenderFor ?? (({ inbox }) => inboxSurveySender(inbox));
  const content = loadConversationContent(deps.rulesDir ?? config.rulesDir);
  if (!content.ok) {
    printIssues(content.issues);
    return undefined;
  }
  const llm = createLanguageModel(config);
  const engineFor = (ruleSet: RuleSet, c: ConversationContent) =>
    createEngineDeps({
      ruleSet,
      screener: deps.screener,
      log: deps.log,
      content: c,
      newCaseId: (seed) => newCaseId(now(), seed),
      llm,
    });
  const engine = engineFor(deps.ruleSet, content.content);
  const ttl = config.CONVERSATION_TTL_SECONDS;
  const auditKey = resolveAuditKey(config, deps.log);
  const target = storeTarget(config);
  const redis = target ? connectStore(target, deps.log) : undefined;
  const stores = redis
    ? {
        conversations: new RedisConversationStore<ConversationState>(redis, ttl),
        idempotency: new RedisIdempotencyStore(redis, IDEMPOTENCY_TTL_SECONDS),
        cases: new RedisCaseStore(redis),
        inbox: new RedisInbox(redis),
        audit: new RedisAuditLog(redis, { key: auditKey }),
        values: new RedisKeyValueStore(redis),
        surveys: new RedisSurveyStore(redis),
      }
    : {
        conversations: new MemoryConversationStore<ConversationState>(ttl),
        idempotency: new MemoryIdempotencyStore(IDEMPOTENCY_TTL_SECONDS),
        cases: new MemoryCaseStore(),
        inbox: new MemoryInbox(),
        audit: new MemoryAuditLog(auditKey),
        values: new MemoryKeyValueStore(),
        surveys: new MemorySurveyStore(),
      };
  // Anyone can send requests that are refused: those records are summarised, not written one by one.
  const audit = throttleRefusals(stores.audit, { now });
  const roles = rolesFrom({ officers: parsePrincipals(config.OFFICERS), admins: parsePrincipals(config.ADMINS) });
  // The notifier may need the case service (to remember a Slack message ts): bound once it exists.
  let casesRef: CaseService | undefined;
  let conversationRef: ConversationService | undefined;
  const notifier = notifierFor({
    inbox: stores.inbox,
    setRef: (id, key, value) => casesRef!.setRef(id, key, value),
    values: stores.values,
  });
  const cases = new CaseService({
    store: stores.cases,
    audit,
    notifier,
    roles,
    now,
    isHoliday,
    reminders: { afterHours: config.REMINDER_AFTER_HOURS, maxReminders: config.REMINDER_MAX },
    // The catalogue of the rules in force, so an activated messages.yaml words the next notice.
    messages: () => (conversationRef?.engine.content ?? content.content).messages,
  });
  casesRef = cases;
  const recorder: CaseRecorder = {
    record: (input) => cases.record(input),
    awaitingInfo: (id) => cases.awaitingInfo(id),
    giveInfo: (id, who, text) => cases.giveInfo(id, who, text),
    listVersions: () => deps.screener.versions(),
  };
  const { campaigns, issues: surveyIssues } = loadCampaigns(config.rulesDir);
  printIssues(surveyIssues);
  const surveys = new SurveyService({
    store: stores.surveys,
    audit,
    campaigns,
    sender: surveySenderFor({
      inbox: stores.inbox,
      values: stores.values,
      replyContent: () => conversationRef!.engine,
    }),
    now,
    isHoliday,
    // Survey reminders wait longer than case reminders: three times the case interval, in business hours.
    reminders: { afterHours: config.REMINDER_AFTER_HOURS * 3, max: config.REMINDER_MAX },
    messages: () => (conversationRef?.engine.content ?? content.content).messages,
  });
  const conversation = new ConversationService(engine, stores.conversations, stores.idempotency, {
    defaultLang,
    cases: recorder,
    log: deps.log,
    surveys,
  });
  conversationRef = conversation;
  return {
    conversation,
    surveys,
    values: stores.values,
    idempotency: stores.idempotency,
    engine: () => conversation.engine,
    storeHealth: async () => {
      if (!redis) return 'memory';
      // Answers within half a second whatever the store does (a hung Redis never answers the ping).
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'redis-unreachable'>((resolve) => {
        timer = setTimeout(() => resolve('redis-unreachable'), 500);
      });
      const ping = storeAnswers(redis).then((ok) => (ok ? ('redis' as const) : ('redis-unreachable' as const)));
      try {
        return await Promise.race([ping, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    roles,
    activate: (ruleSet, c) => conversation.setEngine(engineFor(ruleSet, c)),
    cases,
    inbox: stores.inbox,
    audit,
    describe: `store ${describeTarget(target)}; LLM ${llm?.name ?? 'off'}`,
    close: async () => {
      await audit.close().catch(() => undefined);
      redis?.disconnect();
    },
  };
}

/**
 * The person at this terminal, as a principal for roles and cases: the OS user, or EXPORT_CHECK_USER (a
 * local name, `alice` or `local:alice`). Never a Slack or Teams identity: those come from the platforms.
 */
export function localPrincipal(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.EXPORT_CHECK_USER?.trim();
  if (!raw) return `local:${userInfo().username}`;
  const name = raw.startsWith('local:') ? raw.slice('local:'.length) : raw;
  if (!/^[\w.@-]+$/.test(name))
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `EXPORT_CHECK_USER must be a local user name (alice or local:alice), not "${raw}": the command line never acts as a Slack or Teams identity`,
    );
  return `local:${name}`;
}

/**
 * A client for the configured store (REDIS_CLUSTER_NODES, else REDIS_URL) whose connection errors go to our
 * log; undefined without one. Timeouts and retries: REDIS_CLIENT_OPTIONS in stores/connect.ts.
 */
export function connectConfiguredStore(config: Config, log: Logger): RedisClient | undefined {
  const target = storeTarget(config);
  return target ? connectStore(target, log) : undefined;
}

/** A client for one Redis server (see connectConfiguredStore for the configured one). */
export function connectRedis(url: string, log: Logger): RedisClient {
  return connectStore({ kind: 'standalone', url }, log);
}
