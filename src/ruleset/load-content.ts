/**
 * @module ruleset/load-content
 * Loads rules/conversation/outcomes.yaml, faq.yaml and messages.yaml (the message catalogue); problems come back as `file: path: message` issues.
 */
import { join, relative } from 'node:path';
import { type ConversationContent, FaqFileSchema, OutcomesFileSchema } from '../conversation/content.ts';
import type { Issue } from '../core/errors.ts';
import { Catalogue, MessagesFileSchema } from '../surfaces/catalogue.ts';
import { readData } from './read-data.ts';

export type ContentResult = { ok: true; content: ConversationContent } | { ok: false; issues: Issue[] };

export function loadConversationContent(rulesDir: string): ContentResult {
  const label = (file: string) => relative(process.cwd(), file) || file;
  const outcomesFile = join(rulesDir, 'conversation', 'outcomes.yaml');
  const faqFile = join(rulesDir, 'conversation', 'faq.yaml');
  const outcomes = readData(outcomesFile, label(outcomesFile), OutcomesFileSchema);
  const faq = readData(faqFile, label(faqFile), FaqFileSchema);
  const messagesFile = join(rulesDir, 'conversation', 'messages.yaml');
  const messages = readData(messagesFile, label(messagesFile), MessagesFileSchema);
  if (!outcomes.ok || !faq.ok || !messages.ok)
    return {
      ok: false,
      issues: [outcomes, faq, messages].flatMap((r) => (r.ok ? [] : r.issues)),
    };
  return {
    ok: true,
    content: {
      outcomes: outcomes.value.outcomes,
      faq: faq.value.faq,
      messages: new Catalogue(messages.value.messages),
    },
  };
}
