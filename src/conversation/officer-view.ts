/**
 * @module conversation/officer-view
 * What the officer sees besides the rule path: the open points the bot left unasked (every answer gave the
 * same outcome) and "why not" — the rules considered and not applied, each with the facts that decided it.
 * Shared by the Slack and Teams case cards and `cases show`. Cases recorded before these fields existed
 * simply show neither.
 */
import type { Decision } from '../core/decision.ts';

const WHY_NOT_LIMIT = 20;

export function officerExtraLines(decision: Decision): [string, string[]][] {
  const out: [string, string[]][] = [];
  const open = decision.open ?? [];
  if (open.length) out.push(['Open points (not asked: every answer gave the same outcome)', [open.join(', ')]]);
  const considered = decision.considered ?? [];
  if (considered.length) {
    const lines = considered
      .slice(0, WHY_NOT_LIMIT)
      .map((c) => `${c.id} (${c.outcome}) not applied: ${c.because.join('; ') || 'conditions not met'}`);
    if (considered.length > WHY_NOT_LIMIT) lines.push(`… and ${considered.length - WHY_NOT_LIMIT} more`);
    out.push(['Why not (rules considered, not applied)', lines]);
  }
  return out;
}
