import { z } from 'zod';
import { DECIMAL } from './observation';
import { isHttpUrl } from './source';

/** The statuses and tiers of the research format (research/NOTES.md), as written in its files. */
export const RESEARCH_STATUSES = ['reported', 'approximate', 'lower_bound', 'partial_year', 'forecast'] as const;
export const RESEARCH_TIERS = ['official', 'intl_org', 'major_media', 'other'] as const;

/** One row of an observations CSV, as the import checks it (messages name the column). */
export const rowSchema = z.object({
  dimension: z.string(),
  indicator: z.string().trim().min(1, 'indicator is empty').max(200, 'indicator is longer than 200 characters'),
  unit: z.string().trim().min(1, 'unit is empty').max(120, 'unit is longer than 120 characters'),
  reporter: z.string().trim(),
  partner: z.string().trim(),
  year: z.string().trim().regex(/^\d{4}$/, 'year is not a four-digit year').transform(Number).pipe(z.number().min(1900, 'year is before 1900').max(2100, 'year is after 2100')),
  value: z.string().trim().regex(DECIMAL, 'value is not a number (use a point for decimals)'),
  source_title: z.string().trim().min(1, 'source_title is empty').max(500),
  source_url: z
    .string()
    .trim()
    .refine((u) => u === '' || isHttpUrl(u), 'source_url is not an http(s) address'),
  excerpt: z.string().trim().max(2000, 'excerpt is longer than 2000 characters'),
  // The research format's four more columns (absent in the ten-column format: reported, no note, no tier).
  status: z.enum(RESEARCH_STATUSES, { message: `status is not one of ${RESEARCH_STATUSES.join(', ')}` }).optional(),
  period_note: z.string().trim().max(500, 'period_note is longer than 500 characters').optional(),
  publisher: z.string().trim().max(300, 'publisher is longer than 300 characters').optional(),
  tier: z.enum(RESEARCH_TIERS, { message: `tier is not one of ${RESEARCH_TIERS.join(', ')}` }).optional(),
  /** Optional column: the standard concept (an indicator key of the atlas) this row's indicator is. */
  concept: z.string().trim().toLowerCase().max(80, 'concept is longer than 80 characters').optional(),
});
