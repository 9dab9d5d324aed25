/**
 * @module channels/teams/cards
 * Adaptive Cards for Teams: the question (choice buttons, a country picker, a text box), the decision card,
 * and the officer's case card with universal actions (Action.Execute, version 1.5) and an Action.Submit
 * fallback for older clients. Pure: data in, card JSON out.
 */
import { countryChoices } from '../../conversation/render.ts';
import type { Lang, Reply } from '../../conversation/types.ts';
import type { RuleSet } from '../../core/ruleset.ts';

type Json = Record<string, unknown>;

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const card = (body: Json[], actions: Json[] = []): Json => ({
  type: 'AdaptiveCard',
  $schema: SCHEMA,
  version: '1.5',
  body,
  actions,
});
const text = (t: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

/** Card data every submission carries: which turn it answers. */
export interface SubmitData {
  ec: 'choose' | 'text' | 'new';
  v?: string;
  text?: string;
  /** The fact and the turn a choice answers: a click on an old card changes nothing. */
  f?: string;
  t?: number;
}

export function replyCard(reply: Reply, lang: Lang, ruleSet: RuleSet): Json {
  const body: Json[] = [];
  if (reply.decision && reply.headline) body.push(text(reply.headline[lang], { weight: 'Bolder', size: 'Medium' }));
  for (const para of reply.say.split('\n\n')) body.push(text(para));
  const actions: Json[] = [];
  const ask = reply.ask;
  if (reply.offerHandoff)
    actions.push({
      type: 'Action.Submit',
      title: lang === 'ja' ? '担当者に引き継ぐ' : 'Hand to the office',
      data: { ec: 'choose', v: 'handoff' } satisfies SubmitData,
    });
  if (ask?.options) {
    for (const o of ask.options)
      actions.push({
        type: 'Action.Submit',
        title: o.label,
        data: {
          ec: 'choose',
          v: o.value,
          f: ask.fact,
          ...(reply.turn !== undefined ? { t: reply.turn } : {}),
        } satisfies SubmitData,
      });
  } else if (ask?.fact === 'destinationCountry') {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'v',
      style: 'filtered',
      placeholder:
        lang === 'ja' ? '国・地域を選ぶ（またはメッセージで入力）' : 'Pick a country (or type it as a message)',
      choices: countryChoices(ruleSet, lang).map((c) => ({ title: c.label, value: c.code })),
    });
    actions.push({
      type: 'Action.Submit',
      title: lang === 'ja' ? '決定' : 'OK',
      data: {
        ec: 'choose',
        f: 'destinationCountry',
        ...(reply.turn !== undefined ? { t: reply.turn } : {}),
      } satisfies SubmitData,
    });
  } else if (ask) {
    body.push({
      type: 'Input.Text',
      id: 'text',
      isMultiline: ask.fact === 'itemDescription',
      placeholder: lang === 'ja' ? '入力してください' : 'Type here',
    });
    actions.push({
      type: 'Action.Submit',
      title: lang === 'ja' ? '送信' : 'Send',
      data: { ec: 'text' } satisfies SubmitData,
    });
  }
  if (reply.decision)
    actions.push({
      type: 'Action.Submit',
      title: lang === 'ja' ? '新しい相談' : 'New case',
      data: { ec: 'new' } satisfies SubmitData,
    });
  return card(body, actions);
}

/** The admin's FAQ form (the Slack modal's twin); submitted with `ec: 'faq'`. */
export function faqCard(): Json {
  const input = (id: string, label: string, multiline = false) => ({
    type: 'Input.Text',
    id,
    label,
    isMultiline: multiline,
  });
  return card(
    [
      text('FAQ entry (an existing id is replaced)', { weight: 'Bolder' }),
      input('id', 'Id (FAQ-SOMETHING)'),
      input('keywords_ja', 'Keywords (日本語, comma-separated)'),
      input('keywords_en', 'Keywords (English, comma-separated)'),
      input('answer_ja', 'Answer (日本語)', true),
      input('answer_en', 'Answer (English)', true),
      input('sources', 'Sources (one per line)', true),
    ],
    [{ type: 'Action.Submit', title: 'Save', data: { ec: 'faq' } }],
  );
}

/** What an answered question card becomes: no buttons, the choice shown. */
export function answeredCard(chosen: string): Json {
  return card([text(`✓ ${chosen}`, { isSubtle: true })], []);
}
