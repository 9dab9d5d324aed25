/**
 * @module surfaces/officer-view
 * The officer's view of a case, channel-neutral: what the card shows (fact sheet with provenance, screening
 * hits, rule path, the officer's decision) and which actions are open in the case's state. Slack blocks and
 * Teams cards are rendered from this; text here is raw, each renderer escapes it for its own markup.
 */
import type { Case } from '../cases/model.ts';
import { officerDecisionText } from '../cases/notices.ts';
import { officerExtraLines } from '../conversation/officer-view.ts';
import type { Outcome } from '../core/facts.ts';
import type { Catalogue, Lang } from './catalogue.ts';

export type OfficerAction = 'claim' | 'take_over' | 'decide' | 'revise' | 'ask';

export interface OfficerCaseView {
  caseId: string;
  lang: Lang;
  title: string;
  status: string;
  requester: { principal: string; channel: string };
  summary: { label: string; value: string }[];
  headings: { facts: string; screening: string; path: string; none: string };
  facts: { key: string; label: string; value: string; provenance: string }[];
  hits: string[];
  path: { id: string; citation: string }[];
  /** Open points and "why not" (rules considered, not applied, with the deciding facts). */
  extra: { title: string; lines: string[] }[];
  decision?: string;
  actions: { id: OfficerAction; label: string }[];
}

/** Actions open in each state; the role and the state are checked again on the server for every click. */
export function officerActions(c: Pick<Case, 'status'>): OfficerAction[] {
  switch (c.status) {
    case 'open':
      return ['claim', 'decide', 'ask'];
    case 'claimed':
      return ['take_over', 'decide', 'ask'];
    case 'info_requested':
      return ['decide', 'ask'];
    case 'decided':
      return ['revise'];
    default:
      return [];
  }
}

export function officerCaseView(
  c: Case,
  opts: { lang: Lang; catalogue: Catalogue; outcomeLabel: (o: Outcome) => string; factLabel?: (key: string) => string },
): OfficerCaseView {
  const { lang, catalogue: cat } = opts;
  const t = (k: Parameters<Catalogue['t']>[0], vars?: Parameters<Catalogue['t']>[2]) => cat.t(k, lang, vars);
  const status = t(`case_status.${c.status}`);
  const summary = [
    { label: t('officer.status'), value: status },
    { label: t('officer.requester'), value: `${c.requester.principal} (${c.requester.channel})` },
    { label: t('officer.claimed_by'), value: c.claimedBy ?? '—' },
    { label: t('officer.rules'), value: c.rulesVersion },
    ...(c.deadline ? [{ label: t('officer.deadline'), value: c.deadline }] : []),
  ];
  const actions = officerActions(c).map((id) => ({ id, label: t(`officer.${id}`) }));
  return {
    caseId: c.id,
    lang,
    title: `${c.id} — ${opts.outcomeLabel(c.decision.outcome as Outcome)}`,
    status,
    requester: { principal: c.requester.principal, channel: c.requester.channel },
    summary,
    headings: {
      facts: t('officer.facts'),
      screening: t('officer.screening'),
      path: t('officer.rule_path'),
      none: t('officer.none'),
    },
    facts: Object.entries(c.facts).map(([key, e]) => ({
      key,
      label: opts.factLabel?.(key) ?? key,
      value: String(e.value),
      provenance: e.provenance,
    })),
    hits: c.decision.screening.map((h) =>
      t('officer.hit', {
        list: h.list,
        entry: h.entry,
        name: h.name,
        match: h.matchType,
        score: h.score,
        matchedOn: h.matchedOn,
      }),
    ),
    path: c.decision.reasons.map((r) => ({ id: r.id, citation: r.citation })),
    extra: officerExtraLines(c.decision, cat, lang).map(([title, lines]) => ({ title, lines })),
    ...(c.officerDecision
      ? {
          decision: t('officer.decision', {
            by: c.officerDecision.by,
            text: officerDecisionText(c.officerDecision, cat)[lang],
          }),
        }
      : {}),
    actions,
  };
}

/**
 * The officers' language: the export-control office of a Japanese university works in Japanese; the card
 * shows the facts as the researcher wrote them either way.
 */
export const OFFICER_LANG: Lang = 'ja';

/** The officer view with the labels of the loaded conversation content (outcomes, catalogue). */
export function officerViewFrom(
  c: Case,
  content: { outcomes: Record<Outcome, { label: Record<Lang, string> }>; messages: Catalogue },
  lang: Lang = OFFICER_LANG,
): OfficerCaseView {
  return officerCaseView(c, {
    lang,
    catalogue: content.messages,
    outcomeLabel: (o) => content.outcomes[o]?.label[lang] ?? o,
  });
}
