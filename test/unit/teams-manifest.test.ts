import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { commandKind } from '../../src/channels/teams/bot.ts';
import { buildTeamsPackage } from '../../src/channels/teams/package.ts';
import { loadConversationContent } from '../../src/ruleset/load-content.ts';
import { ROOT, RULES_DIR } from '../support/fixtures.ts';
import { teamsSchemaErrors } from '../support/official-schemas.ts';

const dir = `${ROOT}manifest/teams`;
const raw = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
const en = JSON.parse(readFileSync(`${dir}/en-us.json`, 'utf8')) as Record<string, string>;

// The fields Teams requires of a v1.25 app manifest, and the bot's settings this app depends on.
const ManifestSchema = z.object({
  $schema: z.string().includes('/teams/v1.25/'),
  manifestVersion: z.literal('1.25'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  id: z.string(),
  developer: z.object({
    name: z.string().min(1),
    websiteUrl: z.string().url(),
    privacyUrl: z.string().url(),
    termsOfUseUrl: z.string().url(),
  }),
  name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100) }),
  description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
  icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
  accentColor: z.string().regex(/^#[0-9A-Fa-f]{6}$/),
  bots: z
    .array(
      z.object({
        botId: z.string(),
        scopes: z.array(z.enum(['personal', 'team', 'groupChat', 'copilot'])).min(1),
        commandLists: z.array(
          z.object({
            scopes: z.array(z.string()),
            commands: z.array(z.object({ title: z.string().max(128), description: z.string().max(128) })).max(12),
          }),
        ),
      }),
    )
    .length(1),
  validDomains: z.array(z.string()),
  localizationInfo: z.object({
    defaultLanguageTag: z.string(),
    additionalLanguages: z.array(z.object({ languageTag: z.string(), file: z.string() })),
  }),
});

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('manifest/teams', () => {
  const manifest = ManifestSchema.parse(raw);

  test('the bot has personal and team scopes and the icons have the sizes Teams requires', () => {
    expect(manifest.bots[0]!.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(pngSize(`${dir}/color.png`)).toEqual([192, 192]);
    expect(pngSize(`${dir}/outline.png`)).toEqual([32, 32]);
  });

  test('every command in Japanese and in English is one the bot handles', () => {
    const content = loadConversationContent(RULES_DIR);
    if (!content.ok) throw new Error('content');
    const commands = manifest.bots[0]!.commandLists[0]!.commands;
    commands.forEach((c, i) => {
      const english = en[`bots[0].commandLists[0].commands[${i}].title`];
      expect([c.title, commandKind(c.title, content.content.faq)]).toEqual([c.title, expect.any(String)]);
      expect([english, commandKind(english ?? '', content.content.faq)]).toEqual([english, expect.any(String)]);
    });
  });

  test('the package builds with real ids, and refuses ids that are not GUIDs', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ec-teams-pkg-')), 'app.zip');
    const ids = {
      teamsAppId: '11111111-2222-3333-4444-555555555555',
      botAppId: '66666666-7777-8888-9999-000000000000',
    };
    await buildTeamsPackage(dir, out, ids);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(packed.id).toBe(ids.teamsAppId);
    expect(packed.bots[0].botId).toBe(ids.botAppId);
    await expect(buildTeamsPackage(dir, out, { ...ids, botAppId: '{{MICROSOFT_APP_ID}}' })).rejects.toMatchObject({
      code: 'CLI.INPUT_UNPARSEABLE',
    });
  });
});

describe('manifest/teams against Microsoft’s official schemas (@microsoft/app-manifest)', () => {
  test('the packaged manifest validates against the schema of its manifestVersion', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ec-teams-schema-')), 'app.zip');
    const ids = {
      teamsAppId: '11111111-2222-3333-4444-555555555555',
      botAppId: '66666666-7777-8888-9999-000000000000',
    };
    await buildTeamsPackage(dir, out, ids);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const packed = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(teamsSchemaErrors('MicrosoftTeams', packed.manifestVersion, packed)).toEqual([]);
  });

  test('the English localization file validates against the localization schema', () => {
    expect(teamsSchemaErrors('MicrosoftTeams.Localization', raw.manifestVersion, en)).toEqual([]);
  });

  test('the validator is real: a manifest with an unknown field and a too-long short name is refused', () => {
    const bad = {
      ...raw,
      id: '11111111-2222-3333-4444-555555555555',
      name: { short: 'x'.repeat(31), full: 'x' },
      extra: 1,
    };
    const errors = teamsSchemaErrors('MicrosoftTeams', raw.manifestVersion, bad);
    expect(errors.some((e) => e.includes('additionalProperty') || e.includes('additional properties'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/name/short'))).toBe(true);
  });
});
