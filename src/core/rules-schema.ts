/**
 * @module core/rules-schema
 * The shape of everything under `rules/`: fact questions, countries and country sets, the item catalogue,
 * named conditions and decision rules. Loading (I/O) lives in `src/ruleset`; these schemas are pure.
 */
import { z } from 'zod';
import { CASE_TYPES, FLAGS, OUTCOMES } from './facts.ts';

const Bilingual = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });

/** Keys a condition may read: a contract fact, or a fact the core derives (never asked as such). */
export const DERIVED_KEYS = [
  'item.strength', // listed | possible | not_controlled | none (itemDescription matched nothing)
  'item.categories', // 項 of matched catalogue entries
  'item.priorReport', // yes | no: a 重要管理対象技術 of the prior-report scheme
  'item.exception', // use_minimum | public_source | publication | own_use | patent (may hold several)
  'item.outsideCatchAll', // yes | no: the goods' HS chapter is outside 16項
  'item.hs16_1', // yes | no: an HS-specified high-concern item of 16項(1)
  'item.concerns', // B | C | M | N | CW: the WMD/conventional concern the item typically serves
  'item.consumable', // yes | no: used up or handed over at the destination (reagents, cultures, listed substances)
  'category', // listCategory when given, otherwise the matched catalogue entries' 項
  'screen.specifiedEntity', // exact | strong | possible | none
  'screen.eul', // exact | strong | possible | none
  'screen.eulConcernMatch', // yes | no: an EUL hit whose concern types overlap item.concerns
  'screen.csl', // exact | strong | possible | none
  'survey.labControlled', // yes | no: the requester's lab reported list-controlled technology in the annual survey
] as const;
export type DerivedKey = (typeof DERIVED_KEYS)[number];

const Scalar = z.union([z.string(), z.number()]);

export interface FactCondition {
  fact: string;
  eq?: string | number;
  ne?: string | number;
  in?: (string | number)[];
  notIn?: (string | number)[];
  inSet?: string;
  notInSet?: string;
  lte?: number;
  gt?: number;
  /** True exactly when the fact is absent (never unknown): "has not been asked yet". */
  absent?: boolean;
  /** The value this condition takes when the fact is absent; by default absent means "unknown". */
  ifAbsent?: boolean;
}
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { ref: string }
  | FactCondition;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ ref: z.string().min(1) }),
    z
      .strictObject({
        fact: z.string().min(1),
        eq: Scalar.optional(),
        ne: Scalar.optional(),
        in: z.array(Scalar).min(1).optional(),
        notIn: z.array(Scalar).min(1).optional(),
        inSet: z.string().optional(),
        notInSet: z.string().optional(),
        lte: z.number().optional(),
        gt: z.number().optional(),
        absent: z.literal(true).optional(),
        ifAbsent: z.boolean().optional(),
      })
      .refine(
        (c) =>
          ['eq', 'ne', 'in', 'notIn', 'inSet', 'notInSet', 'lte', 'gt', 'absent'].filter((k) => k in c).length === 1,
        'a fact condition needs exactly one operator: eq, ne, in, notIn, inSet, notInSet, lte, gt or absent',
      ),
  ]),
);

export const RuleSchema = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'rule ids look like "LC-GOODS-LICENSE"'),
  caseTypes: z.array(z.enum(CASE_TYPES)).min(1),
  when: ConditionSchema,
  outcome: z.enum(OUTCOMES),
  citation: z.string().min(1),
  text: Bilingual,
  note: z.string().min(1),
  unconfirmed: z.boolean().optional(),
  flags: z.array(z.enum(FLAGS)).optional(),
  /** A citation for one case type where the law differs (technology cites 外為令/貿易外省令, goods 輸出令). */
  citationFor: z
    .strictObject({ shipment: z.string().min(1), technology: z.string().min(1), visitor: z.string().min(1) })
    .partial()
    .optional(),
  /** The fallback rule answers when no other rule applies; exactly one rule must have it. */
  fallback: z.boolean().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;

export const RulesFileSchema = z.strictObject({
  regime: z.string().min(1),
  description: z.string().optional(),
  rules: z.array(RuleSchema).min(1),
});

export const ConditionsFileSchema = z.strictObject({
  conditions: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), ConditionSchema),
});

export const FactSpecSchema = z.strictObject({
  key: z.string(),
  question: Bilingual,
  hint: Bilingual,
  options: z.record(z.string(), Bilingual).optional(),
});
export const FactsFileSchema = z.strictObject({ facts: z.array(FactSpecSchema).min(1) });
export type FactSpec = z.infer<typeof FactSpecSchema>;

export const CountrySchema = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/),
  en: z.string().min(1),
  ja: z.string().min(1),
  zh: z.string().optional(),
  aliases: z.array(z.string().min(1)).default([]),
});
export type Country = z.infer<typeof CountrySchema>;
export const CountriesFileSchema = z.strictObject({
  source: z.string(),
  countries: z.array(CountrySchema).min(200),
});

export const CountrySetSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: Bilingual,
  citation: z.string().min(1),
  members: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
});
export type CountrySet = z.infer<typeof CountrySetSchema>;
export const CountrySetsFileSchema = z.strictObject({
  generatedBy: z.string(),
  source: z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), inForce: z.string() }),
  sets: z.array(CountrySetSchema).min(1),
});
export const ManualSetsFileSchema = z.strictObject({ sets: z.array(CountrySetSchema).min(1) });

export const ITEM_EXCEPTIONS = ['use_minimum', 'public_source', 'publication', 'own_use', 'patent'] as const;
export const CONCERNS = ['B', 'C', 'M', 'N', 'CW'] as const;

export const ItemSchema = z.strictObject({
  id: z.string().regex(/^ITEM-[A-Z0-9-]+$/, 'item ids look like "ITEM-CARBON-FIBRE"'),
  terms: z
    .strictObject({
      en: z.array(z.string().min(2)).default([]),
      ja: z.array(z.string().min(1)).default([]),
      zh: z.array(z.string().min(1)).default([]),
    })
    .refine((t) => t.en.length + t.ja.length + t.zh.length > 0, 'an item needs at least one term'),
  strength: z.enum(['listed', 'possible', 'not_controlled', 'hint']),
  categories: z.array(z.string().regex(/^(1[0-6]|[1-9])(の[0-9]+)?$/)).default([]),
  priorReport: z.boolean().default(false),
  exception: z.enum(ITEM_EXCEPTIONS).optional(),
  outsideCatchAll: z.boolean().default(false),
  hs16_1: z.boolean().default(false),
  concerns: z.array(z.enum(CONCERNS)).default([]),
  flags: z.array(z.enum(FLAGS)).default([]),
  /** Used up or handed over at the destination: it cannot come back, so 無償特例 ヘ (re-import) never fits. */
  consumable: z.boolean().optional(),
  /**
   * Contract facts the description itself settles when the researcher has not answered them
   * ("unpublished" → publiclyAvailable = no). An answer always wins over an implication.
   */
  implies: z.record(z.string(), z.string()).optional(),
  citation: z.string().min(1),
  note: z.string().optional(),
});
export type Item = z.infer<typeof ItemSchema>;
export const ItemsFileSchema = z.strictObject({
  catalogue: z.string().min(1),
  generatedBy: z.string().optional(),
  items: z.array(ItemSchema).min(1),
});
