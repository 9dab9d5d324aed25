/**
 * @module ruleset/load-content
 * Loads rules/conversation/outcomes.yaml, faq.yaml and guard.yaml; problems come back as `file: path: message` issues.
 */
import { join, relative } from 'node:path';
import {
  type ConversationContent,
  FaqFileSchema,
  GuardFileSchema,
  OutcomesFileSchema,
} from '../conversation/content.ts';
import type { Issue } from '../core/errors.ts';
import { readData } from './read-data.ts';

export type ContentResult = { ok: true; content: ConversationContent } | { ok: false; issues: Issue[] };

export function loadConversationContent(rulesDir: string): ContentResult {
  const label = (file: string) => relative(process.cwd(), file) || file;
  const outcomesFile = join(rulesDir, 'conversation', 'outcomes.yaml');
  const faqFile = join(rulesDir, 'conversation', 'faq.yaml');
  const outcomes = readData(outcomesFile, label(outcomesFile), OutcomesFileSchema);
  const faq = readData(faqFile, label(faqFile), FaqFileSchema);
  const guardFile = join(rulesDir, 'conversation', 'guard.yaml');
  const guard = readData(guardFile, label(guardFile), GuardFileSchema);
  if (!outcomes.ok || !faq.ok || !guard.ok)
    return {
      ok: false,
      issues: [
        ...(outcomes.ok ? [] : outcomes.issues),
        ...(faq.ok ? [] : faq.issues),
        ...(guard.ok ? [] : guard.issues),
      ],
    };
  return { ok: true, content: { outcomes: outcomes.value.outcomes, faq: faq.value.faq, guard: guard.value } };
}
