/**
 * @module lists/check-screening
 * `rules check` on rules/screening: every file valid (`file: path: message`), and every curated alias
 * attached to a listed entry (one whose entry is gone, or whose name no longer matches, is named).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, type Issue } from '../core/errors.ts';
import { loadScreeningData, SCREENING_FILES } from '../screening/data.ts';
import { attachAliases } from './aliases.ts';
import { loadLists } from './load-lists.ts';

export function checkScreeningData(rulesDir: string): Issue[] {
  if (!existsSync(join(rulesDir, 'screening'))) return [];
  const { data, issues } = loadScreeningData(rulesDir);
  if (!data) return issues;
  const { lists } = loadLists(join(rulesDir, 'lists'));
  if (lists.length === 0) return issues;
  const loaded = new Set(lists.map((l) => l.list));
  const { detached, moved } = attachAliases(lists, data.aliases);
  const file = `screening/${SCREENING_FILES.aliases}`;
  const index = (a: object) => data.aliases.indexOf(a as (typeof data.aliases)[number]);
  for (const a of detached)
    if (loaded.has(a.list))
      issues.push({
        code: ErrorCode.RulesInvalid,
        file,
        path: `aliases[${index(a)}]`,
        message: `${a.list} has no entry named "${a.entryName}" (entry ${a.entry}); re-attach or remove it`,
      });
  for (const m of moved)
    issues.push({
      code: ErrorCode.RulesInvalid,
      file,
      path: `aliases[${index(m.alias)}].entry`,
      message: `"${m.alias.entryName}" is entry ${m.entry} of ${m.alias.list}, not ${m.alias.entry}`,
    });
  return issues;
}
