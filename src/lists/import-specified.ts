/**
 * @module lists/import-specified
 * Reads METI's specified-entity PDFs (Russia 特定団体, third-country, Belarus) with pdfjs-dist. Each entry
 * starts with its number at the left margin; then the Japanese name (with 「別称」 aliases), the English
 * name (with "a.k.a." aliases on lines starting "-"), and 「所在地：」 the address.
 */
import { readFileSync } from 'node:fs';
import { CodedError, ErrorCode } from '../core/errors.ts';
import type { ListEntry } from '../screening/list-schema.ts';

interface Line {
  x: number;
  text: string;
}

async function pdfLines(file: string): Promise<Line[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  } catch (err) {
    throw new CodedError(ErrorCode.ListInvalid, `${file}: not a readable PDF`, [], { cause: err });
  }
  const lines: Line[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    const rows = new Map<number, { x: number; s: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = Math.round(item.transform[5] as number);
      const row = rows.get(y) ?? [];
      row.push({ x: item.transform[4] as number, s: item.str });
      rows.set(y, row);
    }
    for (const [, row] of [...rows.entries()].sort((a, b) => b[0] - a[0])) {
      row.sort((a, b) => a.x - b.x);
      const text = row
        .map((r) => r.s)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) lines.push({ x: row.find((r) => r.s.trim())?.x ?? row[0]!.x, text });
    }
  }
  return lines;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/u;

function jaAliases(ja: string): { name: string; aliases: string[] } {
  const m = /^(.*?)（別称、(.*)）$/u.exec(ja);
  if (!m) return { name: ja, aliases: [] };
  return {
    name: m[1]!.trim(),
    aliases: m[2]!
      .split(/、|及び/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export async function readSpecifiedPdf(file: string): Promise<{ entries: ListEntry[]; updated?: string }> {
  const lines = await pdfLines(file);
  let updated: string | undefined;
  const entries: ListEntry[] = [];
  type Current = {
    n: number;
    ja: string[];
    en: string[];
    aliases: string[];
    address: string[];
    mode: 'ja' | 'en' | 'addr';
  };
  let current = null as Current | null;
  const flush = () => {
    if (!current) return;
    const ja = jaAliases(current.ja.join(''));
    const enText = current.en.join(' ');
    const [enMain = '', ...enAlias] = enText.split(
      /,?\s*a\.k\.a\.?,?|\s*別称[：:]\s*|,\s*the following [a-z]+ alias(?:es)?:/i,
    );
    const enName = enMain.replace(/[.,;]\s*$/, '').trim();
    const inline = enAlias
      .flatMap((a) => a.replace(/the following .*?alias(es)?:?/i, '').split(/\s*—\s*/))
      .map((a) => a.replace(/(;\s*(and)?|\.)\s*$/, '').trim())
      .filter((a) => a.length > 1);
    entries.push({
      entry: current.n,
      name: enName || ja.name,
      ...(ja.name ? { localName: ja.name } : {}),
      aliases: [...new Set([...current.aliases, ...inline, ...ja.aliases])],
      concerns: [],
      ...(current.address.length ? { address: current.address.join(' ').trim() } : {}),
    });
  };
  for (const line of lines) {
    const date = /最終更新日[：:]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u.exec(line.text);
    if (date && !updated) updated = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
    const start = /^([0-9０-９]+)\s*(.*)$/u.exec(line.text);
    const n = start ? Number(start[1]!.normalize('NFKC')) : Number.NaN;
    if (start && n === (current?.n ?? 0) + 1 && start[2]) {
      flush();
      current = { n, ja: [start[2].trim()], en: [], aliases: [], address: [], mode: 'ja' };
      continue;
    }
    if (!current) continue;
    const text = line.text;
    if (text.startsWith('所在地')) {
      current.mode = 'addr';
      current.address.push(text.replace(/^所在地[：:]\s*/u, ''));
    } else if (current.mode === 'addr') current.address.push(text);
    else if (/^[-—–]\s*/.test(text)) {
      current.mode = 'en';
      // One line may hold several aliases, each after an em dash: "—Bee Insaat Mimarlik AS —Bee Insaat; and".
      for (const alias of text.replace(/^[-—–]\s*/, '').split(/\s+—\s*/)) {
        const clean = alias
          .replace(/(;\s*(and)?|\.)\s*$/, '')
          .replace(/;\s*(and)?\s*$/, '')
          .trim();
        if (clean.length > 1) current.aliases.push(clean);
      }
    } else if (current.mode === 'ja' && CJK.test(text) && !/a\.k\.a/i.test(text)) current.ja.push(text);
    else {
      current.mode = 'en';
      current.en.push(text);
    }
  }
  flush();
  if (entries.length === 0) throw new CodedError(ErrorCode.ListInvalid, `${file}: no entries found`);
  return updated ? { entries, updated } : { entries };
}
