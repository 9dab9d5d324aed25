/**
 * @module channels/teams/officer-card
 * The officer's case card for Teams, rendered from the channel-neutral officer view (src/surfaces/): fact
 * sheet, screening hits, rule path, and the open actions as universal actions (Action.Execute with an
 * Action.Submit fallback for older clients). The decision form validates its required input on the card;
 * the server checks the role and the form again for every action.
 */
import type { Catalogue, Lang } from '../../surfaces/catalogue.ts';
import { classificationResultChoices, decisionKindChoices } from '../../surfaces/officer-form.ts';
import type { OfficerAction, OfficerCaseView } from '../../surfaces/officer-view.ts';
import {
  type ActionExecute,
  type ActionShowCard,
  type AdaptiveCard,
  adaptiveCard,
  type CardAction,
  type CardElement,
  textBlock,
} from './card-types.ts';

/** The verbs of the officer's actions; the bot routes on these. */
export const OFFICER_VERBS: Record<OfficerAction, string> = {
  claim: 'ec.claim',
  take_over: 'ec.take_over',
  decide: 'ec.decide',
  revise: 'ec.revise',
  ask: 'ec.ask',
};
export const REFRESH_VERB = 'ec.refresh';

/** An inline form (Action.ShowCard) whose own action submits only its own inputs. */
const showCard = (title: string, body: CardElement[], submit: ActionExecute): ActionShowCard => ({
  type: 'Action.ShowCard',
  title,
  card: { type: 'AdaptiveCard', body, actions: [submit] },
});

function decisionForm(cat: Catalogue, lang: Lang): CardElement[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'kind',
      label: cat.t('officer.form_decision', lang),
      choices: decisionKindChoices(cat, lang).map((c) => ({ title: c.label, value: c.value })),
      isRequired: true,
      errorMessage: cat.t('officer.error_kind_required', lang),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'result',
      label: cat.t('officer.form_result', lang),
      choices: classificationResultChoices(cat, lang).map((c) => ({ title: c.label, value: c.value })),
    },
    { type: 'Input.Text', id: 'detail', label: cat.t('officer.form_detail', lang), isMultiline: true, maxLength: 2000 },
  ];
}

const execute = (title: string, verb: string, caseId: string): ActionExecute => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { caseId },
  fallback: { type: 'Action.Submit', title, data: { ec: 'officer', verb, caseId } },
});

export function officerCaseCard(
  view: OfficerCaseView,
  cat: Catalogue,
  opts: { note?: string; officerIds?: readonly string[] } = {},
): AdaptiveCard {
  const lang: Lang = view.lang;
  const bullets = (lines: string[]) => (lines.length ? lines.map((l) => `- ${l}`).join('\n') : view.headings.none);
  const body: CardElement[] = [
    textBlock(view.title, { weight: 'Bolder', size: 'Medium' }),
    { type: 'FactSet', facts: view.summary.map((s) => ({ title: s.label, value: s.value })) },
    textBlock(view.headings.facts, { weight: 'Bolder' }),
    {
      type: 'FactSet',
      facts: view.facts.map((f) => ({
        title: f.label,
        value: `${[...f.value].slice(0, 200).join('')} (${f.provenance})`,
      })),
    },
    textBlock(view.headings.screening, { weight: 'Bolder' }),
    textBlock(bullets(view.hits)),
    textBlock(view.headings.path, { weight: 'Bolder' }),
    textBlock(bullets(view.path.map((p) => `${p.id}: ${p.citation}`))),
  ];
  if (view.decision) body.push(textBlock(view.decision));
  if (opts.note) body.push(textBlock(opts.note, { color: 'Attention' }));
  const actions: CardAction[] = view.actions.map((a) => {
    const verb = OFFICER_VERBS[a.id];
    if (a.id === 'decide' || a.id === 'revise')
      return showCard(a.label, decisionForm(cat, lang), execute(a.label, verb, view.caseId));
    if (a.id === 'ask')
      return showCard(
        a.label,
        [
          {
            type: 'Input.Text',
            id: 'question',
            label: cat.t('officer.form_question', lang),
            isMultiline: true,
            isRequired: true,
            errorMessage: cat.t('officer.error_question_required', lang),
            maxLength: 2000,
          },
        ],
        execute(cat.t('officer.form_send', lang), verb, view.caseId),
      );
    return { ...execute(a.label, verb, view.caseId), associatedInputs: 'none' };
  });
  const card = adaptiveCard(body, actions);
  // Only officers get the refreshed card with the actions; others see the card as it was sent.
  if (opts.officerIds?.length)
    card.refresh = { action: execute('refresh', REFRESH_VERB, view.caseId), userIds: [...opts.officerIds] };
  return card;
}
