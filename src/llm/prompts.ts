/**
 * @module llm/prompts
 * Prompts are versioned data in prompts/*.yaml, validated at load like the rules.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/errors.ts';
import { readData } from '../ruleset/read-data.ts';

export const PromptSchema = z.strictObject({
  id: z.string().min(1),
  version: z.number().int().positive(),
  system: z.string().min(20),
});
export type Prompt = z.infer<typeof PromptSchema>;

export function loadPrompt(dir: string, id: string): Prompt {
  const file = join(dir, `${id}.yaml`);
  const r = readData(file, `prompts/${id}.yaml`, PromptSchema);
  if (!r.ok) throw new CodedError(ErrorCode.RulesInvalid, `prompt ${id} is invalid`, r.issues);
  return r.value;
}
