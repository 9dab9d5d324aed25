/**
 * Microsoft's official JSON schemas, read from the npm package `@microsoft/app-manifest` (no network), and
 * an ajv draft-04 validator for them: the Teams app manifest and its localization file are checked against
 * the schema of their own `manifestVersion`, not against our reading of the docs.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Both packages are CommonJS with a `default` export; require keeps their types without interop guesses.
const require = createRequire(import.meta.url);
const Ajv = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
const schemasDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');

export type SchemaKind = 'MicrosoftTeams' | 'MicrosoftTeams.Localization';

/** Validates `doc` against Microsoft's schema of `kind` for `manifestVersion`; returns readable errors. */
export function teamsSchemaErrors(kind: SchemaKind, manifestVersion: string, doc: unknown): string[] {
  const schema = JSON.parse(readFileSync(join(schemasDir, `v${manifestVersion}`, `${kind}.schema.json`), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }); // Microsoft's patterns are written for non-unicode RegExp;
  addFormats(ajv);
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
