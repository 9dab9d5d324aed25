/**
 * @module conversation/content
 * The conversation's data (rules/conversation/): the fixed sentence and next steps for each outcome, and the
 * FAQ with its sources. Validated by zod at load, like the rules.
 */
import { z } from 'zod';
import { OUTCOMES } from '../core/facts.ts';
import type { Catalogue } from '../surfaces/catalogue.ts';

const Bilingual = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
const BilingualList = z.strictObject({ ja: z.array(z.string().min(1)), en: z.array(z.string().min(1)) });

export const OutcomeTextSchema = z.strictObject({ label: Bilingual, sentence: Bilingual, next: BilingualList });
export type OutcomeText = z.infer<typeof OutcomeTextSchema>;

export const OutcomesFileSchema = z.strictObject({
  outcomes: z.strictObject(
    Object.fromEntries(OUTCOMES.map((o) => [o, OutcomeTextSchema])) as {
      [K in (typeof OUTCOMES)[number]]: typeof OutcomeTextSchema;
    },
  ),
});

export const FaqEntrySchema = z.strictObject({
  id: z.string().regex(/^FAQ-[A-Z0-9-]+$/, 'must look like FAQ-SOMETHING'),
  keywords: z.strictObject({ ja: z.array(z.string().min(1)).default([]), en: z.array(z.string().min(1)).default([]) }),
  answer: Bilingual,
  sources: z.array(z.string().min(1)).min(1, 'every FAQ answer needs at least one source'),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

export const FaqFileSchema = z.strictObject({
  faq: z.array(FaqEntrySchema).superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate FAQ id ${e.id}` });
      seen.add(e.id);
    });
  }),
});

/** A regular expression kept as data: it must compile, and it is matched case-insensitively. */
const Pattern = z
  .string()
  .min(2)
  .refine((s) => {
    try {
      new RegExp(s, 'iu');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');
const Patterns = z.strictObject({ ja: z.array(Pattern).min(1), en: z.array(Pattern).min(1) });

/**
 * rules/conversation/guard.yaml: the vocabulary that keeps the LLM's phrasing from contradicting the outcome,
 * and the reason recorded when a researcher hands a case to the office.
 */
export const GuardFileSchema = z.strictObject({
  /** Wording that clears a case: any of it drops the model's text under an escalating outcome. */
  clearing: Patterns,
  /** Wording that escalates: any of it drops the model's text under a clearing outcome. */
  escalating: Patterns,
  /** Lines that look like headers or a stated outcome (【…】, "# …", "Outcome:") are removed from the text. */
  headers: z.array(Pattern).min(1),
  handoff: z.strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9-]+$/),
    citation: z.string().min(1),
    ja: z.string(),
    en: z.string(),
  }),
});
export type GuardContent = z.infer<typeof GuardFileSchema>;

export interface ConversationContent {
  outcomes: z.infer<typeof OutcomesFileSchema>['outcomes'];
  faq: readonly FaqEntry[];
  guard: GuardContent;
  /** The message catalogue (rules/conversation/messages.yaml): every interface sentence, for every channel. */
  messages: Catalogue;
}
