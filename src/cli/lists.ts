/**
 * @module cli/lists
 * `export-check lists import --eul FILE.xlsx | --ru FILE.pdf | --by FILE.pdf | --third FILE.pdf | --csl FILE.csv
 * [--date YYYY-MM-DD] [--force] [--dry-run]` and `lists status`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCountryLookup } from '../core/country-lookup.ts';
import type { RuleSet } from '../core/ruleset.ts';
import { curatedAliasReport } from '../lists/alias-report.ts';
import { importList, type ListSource, SOURCES } from '../lists/import.ts';
import { loadLists } from '../lists/load-lists.ts';
import { buildScreeningGolden, parseUnlisted } from '../tools/screening-golden.ts';
import { type Args, printIssues } from './io.ts';

/** `lists golden`: regenerates the screening golden set from the loaded lists (a maintainer's tool). */
function writeScreeningGolden(args: Args, deps: ListsDeps): number {
  const { lists } = loadLists(deps.listsDir);
  const unlisted = parseUnlisted(readFileSync(join(deps.goldenDir, 'sources', 'unlisted-institutions.txt'), 'utf8'));
  const cases = buildScreeningGolden(lists, unlisted);
  const out = (args.flags.get('out') as string | undefined) ?? join(deps.goldenDir, 'screening.jsonl');
  writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
  process.stdout.write(`wrote ${cases.length} cases to ${out}\n`);
  return 0;
}

interface ListsDeps {
  ruleSet: RuleSet;
  listsDir: string;
  goldenDir: string;
  /** Where rules/screening/aliases.yaml lives (default: the lists folder's parent). */
  rulesDir?: string;
  /** After an import is written: re-screen the cases against the new lists (needs the shared store). */
  afterImport?: () => Promise<void>;
}

export async function runLists(args: Args, deps: ListsDeps): Promise<number> {
  const sub = args.positional[1];
  if (sub === 'status') {
    const { lists, issues } = loadLists(deps.listsDir);
    printIssues(issues);
    for (const l of lists)
      process.stdout.write(
        `${l.list}\t${l.entries.length} entries\t${l.date}\t${l.source.file}\t${l.source.sha256.slice(0, 12)}\n`,
      );
    return issues.length ? 1 : 0;
  }
  if (sub === 'golden') return writeScreeningGolden(args, deps);
  if (sub !== 'import') {
    process.stderr.write(
      'usage: export-check lists import --eul|--ru|--by|--third|--csl FILE [--date YYYY-MM-DD] [--force] [--dry-run] | lists status | lists golden [--out FILE]\n',
    );
    return 2;
  }
  const source = (Object.keys(SOURCES) as ListSource[]).find((s) => typeof args.flags.get(s) === 'string');
  if (!source) {
    process.stderr.write('lists import: give one of --eul, --ru, --by, --third, --csl with a file\n');
    return 2;
  }
  const date = args.flags.get('date');
  const r = await importList({
    source,
    file: args.flags.get(source) as string,
    listsDir: deps.listsDir,
    countries: compileCountryLookup(deps.ruleSet.countries.values()),
    ...(typeof date === 'string' ? { date } : {}),
    force: args.flags.has('force'),
    dryRun: args.flags.has('dry-run'),
  });
  const d = r.diff;
  process.stdout.write(
    `${r.list.list}: ${r.list.entries.length} entries (${r.list.date}); +${d.added.length} added, -${d.removed.length} removed, ~${d.changed.length} changed\n`,
  );
  for (const n of d.added) process.stdout.write(`  + ${n}\n`);
  for (const n of d.removed) process.stdout.write(`  - ${n}\n`);
  for (const n of d.changed) process.stdout.write(`  ~ ${n}\n`);
  process.stdout.write(
    `  by country: ${Object.entries(r.countsByCountry)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}\n`,
  );
  if (r.cleaned.length)
    process.stdout.write(`  cleaned ${r.cleaned.length}:\n${r.cleaned.map((l) => `    ${l}\n`).join('')}`);
  for (const line of curatedAliasReport(deps.rulesDir ?? join(deps.listsDir, '..'), r.list))
    process.stdout.write(`  ${line}\n`);
  process.stdout.write(args.flags.has('dry-run') ? '  (dry run: nothing written)\n' : `  wrote ${r.file}\n`);
  if (!args.flags.has('dry-run')) await deps.afterImport?.();
  return 0;
}
