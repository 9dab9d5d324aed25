/**
 * @module tools/import-annex
 * `export-check rules import-annex`: generates rules/items/generated-annex.yaml — the `listed` item
 * entries for pathogens, toxins, plant pathogens, CW precursors and nuclear source material — from the
 * EU dual-use annex (Regulation (EU) 2021/821 Annex I), which implements the same Australia Group, CWC and
 * NSG lists as 輸出令別表第1. Names come from the annex text, never typed from memory; Japanese and
 * Chinese names come from rules/sources/annex-ja.yaml.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { Item } from '../core/rules-schema.ts';

const AnnexSchema = z.object({
  corpus_version: z.string(),
  valid_from: z.string(),
  attribution: z.string(),
  entries: z.array(z.object({ entry_code: z.string(), verbatim_text: z.string() })),
});

interface Source {
  code: string;
  category: string;
  flags: Item['flags'];
  concerns: Item['concerns'];
  line: RegExp;
}

// Which annex entries map to which 項 of 輸出令別表第1 (the regimes are the same; the numbering differs).
const SOURCES: Source[] = [
  {
    code: '1C351',
    category: '3の2',
    flags: ['infectious_disease', 'dangerous_goods'],
    concerns: ['B'],
    line: /^1C351\.([a-e])\.(\d+) (.+)$/,
  },
  {
    code: '1C354',
    category: '3の2',
    flags: ['plant_animal_quarantine'],
    concerns: ['B'],
    line: /^1C354\.([a-c])\.(\d+) (.+)$/,
  },
  {
    code: '1C350',
    category: '3',
    flags: ['chemical_weapons', 'dangerous_goods'],
    concerns: ['C'],
    line: /^1C350\.()(\d+) (.+)$/,
  },
];

function cleanName(
  raw: string,
  chemical: boolean,
): { main: string; alternates: string[]; cas?: string; qualified: boolean } {
  let s = raw.replace(/[;.]\s*$/, '').trim();
  const cas = /\(CAS ([0-9-]+)\)/.exec(s)?.[1];
  s = s.replace(/\(CAS [0-9-]+\)/g, '').trim();
  const qualified = /strain|subtype|producing|race|type|subspecies|which are|serogroup/i.test(s);
  const parens = [...s.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!);
  // Chemical names contain commas ("N,N-Diisopropyl…"), so only organism names are cut at a comma.
  let main = s
    .replace(chemical ? /\([A-Z0-9-]+\)/g : /\([^()]*\)/g, '')
    .split(chemical ? /:| which are/ : /[:,]| and all other| which are/)[0]!
    .trim();
  main = main.replace(/^SEE MILITARY GOODS CONTROLS for /, '');
  const alternates = (chemical ? [] : parens)
    .flatMap((p) => p.split(/,\s*|\s*\/\s*/))
    .map((p) =>
      p
        .replace(/^(formerly known as|syn\.)\s*/i, '')
        .replace(/\[.*$/, '')
        .trim(),
    )
    .filter((p) => p.length > 4 && !/^(NEO|QL)$/.test(p) && !/subtype|strain/i.test(p));
  const split = main.split(/ or /).map((x) => x.trim());
  return { main: split[0]!, alternates: [...split.slice(1), ...alternates], ...(cas ? { cas } : {}), qualified };
}

export function importAnnex(rulesDir: string, annexFile = join(rulesDir, 'sources', 'eu_dual_use', 'annex.json')) {
  const annex = AnnexSchema.parse(JSON.parse(readFileSync(annexFile, 'utf8')));
  const ja = (
    parse(readFileSync(join(rulesDir, 'sources', 'annex-ja.yaml'), 'utf8')) as { names: Record<string, string[]> }
  ).names;
  const used = new Set<string>();
  const items: Item[] = [];
  const cjk = (names: string[]) => names.filter((n) => !/^\p{ASCII}*$/u.test(n));
  const latin = (names: string[]) => names.filter((n) => !!/^\p{ASCII}*$/u.test(n));

  for (const src of SOURCES) {
    const entry = annex.entries.find((e) => e.entry_code === src.code);
    if (!entry) throw new Error(`${annexFile}: entry ${src.code} not found`);
    for (const line of entry.verbatim_text.split('\n')) {
      const m = src.line.exec(line.trim());
      if (!m || /^Not used/.test(m[3]!)) continue;
      const provision = `${src.code}${m[1] ? `.${m[1]}` : ''}.${m[2]}`;
      const name = cleanName(m[3]!, src.code === '1C350');
      const military = /^SEE MILITARY GOODS CONTROLS/.test(m[3]!);
      const extra = ja[name.main] ?? [];
      const id = `ITEM-EU-${provision.replace(/\./g, '-')}`.toUpperCase();
      if (used.has(id)) continue;
      used.add(id);
      items.push({
        id,
        terms: {
          en: [name.main, ...name.alternates, ...(name.cas ? [name.cas] : []), ...latin(extra)],
          ja: cjk(extra).filter((n) => !/[铀钍氢氰钾钠胺霍杆毒]/.test(n)),
          zh: cjk(extra).filter((n) => /[铀钍氢氰钾钠胺霍杆毒]/.test(n)),
        },
        strength: name.qualified ? 'possible' : 'listed',
        categories: [military ? '1' : src.category],
        priorReport: false,
        outsideCatchAll: false,
        hs16_1: false,
        concerns: src.concerns,
        flags: src.flags,
        citation: `輸出令別表第1 ${military ? '1' : src.category}項 (EU 2021/821 Annex I ${provision})`,
      });
    }
  }
  // 0C001: natural/depleted uranium and thorium in any form → 輸出令別表第1 2項.
  items.push({
    id: 'ITEM-EU-0C001-URANIUM-THORIUM',
    terms: {
      en: [
        'natural uranium',
        'depleted uranium',
        'uranium',
        'thorium',
        'uranyl acetate',
        'uranyl nitrate',
        'thorium nitrate',
      ],
      ja: [
        ...(ja['Natural uranium'] ?? []),
        ...(ja['Depleted uranium'] ?? []),
        ...(ja.thorium ?? []),
        '酢酸ウラニル',
        '硝酸ウラニル',
        '硝酸トリウム',
      ].filter((n) => !/^\p{ASCII}*$/u.test(n) && !/[铀钍]/.test(n)),
      zh: ['铀', '钍', '醋酸铀酰'],
    },
    strength: 'listed',
    categories: ['2'],
    priorReport: false,
    outsideCatchAll: false,
    hs16_1: false,
    concerns: ['N'],
    flags: ['radioisotope'],
    citation: '輸出令別表第1 2項、貨物等省令第1条第1号 (EU 2021/821 Annex I 0C001); 核原料物質（国際規制物資）',
    note: 'Uranyl acetate (EM stain) is a uranium compound: list-controlled under 2項 with no small-value exception.',
  });

  const file = join(rulesDir, 'items', 'generated-annex.yaml');
  const header = `# GENERATED by \`export-check rules import-annex\` from EU Regulation 2021/821 Annex I (${annex.corpus_version}, valid from ${annex.valid_from}).\n# ${annex.attribution}\n# Do not edit by hand: edit rules/sources/annex-ja.yaml and re-run.\n`;
  writeFileSync(
    file,
    header +
      stringify(
        {
          catalogue: 'EU dual-use annex: pathogens, toxins, CW precursors, nuclear source material',
          generatedBy: 'export-check rules import-annex',
          items,
        },
        { aliasDuplicateObjects: false, lineWidth: 0 },
      ),
  );
  return { file, count: items.length };
}
