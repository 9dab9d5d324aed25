/**
 * @module surfaces/reply-view
 * The researcher's reply as every channel shows it: the language, the decision's heading (the outcome's
 * label from outcomes.yaml), the text, the question with its fact and turn, and the actions allowed now.
 * Slack blocks, Teams cards and the terminal render this one view, so none of them decides on its own what
 * a reply offers or how it is worded; every label comes from the message catalogue. Raw text: each renderer
 * escapes for its own format, once, after any cut.
 */
import { countryChoices } from '../conversation/render.ts';
import type { Ask, Reply } from '../conversation/types.ts';
import type { Reason } from '../core/decision.ts';
import type { Outcome } from '../core/facts.ts';
import type { RuleSet } from '../core/ruleset.ts';
import type { Catalogue, Lang } from './catalogue.ts';

/** What a reply needs from the rules in force (the engine's deps have both). */
export interface ReplyContent {
  ruleSet: RuleSet;
  content: { messages: Catalogue };
}

export interface ViewChoice {
  label: string;
  value: string;
}

/** The question a reply asks: which fact, at which turn (so a click on an old card changes nothing). */
export type ReplyQuestion =
  | { kind: 'choices'; fact: Ask['fact']; turn?: number; choices: ViewChoice[] }
  /** A country menu; the researcher may also type any country. */
  | {
      kind: 'country';
      fact: 'destinationCountry';
      turn?: number;
      choices: ViewChoice[];
      placeholder: string;
      submit: string;
    }
  /** A free-text answer: typed as a message (`hint` says where), or in a card's text box. */
  | {
      kind: 'text';
      fact: Ask['fact'];
      turn?: number;
      multiline: boolean;
      placeholder: string;
      hint: string;
      submit: string;
    };

/** What the researcher may do besides answering: hand the case over now, correct a fact, start a new case. */
export interface ReplyAction {
  kind: 'handoff' | 'correct' | 'new_case';
  label: string;
}

export interface ReplyView {
  lang: Lang;
  /** The decision's heading (`reply.outcome_heading` with the outcome's label), null before a decision. */
  heading: string | null;
  /** What the bot says; on a decision it carries the reasons with their citations and the next steps. */
  text: string;
  /** The decision the text explains: its case, outcome and reasons with citations. */
  decision: { caseId: string; outcome: Outcome; reasons: readonly Reason[] } | null;
  question: ReplyQuestion | null;
  actions: ReplyAction[];
}

export function replyView(
  reply: Reply,
  lang: Lang,
  rc: ReplyContent,
  /** Slack conversations live in a thread: a typed answer goes there. */
  opts: { thread: boolean },
): ReplyView {
  const t = (key: Parameters<Catalogue['t']>[0]) => rc.content.messages.t(key, lang);
  const ask = reply.ask;
  const turn = reply.turn !== undefined ? { turn: reply.turn } : {};
  let question: ReplyQuestion | null = null;
  if (ask?.options) question = { kind: 'choices', fact: ask.fact, ...turn, choices: ask.options };
  else if (ask?.fact === 'destinationCountry')
    question = {
      kind: 'country',
      fact: 'destinationCountry',
      ...turn,
      choices: countryChoices(rc.ruleSet, lang).map((c) => ({ label: c.label, value: c.code })),
      placeholder: t(opts.thread ? 'reply.country_placeholder_thread' : 'reply.country_placeholder'),
      submit: t('reply.ok'),
    };
  else if (ask)
    question = {
      kind: 'text',
      fact: ask.fact,
      ...turn,
      multiline: ask.fact === 'itemDescription',
      placeholder: t('reply.text_placeholder'),
      hint: t('reply.reply_in_thread'),
      submit: t('reply.send'),
    };
  const actions: ReplyAction[] = [];
  // No dead ends: a researcher who cannot give a fact can hand the case to the office now.
  if (reply.offerHandoff) actions.push({ kind: 'handoff', label: t('reply.handoff') });
  if (reply.decision)
    actions.push({ kind: 'correct', label: t('reply.correct') }, { kind: 'new_case', label: t('reply.new_case') });
  const d = reply.decision;
  return {
    lang,
    heading: d && reply.headline ? reply.headline[lang] : null,
    text: reply.say,
    decision: d ? { caseId: d.caseId, outcome: d.outcome as Outcome, reasons: d.reasons } : null,
    question,
    actions,
  };
}
