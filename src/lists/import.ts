/**
 * @module lists/import
 * `export-check lists import`: reads an official source file, validates it (numbering continuity, no
 * empty names, counts per country), shows the diff against the active list, refuses to drop more than 10%
 * of the previous entries unless forced, and only then writes rules/lists/<list>.json. A failed import
 * leaves the active list as it was.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { CountryLookup } from '../core/country-lookup.ts';
import { CodedError, ErrorCode, type Issue } from '../core/errors.ts';
import { type ListEntry, type ListFile, ListFileSchema } from '../screening/list-schema.ts';
import { normalizeName } from '../screening/normalize.ts';
import { cleanEntries } from './hygiene.ts';
import { readCslCsv } from './import-csl.ts';
import { readEulWorkbook } from './import-eul.ts';
import { readSpecifiedPdf } from './import-specified.ts';

export const METI_ATTRIBUTION =
  '出典：経済産業省ウェブサイト (https://www.meti.go.jp/policy/anpo/law00.html)（加工して作成）';

export type ListSource = 'eul' | 'ru' | 'by' | 'third' | 'csl';

interface SourceSpec {
  list: string;
  kind: ListFile['kind'];
  title: string;
  country?: string;
  expected?: { min: number; max: number };
  attribution: string;
}

export const SOURCES: Record<ListSource, SourceSpec> = {
  eul: { list: 'jp-eul', kind: 'eul', title: '外国ユーザーリスト (METI End User List)', attribution: METI_ATTRIBUTION },
  ru: {
    list: 'jp-ru-specified',
    kind: 'specified_entity',
    title: 'ロシア特定団体 (外務省告示令和4年第82号)',
    country: 'RU',
    attribution: METI_ATTRIBUTION,
  },
  by: {
    list: 'jp-by-specified',
    kind: 'specified_entity',
    title: 'ベラルーシ特定団体 (外務省告示令和4年第104号)',
    country: 'BY',
    attribution: METI_ATTRIBUTION,
  },
  third: {
    list: 'jp-third-specified',
    kind: 'specified_entity',
    title: '第三国特定団体 (外務省告示令和5年第447号)',
    attribution: METI_ATTRIBUTION,
  },
  csl: {
    list: 'us-csl',
    kind: 'csl',
    title: 'US Consolidated Screening List (trade.gov)',
    attribution: 'US Government work (public domain), trade.gov Consolidated Screening List',
  },
};

export interface ImportDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface ImportResult {
  file: string;
  list: ListFile;
  diff: ImportDiff;
  countsByCountry: Record<string, number>;
  /** What the hygiene step changed, one line per change. */
  cleaned: string[];
}

function keyOf(e: ListEntry): string {
  return normalizeName(e.name).key;
}

export function diffLists(previous: readonly ListEntry[], next: readonly ListEntry[]): ImportDiff {
  const before = new Map(previous.map((e) => [keyOf(e), e]));
  const after = new Map(next.map((e) => [keyOf(e), e]));
  const fingerprint = (e: ListEntry) =>
    JSON.stringify([e.localName, [...e.aliases].sort(), [...e.concerns].sort(), e.country]);
  return {
    added: [...after.keys()].filter((k) => !before.has(k)).map((k) => after.get(k)!.name),
    removed: [...before.keys()].filter((k) => !after.has(k)).map((k) => before.get(k)!.name),
    changed: [...after.keys()]
      .filter((k) => before.has(k) && fingerprint(before.get(k)!) !== fingerprint(after.get(k)!))
      .map((k) => after.get(k)!.name),
  };
}

function validate(entries: readonly ListEntry[], file: string, numbered: boolean): Issue[] {
  const issues: Issue[] = [];
  entries.forEach((e, i) => {
    if (numbered && e.entry !== i + 1) {
      issues.push({
        code: ErrorCode.ListInvalid,
        file,
        path: `entry ${e.entry}`,
        message: `numbering breaks: expected ${i + 1}`,
      });
    }
    if (!e.name.trim())
      issues.push({ code: ErrorCode.ListInvalid, file, path: `entry ${e.entry}`, message: 'empty name' });
  });
  return issues;
}

export async function importList(options: {
  source: ListSource;
  file: string;
  listsDir: string;
  countries: CountryLookup;
  /** The edition's date; from the file name or the PDF's 最終更新日 when not given. */
  date?: string;
  force?: boolean;
  dryRun?: boolean;
}): Promise<ImportResult> {
  const spec = SOURCES[options.source];
  const raw = readFileSync(options.file);
  let entries: ListEntry[];
  let date = options.date;
  if (options.source === 'eul') entries = await readEulWorkbook(options.file, options.countries);
  else if (options.source === 'csl') entries = readCslCsv(options.file);
  else {
    const pdf = await readSpecifiedPdf(options.file);
    date = date ?? pdf.updated;
    entries = pdf.entries.map((e) => {
      const fromAddress = e.address
        ?.split(/[,;]/)
        .map((s) => s.replace(/\.$/, '').trim())
        .reverse()
        .map((s) => options.countries.resolve(s))
        .find(Boolean);
      const country = spec.country ?? fromAddress;
      return country ? { ...e, country } : e;
    });
  }
  // Hygiene before validation and the diff: split multi-name fields, bracketed long forms, junk aliases.
  const cleaning = cleanEntries(entries);
  entries = cleaning.entries;
  const issues = validate(entries, basename(options.file), options.source !== 'csl');
  if (issues.length)
    throw new CodedError(ErrorCode.ListInvalid, `${options.file}: ${issues.length} problem(s)`, issues);

  const target = join(options.listsDir, `${spec.list}.json`);
  const previous = existsSync(target) ? ListFileSchema.parse(JSON.parse(readFileSync(target, 'utf8'))).entries : [];
  const diff = diffLists(previous, entries);
  if (previous.length > 0 && diff.removed.length > previous.length * 0.1 && !options.force) {
    throw new CodedError(
      ErrorCode.ListImportRefused,
      `${spec.list}: the import would remove ${diff.removed.length} of ${previous.length} entries (more than 10%); re-run with --force if that is intended`,
    );
  }
  const countsByCountry: Record<string, number> = {};
  for (const e of entries) countsByCountry[e.country ?? '??'] = (countsByCountry[e.country ?? '??'] ?? 0) + 1;
  const list: ListFile = ListFileSchema.parse({
    list: spec.list,
    kind: spec.kind,
    title: spec.title,
    date: date ?? /(\d{4})(\d{2})(\d{2})/.exec(basename(options.file))?.slice(1, 4).join('-') ?? 'unknown',
    source: {
      file: basename(options.file),
      sha256: createHash('sha256').update(raw).digest('hex'),
      importedBy: 'export-check lists import',
    },
    attribution: spec.attribution,
    entries,
  });
  if (!options.dryRun) {
    // Write then rename, so a reader never sees half a file.
    writeFileSync(`${target}.tmp`, `${JSON.stringify(list, null, 1)}\n`);
    renameSync(`${target}.tmp`, target);
  }
  return { file: target, list, diff, countsByCountry, cleaned: cleaning.report };
}
