/**
 * @module channels/slack/blocks
 * Block Kit for the conversation reply (text, option buttons, a country menu, the decision card with its
 * buttons), the officer's case card, and the officer modals. Pure: data in, Block Kit JSON out.
 */

import { countryChoices } from '../../conversation/render.ts';
import type { Lang, Reply } from '../../conversation/types.ts';
import type { RuleSet } from '../../core/ruleset.ts';
import { SLACK_ACTIONS, SLACK_VIEWS } from './requirements.ts';

export type Block = { type: string } & Record<string, unknown>;

/** Slack mrkdwn needs &, < and > escaped; a section holds at most 3,000 characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function sections(text: string): Block[] {
  const out: Block[] = [];
  let rest = escapeMrkdwn(text);
  while (rest.length) {
    let cut = rest.length <= 2900 ? rest.length : rest.lastIndexOf('\n', 2900);
    if (cut <= 0) cut = 2900;
    out.push({ type: 'section', text: { type: 'mrkdwn', text: rest.slice(0, cut) } });
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return out;
}

const plain = (text: string) => ({ type: 'plain_text', text: text.slice(0, 75), emoji: true });

export function replyBlocks(reply: Reply, conversationId: string, lang: Lang, ruleSet: RuleSet): Block[] {
  const blocks: Block[] = [];
  if (reply.decision && reply.headline) blocks.push({ type: 'header', text: plain(reply.headline[lang]) });
  blocks.push(...sections(reply.say));
  const options = reply.ask?.options;
  if (options) {
    blocks.push({
      type: 'actions',
      block_id: `ask:${reply.ask!.fact}`,
      elements: options.map((o, i) => ({
        type: 'button',
        action_id: `${SLACK_ACTIONS.choose}:${i}`,
        text: plain(o.label),
        // The fact and the turn it answers: a click on an old card changes nothing.
        value: JSON.stringify({ c: conversationId, v: o.value, f: reply.ask!.fact, t: reply.turn }),
      })),
    });
  } else if (reply.ask?.fact === 'destinationCountry') {
    blocks.push({
      type: 'actions',
      block_id: 'ask:destinationCountry',
      elements: [
        {
          type: 'static_select',
          action_id: SLACK_ACTIONS.country,
          placeholder: plain(
            lang === 'ja' ? '国・地域を選ぶ（またはスレッドに入力）' : 'Pick a country (or type it in the thread)',
          ),
          options: countryChoices(ruleSet, lang).map((c) => ({
            text: plain(c.label),
            value: JSON.stringify({ c: conversationId, v: c.code, f: 'destinationCountry', t: reply.turn }),
          })),
        },
      ],
    });
  } else if (reply.ask) {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: lang === 'ja' ? 'このスレッドに返信してください。' : 'Reply in this thread.' },
      ],
    });
  }
  if (reply.offerHandoff) {
    // No dead ends: the researcher cannot give a fact; the case can go to the office now.
    blocks.push({
      type: 'actions',
      block_id: 'handoff',
      elements: [
        {
          type: 'button',
          action_id: `${SLACK_ACTIONS.choose}:99`,
          text: plain(lang === 'ja' ? '担当者に引き継ぐ' : 'Hand to the office'),
          value: JSON.stringify({ c: conversationId, v: 'handoff' }),
        },
      ],
    });
  }
  if (reply.decision) {
    blocks.push({
      type: 'actions',
      block_id: 'decision',
      elements: [
        {
          type: 'button',
          action_id: SLACK_ACTIONS.correct,
          text: plain(lang === 'ja' ? '内容を訂正' : 'Correct a fact'),
          value: conversationId,
        },
        {
          type: 'button',
          action_id: SLACK_ACTIONS.newCase,
          text: plain(lang === 'ja' ? '新しい相談' : 'New case'),
          value: conversationId,
        },
      ],
    });
  }
  return blocks;
}

/** An answered card, replaced in place: its buttons go, a line says what was chosen. */
export function answeredBlocks(blocks: readonly Block[] | undefined, chosen: string): Block[] {
  const kept = (blocks ?? []).filter((b) => b.type !== 'actions' && b.type !== 'context');
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeMrkdwn(chosen)}` }] }];
}

export function faqModal(): Block {
  const input = (block_id: string, label: string, multiline = false) => ({
    type: 'input',
    block_id,
    label: plain(label),
    element: { type: 'plain_text_input', action_id: 'value', multiline },
  });
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.faq,
    title: plain('FAQ entry'),
    submit: plain('Save'),
    blocks: [
      input('id', 'Id (FAQ-SOMETHING; an existing id is replaced)'),
      input('keywords_ja', 'Keywords (日本語, comma-separated)'),
      input('keywords_en', 'Keywords (English, comma-separated)'),
      input('answer_ja', 'Answer (日本語)', true),
      input('answer_en', 'Answer (English)', true),
      input('sources', 'Sources (one per line)', true),
    ],
  };
}
