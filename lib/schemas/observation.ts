import { z } from 'zod';

import { STATUSES } from './statuses';

export { STATUSES };

const id = z.coerce.number().int().positive();
/** A decimal as typed or imported: up to 20 digits, a point, up to 18 decimals (research values keep every digit they were published with). */
export const DECIMAL = /^-?\d{1,20}(\.\d{1,18})?$/;

/** Kept as text: the database stores decimals exactly, and a float would round 0.1 + 0.2. */
const decimal = z
  .string()
  .trim()
  .regex(DECIMAL, 'Enter a number such as 41 or 16.2 (a point for decimals, up to 18 decimals)');

export const observationUpdateSchema = z.object({
  id,
  version: id,
  value: decimal,
  status: z.enum(STATUSES, 'Choose a status from the list'),
  note: z.string().max(2000, 'A note has at most 2000 characters').default(''),
  sourceId: z.coerce.number({ error: 'Choose a source' }).int().positive('Choose a source'),
  reason: z.string().trim().max(500).default(''),
});

export const observationDeleteSchema = z.object({
  id,
  version: id,
  reason: z.string().trim().min(3, 'Say why this value is deleted').max(500),
});

export const observationRevertSchema = z.object({ auditId: id, reason: z.string().trim().max(500).default('') });

export type ObservationUpdate = z.infer<typeof observationUpdateSchema>;

export const observationCreateSchema = z.object({
  indicator: z.string().regex(/^[a-z0-9_]{1,80}$/, 'Choose an indicator'),
  reporter: z.string().regex(/^[A-Z0-9]{2,10}$/, 'Choose a reporter'),
  partner: z.string().regex(/^[A-Z0-9]{2,10}$/, 'Choose a partner'),
  year: z.coerce.number({ error: 'Enter a year' }).int().min(1900, 'The year is before 1900').max(2100, 'The year is after 2100'),
  periodLabel: z.string().trim().max(40).default(''),
  value: decimal,
  status: z.enum(STATUSES, 'Choose a status from the list'),
  note: z.string().max(2000).default(''),
  sourceId: z.coerce.number({ error: 'Choose a source' }).int().positive('Choose a source'),
});

export const observationPrimarySchema = z.object({ id, version: id });
