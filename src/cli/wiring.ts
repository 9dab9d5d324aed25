/**
 * @module cli/wiring
 * Part of the composition root: builds the conversation service from the configuration — Redis stores when
 * REDIS_URL is set (in-memory otherwise), the LLM when OPENAI_* or AZURE_OPENAI_* is set (none otherwise).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Logger, Screener } from '../app/ports.ts';
import type { Config } from '../config.ts';
import { createEngineDeps } from '../conversation/engine.ts';
import { ConversationService } from '../conversation/service.ts';
import type { ConversationState, Lang } from '../conversation/types.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { OpenAiLanguageModel } from '../llm/openai.ts';
import { loadConversationContent } from '../ruleset/load-content.ts';
import { MemoryConversationStore, MemoryIdempotencyStore } from '../stores/memory.ts';
import { RedisConversationStore, RedisIdempotencyStore } from '../stores/redis.ts';
import { printIssues } from './io.ts';

const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

export function createLogger(config: Config): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'export-check' } }, pino.destination(2));
}

/** Case ids readable on the phone to an officer: EC-20261125-7KQ2MX. */
export function newCaseId(now: Date = new Date()): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(6);
  const suffix = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return `EC-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${suffix}`;
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

export interface Conversation {
  service: ConversationService;
  describe: string;
  close(): Promise<void>;
}

export function createConversation(
  config: Config,
  deps: { ruleSet: RuleSet; screener: Screener; log: Logger },
  defaultLang: Lang,
): Conversation | undefined {
  const content = loadConversationContent(config.rulesDir);
  if (!content.ok) {
    printIssues(content.issues);
    return undefined;
  }
  const llm = createLanguageModel(config);
  const engine = createEngineDeps({ ...deps, content: content.content, newCaseId: () => newCaseId(), llm });
  const ttl = config.CONVERSATION_TTL_SECONDS;
  if (config.REDIS_URL) {
    const redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 2 });
    return {
      service: new ConversationService(
        engine,
        new RedisConversationStore<ConversationState>(redis, ttl),
        new RedisIdempotencyStore(redis, IDEMPOTENCY_TTL_SECONDS),
        defaultLang,
      ),
      describe: `store redis; LLM ${llm?.name ?? 'off'}`,
      close: async () => {
        redis.disconnect();
      },
    };
  }
  return {
    service: new ConversationService(
      engine,
      new MemoryConversationStore<ConversationState>(ttl),
      new MemoryIdempotencyStore(IDEMPOTENCY_TTL_SECONDS),
      defaultLang,
    ),
    describe: `store in-memory; LLM ${llm?.name ?? 'off'}`,
    close: async () => {},
  };
}
