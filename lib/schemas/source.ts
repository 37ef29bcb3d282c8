import { z } from 'zod';
import { isDay } from './dates';

const id = z.coerce.number().int().positive();

/** http(s) only, parsed by the platform's URL parser, with a dotted host: no javascript:, data: or bare words. */
export function isHttpUrl(u: string): boolean {
  if (/\s/.test(u)) return false;
  try {
    const parsed = new URL(u);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.');
  } catch {
    return false;
  }
}

export const sourceUrl = z
  .string()
  .trim()
  .max(2000, 'An address has at most 2000 characters')
  .refine((u) => u === '' || isHttpUrl(u), 'Enter a full http:// or https:// address, e.g. https://www.tuik.gov.tr/');

const optionalDay = z
  .string()
  .trim()
  .refine((d) => d === '' || isDay(d), 'Enter a date as YYYY-MM-DD')
  .default('');

export const sourceFieldsSchema = z.object({
  title: z.string().trim().min(2, 'A title has at least 2 characters').max(500, 'A title has at most 500 characters'),
  publisher: z.string().trim().max(200).default(''),
  url: sourceUrl.default(''),
  publishedOn: optionalDay,
  accessedOn: optionalDay,
  excerpt: z.string().trim().max(2000, 'An excerpt has at most 2000 characters').default(''),
});

export const sourceCreateSchema = sourceFieldsSchema;
export const sourceUpdateSchema = sourceFieldsSchema.extend({ id, version: id });
export const sourceDeleteSchema = z.object({ id, version: id, reason: z.string().trim().min(3, 'Say why this source is deleted').max(500) });
