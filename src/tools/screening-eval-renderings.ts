/**
 * @module tools/screening-eval-renderings
 * Writes test/golden/screening-renderings.jsonl from the hand-written test/golden/sources/screening-renderings.tsv
 * (renderings of listed entities as researchers write them) plus systematic "listed name inside a longer
 * name" patterns over the names researchers use. For each line it adds `alsoAccept` (the same legal entity on
 * another list: Tupolev is on the EUL and the Russia list) and marks in `source` a spelling that is one of the
 * entry's own listed names, so recall on the others can be read apart.
 *
 * Country: the TSV holds the entity's country; a line asks with it when the query is an acronym (ambiguous
 * alone) and otherwise every second line, so recall is measured both with and without a country.
 *
 * Run: `npx tsx src/tools/screening-eval-renderings.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ListEntry, ListFile } from '../screening/list-schema.ts';

export const SAME_AS_LIST = 'same spelling as the list itself';

/** [list, entry, country, English name as researchers write it, Japanese name, city, country name]. */
const PATTERN_ENTITIES: readonly [string, number, string, string, string, string, string][] = [
  ['jp-eul', 541, 'CN', 'Harbin Institute of Technology', 'ハルビン工業大学', 'Harbin', 'China'],
  ['jp-eul', 540, 'CN', 'Harbin Engineering University', 'ハルビン工程大学', 'Harbin', 'China'],
  ['jp-eul', 553, 'CN', 'National University of Defense Technology', '国防科技大学', 'Changsha', 'China'],
  ['jp-eul', 501, 'CN', 'Beihang University', '北京航空航天大学', 'Beijing', 'China'],
  ['jp-eul', 494, 'CN', 'Beijing Institute of Technology', '北京理工大学', 'Beijing', 'China'],
  ['jp-eul', 555, 'CN', 'Nanjing University of Aeronautics and Astronautics', '南京航空航天大学', 'Nanjing', 'China'],
  ['jp-eul', 556, 'CN', 'Nanjing University of Science and Technology', '南京理工大学', 'Nanjing', 'China'],
  ['jp-eul', 559, 'CN', 'Northwestern Polytechnical University', '西北工業大学', "Xi'an", 'China'],
  ['jp-eul', 595, 'CN', 'University of Electronic Science and Technology of China', '電子科技大学', 'Chengdu', 'China'],
  ['jp-eul', 519, 'CN', 'China Academy of Engineering Physics', '中国工程物理研究院', 'Mianyang', 'China'],
  ['jp-eul', 509, 'CN', 'China Academy of Space Technology', '中国空間技術研究院', 'Beijing', 'China'],
  ['jp-eul', 481, 'CN', 'AECC Beijing Institute of Aeronautical Materials', '北京航空材料研究院', 'Beijing', 'China'],
  ['jp-eul', 259, 'IR', 'Sharif University of Technology', 'シャリフ工科大学', 'Tehran', 'Iran'],
  ['jp-eul', 45, 'IR', 'Amirkabir University of Technology', 'アミールカビール工科大学', 'Tehran', 'Iran'],
  ['jp-eul', 132, 'IR', 'Iran University of Science and Technology', 'イラン科学技術大学', 'Tehran', 'Iran'],
  ['jp-eul', 151, 'IR', 'K. N. Toosi University of Technology', 'K.N.トゥーシー工科大学', 'Tehran', 'Iran'],
  ['jp-eul', 237, 'IR', 'Shahid Beheshti University', 'シャヒード・ベヘシュティー大学', 'Tehran', 'Iran'],
  ['jp-eul', 271, 'IR', 'Tarbiat Modares University', 'タルビアト・モダレス大学', 'Tehran', 'Iran'],
  ['jp-eul', 282, 'IR', 'University of Tehran', 'テヘラン大学', 'Tehran', 'Iran'],
  ['jp-eul', 116, 'IR', 'Imam Hossein University', 'イマーム・ホセイン大学', 'Tehran', 'Iran'],
  ['jp-eul', 160, 'IR', 'Malek Ashtar University of Technology', 'マレク・アシュタール工科大学', 'Tehran', 'Iran'],
  ['jp-eul', 137, 'IR', 'Islamic Azad University', 'イスラーム・アーザード大学', 'Tehran', 'Iran'],
  [
    'jp-eul',
    670,
    'PK',
    'Pakistan Institute of Engineering and Applied Sciences',
    'パキスタン工学応用科学研究所',
    'Islamabad',
    'Pakistan',
  ],
  ['jp-eul', 669, 'PK', 'Pakistan Atomic Energy Commission', 'パキスタン原子力委員会', 'Islamabad', 'Pakistan'],
  [
    'jp-eul',
    671,
    'PK',
    'Pakistan Institute of Nuclear Science and Technology',
    'パキスタン原子力科学技術研究所',
    'Islamabad',
    'Pakistan',
  ],
  ['jp-eul', 641, 'PK', 'Khan Research Laboratories', 'カーン研究所', 'Rawalpindi', 'Pakistan'],
  [
    'jp-eul',
    691,
    'PK',
    'Space and Upper Atmosphere Research Commission',
    'パキスタン宇宙高層大気研究委員会',
    'Karachi',
    'Pakistan',
  ],
  ['jp-eul', 292, 'IN', 'Bhabha Atomic Research Centre', 'バーバ原子力研究センター', 'Mumbai', 'India'],
  [
    'jp-eul',
    293,
    'IN',
    'Indira Gandhi Centre for Atomic Research',
    'インディラ・ガンディー原子力研究センター',
    'Kalpakkam',
    'India',
  ],
  [
    'jp-eul',
    457,
    'SY',
    'Higher Institute of Applied Science and Technology',
    '応用科学技術高等研究所',
    'Damascus',
    'Syria',
  ],
  ['jp-eul', 329, 'KP', 'Kim Il Sung University', '金日成総合大学', 'Pyongyang', 'DPRK'],
  [
    'jp-ru-specified',
    24,
    'RU',
    'Moscow Institute of Physics and Technology',
    'モスクワ物理工科大学',
    'Dolgoprudny',
    'Russia',
  ],
  ['jp-ru-specified', 316, 'RU', 'Moscow Aviation Institute', 'モスクワ航空大学', 'Moscow', 'Russia'],
  [
    'jp-ru-specified',
    425,
    'RU',
    'Skolkovo Institute of Science and Technology',
    'スコルコボ科学技術大学',
    'Moscow',
    'Russia',
  ],
  ['jp-ru-specified', 345, 'RU', 'Lebedev Physical Institute', 'レベデフ物理学研究所', 'Moscow', 'Russia'],
  ['jp-ru-specified', 5, 'RU', 'Boreskov Institute of Catalysis', 'ボレスコフ触媒研究所', 'Novosibirsk', 'Russia'],
  [
    'jp-ru-specified',
    347,
    'RU',
    'Rzhanov Institute of Semiconductor Physics',
    'ルジャノフ半導体物理学研究所',
    'Novosibirsk',
    'Russia',
  ],
  ['jp-ru-specified', 291, 'RU', 'Central Aerohydrodynamic Institute', '中央流体力学研究所', 'Zhukovsky', 'Russia'],
  [
    'jp-ru-specified',
    410,
    'RU',
    'Keldysh Institute of Applied Mathematics',
    'ケルディシュ応用数学研究所',
    'Moscow',
    'Russia',
  ],
  ['jp-ru-specified', 12, 'RU', 'Russian Quantum Center', 'ロシア量子センター', 'Moscow', 'Russia'],
];
const DEPTS = [
  'Department of Physics',
  'Department of Mechanical Engineering',
  'School of Chemistry',
  'Department of Materials Science',
  'Faculty of Electrical Engineering',
  'Laboratory of Applied Optics',
  'Department of Computer Science',
];
const PEOPLE = ['Prof. Li', 'Prof. Ali', 'Dr. Wang', 'Prof. Hosseini', 'Dr. Ivanov', 'Prof. Khan', 'Dr. Zhang'];
const JA_PEOPLE = ['王教授', 'アリ教授', '李先生', 'イワノフ博士', 'カーン教授', '張准教授'];

