/**
 * @module lists/import-eul
 * Reads METI's End User List workbook (外国ユーザーリスト, sheet 「ユーザーリスト」) with exceljs:
 * No., country (JA and EN on two lines), the main name with the Japanese/Chinese name in parentheses,
 * the aliases (one per line after 「・」), the WMD concern types (B/C/M/N) and the conventional-weapons flag.
 */
import ExcelJS from 'exceljs';
import type { CountryLookup } from '../core/country-lookup.ts';
import { CodedError, ErrorCode, type Issue } from '../core/errors.ts';
import type { ListEntry } from '../screening/list-schema.ts';

type CellValue = ExcelJS.CellValue;

function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result === undefined ? '' : String(v.result);
  if ('text' in v) return String(v.text);
  return '';
}

/** "Beijing Institute of Technology\n（北京理工大学）" → main and local name; "(HIT)" stays in the main name. */
export function splitName(raw: string): { name: string; localName?: string } {
  const text = raw.replace(/\r/g, '').trim();
  const cjkParen = /[（(]([^()（）]*[\u3400-\u9fff\u3040-\u30ff][^()（）]*)[)）]\s*$/u.exec(text);
  if (!cjkParen) return { name: text.replace(/\s+/g, ' ') };
  const name = text.slice(0, cjkParen.index).replace(/\s+/g, ' ').trim();
  return { name, localName: cjkParen[1]!.trim() };
}

export async function readEulWorkbook(file: string, countries: CountryLookup): Promise<ListEntry[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new CodedError(ErrorCode.ListInvalid, `${file}: not a readable xlsx workbook`, [], { cause: err });
  }
  const ws = wb.getWorksheet('ユーザーリスト');
  if (!ws) throw new CodedError(ErrorCode.ListInvalid, `${file}: sheet 「ユーザーリスト」 not found`);
  const header = (ws.getRow(1).values as CellValue[]).map(cellText);
  if (!header[1]?.startsWith('No') || !header[3]?.includes('Company')) {
    throw new CodedError(ErrorCode.ListInvalid, `${file}: unexpected header row: ${header.join(' | ')}`);
  }
  const entries: ListEntry[] = [];
  const issues: Issue[] = [];
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const v = (row.values as CellValue[]).map(cellText);
    if (v.slice(1).every((x) => x.trim() === '')) return;
    const where = `row ${r}`;
    const entry = Number(v[1]);
    const [countryJa = '', countryEn = ''] = (v[2] ?? '').split('\n').map((s) => s.trim());
    const country = countries.resolve(countryJa) ?? countries.resolve(countryEn);
    const { name, localName } = splitName(v[3] ?? '');
    const aliases = (v[4] ?? '')
      .split('\n')
      .map((s) => s.replace(/^[・･\s]+/, '').trim())
      .filter(Boolean);
    const concerns = [...new Set(((v[5] ?? '').split('\n')[1] ?? '').match(/[BCMN]/g) ?? [])];
    if (/CW/.test(v[6] ?? '')) concerns.push('CW');
    if (!Number.isInteger(entry) || entry <= 0)
      issues.push({ code: ErrorCode.ListInvalid, file, path: where, message: `bad No. "${v[1]}"` });
    if (!name) issues.push({ code: ErrorCode.ListInvalid, file, path: where, message: 'empty name' });
    if (!country) issues.push({ code: ErrorCode.ListInvalid, file, path: where, message: `unknown country "${v[2]}"` });
    entries.push({
      entry,
      ...(country ? { country } : {}),
      countryName: countryEn || countryJa,
      name,
      ...(localName ? { localName } : {}),
      aliases,
      concerns,
    });
  });
  if (issues.length > 0) throw new CodedError(ErrorCode.ListInvalid, `${file}: ${issues.length} bad row(s)`, issues);
  return entries;
}
