import { z } from 'zod';
import { DECIMAL } from './observation';
import { isHttpUrl } from './source';

/** One row of an observations CSV, as the import checks it (messages name the column). */
export const rowSchema = z.object({
  dimension: z.string(),
  indicator: z.string().trim().min(1, 'indicator is empty').max(200, 'indicator is longer than 200 characters'),
  unit: z.string().trim().min(1, 'unit is empty').max(60, 'unit is longer than 60 characters'),
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
});
