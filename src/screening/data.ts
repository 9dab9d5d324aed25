/**
 * @module screening/data
 * The matcher's own data under rules/screening/: the institution word map and generic katakana words
 * (words.yaml), the gazetteer (gazetteer.yaml), the curated aliases (aliases.yaml) and the Russian word map
 * (cyrillic-words.yaml: how a Cyrillic name is read in English, screening/cyrillic.ts). Each file is validated
 * with zod (an accepted text is kept by screening/validated-cache); problems come back as `file: path: message`
 * issues, never as exceptions. The hash of the files is part of the matcher version recorded with each
 * case's screening.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Issue } from '../core/errors.ts';
import { readValidated } from './validated-cache.ts';

const nonEmpty = z.string().trim().min(1);
const WordGroup = z.strictObject({ forms: z.array(nonEmpty).min(1), en: z.array(nonEmpty).min(1) });

export const WordsFileSchema = z.strictObject({
  version: z.literal(1),
  institutionWords: z.array(WordGroup),
  genericKatakana: z.array(WordGroup),
  cjkEquivalents: z.array(z.strictObject({ from: nonEmpty, to: z.string() })),
  cjkGenericPrefixes: z.array(nonEmpty),
  /** Japanese words around a name that say nothing about the institution (学部, 教授, 校区 …). */
  cjkContextWords: z.array(nonEmpty),
  kanaStopwords: z.array(nonEmpty),
  contextWords: z.strictObject({
    departments: z.array(nonEmpty),
    titles: z.array(nonEmpty),
    funders: z.array(nonEmpty),
    /*
     * Where a longer text is cut into spans to screen on their own (spans.ts); optional, so older files stay
     * valid. `frames`: English words that introduce a name in a sentence ("parts from …", "signed with …") or a
     * place after it ("… in Moscow"). `labels`: how a form label before ：/: ends (共同研究先：, Affiliation:).
     * `cjkDepartments`: what a trailing faculty or department ends in (… 物理学科, … 材料学院). `companySuffixes`:
     * what Japanese and Chinese glue after a Latin company name (KAMAZ社, Huawei公司). `particles`: Japanese
     * particles that separate names (…の…, …から…). `orgNouns`: what an organisation is called (Concern,
     * Agency): a frame word after one is part of the name ("Institute for …"), not a sentence. `descriptorTail`:
     * words that, after a name, say what or where the body is ("KAMAZ truck plant", "SUPARCO Headquarters",
     * "SADRA shipbuilding"): the name before them is screened too. `addressWords`: street words of a postal
     * address ("1 Vavilova St.", "Leninsky Prospekt 53"): a part of an affiliation line holding one is context.
     * `relationWords`: what a body is of another, before "of" ("branch of PJSC Tupolev", "a subsidiary of Rostec",
     * "the Research Project of …"): what follows "of" is an organisation, screened on its own. `subunitWords`:
     * what an institution's own office or programme is called after its name ("University of Tehran Research
     * Council", "… Research Office", "… grant No. 12"): the name before them is screened on its own.
     * `objectParticles`: Japanese particles after
     * the thing a sentence acts on (炭素繊維を送る): that piece is goods, not another body beside a short form.
     * `cjkSentenceOpeners`: time words written straight before a name (来月北航から): cut off the piece.
     * `chineseParticles`: Chinese function words around a name in a Chinese sentence (他是北航的教授); only
     * words no listed CJK name holds (和, 与, 有 are in names). `cjkPersonWords`: what a piece naming a person
     * ends in (客員研究員, 留学生): no other body beside a short form. `homePieces`: Japan as a piece of its own
     * (日本に来る, 日本から送る): the exporter's side, no country of the partner. `cjkAfterName`: words a
     * sentence glues after a name (北航向けの輸出, 西工大宛て, 北航訪問): they end the piece as a particle does.
     * `chineseSentenceWords`: the subjects and verbs of a Chinese sentence around a name (他们和哈工大合作, 在成电读研,
     * 我们和北航签订了协议): cut like chineseParticles; none is in a listed CJK name. `chineseConjunctions`: 和, 与
     * opening a piece of a Chinese sentence (与北航的联合研究, 他们和哈工大合作): taken off only there, at the start
     * of the sentence or after one of its words, never inside a name (研究与发展中心). `headlineWords`: the verbs
     * of an English headline written in title case ("US Blacklists Harbin Institute Of Technology"): written in lower
     * case, with the small words, before the text is cut, as a sentence would have them.
     */
    frames: z.array(nonEmpty).optional(),
    headlineWords: z.array(nonEmpty).optional(),
    labels: z.array(nonEmpty).optional(),
    cjkDepartments: z.array(nonEmpty).optional(),
    companySuffixes: z.array(nonEmpty).optional(),
    particles: z.array(nonEmpty).optional(),
    orgNouns: z.array(nonEmpty).optional(),
    descriptorTail: z.array(nonEmpty).optional(),
    addressWords: z.array(nonEmpty).optional(),
    relationWords: z.array(nonEmpty).optional(),
    subunitWords: z.array(nonEmpty).optional(),
    objectParticles: z.array(nonEmpty).optional(),
    cjkSentenceOpeners: z.array(nonEmpty).optional(),
    chineseParticles: z.array(nonEmpty).optional(),
    chineseSentenceWords: z.array(nonEmpty).optional(),
    chineseConjunctions: z.array(nonEmpty).optional(),
    cjkPersonWords: z.array(nonEmpty).optional(),
    homePieces: z.array(nonEmpty).optional(),
    cjkAfterName: z.array(nonEmpty).optional(),
  }),
  dictionaryWords: z.array(nonEmpty),
  /**
   * Parent bodies (academies, their branches, state groups) that are not themselves the listed entity when a
   * sub-institute carries them as its only local name or alias (entry 347's 「ロシア科学アカデミーシベリア支部」):
   * such a name would match every other institute of the parent. Optional, so older files stay valid.
   */
  parentBodies: z.array(nonEmpty).default([]),
  /**
   * Latin abbreviations (Web of Science, Scopus, ISO 4: "Natl Univ Def Technol") and the word each stands for,
   * expanded on both sides before comparing. `always` are never words of their own; `dotted` are (Electron,
   * Photon are listed names), so they are read as abbreviations only when written with their period.
   */
  latinAbbreviations: z
    .strictObject({
      always: z.record(z.string().regex(/^[a-z]+$/), nonEmpty),
      dotted: z.record(z.string().regex(/^[a-z]+$/), nonEmpty).default({}),
      /**
       * Other words an abbreviation also stands for, offered beside its expansion in a query (never folded into a
       * listed name): "Pyongyang Tech. Univ." is the listed Pyongyang Technical University, "Tech." also Technology.
       */
      alternatives: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().regex(/^[a-z]+$/)).min(1)).default({}),
    })
    .default({ always: {}, dotted: {}, alternatives: {} }),
  /**
   * What, right after a listed CJK name, makes the text name another body (北京理工 + 职业学院, + 附属中学): a
   * vocational or affiliated school is not the listed university. Compared after folding. Optional.
   */
  cjkAnotherBodyAfter: z.array(nonEmpty).default([]),
  /**
   * The own names of China's independent colleges of listed universities (明德 of 西北工业大学明德学院): after the
   * university's name, a body of its own, as a college named by a city is. Compared after folding. Optional.
   */
  cjkIndependentColleges: z.array(nonEmpty).default([]),
  /**
   * One-character country abbreviations of Japanese headlines (露 for ロシア: 露国防省, 露連邦保安庁), written out when a
   * CJK text begins with one and a Han or katakana character follows. Compared after folding. `before`: only where
   * one of these words follows (伊 is 伊朗 before 航空 or 革命, never in 伊斯兰 or 伊尔库茨克). Optional.
   */
  cjkLeadingCountryAbbreviations: z
    .array(z.strictObject({ from: nonEmpty, to: nonEmpty, before: z.array(nonEmpty).optional() }))
    .default([]),
  /**
   * Parent academies written after an institute's name ("Keldysh Institute of Applied Mathematics RAS", "… SB RAS",
   * "… of the Russian Academy of Sciences"): where the institute belongs, not another body. Latin. Optional.
   */
  parentAfterName: z.array(nonEmpty).default([]),
  /**
   * Ordinary English words of company names beyond dictionaryWords (insight, enterprises, future, partners): a
   * listed name made only of such words stands as exact or strong only in its own country (common-word-names.ts).
   */
  commonNameWords: z.array(nonEmpty).default([]),
  /**
   * Legal and group forms of Chinese company names (有限公司, 集团 …), dropped before a Han name's trade name is
   * compared with a listed pinyin name (trade-name.ts); their pinyin is derived. Optional, so older files stay valid.
   */
  chineseLegalForms: z.array(nonEmpty).default([]),
});
export type WordsFile = z.infer<typeof WordsFileSchema>;