/**
 * Acronyms that as often name another well-known organisation (UEC = University of Electro-Communications,
 * USC = Southern California, TMU = Tokyo Metropolitan, CAST = China Association for S&T …): left out, since no
 * screener can tell which one is meant and recall on them would measure luck.
 */
const DROP = new Set([
  '九院',
  'CAST',
  'KCC',
  'NDC',
  'AERO',
  'DIO',
  'MUT',
  'TMU',
  'SBU',
  'IAU',
  'IHU',
  'UEC',
  'USC',
  'TESA',
  'IEI',
  'SBIG',
  'SSRC',
  'NADA',
  'CITC',
  'AWC',
  'SAST',
]);

/** Same legal entity, which equal names across the lists do not show (reviewed by hand). */
const SAME_ENTITY: readonly [string, string][] = [
  ['jp-ru-specified#13', 'jp-ru-specified#29'], // Irkut Corporation / PJSC Irkut Corporation
  ['jp-ru-specified#47', 'jp-ru-specified#33'], // United Aircraft Corporation / PJSC UAC
  ['jp-ru-specified#33', 'jp-eul#803'],
  ['jp-eul#139', 'jp-eul#133'], // IRGC Aerospace Force is an alias of EUL 133
  ['jp-ru-specified#30', 'jp-ru-specified#20'], // PJSC Kazan Helicopters / Kazan Helicopter Plant PJSC
  ['jp-ru-specified#107', 'jp-ru-specified#195'], // Raduga Design Bureau
  ['jp-ru-specified#21', 'jp-ru-specified#203'], // Komsomolsk-on-Amur aircraft plant
  ['jp-eul#121', 'jp-eul#120'], // HESA is an alias of EUL 120
  ['jp-ru-specified#500', 'jp-eul#833'],
];

