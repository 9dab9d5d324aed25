/**
 * @module screening/list-schema
 * The normalised screening-list file every importer writes (rules/lists/*.json) and the screener loads.
 */
import { z } from 'zod';

export const ListEntrySchema = z.strictObject({
  entry: z.number().int().positive(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  countryName: z.string().optional(),
  name: z.string().min(1),
  localName: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)),
  concerns: z.array(z.string()).default([]),
  address: z.string().optional(),
  source: z.string().optional(),
});
export type ListEntry = z.infer<typeof ListEntrySchema>;

export const ListFileSchema = z.strictObject({
  list: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['eul', 'specified_entity', 'csl']),
  title: z.string(),
  date: z.string(),
  source: z.strictObject({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), importedBy: z.string() }),
  attribution: z.string(),
  entries: z.array(ListEntrySchema).min(1),
});
export type ListFile = z.infer<typeof ListFileSchema>;
