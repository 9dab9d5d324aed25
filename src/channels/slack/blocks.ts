/**
 * @module channels/slack/blocks
 * Block Kit for the conversation reply (text, option buttons, a country menu, the decision card with its
 * buttons), the officer's case card, and the officer modals. Pure: data in, Block Kit JSON out.
 */

import { type Case, OFFICER_DECISION_KINDS } from '../../cases/model.ts';
import { officerDecisionText } from '../../cases/notices.ts';
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
  if (reply.decision) {
    blocks.push({ type: 'header', text: plain(`${lang === 'ja' ? '判定' : 'Outcome'}: ${reply.decision.outcome}`) });
  }
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

/** The officer's card: fact sheet with provenance, screening hits, rule path, and the actions left. */
export function caseBlocks(c: Case): Block[] {
  const facts = Object.entries(c.facts)
    .map(([k, e]) => `• *${k}*: ${escapeMrkdwn(String(e.value)).slice(0, 200)} _(${e.provenance})_`)
    .join('\n');
  const hits = c.decision.screening.length
    ? c.decision.screening
        .map(
          (h) =>
            `• ${h.list} No.${h.entry} ${escapeMrkdwn(h.name)} — ${h.matchType} ${h.score} on “${escapeMrkdwn(h.matchedOn)}”`,
        )
        .join('\n')
    : '• none';
  const path = c.decision.reasons.map((r) => `• \`${r.id}\` ${escapeMrkdwn(r.citation)}`).join('\n');
  const who = c.requester.principal.startsWith('slack:')
    ? `<@${c.requester.principal.slice(6)}>`
    : escapeMrkdwn(c.requester.principal);
  const blocks: Block[] = [
    { type: 'header', text: plain(`${c.id} — ${c.decision.outcome}`) },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${c.status}` },
        { type: 'mrkdwn', text: `*Requester*\n${who} (${c.requester.channel})` },
        { type: 'mrkdwn', text: `*Claimed by*\n${c.claimedBy ? escapeMrkdwn(c.claimedBy) : '—'}` },
        { type: 'mrkdwn', text: `*Rules*\n${c.rulesVersion}${c.deadline ? `\n*Deadline* ${c.deadline}` : ''}` },
      ],
    },
    ...sections(`*Facts*\n${facts}`),
    ...sections(`*Screening*\n${hits}`),
    ...sections(`*Rule path*\n${path}`),
  ];
  if (c.officerDecision)
    blocks.push(
      ...sections(`*Officer decision* (${c.officerDecision.by}): ${officerDecisionText(c.officerDecision).en}`),
    );
  if (c.status !== 'closed' && c.status !== 'recorded') {
    const elements: Block[] = [];
    if (c.status === 'open')
      elements.push({
        type: 'button',
        action_id: SLACK_ACTIONS.claim,
        text: plain('Claim'),
        value: c.id,
        style: 'primary',
      });
    if (c.status !== 'decided') {
      elements.push({ type: 'button', action_id: SLACK_ACTIONS.decide, text: plain('Decide'), value: c.id });
      elements.push({ type: 'button', action_id: SLACK_ACTIONS.ask, text: plain('Ask the researcher'), value: c.id });
    }
    if (elements.length) blocks.push({ type: 'actions', block_id: `case:${c.id}`, elements });
  }
  return blocks;
}

const KIND_LABELS: Record<string, string> = {
  no_license_needed: 'No licence needed (give the reason)',
  classification: 'Classification result (該当/非該当)',
  license_application: 'Licence application needed',
  prior_report: 'Prior report needed',
  more_information: 'More information needed (give the question)',
  stop: 'Stop',
};

export function decideModal(caseId: string): Block {
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.decide,
    private_metadata: caseId,
    title: plain('Decide case'),
    submit: plain('Decide'),
    close: plain('Cancel'),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${caseId}*` } },
      {
        type: 'input',
        block_id: 'kind',
        label: plain('Decision'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: OFFICER_DECISION_KINDS.map((k) => ({ text: plain(KIND_LABELS[k] ?? k), value: k })),
        },
      },
      {
        type: 'input',
        block_id: 'result',
        optional: true,
        label: plain('Classification result'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: [
            { text: plain('該当 controlled'), value: 'controlled' },
            { text: plain('非該当 not controlled'), value: 'not_controlled' },
          ],
        },
      },
      {
        type: 'input',
        block_id: 'detail',
        optional: true,
        label: plain('Reason / question'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: plain('Comment'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
    ],
  };
}

export function askModal(caseId: string): Block {
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.ask,
    private_metadata: caseId,
    title: plain('Ask the researcher'),
    submit: plain('Send'),
    blocks: [
      {
        type: 'input',
        block_id: 'detail',
        label: plain('Question'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
    ],
  };
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
