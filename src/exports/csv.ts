/**
 * @module exports/csv
 * Every CSV the office opens in Excel goes through here: csv-stringify (quoting, embedded newlines),
 * formula escaping (a cell starting with = + - @ tab or CR gets a leading ', so a researcher's text can
 * never run as a formula), CRLF line ends and a UTF-8 BOM (Excel on Japanese Windows otherwise reads
 * the file as Shift_JIS and garbles it).
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined | Record<string, unknown> | unknown[];

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const cells = rows.map((r) =>
    r.map((v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : v)),
  );
  return stringify([header as string[], ...cells] as unknown[][], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}
