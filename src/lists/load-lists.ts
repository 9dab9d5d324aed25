/**
 * @module lists/load-lists
 * Loads every rules/lists/*.json, validating each (an accepted text is kept by screening/validated-cache); a
 * broken file is reported as `file: path: message`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../core/errors.ts';
import { type ListFile, ListFileSchema } from '../screening/list-schema.ts';
import { readValidated } from '../screening/validated-cache.ts';

export function loadLists(dir: string): { lists: ListFile[]; issues: Issue[] } {
  const lists: ListFile[] = [];
  const issues: Issue[] = [];
  if (!existsSync(dir)) return { lists, issues };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const r = readValidated(join(dir, name), join('lists', name), ListFileSchema, 'list-file');
    if (r.ok) lists.push(r.value);
    else issues.push(...r.issues);
  }
  return { lists, issues };
}
