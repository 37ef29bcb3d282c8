import { z } from 'zod';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/users';
import type { EditResult } from './observations';

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

/** Indicator metadata, direction, default weight and publication; the audit row keeps before and after. */
export async function updateIndicator(db: Db, user: SessionUser, input: z.infer<typeof indicatorUpdateSchema>): Promise<EditResult> {
  const select = { name: true, unit: true, definition: true, methodology: true, higherIsMoreDependent: true, weight: true, published: true } as const;
  return db.$transaction(async (tx) => {
    const before = await tx.indicator.findUnique({ where: { slug: input.slug }, select: { id: true, ...select } });
    if (!before) return { ok: false, message: `No indicator ${input.slug}` };
    const after = await tx.indicator.update({
      where: { slug: input.slug },
      data: {
        name: input.name, unit: input.unit, definition: input.definition, methodology: input.methodology,
        higherIsMoreDependent: input.direction === 'more', weight: input.weight, published: input.published === 'on',
      },
      select,
    });
    const { id, ...beforeFields } = before;
    await tx.auditLog.create({ data: { userId: user.id, action: 'update', entity: 'indicator', entityId: String(id), before: beforeFields, after } });
    return { ok: true, message: `Saved ${input.name}.` };
  });
}
