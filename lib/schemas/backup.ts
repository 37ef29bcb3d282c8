import { z } from 'zod';
import { STATUSES } from './statuses';

const TIER = z.enum(['OFFICIAL', 'INTL_ORG', 'MAJOR_MEDIA', 'OTHER']).nullable();

/** A JSON backup as /api/export/backup.json writes it and restoreBackup reads it. */
export const backupSchema = z.object({
  format: z.literal('dependency-atlas-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  actors: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['COUNTRY', 'GROUP', 'AGGREGATE']), isFocal: z.boolean() })),
  sources: z.array(z.object({ title: z.string(), publisher: z.string(), url: z.string().nullable(), publishedOn: z.string().nullable(), accessedOn: z.string().nullable(), excerpt: z.string(), tier: TIER.default(null) })),
  memberships: z.array(z.object({ group: z.string(), member: z.string(), joinedOn: z.string(), leftOn: z.string().nullable(), source: z.number().int().nullable() })),
  dimensions: z.array(z.object({ key: z.string(), label: z.string(), colour: z.string(), sortOrder: z.number().int(), description: z.string() })),
  indicators: z.array(
    z.object({
      slug: z.string(), dimension: z.string(), name: z.string(), unit: z.string(), valueKind: z.enum(['NUMBER', 'SHARE', 'STANCE']), definition: z.string(),
      methodology: z.string(), higherIsMoreDependent: z.boolean(), partnerSide: z.boolean(), weight: z.number(), published: z.boolean(), sortOrder: z.number().int(),
      total: z.string().nullable(),
    }),
  ),
  observations: z.array(
    z.object({
      indicator: z.string(), reporter: z.string(), partner: z.string(), year: z.number().int(), periodType: z.enum(['YEAR', 'MARKETING_YEAR', 'PARTIAL_YEAR', 'MULTI_YEAR']),
      periodLabel: z.string(), periodNote: z.string().default(''), rank: z.number().int(), value: z.string().nullable(), stance: z.string().nullable(),
      status: z.enum(STATUSES), note: z.string(), source: z.number().int(),
      originalValue: z.string().nullable().default(null), originalUnit: z.string().default(''), originalIndicator: z.string().default(''),
      /** the exchange rate used, as [currency, year] */
      fxRate: z.tuple([z.string(), z.number().int()]).nullable().default(null),
    }),
  ),
  listings: z
    .array(z.object({ indicator: z.string(), reporter: z.string(), partner: z.string().nullable(), year: z.number().int(), source: z.number().int(), note: z.string() }))
    .default([]),
  events: z.array(
    z.object({
      startsOn: z.string(), endsOn: z.string().nullable(), precision: z.string(), title: z.string(), description: z.string(),
      reporter: z.string().default('TUR'), partner: z.string().nullable(), dimension: z.string().nullable(), source: z.number().int(),
    }),
  ),
  fxRates: z.array(z.object({ currency: z.string(), year: z.number().int(), perUsd: z.string(), source: z.number().int() })).default([]),
  aliases: z.array(z.object({ name: z.string(), indicator: z.string() })).default([]),
});

export type Backup = z.infer<typeof backupSchema>;
