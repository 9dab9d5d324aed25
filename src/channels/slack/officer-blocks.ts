/**
 * @module channels/slack/officer-blocks
 * The officer's case card and decision modals as Block Kit, rendered from the channel-neutral officer view
 * (src/surfaces/). Typed with @slack/types; every string is escaped once, here.
 */
import type { ActionsBlock, Button, KnownBlock, ModalView, SectionBlock } from '@slack/types';
import type { Catalogue, Lang } from '../../surfaces/catalogue.ts';
import { classificationResultChoices, decisionKindChoices } from '../../surfaces/officer-form.ts';
import type { OfficerAction, OfficerCaseView } from '../../surfaces/officer-view.ts';
import { escapeMrkdwn, mrkdwnSections, plainText } from './mrkdwn.ts';
import { SLACK_ACTIONS, SLACK_VIEWS } from './requirements.ts';

const ACTION_IDS: Record<OfficerAction, string> = {
  claim: SLACK_ACTIONS.claim,
  take_over: SLACK_ACTIONS.takeOver,
  decide: SLACK_ACTIONS.decide,
  revise: SLACK_ACTIONS.revise,
  ask: SLACK_ACTIONS.ask,
};

/** A requester from Slack is shown as a mention; anyone else as escaped text. */
function who(principal: string, channel: string): string {
  return principal.startsWith('slack:')
    ? `<@${principal.slice(6)}> (${channel})`
    : escapeMrkdwn(`${principal} (${channel})`);
}

export function officerCaseBlocks(view: OfficerCaseView): KnownBlock[] {
  const fields = view.summary.map((s, i) => ({
    type: 'mrkdwn' as const,
    text: `*${escapeMrkdwn(s.label)}*\n${i === 1 ? who(view.requester.principal, view.requester.channel) : escapeMrkdwn(s.value)}`,
  }));
  const list = (lines: string[], none: string) => (lines.length ? lines.map((l) => `• ${l}`).join('\n') : `• ${none}`);
  const { none } = view.headings;
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(view.title, 150) },
    { type: 'section', fields } satisfies SectionBlock,
    ...mrkdwnSections(
      list(
        view.facts.map((f) => `${f.label}: ${[...f.value].slice(0, 200).join('')} (${f.provenance})`),
        none,
      ),
      { heading: view.headings.facts },
    ),
    ...mrkdwnSections(list(view.hits, none), { heading: view.headings.screening }),
    ...mrkdwnSections(
      list(
        view.path.map((p) => `${p.id} ${p.citation}`),
        none,
      ),
      { heading: view.headings.path },
    ),
  ];
  if (view.decision) blocks.push(...mrkdwnSections(view.decision));
  if (view.actions.length) {
    const elements: Button[] = view.actions.map((a) => ({
      type: 'button',
      action_id: ACTION_IDS[a.id],
      text: plainText(a.label),
      value: view.caseId,
      ...(a.id === 'claim' ? { style: 'primary' as const } : {}),
    }));
    blocks.push({ type: 'actions', block_id: `case:${view.caseId}`, elements } satisfies ActionsBlock);
  }
  return blocks;
}

export function decideModal(caseId: string, cat: Catalogue, lang: Lang, revise = false): ModalView {
  const t = (k: Parameters<Catalogue['t']>[0]) => cat.t(k, lang);
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.decide,
    private_metadata: JSON.stringify({ caseId, revise }),
    title: plainText(revise ? t('officer.revise') : t('officer.form_decide_title'), 24),
    submit: plainText(t('officer.form_submit'), 24),
    close: plainText(t('officer.form_cancel'), 24),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(caseId)}*` } },
      {
        type: 'input',
        block_id: 'kind',
        label: plainText(t('officer.form_decision'), 2000),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: decisionKindChoices(cat, lang).map((c) => ({ text: plainText(c.label), value: c.value })),
        },
      },
      {
        type: 'input',
        block_id: 'result',
        optional: true,
        label: plainText(t('officer.form_result'), 2000),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: classificationResultChoices(cat, lang).map((c) => ({ text: plainText(c.label), value: c.value })),
        },
      },
      {
        type: 'input',
        block_id: 'detail',
        optional: true,
        label: plainText(t('officer.form_detail'), 2000),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: plainText(t('officer.form_comment'), 2000),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
    ],
  };
}

export function askModal(caseId: string, cat: Catalogue, lang: Lang): ModalView {
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.ask,
    private_metadata: JSON.stringify({ caseId }),
    title: plainText(cat.t('officer.form_ask_title', lang), 24),
    submit: plainText(cat.t('officer.form_send', lang), 24),
    blocks: [
      {
        type: 'input',
        block_id: 'detail',
        label: plainText(cat.t('officer.form_question', lang), 2000),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true },
      },
    ],
  };
}
