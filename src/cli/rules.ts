/**
 * @module cli/rules
 * `export-check rules check|schema|import-law|import-countries|import-annex`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Screener } from '../app/ports.ts';
import { FactsSchema } from '../core/facts.ts';
import { ItemsFileSchema, RulesFileSchema } from '../core/rules-schema.ts';
import { checkScreeningData } from '../lists/check-screening.ts';
import { runGoldenSuite } from '../ruleset/golden.ts';
import { loadRuleSet } from '../ruleset/load.ts';
import { importAnnex } from '../tools/import-annex.ts';
import { importCountries } from '../tools/import-countries.ts';
import { importLaw } from '../tools/import-law.ts';
import { type Args, printIssues } from './io.ts';

export interface RulesCommandDeps {
  rulesDir: string;
  goldenDir: string;
  screenerFor: (rulesDir: string) => Screener;
}

export function runRulesCheck(dir: string, goldenDir: string, screener: (dir: string) => Screener): number {
  const loaded = loadRuleSet(dir);
  if (!loaded.ok) {
    printIssues(loaded.issues);
    process.stderr.write(`rules check: ${loaded.issues.length} problem(s) in ${dir}\n`);
    return 1;
  }
  // The matcher's word map, gazetteer and curated aliases (rules/screening) are rules data too.
  const screeningIssues = checkScreeningData(dir);
  if (screeningIssues.length) {
    printIssues(screeningIssues);
    process.stderr.write(`rules check: ${screeningIssues.length} problem(s) in ${dir}/screening\n`);
    return 1;
  }
  const suite = runGoldenSuite(loaded.ruleSet, screener(dir), goldenDir);
  printIssues(suite.issues);
  const r = loaded.ruleSet;
  process.stdout.write(
    `rules check: ${r.version} — ${r.rules.length + 1} rules, ${r.items.length} items, ${r.countries.size} countries; ` +
      `golden cases ${suite.passed} passed, ${suite.failed} failed; ${suite.issues.length} problem(s)\n`,
  );
  return suite.issues.length > 0 ? 1 : 0;
}

export async function runRules(args: Args, deps: RulesCommandDeps): Promise<number> {
  const [, sub, target] = args.positional;
  const golden = (args.flags.get('golden') as string | undefined) ?? deps.goldenDir;
  switch (sub) {
    case 'check':
      return runRulesCheck(target ?? deps.rulesDir, golden, deps.screenerFor);
    case 'schema': {
      const out = join(deps.rulesDir, 'schema');
      mkdirSync(out, { recursive: true });
      const write = (name: string, schema: z.ZodType) =>
        writeFileSync(
          join(out, name),
          `${JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`,
        );
      write('facts.schema.json', FactsSchema);
      write('rules-file.schema.json', RulesFileSchema);
      write('items-file.schema.json', ItemsFileSchema);
      process.stdout.write(`wrote JSON Schemas to ${out}\n`);
      return 0;
    }
    case 'import-countries': {
      const r = importCountries(deps.rulesDir);
      process.stdout.write(`wrote ${r.count} countries to ${r.file}\n`);
      return 0;
    }
    case 'import-law': {
      const file = target ?? join(deps.rulesDir, 'sources', 'jp_law', '324CO0000000378_20260214_507CO0000000376.xml');
      const r = importLaw(deps.rulesDir, file);
      for (const s of r.sets) process.stdout.write(`${s.id}: ${s.members.join(' ')}\n`);
      process.stdout.write(`wrote ${r.file}\n`);
      return 0;
    }
    case 'import-annex': {
      const r = importAnnex(deps.rulesDir, target);
      process.stdout.write(`wrote ${r.count} items to ${r.file}\n`);
      return 0;
    }
    default:
      process.stderr.write(
        'usage: export-check rules check [dir] [--golden dir] | schema | import-law [file.xml] | import-countries | import-annex [annex.json]\n',
      );
      return 2;
  }
}
