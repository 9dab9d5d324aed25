/**
 * @module channels/slack/blocks
 * Block Kit for the researcher's reply, rendered from the channel-neutral reply view (src/surfaces/
 * reply-view.ts): the heading, the text, option buttons or the country menu, and the actions allowed now
 * (the admin's FAQ modal is faq-modal.ts). Pure: data in, Block Kit out, typed with @slack/types. Text is escaped once,
 * in mrkdwn.ts, after it is cut to Slack's limits.
 */
import type { ActionsBlock, Button, ContextBlock, KnownBlock } from '@slack/types';
import type { Lang, Reply } from '../../conversation/types.ts';
import { type ReplyContent, type ReplyView, replyView } from '../../surfaces/reply-view.ts';
import { escapeMrkdwn, mrkdwnSections, plainText } from './mrkdwn.ts';
import { SLACK_ACTIONS } from './requirements.ts';

/** The blocks of a posted message as Slack sends them back (app.ts replaces an answered card with them). */
export type Block = KnownBlock;

/** A choice's button or menu value: the conversation, the value, and the fact and turn it answers. */
const choiceValue = (conversationId: string, value: string, view: ReplyView) =>
  JSON.stringify({ c: conversationId, v: value, f: view.question?.fact, t: view.question?.turn });

function questionBlocks(view: ReplyView, conversationId: string): KnownBlock[] {
  const q = view.question;
  if (!q) return [];
  if (q.kind === 'choices')
    return [
      {
        type: 'actions',
        block_id: `ask:${q.fact}`,
        elements: q.choices.map(
          (o, i): Button => ({
            type: 'button',
            action_id: `${SLACK_ACTIONS.choose}:${i}`,
            text: plainText(o.label),
            // The fact and the turn it answers: a click on an old card changes nothing.
            value: choiceValue(conversationId, o.value, view),
          }),
        ),
      } satisfies ActionsBlock,
    ];
  if (q.kind === 'country')
    return [
      {
        type: 'actions',
        block_id: 'ask:destinationCountry',
        elements: [
          {
            type: 'static_select',
            action_id: SLACK_ACTIONS.country,
            placeholder: plainText(q.placeholder, 150),
            options: q.choices.map((c) => ({
              text: plainText(c.label),
              value: choiceValue(conversationId, c.value, view),
            })),
          },
        ],
      } satisfies ActionsBlock,
    ];
  // A free-text answer is typed in the thread.
  return [{ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(q.hint) }] } satisfies ContextBlock];
}

function actionBlocks(view: ReplyView, conversationId: string): KnownBlock[] {
  const out: KnownBlock[] = [];
  const handoff = view.actions.find((a) => a.kind === 'handoff');
  if (handoff)
    out.push({
      type: 'actions',
      block_id: 'handoff',
      elements: [
        {
          type: 'button',
          action_id: `${SLACK_ACTIONS.choose}:99`,
          text: plainText(handoff.label),
          value: JSON.stringify({ c: conversationId, v: 'handoff' }),
        },
      ],
    });
  const after = view.actions.flatMap((a): Button[] =>
    a.kind === 'correct' || a.kind === 'new_case'
      ? [
          {
            type: 'button',
            action_id: a.kind === 'correct' ? SLACK_ACTIONS.correct : SLACK_ACTIONS.newCase,
            text: plainText(a.label),
            value: conversationId,
          },
        ]
      : [],
  );
  if (after.length) out.push({ type: 'actions', block_id: 'decision', elements: after });
  return out;
}

/** The reply view as Block Kit. */
export function viewBlocks(view: ReplyView, conversationId: string): KnownBlock[] {
  return [
    ...(view.heading ? [{ type: 'header', text: plainText(view.heading, 150) } satisfies KnownBlock] : []),
    ...mrkdwnSections(view.text),
    ...questionBlocks(view, conversationId),
    ...actionBlocks(view, conversationId),
  ];
}

/** A conversation reply in a Slack thread. */
export function replyBlocks(reply: Reply, conversationId: string, lang: Lang, rc: ReplyContent): KnownBlock[] {
  return viewBlocks(replyView(reply, lang, rc, { thread: true }), conversationId);
}

/** An answered card, replaced in place: its buttons go, a line says what was chosen. */
export function answeredBlocks(blocks: readonly KnownBlock[] | undefined, chosen: string): KnownBlock[] {
  const kept = (blocks ?? []).filter((b) => b.type !== 'actions' && b.type !== 'context');
  return [...kept, { type: 'context', elements: [{ type: 'mrkdwn', text: `✓ ${escapeMrkdwn(chosen)}` }] }];
}