const Country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 code');
export const GazetteerFileSchema = z.strictObject({
  version: z.literal(1),
  places: z.array(
    z.strictObject({
      han: nonEmpty,
      kana: z.array(nonEmpty).default([]),
      latin: z.array(nonEmpty).min(1),
      country: Country,
    }),
  ),
  nationalMarkers: z.array(z.strictObject({ country: Country, names: z.array(nonEmpty).min(1) })),
});
export type GazetteerFile = z.infer<typeof GazetteerFileSchema>;

export const ALIAS_LISTS = ['jp-eul', 'jp-ru-specified', 'jp-by-specified', 'jp-third-specified', 'us-csl'] as const;
export const AliasesFileSchema = z.strictObject({
  version: z.literal(1),
  aliases: z.array(
    z.strictObject({
      list: z.enum(ALIAS_LISTS),
      entry: z.number().int().positive(),
      /** The listed name, so that the aliases can be re-attached when a new edition renumbers the list. */
      entryName: nonEmpty,
      names: z
        .array(
          z.strictObject({
            name: nonEmpty,
            note: nonEmpty,
            /**
             * An ambiguous short form (南航 is also China Southern Airlines; HIT, SUT are common words): it matches
             * only as the whole query, never as a word of a longer name nor fuzzily, and at most as `possible`.
             */
            whole: z.literal(true).optional(),
          }),
        )
        .min(1),
    }),
  ),
});
export type AliasesFile = z.infer<typeof AliasesFileSchema>;
export type CuratedAlias = AliasesFile['aliases'][number];

