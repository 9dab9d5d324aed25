/**
 * @module lists/import-csl
 * Reads the US Consolidated Screening List CSV in trade.gov's format (csv-parse): name, alt_names
 * (semicolon-separated), source list, license requirement and policy, Federal Register notice, addresses.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { ListEntry } from '../screening/list-schema.ts';

const REQUIRED = ['name', 'alt_names', 'source', 'license_requirement', 'license_policy', 'federal_register_notice'];

export function readCslCsv(file: string): ListEntry[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readFileSync(file), { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  } catch (err) {
    throw new CodedError(ErrorCode.ListInvalid, `${file}: not a readable CSV`, [], { cause: err });
  }
  const header = Object.keys(rows[0] ?? {});
  const absent = REQUIRED.filter((c) => !header.includes(c));
  if (absent.length)
    throw new CodedError(ErrorCode.ListInvalid, `${file}: not the CSL format (missing columns: ${absent.join(', ')})`);
  return rows.map((row, i) => {
    const name = (row.name ?? '').replace(/;\s*and any successor.*$/i, '').trim();
    const notes = [
      row.source,
      row.license_requirement && `license requirement: ${row.license_requirement}`,
      row.license_policy && `license policy: ${row.license_policy}`,
      row.federal_register_notice && `FR: ${row.federal_register_notice}`,
    ]
      .filter(Boolean)
      .join(' | ');
    return {
      entry: i + 1,
      name: name || '(empty)',
      aliases: (row.alt_names ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      concerns: [],
      ...(row.addresses ? { address: row.addresses } : {}),
      source: notes,
    };
  });
}
