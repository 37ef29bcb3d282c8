import { z } from 'zod';

export const indicatorUpdateSchema = z.object({
  slug: z.string().regex(/^[a-z0-9_]{1,80}$/),
  name: z.string().trim().min(2, 'A name has at least 2 characters').max(200),
  unit: z.string().trim().min(1, 'Give the unit').max(60),
  definition: z.string().trim().min(5, 'Say what the indicator measures').max(2000),
  methodology: z.string().trim().max(4000).default(''),
  direction: z.enum(['more', 'less'], 'Choose the direction'),
  weight: z.coerce.number({ error: 'The weight is a number' }).min(0, 'The weight is 0 or more').max(100, 'The weight is at most 100'),
  published: z.enum(['on', 'off']).default('off'),
});

export const indicatorCreateSchema = z.object({
  dimension: z.string().regex(/^[a-z_]{2,40}$/, 'Choose a dimension'),
  name: z.string().trim().min(2, 'A name has at least 2 characters').max(200),
  unit: z.string().trim().min(1, 'Give the unit').max(60),
  kind: z.enum(['NUMBER', 'SHARE'], 'Choose whether it is a volume or a share'),
  definition: z.string().trim().min(5, 'Say what the indicator measures').max(2000),
  methodology: z.string().trim().max(4000).default(''),
  direction: z.enum(['more', 'less'], 'Choose the direction'),
  weight: z.coerce.number({ error: 'The weight is a number' }).min(0, 'The weight is 0 or more').max(100, 'The weight is at most 100'),
  published: z.enum(['on', 'off']).default('off'),
});
