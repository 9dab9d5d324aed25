/**
 * @module llm/openai
 * The optional LLM adapter over the `openai` package: OpenAI, any OpenAI-compatible server
 * (OPENAI_BASE_URL) or Azure OpenAI. It only translates: facts it proposes and text it phrases are
 * validated and checked by the conversation engine. Timeouts are short and there are no retries: the
 * deterministic path is always there to fall back on.
 */
import type { OpenAI } from 'openai';
import type { LanguageModel } from '../app/ports.ts';
import { extractionJsonSchema } from './fact-schema.ts';
import { loadPrompt, type Prompt } from './prompts.ts';

export interface LlmConfig {
  apiKey?: string | undefined;
  baseURL?: string | undefined;
  model?: string | undefined;
  azure?: { endpoint: string; apiKey: string; deployment: string; apiVersion: string } | undefined;
  timeoutMs: number;
  promptsDir: string;
}

export class LlmRefusal extends Error {}

export class OpenAiLanguageModel implements LanguageModel {
  readonly name: string;
  // The SDK loads on the first call, not at start-up: a quarter of a second a server without an LLM never pays.
  private readonly client: Promise<OpenAI>;
  private readonly model: string;
  private readonly extractPrompt: Prompt;
  private readonly phrasePrompt: Prompt;
  private readonly schema = extractionJsonSchema();

  constructor(config: LlmConfig) {
    const common = { timeout: config.timeoutMs, maxRetries: 0 };
    const azure = config.azure;
    this.client = import('openai').then((sdk) =>
      azure
        ? new sdk.AzureOpenAI({
            endpoint: azure.endpoint,
            apiKey: azure.apiKey,
            deployment: azure.deployment,
            apiVersion: azure.apiVersion,
            ...common,
          })
        : new sdk.OpenAI({ apiKey: config.apiKey, baseURL: config.baseURL, ...common }),
    );
    // A client that cannot be made fails the call that needs it (the deterministic path answers), never the process.
    this.client.catch(() => undefined);
    this.model = azure ? azure.deployment : (config.model ?? 'gpt-4o-mini');
    this.name = `${config.azure ? 'azure' : 'openai'}:${this.model}`;
    this.extractPrompt = loadPrompt(config.promptsDir, 'extract-facts');
    this.phrasePrompt = loadPrompt(config.promptsDir, 'phrase-decision');
  }

  async proposeFacts(input: {
    text: string;
    lang: 'ja' | 'en';
    asked: string | null;
  }): Promise<Record<string, unknown>> {
    const completion = await (await this.client).chat.completions.create({
      model: this.model,
      temperature: 0,
      messages: [
        { role: 'system', content: this.extractPrompt.system },
        {
          role: 'user',
          content: input.asked ? `(The bot just asked for: ${input.asked})\n${input.text}` : input.text,
        },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: `facts_v${this.extractPrompt.version}`, strict: true, schema: this.schema },
      },
    });
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw new LlmRefusal(`refused: ${message.refusal.slice(0, 200)}`);
    const parsed: unknown = JSON.parse(message?.content ?? '');
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('extraction is not a JSON object');
    return parsed as Record<string, unknown>;
  }

  async phrase(input: { decision: unknown; outcomeSentence: string; lang: 'ja' | 'en' }): Promise<string | undefined> {
    const completion = await (await this.client).chat.completions.create({
      model: this.model,
      temperature: 0.2,
      messages: [
        { role: 'system', content: this.phrasePrompt.system },
        {
          role: 'user',
          content: JSON.stringify({
            lang: input.lang,
            outcomeSentence: input.outcomeSentence,
            decision: input.decision,
          }),
        },
      ],
    });
    const message = completion.choices[0]?.message;
    if (message?.refusal) return undefined;
    return message?.content ?? undefined;
  }
}
