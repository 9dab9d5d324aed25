/**
 * @module lists/check-screening
 * `rules check` on rules/screening: every file valid (`file: path: message`), and every curated alias
 * attached to a listed entry (one whose entry is gone, or whose name no longer matches, is named), and no spelling
 * of an entry both held to the whole query and not (the whole-query rule would drop the entry's hit on the other).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, type Issue } from '../core/errors.ts';
import { type CuratedAlias, loadScreeningData, SCREENING_FILES } from '../screening/data.ts';
import { wholeKey } from '../screening/whole-aliases.ts';
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
  issues.push(...wholeConflicts(data.aliases, file));
  for (const m of moved)
    issues.push({
      code: ErrorCode.RulesInvalid,
      file,
      path: `aliases[${index(m.alias)}].entry`,
      message: `"${m.alias.entryName}" is entry ${m.entry} of ${m.alias.list}, not ${m.alias.entry}`,
    });
  return issues;
}

/**
 * Two aliases of one entry with one key (after folding: "Fhangin Company" and "Fhangin Company Limited"), one held to
 * the whole query and one not: a hit on the second is read as the first and dropped unless typed whole, so the entry
 * loses even its listed name's hit. Every such pair is named; the curator decides which it is.
 */
function wholeConflicts(aliases: readonly CuratedAlias[], file: string): Issue[] {
  const seen = new Map<string, { whole: boolean; at: string; name: string }>();
  const issues: Issue[] = [];
  for (const [i, a] of aliases.entries())
    for (const [j, n] of a.names.entries()) {
      const key = wholeKey(n.name);
      if (!key) continue;
      const id = `${a.list}#${a.entry}|${key}`;
      const at = `aliases[${i}].names[${j}]`;
      const prior = seen.get(id);
      if (!prior) seen.set(id, { whole: n.whole === true, at, name: n.name });
      else if (prior.whole !== (n.whole === true))
        issues.push({
          code: ErrorCode.RulesInvalid,
          file,
          path: at,
          message: `"${n.name}" is the same spelling as "${prior.name}" (${prior.at}) but ${n.whole ? 'held' : 'not held'} to the whole query; mark both or neither \`whole\``,
        });
    }
  return issues;
}
