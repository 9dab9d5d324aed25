/**
 * @module conversation/officer-view
 * What the officer sees besides the rule path: the open points the bot left unasked (every answer gave the
 * same outcome) and "why not" — the rules considered and not applied, each with the facts that decided it.
 * Shared by the Slack and Teams case cards and `cases show`. Cases recorded before these fields existed
 * simply show neither.
 */
import type { Decision } from '../core/decision.ts';
import type { Catalogue, Lang } from '../surfaces/catalogue.ts';

const WHY_NOT_LIMIT = 20;

export function officerExtraLines(decision: Decision, cat: Catalogue, lang: Lang): [string, string[]][] {
  const out: [string, string[]][] = [];
  const open = decision.open ?? [];
  if (open.length) out.push([cat.t('officer.open_points', lang), [open.join(', ')]]);
  const considered = decision.considered ?? [];
  if (considered.length) {
    const lines = considered.slice(0, WHY_NOT_LIMIT).map((c) =>
      cat.t('officer.not_applied', lang, {
        id: c.id,
        outcome: c.outcome,
        because: c.because.join('; ') || cat.t('officer.conditions_not_met', lang),
      }),
    );
    if (considered.length > WHY_NOT_LIMIT)
      lines.push(cat.t('officer.and_more', lang, { n: considered.length - WHY_NOT_LIMIT }));
    out.push([cat.t('officer.considered', lang), lines]);
  }
  return out;
}
