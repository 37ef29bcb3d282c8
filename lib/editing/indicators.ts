import { z } from 'zod';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/users';
import type { EditResult } from './observations';
import { editTransaction } from './transaction';
import type { indicatorCreateSchema, indicatorUpdateSchema } from '../schemas/indicator';


/** Indicator metadata, direction, default weight and publication; the audit row keeps before and after. */
export async function updateIndicator(db: Db, user: SessionUser, input: z.infer<typeof indicatorUpdateSchema>): Promise<EditResult> {
  const select = { name: true, unit: true, definition: true, methodology: true, higherIsMoreDependent: true, weight: true, published: true } as const;
  return editTransaction(db, async (tx) => {
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


/** The stable key of a new indicator, from its name: lower case ASCII words joined by underscores. */
export const indicatorSlug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);

/** A new indicator, last in its dimension; its slug comes from the name and must be free. */
export async function createIndicator(db: Db, user: SessionUser, input: z.infer<typeof indicatorCreateSchema>): Promise<EditResult> {
  const slug = indicatorSlug(input.name);
  if (!slug) return { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors: { name: ['The name needs at least one letter or digit'] } };
  return editTransaction(db, async (tx): Promise<EditResult> => {
    const dimension = await tx.dimension.findUnique({ where: { key: input.dimension }, select: { id: true } });
    if (!dimension) return { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors: { dimension: [`No dimension ${input.dimension}`] } };
    if (await tx.indicator.findUnique({ where: { slug }, select: { id: true } })) {
      return { ok: false, message: `An indicator with the key ${slug} exists already: choose another name.`, fieldErrors: { name: ['Already used'] } };
    }
    const last = await tx.indicator.aggregate({ where: { dimensionId: dimension.id }, _max: { sortOrder: true } });
    const created = await tx.indicator.create({
      data: {
        slug, dimensionId: dimension.id, name: input.name, unit: input.unit, valueKind: input.kind, definition: input.definition, methodology: input.methodology,
        higherIsMoreDependent: input.direction === 'more', weight: input.weight, published: input.published === 'on', sortOrder: (last._max.sortOrder ?? 0) + 1,
      },
      select: { id: true, slug: true, name: true, unit: true, valueKind: true, definition: true, methodology: true, higherIsMoreDependent: true, weight: true, published: true },
    });
    const { id, ...after } = created;
    await tx.auditLog.create({ data: { userId: user.id, action: 'create', entity: 'indicator', entityId: String(id), after: { ...after, dimension: input.dimension } } });
    return { ok: true, message: `Added ${input.name} (${slug}).` };
  });
}
