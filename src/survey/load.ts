/**
 * @module survey/load
 * Loads every rules/survey/*.yaml campaign; a broken file is reported as `file: path: message`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Issue } from '../core/errors.ts';
import { readData } from '../ruleset/read-data.ts';
import { type Campaign, CampaignSchema } from './campaign.ts';

export function loadCampaigns(rulesDir: string): { campaigns: Map<string, Campaign>; issues: Issue[] } {
  const dir = join(rulesDir, 'survey');
  const campaigns = new Map<string, Campaign>();
  const issues: Issue[] = [];
  if (!existsSync(dir)) return { campaigns, issues };
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(dir, name);
    const r = readData(file, relative(process.cwd(), file) || file, CampaignSchema);
    if (r.ok) campaigns.set(r.value.id, r.value);
    else issues.push(...r.issues);
  }
  return { campaigns, issues };
}
