/**
 * @module surfaces/catalogue
 * The one message catalogue: every interface sentence a user sees in any channel (Slack, Teams, the terminal,
 * notices, the survey), in Japanese and English, read from rules/conversation/messages.yaml and validated by
 * zod at load. Legal content (outcome sentences, reasons, citations, FAQ answers) stays in the rules data.
 *
 * The keys are fixed here so the code is type-checked against them; the file must define every key, and a
 * placeholder `{name}` must appear in both languages, so no sentence can reach a user half-filled.
 */
import { z } from 'zod';

export type Lang = 'ja' | 'en';

export const MESSAGE_KEYS = [
  'reply.outcome_heading',
  'reply.reply_in_thread',
  'reply.country_placeholder',
  'reply.text_placeholder',
  'reply.ok',
  'reply.send',
  'reply.correct',
  'reply.correct_prompt',
  'reply.new_case',
  'reply.checking',
  'reply.safe_error',
  'reply.usage',
  'reply.refused',
  'reply.case_corrected',
  'reply.correction_told_officer',
  'reply.correction_no_officer',
  'reply.correction_reopened',
  'reply.correction_conflict',
  'reply.correction_closed',
  'officer.status',
  'officer.requester',
  'officer.claimed_by',
  'officer.rules',
  'officer.deadline',
  'officer.facts',
  'officer.screening',
  'officer.none',
  'officer.rule_path',
  'officer.considered',
  'officer.open_points',
  'officer.decision',
  'officer.claim',
  'officer.take_over',
  'officer.decide',
  'officer.revise',
  'officer.ask',
  'officer.form_decision',
  'officer.form_result',
  'officer.form_detail',
  'officer.form_comment',
  'officer.form_question',
  'officer.form_decide_title',
  'officer.form_ask_title',
  'officer.form_submit',
  'officer.form_send',
  'officer.form_cancel',
  'officer.result_controlled',
  'officer.result_not_controlled',
  'officer.error_reason_required',
  'officer.error_question_required',
  'officer.error_result_required',
  'officer.error_kind_required',
  'officer.hit',
  'officer_kind.no_license_needed',
  'officer_kind.classification',
  'officer_kind.license_application',
  'officer_kind.prior_report',
  'officer_kind.more_information',
  'officer_kind.stop',
  'case_status.recorded',
  'case_status.open',
  'case_status.claimed',
  'case_status.info_requested',
  'case_status.decided',
  'case_status.closed',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*)\}/g;
const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();

const Message = z
  .strictObject({ ja: z.string().min(1), en: z.string().min(1) })
  .refine((m) => placeholders(m.ja).join() === placeholders(m.en).join(), {
    message: 'the Japanese and English sentences must have the same {placeholders}',
  });

export const MessagesFileSchema = z.strictObject({
  messages: z.strictObject(
    Object.fromEntries(MESSAGE_KEYS.map((k) => [k, Message])) as { [K in MessageKey]: typeof Message },
  ),
});
export type MessagesFile = z.infer<typeof MessagesFileSchema>;

export type Vars = Record<string, string | number>;

/** Looks sentences up and fills their placeholders; a missing variable is a programming error, thrown. */
export class Catalogue {
  constructor(private readonly messages: MessagesFile['messages']) {}

  t(key: MessageKey, lang: Lang, vars: Vars = {}): string {
    return this.messages[key][lang].replace(PLACEHOLDER, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new Error(`message ${key}: no value for {${name}}`);
      return String(v);
    });
  }

  /** Both languages, for texts that go to people whose language is not known (a shared officer channel). */
  both(key: MessageKey, vars: Vars = {}): { ja: string; en: string } {
    return { ja: this.t(key, 'ja', vars), en: this.t(key, 'en', vars) };
  }

  /** The placeholders a key takes, for the test that walks every sentence. */
  static placeholdersOf(text: string): string[] {
    return placeholders(text);
  }
}
