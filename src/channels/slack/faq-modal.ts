/**
 * @module channels/slack/faq-modal
 * The modal of `/exportcheck admin faq`, rendered from the channel-neutral FAQ form (src/surfaces): each field
 * an input whose block id names it and whose action id is `value` (view-values.ts reads it so).
 */
import type { InputBlock, ModalView } from '@slack/types';
import { FAQ_FORM, FAQ_FORM_TITLE } from '../../surfaces/faq-form.ts';
import { plainText } from './mrkdwn.ts';
import { SLACK_VIEWS } from './requirements.ts';

export function faqModal(): ModalView {
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.faq,
    // A modal's title and submit label hold at most 24 characters.
    title: plainText(FAQ_FORM_TITLE, 24),
    submit: plainText('Save', 24),
    blocks: FAQ_FORM.map(
      ({ field, label, multiline }): InputBlock => ({
        type: 'input',
        block_id: field,
        label: plainText(label),
        element: { type: 'plain_text_input', action_id: 'value', multiline },
      }),
    ),
  };
}
