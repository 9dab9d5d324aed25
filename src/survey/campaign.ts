/**
 * @module survey/campaign
 * The survey as data (rules/survey/*.yaml), validated by zod, and the pure walk through it: which question
 * comes next (skipping those whose `askIf` does not hold), how an answer is read, and which answers need
 * the office's follow-up.
 */
import { z } from 'zod';
import { parseListCategory } from '../conversation/answer.ts';
import { NO_ANSWER, UNKNOWN_ANSWER, YES_ANSWER } from '../conversation/lexicon.ts';

const Bilingual = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

export const SurveyQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  type: z.enum(['text', 'yes_no_unknown', 'list_category']),
  text: Bilingual,
  followUp: z.array(z.string()).optional(),
  askIf: z.strictObject({ question: z.string(), equals: z.string() }).optional(),
});
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const CampaignSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: Bilingual,
    intro: Bilingual,
    source: z.string().min(1),
    questions: z.array(SurveyQuestionSchema).min(1),
  })
  .superRefine((c, ctx) => {
    const ids = c.questions.map((q) => q.id);
    c.questions.forEach((q, i) => {
      if (ids.indexOf(q.id) !== i)
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id ${q.id}` });
      const earlier = q.askIf ? ids.indexOf(q.askIf.question) : -2;
      if (earlier === -1 || earlier >= i)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'askIf'],
          message: 'askIf must name an earlier question',
        });
    });
    for (const required of ['lab', 'department', 'controlled'])
      if (!ids.includes(required))
        ctx.addIssue({ code: 'custom', path: ['questions'], message: `the survey needs a "${required}" question` });
  });
export type Campaign = z.infer<typeof CampaignSchema>;

export type Answers = Record<string, { value: string; at: string }>;

export function applicable(campaign: Campaign, answers: Answers): SurveyQuestion[] {
  return campaign.questions.filter((q) => !q.askIf || answers[q.askIf.question]?.value === q.askIf.equals);
}

export function nextQuestion(campaign: Campaign, answers: Answers): SurveyQuestion | undefined {
  return applicable(campaign, answers).find((q) => answers[q.id] === undefined);
}

/** The answers of a yes/no/unknown question; their labels are the catalogue's survey.yes/no/unknown. */
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

export function readAnswer(q: SurveyQuestion, raw: string): string | undefined {
  const t = raw.trim();
  if (!t) return undefined;
  if (q.type === 'text') return t.slice(0, 500);
  if (q.type === 'list_category') return parseListCategory(t);
  if (['yes', 'no', 'unknown'].includes(t)) return t;
  if (/^[123]$/.test(t)) return ['yes', 'no', 'unknown'][Number(t) - 1];
  if (UNKNOWN_ANSWER.test(t)) return 'unknown';
  if (YES_ANSWER.test(t)) return 'yes';
  if (NO_ANSWER.test(t)) return 'no';
  return undefined;
}

/** The answers the office must follow up, as question ids. */
export function followUps(campaign: Campaign, answers: Answers): string[] {
  return applicable(campaign, answers)
    .filter((q) => q.followUp && answers[q.id] && q.followUp.includes(answers[q.id]!.value))
    .map((q) => q.id);
}

/** Lab names as people type them: 「材料物性 研究室」 and 「材料物性研究室」 are one lab. */
export function normalizeLab(lab: string): string {
  return lab.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** When a session reported list-controlled items, and for which lab; undefined when it did not. */
export function labReport(answers: Answers): { lab: string; at: string } | undefined {
  const lab = answers.lab?.value;
  const controlled = answers.controlled;
  return lab && controlled?.value === 'yes' ? { lab: normalizeLab(lab), at: controlled.at } : undefined;
}
