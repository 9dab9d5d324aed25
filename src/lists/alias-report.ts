/**
 * @module lists/alias-report
 * After `lists import`: which curated aliases of rules/screening/aliases.yaml follow their entry to a new
 * number (attached by name), and which lost their entry (reported, attached nowhere).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScreeningData } from '../screening/data.ts';
import type { ListFile } from '../screening/list-schema.ts';
import { attachAliases } from './aliases.ts';

export function curatedAliasReport(rulesDir: string, list: ListFile): string[] {
  if (!existsSync(join(rulesDir, 'screening', 'aliases.yaml'))) return [];
  const { data } = loadScreeningData(rulesDir);
  if (!data) return ['curated aliases: rules/screening is invalid (run `rules check`)'];
  const mine = data.aliases.filter((a) => a.list === list.list);
  const { moved, detached } = attachAliases([list], mine);
  return [
    `curated aliases: ${mine.length - detached.length} of ${mine.length} attached`,
    ...moved.map(
      (m) => `  moved: "${m.alias.entryName}" is now entry ${m.entry} (was ${m.alias.entry}); update aliases.yaml`,
    ),
    ...detached.map((a) => `  entry gone: "${a.entryName}" (was entry ${a.entry}): its aliases are attached nowhere`),
  ];
}
