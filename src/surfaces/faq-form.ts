/**
 * @module surfaces/faq-form
 * The admin's FAQ form, once for every channel: the fields the shared FAQ editor reads (admin/faq-edit.ts),
 * in its order, each with its label and whether it takes several lines. Slack's modal and Teams' card render it.
 */
import type { FaqField } from '../admin/faq-edit.ts';

export interface FaqFormField {
  field: FaqField;
  label: string;
  multiline: boolean;
}

export const FAQ_FORM_TITLE = 'FAQ entry';

export const FAQ_FORM: readonly FaqFormField[] = [
  { field: 'id', label: 'Id (FAQ-SOMETHING; an existing id is replaced)', multiline: false },
  { field: 'keywords_ja', label: 'Keywords (日本語, comma-separated)', multiline: false },
  { field: 'keywords_en', label: 'Keywords (English, comma-separated)', multiline: false },
  { field: 'answer_ja', label: 'Answer (日本語)', multiline: true },
  { field: 'answer_en', label: 'Answer (English)', multiline: true },
  { field: 'sources', label: 'Sources (one per line)', multiline: true },
];
