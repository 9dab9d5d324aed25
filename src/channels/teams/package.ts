/**
 * @module channels/teams/package
 * Builds the Teams app package (manifest.json with its ids filled in, the localization file and the two
 * icons, zipped) from manifest/teams/. Ids come from TEAMS_APP_ID and MicrosoftAppId and must be GUIDs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { CodedError, ErrorCode } from '../../core/errors.ts';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PACKAGE_FILES = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'] as const;

export async function buildTeamsPackage(
  dir: string,
  out: string,
  ids: { teamsAppId: string; botAppId: string },
): Promise<string[]> {
  for (const [name, value] of Object.entries(ids))
    if (!GUID.test(value)) throw new CodedError(ErrorCode.InputUnparseable, `${name} must be a GUID (got "${value}")`);
  const zip = new JSZip();
  for (const file of PACKAGE_FILES) {
    let content: Buffer | string = readFileSync(join(dir, file));
    if (file === 'manifest.json')
      content = content
        .toString('utf8')
        .replace('{{TEAMS_APP_ID}}', ids.teamsAppId)
        .replace('{{MICROSOFT_APP_ID}}', ids.botAppId);
    zip.file(file, content);
  }
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return [...PACKAGE_FILES];
}
