/**
 * @module core/facts
 * The fact vocabulary of the product contract (§2) and the outcomes and flags of §3.
 * This zod schema is the single source of truth: the TypeScript types, input validation and the
 * JSON Schema that admins' editors use (`rules/schema/facts.schema.json`) all come from it.
 */
import { z } from 'zod';

export const CASE_TYPES = ['shipment', 'technology', 'visitor'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const YES_NO = ['yes', 'no'] as const;
export const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/** Every fact key the contract defines, in one strict object: an unknown key is an error, never ignored. */
export const FactsSchema = z
  .strictObject({
    caseType: z.enum(CASE_TYPES).describe('shipment | technology | visitor'),
    destinationCountry: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"')
      .describe('ISO 3166-1 alpha-2; JP for a recipient inside Japan'),
    counterpartyName: z.string().trim().min(1).max(500).describe('receiving organisation or home institution'),
    itemDescription: z.string().trim().min(1).max(4000).describe('the goods, the technology or the visit'),
    listStatus: z.enum(['controlled', 'not_controlled', 'unknown']).describe('result of a classification (該非判定)'),
    listCategory: z
      .string()
      .regex(/^(1[0-6]|[1-9])(の[0-9]+)?$/, 'must be a 項 such as "3の2", "6" or "15"')
      .describe('the 項 of the control list'),
    endUseConcern: z.enum(YES_NO_UNKNOWN),
    militaryEndUser: z.enum(YES_NO_UNKNOWN),
    valueJPY: z.number().finite().nonnegative().describe('value of the controlled goods under one contract'),
    handCarry: z.enum(YES_NO),
    temporaryExport: z.enum(YES_NO),
    publiclyAvailable: z.enum(YES_NO_UNKNOWN),
    basicResearch: z.enum(YES_NO_UNKNOWN),
    patentFiling: z.enum(YES_NO),
    recipientResidency: z.enum(['resident', 'non_resident', 'unknown']),
    specificCategory: z.enum(YES_NO_UNKNOWN),
    providesTechnology: z.enum(YES_NO_UNKNOWN),
  })
  .partial();

export type Facts = z.infer<typeof FactsSchema>;
export type FactKey = keyof Facts;
export const FACT_KEYS = Object.keys(FactsSchema.shape) as FactKey[];

export function isFactKey(key: string): key is FactKey {
  return Object.hasOwn(FactsSchema.shape, key);
}

/** The allowed values of an enumerated fact, or null for free text and numbers. */
export function enumValues(key: FactKey): readonly string[] | null {
  const schema = FactsSchema.shape[key].unwrap();
  return schema instanceof z.ZodEnum ? (schema.options as readonly string[]) : null;
}

/** Outcomes from most to least severe (contract §3). A decision answers the most severe that applies. */
export const OUTCOMES = [
  'prohibited',
  'license_required',
  'prior_report_required',
  'classification_needed',
  'officer_review',
  'exempt',
  'no_license_required',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const NEEDS_FACTS = 'needs_facts' as const;
export type DecisionOutcome = Outcome | typeof NEEDS_FACTS;

/** Higher is more severe. */
export function severity(outcome: Outcome): number {
  return OUTCOMES.length - OUTCOMES.indexOf(outcome);
}

export const ESCALATING_OUTCOMES: readonly Outcome[] = [
  'prohibited',
  'license_required',
  'prior_report_required',
  'classification_needed',
  'officer_review',
];

export const FLAGS = [
  'cites',
  'cartagena',
  'infectious_disease',
  'chemical_weapons',
  'narcotics',
  'radioisotope',
  'dangerous_goods',
  'plant_animal_quarantine',
  'nagoya_abs',
  'us_reexport',
] as const;
export type Flag = (typeof FLAGS)[number];
