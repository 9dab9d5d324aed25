/**
 * @module channels/teams/cards
 * Adaptive Cards for the researcher's reply, rendered from the channel-neutral reply view (src/surfaces/
 * reply-view.ts): the heading, the text, choice buttons, a country picker or a text box, and the actions
 * allowed now; also the admin's FAQ form. Typed with card-types.ts. Pure: data in, card out.
 */
import type { Lang, Reply } from '../../conversation/types.ts';
import { FAQ_FORM, FAQ_FORM_TITLE, type FaqFormField } from '../../surfaces/faq-form.ts';
import { type ReplyContent, type ReplyView, replyView } from '../../surfaces/reply-view.ts';
import {
  type ActionSubmit,
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  type InputText,
  textBlock,
} from './card-types.ts';

/** Card data every submission carries: which turn it answers. */
export type SubmitData = {
  ec: 'choose' | 'text' | 'new';
  v?: string;
  text?: string;
  /** The fact and the turn a choice answers: a click on an old card changes nothing. */
  f?: string;
  t?: number;
};

const submit = (title: string, data: SubmitData): ActionSubmit => ({ type: 'Action.Submit', title, data });

/** The reply view as an Adaptive Card. */
export function viewCard(view: ReplyView): AdaptiveCard {
  const body: CardElement[] = [];
  if (view.heading) body.push(textBlock(view.heading, { weight: 'Bolder', size: 'Medium' }));
  for (const para of view.text.split('\n\n')) body.push(textBlock(para));
  const actions: ActionSubmit[] = [];
  const handoff = view.actions.find((a) => a.kind === 'handoff');
  if (handoff) actions.push(submit(handoff.label, { ec: 'choose', v: 'handoff' }));
  const q = view.question;
  const turn = q?.turn !== undefined ? { t: q.turn } : {};
  if (q?.kind === 'choices') {
    for (const o of q.choices) actions.push(submit(o.label, { ec: 'choose', v: o.value, f: q.fact, ...turn }));
  } else if (q?.kind === 'country') {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'v',
      style: 'filtered',
      placeholder: q.placeholder,
      choices: q.choices.map((c) => ({ title: c.label, value: c.value })),
    });
    actions.push(submit(q.submit, { ec: 'choose', f: 'destinationCountry', ...turn }));
  } else if (q) {
    body.push({ type: 'Input.Text', id: 'text', isMultiline: q.multiline, placeholder: q.placeholder });
    actions.push(submit(q.submit, { ec: 'text' }));
  }
  // A correction is typed in the chat in Teams: the card offers the new case only.
  const newCase = view.actions.find((a) => a.kind === 'new_case');
  if (newCase) actions.push(submit(newCase.label, { ec: 'new' }));
  return adaptiveCard(body, actions);
}

/** A conversation reply in a Teams chat (no thread: a typed answer is just the next message). */
export function replyCard(reply: Reply, lang: Lang, rc: ReplyContent): AdaptiveCard {
  return viewCard(replyView(reply, lang, rc, { thread: false }));
}

/** The admin's FAQ form (the Slack modal's twin); submitted with `ec: 'faq'`. */
/** The admin's FAQ form (surfaces/faq-form.ts), the same fields as Slack's modal. */
export function faqCard(): AdaptiveCard {
  const input = (f: FaqFormField): InputText => ({
    type: 'Input.Text',
    id: f.field,
    label: f.label,
    isMultiline: f.multiline,
  });
  return adaptiveCard(
    [textBlock(FAQ_FORM_TITLE, { weight: 'Bolder' }), ...FAQ_FORM.map(input)],
    [{ type: 'Action.Submit', title: 'Save', data: { ec: 'faq' } }],
  );
}

/** What an answered question card becomes: no buttons, the choice shown. */
export function answeredCard(chosen: string): AdaptiveCard {
  return adaptiveCard([textBlock(`✓ ${chosen}`, { isSubtle: true })], []);
}
