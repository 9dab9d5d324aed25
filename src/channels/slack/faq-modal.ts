/**
 * @module channels/slack/faq-modal
 * The modal of `/exportcheck admin faq`: one FAQ entry in both languages, every input with the action id
 * `value` (view-values.ts reads it by block id, which names the field of the shared FAQ editor).
 */
import type { InputBlock, ModalView } from '@slack/types';
import { plainText } from './mrkdwn.ts';
import { SLACK_VIEWS } from './requirements.ts';

const input = (block_id: string, label: string, multiline = false): InputBlock => ({
  type: 'input',
  block_id,
  label: plainText(label),
  element: { type: 'plain_text_input', action_id: 'value', multiline },
});

export function faqModal(): ModalView {
  return {
    type: 'modal',
    callback_id: SLACK_VIEWS.faq,
    title: plainText('FAQ entry'),
    submit: plainText('Save'),
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
