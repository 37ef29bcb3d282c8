import { z } from 'zod';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(200));
export const passwordSchema = z.string().min(10, 'A password has at least 10 characters').max(200);

export const userCreateSchema = z.object({ email: emailSchema, role: z.enum(ROLES), name: z.string().trim().max(120).default('') });

export const userUpdateSchema = z.object({
  id: z.coerce.number().int().positive(),
  role: z.enum(ROLES),
  disabled: z.enum(['on', 'off']).default('off'),
  password: z.union([z.literal(''), passwordSchema]).default(''),
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password').max(200),
  next: z.string().default('/admin'),
});
