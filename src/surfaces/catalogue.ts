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
import { FACT_KEYS, type FactKey, FLAGS, type Flag } from '../core/facts.ts';

export type Lang = 'ja' | 'en';

/**
 * The sentence keys; fact and flag labels have one key per fact key and flag of the core (below), so a new
 * fact cannot reach a user without a label.
 */
const SENTENCE_KEYS = [
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
  'officer.not_applied',
  'officer.conditions_not_met',
  'officer.and_more',
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
  // the conversation engine's own sentences (conversation/engine.ts, render.ts, correction.ts, faq.ts)
  'conversation.greeting',
  'conversation.understood',
  'conversation.corrected',
  'conversation.correction_none',
  'conversation.correction_country',
  'conversation.unknown_country',
  'conversation.unparseable',
  'conversation.need_free_text',
  'conversation.offer_handoff',
  'conversation.handed_off',
  'conversation.open_questions',
  'conversation.stale_choice',
  'conversation.not_asked_choice',
  'conversation.stale_decided',
  'conversation.confirm_read',
  'conversation.confirm_ask',
  'conversation.confirm_yes',
  'conversation.read_by_model',
  'conversation.replaces',
  'conversation.amount_negative',
  'conversation.amount_zero',
  'conversation.amount_ambiguous',
  'conversation.steering',
  'conversation.bad_choice',
  'conversation.reset',
  'conversation.after_decision',
  'conversation.own_use',
  'conversation.faq_sources',
  'conversation.store_down',
  'conversation.already_recorded',
  'conversation.info_sent',
  // the decision as text (conversation/render.ts)
  'decision.outcome_line',
  'decision.reasons',
  'decision.reference',
  'decision.open_points',
  'decision.flags',
  'decision.next',
  'decision.explanation',
  'decision.case_id',
  // where to find a fact the researcher does not know (no dead ends)
  'advice.counterpartyName.visitor',
  'advice.counterpartyName.other',
  'advice.listCategory.other',
  'advice.itemDescription.other',
  'advice.destinationCountry.visitor',
  'advice.destinationCountry.other',
  'advice.valueJPY.other',
  // the officer's decision as the requester reads it, and the case notices (cases/notices.ts)
  'officer_decision.no_license_needed',
  'officer_decision.controlled',
  'officer_decision.not_controlled',
  'officer_decision.license_application',
  'officer_decision.prior_report',
  'officer_decision.more_information',
  'officer_decision.stop',
  'notice.escalated',
  'notice.claimed',
  'notice.decided',
  'notice.revised',
  'notice.commented',
  'notice.info_given',
  'notice.closed',
  'notice.reopened',
  'notice.reminder_unclaimed',
  'notice.reminder_undecided',
  // the annual survey (survey/service.ts, campaign.ts)
  'survey.start',
  'survey.invalid',
  'survey.paused',
  'survey.done',
  'survey.follow_up',
  'survey.reminder',
  'survey.yes',
  'survey.no',
  'survey.unknown',
  // the terminal and the Teams bot's own lines
  'terminal.intro',
  'teams.card_unreadable',
  'teams.officer_conversation_set',
  // two reply labels (the hand-off button, the country menu in a Slack thread)
  'reply.handoff',
  'reply.country_placeholder_thread',
] as const;

export type MessageKey = (typeof SENTENCE_KEYS)[number] | `fact.${FactKey}` | `flag.${Flag}`;

export const MESSAGE_KEYS: readonly MessageKey[] = [
  ...SENTENCE_KEYS,
  ...FACT_KEYS.map((k) => `fact.${k}` as const),
  ...FLAGS.map((f) => `flag.${f}` as const),
];

const KEY_SET: ReadonlySet<string> = new Set(MESSAGE_KEYS);
/** For keys built from data (`advice.<fact>.<case type>`): whether the catalogue has such a sentence. */
export const isMessageKey = (key: string): key is MessageKey => KEY_SET.has(key);

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
