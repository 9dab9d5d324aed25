/**
 * @module surfaces/officer-form
 * The officer's decision form, once for every channel: the choices it offers (decision kinds with their
 * labels, the classification result) and the parser from submitted fields to an OfficerDecision, with the
 * field to blame when something required is missing (Slack shows it on the modal, Teams on the card).
 */
import { OFFICER_DECISION_KINDS, type OfficerDecision, OfficerDecisionSchema } from '../cases/model.ts';
import type { Catalogue, Lang } from './catalogue.ts';

export interface FormChoice {
  value: string;
  label: string;
}

export function decisionKindChoices(cat: Catalogue, lang: Lang): FormChoice[] {
  return OFFICER_DECISION_KINDS.map((k) => ({ value: k, label: cat.t(`officer_kind.${k}`, lang) }));
}

export function classificationResultChoices(cat: Catalogue, lang: Lang): FormChoice[] {
  // 該当/非該当 are the words officers use in both languages; the other language follows in brackets.
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  return (['controlled', 'not_controlled'] as const).map((value) => {
    const key = value === 'controlled' ? 'officer.result_controlled' : 'officer.result_not_controlled';
    return { value, label: `${cat.t(key, lang)} (${cat.t(key, other)})` };
  });
}

export interface OfficerFormFields {
  kind?: string | undefined;
  detail?: string | undefined;
  result?: string | undefined;
}

export type OfficerFormResult =
  | { ok: true; decision: OfficerDecision }
  | { ok: false; field: 'kind' | 'detail' | 'result'; message: string };

/** Reads a submitted decision form; never trusts the kind, and names the field that is missing. */
export function parseOfficerForm(fields: OfficerFormFields, cat: Catalogue, lang: Lang): OfficerFormResult {
  const kind = fields.kind?.trim();
  if (!kind || !(OFFICER_DECISION_KINDS as readonly string[]).includes(kind))
    return { ok: false, field: 'kind', message: cat.t('officer.error_kind_required', lang) };
  const detail = fields.detail?.trim() ?? '';
  const parsed = OfficerDecisionSchema.safeParse({
    kind,
    ...(kind === 'no_license_needed' ? { reason: detail } : {}),
    ...(kind === 'more_information' ? { question: detail } : {}),
    ...(kind === 'classification' ? { result: fields.result } : {}),
  });
  if (parsed.success) return { ok: true, decision: parsed.data };
  if (kind === 'classification')
    return { ok: false, field: 'result', message: cat.t('officer.error_result_required', lang) };
  if (kind === 'more_information')
    return { ok: false, field: 'detail', message: cat.t('officer.error_question_required', lang) };
  return { ok: false, field: 'detail', message: cat.t('officer.error_reason_required', lang) };
}