/** Cyrillic text as a form of the Russian word map: letters, spaces, hyphens and periods. */
const CyrillicForm = z
  .string()
  .trim()
  .regex(/^\p{Script=Cyrillic}[\p{Script=Cyrillic}\s.-]*$/u, 'Cyrillic letters, spaces, hyphens and periods only');
const LatinWords = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z\s.&-]*$/, 'Latin letters, spaces, hyphens, periods and & only');

/**
 * rules/screening/cyrillic-words.yaml: how a name written in Cyrillic (a Russian partner's letterhead, e-mail signature)
 * is read in the English the lists use (screening/cyrillic.ts). A form written in capitals (НПО, ООО) is an
 * abbreviation, met only as written; any other form is met in any case and inflection (its stem), a form of several
 * words word by word. Optional, so older rules folders stay valid.
 */
export const CyrillicWordsFileSchema = z.strictObject({
  version: z.literal(1),
  /**
   * Letters romanised otherwise than the romanisation library does, as the lists write them: щ as shch (BGN/PCGN),
   * and the Kazakh, Belarusian, Serbian and Macedonian letters it leaves alone.
   */
  letters: z.record(z.string().regex(/^\p{Script=Cyrillic}$/u, 'one Cyrillic letter'), z.string().regex(/^[A-Za-z]*$/)),
  /**
   * Legal and state forms (ООО, Акционерное общество, ФГУП …) and the Latin legal form the matcher drops in their
   * place (OOO, JSC, FGUP); without `latin`, a form the lists do not write, dropped (ФГАОУ ВО, АНО).
   */
  legalForms: z.array(z.strictObject({ forms: z.array(CyrillicForm).min(1), latin: LatinWords.optional() })),
  /** Words that introduce a namesake (имени, им.): the lists write it named (Keldysh) or leave it out. */
  namedAfter: z.array(CyrillicForm),
  /** Institution words, places and the small words between them, with the English the lists write for them. */
  words: z.array(z.strictObject({ forms: z.array(CyrillicForm).min(1), en: LatinWords })),
});
export type CyrillicWordsFile = z.infer<typeof CyrillicWordsFileSchema>;