interface Row {
  list: string;
  entry: number;
  country: string | null;
  kind: string;
  query: string;
  source: string;
}

export function readRenderingsTsv(file: string): Row[] {
  const rows: Row[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [list, entry, country, kind, query, source] = line.split('\t');
      if (!list || !entry || !country || !kind || !query || !source)
        throw new Error(`${file}:${i + 1}: expected list<TAB>entry<TAB>country<TAB>kind<TAB>query<TAB>source`);
      rows.push({ list, entry: Number(entry), country: country === '-' ? null : country, kind, query, source });
    });
  return rows;
}

function patternRows(): Row[] {
  const rows: Row[] = [];
  PATTERN_ENTITIES.forEach(([list, entry, country, en, ja, city, cn], i) => {
    const row = (query: string, source: string) =>
      rows.push({ list, entry, country, kind: 'inside-longer', query, source });
    row(`${DEPTS[i % DEPTS.length]}, ${en}`, 'pattern: department prefix');
    row(`${en}, ${city}, ${cn}`, 'pattern: city and country suffix');
    if (i % 2 === 0) row(`${PEOPLE[i % PEOPLE.length]} at ${en}`, 'pattern: person at institution');
    else row(`${en} (${city})`, 'pattern: city in brackets');
    if (i % 3 === 0)
      row(`${ja}の${JA_PEOPLE[i % JA_PEOPLE.length]}`, 'pattern: Japanese person at institution (〜の〇〇教授)');
    if (i % 3 === 1) row(`JST ${en}`, 'pattern: funding-agency prefix glued on by extraction');
    if (i % 3 === 2) row(`${en} in ${city}`, 'pattern: city after "in"');
  });
  return rows;
}

const LEGAL =
  /\b(jsc|ojsc|pjsc|ao|oao|ooo|llc|ltd|limited|joint[- ]stock company|public joint stock company|open joint stock company|company|co|corp|corporation|the)\b/g;
const foldName = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(LEGAL, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Entries of different lists with the same name once legal forms and brackets are set aside, plus SAME_ENTITY. */
function sameEntities(lists: readonly ListFile[]): Map<string, Set<string>> {
  const also = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    if (!also.has(a)) also.set(a, new Set());
    if (!also.has(b)) also.set(b, new Set());
    also.get(a)!.add(b);
    also.get(b)!.add(a);
  };
  const byName = new Map<string, string[]>();
  for (const l of lists)
    for (const e of l.entries) {
      const k = foldName(e.name);
      if (k.length < 4) continue;
      byName.set(k, [...(byName.get(k) ?? []), `${l.list}#${e.entry}`]);
    }
  for (const ids of byName.values())
    for (const a of ids) for (const b of ids) if (a.split('#')[0] !== b.split('#')[0]) add(a, b);
  for (const [a, b] of SAME_ENTITY) add(a, b);
  return also;
}

const ACRONYM = /^[A-Z][A-Za-z0-9&.-]{1,9}( [A-Z]{2,5})?$/;

export function buildRenderings(rows: readonly Row[], lists: readonly ListFile[]): string[] {
  const entries = new Map<string, ListEntry>();
  for (const l of lists) for (const e of l.entries) entries.set(`${l.list}#${e.entry}`, e);
  const also = sameEntities(lists);
  const seen = new Set<string>();
  const out: string[] = [];
  let i = 0;
  for (const r of [...rows, ...patternRows()]) {
    const id = `${r.list}#${r.entry}`;
    const e = entries.get(id);
    if (!e) throw new Error(`no entry ${id} for ${r.query}`);
    if (DROP.has(r.query)) continue;
    const key = `${r.query}\u0000${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const acronym = ACRONYM.test(r.query) && !/^[A-Z][a-z]+$/.test(r.query);
    const withCountry = acronym || i++ % 2 === 0;
    const own = [e.name, e.localName, ...e.aliases]
      .filter((n): n is string => !!n)
      .map((n) => n.normalize('NFKC').trim());
    const source = own.includes(r.query.normalize('NFKC').trim()) ? `${r.source}; ${SAME_AS_LIST}` : r.source;
    const alsoAccept = [...(also.get(id) ?? [])]
      .sort()
      .map((x) => ({ list: x.split('#')[0]!, entry: Number(x.split('#')[1]) }));
    out.push(
      JSON.stringify({
        query: r.query,
        country: withCountry ? r.country : null,
        expect: { list: r.list, entry: r.entry },
        ...(alsoAccept.length ? { alsoAccept } : {}),
        kind: r.kind,
        source,
      }),
    );
  }
  return out;
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const { loadLists } = await import('../lists/load-lists.ts');
  const { lists } = loadLists(join(root, 'rules/lists'));
  const rows = readRenderingsTsv(join(root, 'test/golden/sources/screening-renderings.tsv'));
  const out = buildRenderings(rows, lists);
  writeFileSync(join(root, 'test/golden/screening-renderings.jsonl'), `${out.join('\n')}\n`);
  process.stdout.write(`${out.length} renderings from ${rows.length} hand-written lines and the patterns\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
