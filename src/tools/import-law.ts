/**
 * @module tools/import-law
 * `export-check rules import-law [FILE.xml]`: generates rules/countries/sets.yaml from the e-Gov XML of
 * 輸出貿易管理令. The country sets are read from the Order itself — 別表第3 (Group A), 別表第3の2,
 * 別表第4, 別表第2の4, and the destinations named in 第2条第1項 for 別表第2の2 (North Korea) and
 * 別表第2の3 (Russia, Belarus) — so that when the Order is amended an admin re-runs this and nobody
 * retypes a list. An unresolvable country name stops the import.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, stringify } from 'yaml';
import { compileCountryLookup } from '../core/country-lookup.ts';
import { CodedError, ErrorCode, type Issue } from '../core/errors.ts';
import { CountriesFileSchema, type CountrySet } from '../core/rules-schema.ts';

type Node = Record<string, unknown>;
const ARRAYS = new Set(['AppdxTable', 'Item', 'Article', 'Paragraph', 'Sentence', 'Subitem1']);

function text(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  return Object.entries(node as Node)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => text(v))
    .join('');
}

const TABLE_SETS: { table: string; id: string; ja: string; en: string; citation: string }[] = [
  {
    table: '別表第三',
    id: 'group_a',
    ja: 'グループA（輸出令別表第3）',
    en: 'Group A (Export Order Appended Table 3)',
    citation: '輸出貿易管理令別表第3',
  },
  {
    table: '別表第三の二',
    id: 'un_arms_embargo',
    ja: '国連武器禁輸国・地域（輸出令別表第3の2）',
    en: 'UN arms-embargo countries and areas (Appended Table 3-2)',
    citation: '輸出貿易管理令別表第3の2',
  },
  {
    table: '別表第四',
    id: 'concern_4',
    ja: '輸出令別表第4の国（イラン・イラク・北朝鮮）',
    en: 'Appended Table 4 countries (Iran, Iraq, North Korea)',
    citation: '輸出貿易管理令別表第4',
  },
  {
    table: '別表第二の四',
    id: 'third_country_measures',
    ja: '第三国特定団体措置の地域（輸出令別表第2の4）',
    en: 'Third-country specified-entity areas (Appended Table 2-4)',
    citation: '輸出貿易管理令別表第2の4・第2条第1項第1号の8',
  },
];

export function importLaw(rulesDir: string, xmlFile: string): { file: string; sets: CountrySet[] } {
  const raw = readFileSync(xmlFile);
  const countriesFile = join(rulesDir, 'countries', 'countries.yaml');
  const countries = CountriesFileSchema.parse(parse(readFileSync(countriesFile, 'utf8')));
  const lookup = compileCountryLookup(countries.countries);
  const issues: Issue[] = [];
  const resolve = (name: string, where: string): string[] => {
    const code = lookup.resolve(name.trim());
    if (!code) {
      issues.push({
        code: ErrorCode.RulesInvalid,
        file: basename(xmlFile),
        path: where,
        message: `unknown country name "${name}"`,
      });
      return [];
    }
    return [code];
  };

  const xml = new XMLParser({ ignoreAttributes: false, isArray: (n) => ARRAYS.has(n) }).parse(raw.toString('utf8')) as {
    Law?: { LawBody?: { AppdxTable?: Node[]; MainProvision?: { Article?: Node[] } } };
  };
  const body = xml.Law?.LawBody;
  if (!body?.AppdxTable || !body.MainProvision?.Article) {
    throw new CodedError(ErrorCode.RulesInvalid, `${basename(xmlFile)}: not an e-Gov law XML of 輸出貿易管理令`);
  }

  const sets: CountrySet[] = [];
  for (const def of TABLE_SETS) {
    const table = body.AppdxTable.find((t) => text(t.AppdxTableTitle).trim() === def.table);
    if (!table) {
      issues.push({
        code: ErrorCode.RulesInvalid,
        file: basename(xmlFile),
        path: def.table,
        message: 'table not found',
      });
      continue;
    }
    const names = text(table.Item)
      .split('、')
      .map((s) => s.trim())
      .filter(Boolean);
    const members = names.flatMap((n) => resolve(n, def.table));
    sets.push({ id: def.id, name: { ja: def.ja, en: def.en }, citation: def.citation, members });
  }

  // 第2条第1項: "…別表第二の二に掲げる貨物…の北朝鮮を仕向地とする輸出", "…別表第二の三…のロシアを仕向地とする輸出".
  const article2 = body.MainProvision.Article.find((a) => a['@_Num'] === '2');
  const items = ((article2?.Paragraph as Node[] | undefined)?.[0]?.Item as Node[] | undefined) ?? [];
  const byTable = new Map<string, Set<string>>([
    ['別表第二の二', new Set()],
    ['別表第二の三', new Set()],
  ]);
  for (const item of items) {
    const sentence = text(item.ItemSentence).trim();
    const m = /^(別表第二の[二三]).*?）?の([^、（）の]+)を仕向地とする輸出$/u.exec(sentence);
    if (!m) continue;
    for (const code of resolve(m[2]!, `第2条第1項第${item['@_Num']}号`)) byTable.get(m[1]!)!.add(code);
  }
  sets.push({
    id: 'total_ban',
    name: { ja: '全面輸出禁止（北朝鮮）', en: 'Total export ban (North Korea)' },
    citation: '外為法第48条第3項、輸出貿易管理令第2条第1項第1号の2・別表第2の2',
    members: [...byTable.get('別表第二の二')!].sort(),
  });
  sets.push({
    id: 'russia_belarus',
    name: { ja: 'ロシア・ベラルーシ向け輸出禁止措置', en: 'Russia and Belarus export measures' },
    citation: '外為法第48条第3項、輸出貿易管理令第2条第1項第1号の3・第1号の4・別表第2の3',
    members: [...byTable.get('別表第二の三')!].sort(),
  });
  for (const s of sets) {
    if (s.members.length === 0)
      issues.push({ code: ErrorCode.RulesInvalid, file: basename(xmlFile), path: s.id, message: 'no members found' });
  }
  if (issues.length > 0) throw new CodedError(ErrorCode.RulesInvalid, 'law import failed', issues);

  const inForce = /_(\d{4})(\d{2})(\d{2})_/.exec(basename(xmlFile));
  const out = {
    generatedBy: 'export-check rules import-law',
    source: {
      file: relative(rulesDir, xmlFile),
      sha256: createHash('sha256').update(raw).digest('hex'),
      inForce: inForce ? `${inForce[1]}-${inForce[2]}-${inForce[3]}` : 'unknown',
    },
    sets: sets.map((s) => ({ ...s, members: [...s.members].sort() })),
  };
  const file = join(rulesDir, 'countries', 'sets.yaml');
  const header =
    '# GENERATED by `export-check rules import-law` from the e-Gov XML of 輸出貿易管理令 (出典: e-Gov法令検索).\n# Do not edit by hand: re-run the import when the Order is amended.\n';
  writeFileSync(file, header + stringify(out, { aliasDuplicateObjects: false, lineWidth: 0 }));
  return { file, sets: out.sets };
}
