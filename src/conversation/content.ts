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

export interface ConversationContent {
  outcomes: z.infer<typeof OutcomesFileSchema>['outcomes'];
  faq: readonly FaqEntry[];
  /** The message catalogue (rules/conversation/messages.yaml): every interface sentence, for every channel. */
  messages: Catalogue;
}
