import { z } from 'zod';
import { isDay } from './dates';

const id = z.coerce.number().int().positive();

const day = z.string().trim().refine(isDay, 'Enter a date as YYYY-MM-DD');

export const eventFieldsSchema = z
  .object({
    startsOn: day,
    endsOn: z.string().trim().refine((d) => d === '' || isDay(d), 'Enter the end as YYYY-MM-DD, or leave it empty').default(''),
    precision: z.enum(['day', 'month'], 'Choose day or month'),
    title: z.string().trim().min(3, 'A title has at least 3 characters').max(300, 'A title has at most 300 characters'),
    description: z.string().trim().max(4000, 'A description has at most 4000 characters').default(''),
    /** The focal country whose relationship the event belongs to. */
    reporter: z.string().trim().regex(/^[A-Z]{3}$/, 'Choose a focal country from the list').default('TUR'),
    partner: z.union([z.literal(''), z.string().regex(/^[A-Z0-9]{2,10}$/, 'Choose a partner from the list')]).default(''),
    dimension: z.union([z.literal(''), z.string().regex(/^[a-z_]{2,40}$/, 'Choose a dimension from the list')]).default(''),
    sourceId: z.coerce.number({ error: 'Choose a source' }).int('Choose a source').positive('Choose a source'),
  })
  .refine((e) => e.partner !== e.reporter, { message: 'The partner is the focal country itself', path: ['partner'] })
  .refine((e) => e.endsOn === '' || e.endsOn >= e.startsOn, { message: 'The end is before the start', path: ['endsOn'] })
  .refine((e) => e.startsOn >= '1900-01-01' && e.startsOn <= '2100-12-31', { message: 'The date is outside 1900–2100', path: ['startsOn'] });

export const eventCreateSchema = eventFieldsSchema;
export const eventUpdateSchema = z.intersection(eventFieldsSchema, z.object({ id, version: id }));
export const eventDeleteSchema = z.object({ id, version: id, reason: z.string().trim().min(3, 'Say why this event is deleted').max(500) });
