/**
 * @module config
 * Environment variables (contract §5), validated once by the composition root. Adapters receive typed
 * slices of this, never `process.env`.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CodedError, ErrorCode } from './core/errors.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const Env = z.object({
  RULES_DIR: z.string().min(1).optional(),
  LISTS_DIR: z.string().min(1).optional(),
  GOLDEN_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  REDIS_URL: z.string().url().optional(),
  // Contract §5: when set, every store uses the cluster and REDIS_URL is not used.
  REDIS_CLUSTER_NODES: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^\s*[^,\s]+:\d{1,5}(\s*,\s*[^,\s]+:\d{1,5})*\s*,?\s*$/, 'comma-separated host:port')
      .optional(),
  ),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  SLACK_OFFICER_CHANNEL: z.string().optional(),
  MicrosoftAppId: z.string().optional(),
  MicrosoftAppPassword: z.string().optional(),
  MicrosoftAppTenantId: z.string().optional(),
  MicrosoftAppType: z.string().optional(),
  TEAMS_OFFICER_CONVERSATION: z.string().optional(),
  TEAMS_APP_ID: z.string().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().optional(),
  AZURE_OPENAI_ENDPOINT: z.string().url().optional(),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().optional(),
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8000),
  CONVERSATION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 3600),
  PROMPTS_DIR: z.string().min(1).optional(),
  OFFICERS: z.string().optional(),
  ADMINS: z.string().optional(),
  REMINDER_AFTER_HOURS: z.coerce.number().positive().default(8),
  REMINDER_MAX: z.coerce.number().int().min(0).default(3),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().positive().default(2557),
  // The audit chain's secret (never stored in Redis) and how often `serve` writes a signed checkpoint.
  AUDIT_KEY: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().min(16, 'at least 16 characters (use 32+ random ones)').optional(),
  ),
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().positive().default(60),
  ALLOW_EPHEMERAL_STORE: z.enum(['0', '1']).optional(),
  DATA_DIR: z.string().min(1).optional(),
  RULES_WATCH: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof Env> & {
  rulesDir: string;
  listsDir: string;
  goldenDir: string;
  promptsDir: string;
  dataDir: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      'invalid environment',
      parsed.error.issues.map((i) => ({
        code: ErrorCode.ConfigInvalid,
        file: 'environment',
        path: i.path.join('.'),
        message: i.message,
      })),
    );
  }
  const rulesDir = parsed.data.RULES_DIR ?? `${PROJECT_ROOT}rules`;
  return {
    ...parsed.data,
    rulesDir,
    listsDir: parsed.data.LISTS_DIR ?? `${rulesDir}/lists`,
    goldenDir: parsed.data.GOLDEN_DIR ?? `${PROJECT_ROOT}test/golden`,
    promptsDir: parsed.data.PROMPTS_DIR ?? `${PROJECT_ROOT}prompts`,
    dataDir: parsed.data.DATA_DIR ?? `${PROJECT_ROOT}.export-check`,
  };
}
