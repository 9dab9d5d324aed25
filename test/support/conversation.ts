/**
 * Conversation test support: the bundled engine with deterministic case ids, and the script format of
 * test/conversations/scripts.yaml, validated by zod like every other data file.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { LanguageModel } from '../../src/app/ports.ts';
import type { ConversationContent } from '../../src/conversation/content.ts';
import { createEngineDeps, type EngineDeps } from '../../src/conversation/engine.ts';
import { loadConversationContent } from '../../src/ruleset/load-content.ts';
import { bundled, RULES_DIR } from './fixtures.ts';

/** The bundled rules/conversation/ content: outcome texts, FAQ, guard and the message catalogue. */
export function bundledContent(dir = RULES_DIR): ConversationContent {
  const content = loadConversationContent(dir);
  if (!content.ok) throw new Error(`conversation content invalid: ${JSON.stringify(content.issues)}`);
  return content.content;
}

export function engineDeps(options: { llm?: LanguageModel; log?: EngineDeps['log'] } = {}): EngineDeps {
  let n = 0;
  return createEngineDeps({
    ...bundled(),
    content: bundledContent(),
    newCaseId: () => `EC-TEST-${String(++n).padStart(4, '0')}`,
    ...options,
  });
}

const Scalar = z.union([z.string(), z.number()]);
const Turn = z
  .strictObject({
    text: z.string().optional(),
    choose: z.string().optional(),
    /** The fact a choice names (a stale click names an older question). */
    fact: z.string().optional(),
    ask: z.string().nullable().optional(),
    outcome: z.string().optional(),
    reasons: z.array(z.string()).optional(),
    say: z.array(z.string()).optional(),
    noDecision: z.boolean().optional(),
    facts: z.record(z.string(), Scalar).optional(),
    /** Facts that must not be set after the turn. */
    absent: z.array(z.string()).optional(),
    provenance: z.record(z.string(), z.enum(['user', 'button', 'extractor', 'llm'])).optional(),
  })
  .refine((t) => (t.text === undefined) !== (t.choose === undefined), 'a turn is either text or choose');
export const ScriptsFileSchema = z.strictObject({
  scripts: z.array(
    z.strictObject({
      id: z.string(),
      note: z.string(),
      lang: z.enum(['ja', 'en']).optional(),
      turns: z.array(Turn).min(1),
    }),
  ),
});
export type Script = z.infer<typeof ScriptsFileSchema>['scripts'][number];

export function loadScripts(file: string): Script[] {
  return ScriptsFileSchema.parse(parse(readFileSync(file, 'utf8'))).scripts;
}
