/**
 * @module llm/fact-schema
 * The Structured Outputs schema for fact extraction, built from the zod fact schema: one nullable property
 * per fact the LLM may propose, all required, no others (OpenAI strict mode).
 */
import { z } from 'zod';
import { LLM_EXTRACTABLE } from '../app/ports.ts';
import { FactsSchema } from '../core/facts.ts';

type JsonSchema = Record<string, unknown>;

export function extractionJsonSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const key of LLM_EXTRACTABLE) {
    const js = z.toJSONSchema(FactsSchema.shape[key].unwrap()) as JsonSchema;
    // Strict mode accepts a subset of JSON Schema: keep the type, enum and description only.
    const base: JsonSchema = js.enum ? { type: 'string', enum: js.enum } : { type: js.type };
    if (typeof js.description === 'string') base.description = js.description;
    properties[key] = { anyOf: [base, { type: 'null' }] };
  }
  return { type: 'object', additionalProperties: false, required: [...LLM_EXTRACTABLE], properties };
}