export interface ScreeningData {
  words: WordsFile;
  gazetteer: GazetteerFile;
  aliases: CuratedAlias[];
  /** The Russian word map (cyrillic-words.yaml); absent when the rules folder has none. */
  cyrillic?: CyrillicWordsFile;
  /** sha256 of the files' text: changes whenever the data does. */
  hash: string;
}

export const SCREENING_FILES = {
  words: 'words.yaml',
  gazetteer: 'gazetteer.yaml',
  aliases: 'aliases.yaml',
  cyrillic: 'cyrillic-words.yaml',
} as const;

/**
 * Reads rules/screening/*.yaml under `rulesDir`. The word map and gazetteer are required; the alias file is
 * optional (an empty list when absent), and so is the Russian word map. With any issue, `data` is undefined: a caller keeps what it had.
 */
export function loadScreeningData(rulesDir: string): { data?: ScreeningData; issues: Issue[] } {
  const dir = join(rulesDir, 'screening');
  const label = (f: string) => `screening/${f}`;
  const words = readValidated(
    join(dir, SCREENING_FILES.words),
    label(SCREENING_FILES.words),
    WordsFileSchema,
    'screening-words',
  );
  const gazetteer = readValidated(
    join(dir, SCREENING_FILES.gazetteer),
    label(SCREENING_FILES.gazetteer),
    GazetteerFileSchema,
    'screening-gazetteer',
  );
  const aliasPath = join(dir, SCREENING_FILES.aliases);
  const aliases = existsSync(aliasPath)
    ? readValidated(aliasPath, label(SCREENING_FILES.aliases), AliasesFileSchema, 'screening-aliases')
    : { ok: true as const, value: { version: 1 as const, aliases: [] as CuratedAlias[] }, text: '' };
  const cyrillicPath = join(dir, SCREENING_FILES.cyrillic);
  const cyrillic = existsSync(cyrillicPath)
    ? readValidated(cyrillicPath, label(SCREENING_FILES.cyrillic), CyrillicWordsFileSchema, 'screening-cyrillic')
    : undefined;
  const issues = [words, gazetteer, aliases, ...(cyrillic ? [cyrillic] : [])].flatMap((r) => (r.ok ? [] : r.issues));
  if (!words.ok || !gazetteer.ok || !aliases.ok || (cyrillic && !cyrillic.ok)) return { issues };
  const hash = createHash('sha256')
    .update(words.text)
    .update('\0')
    .update(gazetteer.text)
    .update('\0')
    .update(aliases.text);
  // Hashed only when present, so that a rules folder without it keeps its matcher version.
  if (cyrillic?.ok) hash.update('\0').update(cyrillic.text);
  return {
    data: {
      words: words.value,
      gazetteer: gazetteer.value,
      aliases: aliases.value.aliases,
      ...(cyrillic?.ok ? { cyrillic: cyrillic.value } : {}),
      hash: hash.digest('hex'),
    },
    issues,
  };
}
