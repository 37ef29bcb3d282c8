import { z } from 'zod';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/users';
import type { EditResult } from './observations';
import { dateOf, dayOf } from '../schemas/dates';
import { editTransaction } from './transaction';
import type { TransactionClient } from '../db/transaction';
import type { sourceCreateSchema, sourceFieldsSchema, sourceUpdateSchema, sourceDeleteSchema } from '../schemas/source';



const select = { title: true, publisher: true, url: true, publishedOn: true, accessedOn: true, excerpt: true, version: true } as const;
type Tx = TransactionClient;

function data(input: z.infer<typeof sourceFieldsSchema>) {
  return {
    title: input.title, publisher: input.publisher, url: input.url === '' ? null : input.url, excerpt: input.excerpt,
    publishedOn: dateOf(input.publishedOn), accessedOn: dateOf(input.accessedOn),
  };
}

async function snapshot(tx: Tx, sourceId: number) {
  const s = await tx.source.findUnique({ where: { id: sourceId }, select });
  return s && { ...s, publishedOn: dayOf(s.publishedOn), accessedOn: dayOf(s.accessedOn) };
}

/** The (url, excerpt) pair is unique: the same passage of the same page is one source. */
async function sameSource(tx: Tx, input: z.infer<typeof sourceFieldsSchema>, except?: number): Promise<EditResult | null> {
  if (input.url === '') return null;
  const other = await tx.source.findFirst({ where: { url: input.url, excerpt: input.excerpt, ...(except ? { NOT: { id: except } } : {}) }, select: { id: true } });
  return other ? { ok: false, message: `Source #${other.id} already has this address and excerpt: use it, or quote a different passage.`, fieldErrors: { url: ['Already used with this excerpt'] } } : null;
}

export async function createSource(db: Db, user: SessionUser, input: z.infer<typeof sourceCreateSchema>): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const duplicate = await sameSource(tx, input);
    if (duplicate) return duplicate;
    const created = await tx.source.create({ data: data(input), select: { id: true } });
    await tx.auditLog.create({ data: { userId: user.id, action: 'create', entity: 'source', entityId: String(created.id), after: (await snapshot(tx, created.id))! } });
    return { ok: true, message: `Added source #${created.id}.` };
  });
}

export async function updateSource(db: Db, user: SessionUser, input: z.infer<typeof sourceUpdateSchema>): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This source no longer exists.' };
    const duplicate = await sameSource(tx, input, input.id);
    if (duplicate) return duplicate;
    const { count } = await tx.source.updateMany({ where: { id: input.id, version: input.version }, data: { ...data(input), version: { increment: 1 } } });
    if (count === 0) return staleMessage(tx, 'source', input.id, before.title);
    const after = (await snapshot(tx, input.id))!;
    await tx.auditLog.create({ data: { userId: user.id, action: 'update', entity: 'source', entityId: String(input.id), before, after } });
    return { ok: true, message: `Saved source #${input.id}.`, version: after.version };
  });
}

/** A source still cited by a figure, an event, a membership, a complete listing or an exchange rate stays: the evidence must not lose its citation. */
export async function deleteSource(db: Db, user: SessionUser, input: z.infer<typeof sourceDeleteSchema>): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This source no longer exists.' };
    const observations = await tx.observation.count({ where: { sourceId: input.id } });
    const events = await tx.event.count({ where: { sourceId: input.id } });
    const memberships = await tx.membership.count({ where: { sourceId: input.id } });
    const listings = await tx.completeListing.count({ where: { sourceId: input.id } });
    const rates = await tx.fxRate.count({ where: { sourceId: input.id } });
    if (observations + events + memberships + listings + rates > 0) {
      const also = [listings ? `${listings} complete listing(s)` : '', rates ? `${rates} exchange rate(s)` : ''].filter(Boolean).join(', ');
      return {
        ok: false,
        message: `Not deleted: source #${input.id} is cited by ${observations} value(s), ${events} event(s) and ${memberships} membership(s)${also ? `, and ${also}` : ''}. Point them at another source first.`,
      };
    }
    const { count } = await tx.source.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) return staleMessage(tx, 'source', input.id, before.title);
    await tx.auditLog.create({ data: { userId: user.id, action: 'delete', entity: 'source', entityId: String(input.id), before, reason: input.reason } });
    return { ok: true, message: `Deleted source #${input.id}.` };
  });
}

/** Who changed a source or event since the editor opened it: the latest audit row names them. */
export async function staleMessage(tx: Tx, entity: 'source' | 'event', entityId: number, label: string): Promise<EditResult> {
  const last = await tx.auditLog.findFirst({
    where: { entity, entityId: String(entityId) },
    orderBy: { id: 'desc' },
    select: { createdAt: true, user: { select: { email: true } } },
  });
  const who = last ? `${last.user?.email ?? 'the system'} at ${last.createdAt.toISOString().replace('T', ' ').slice(0, 19)} UTC` : 'someone else';
  return { ok: false, message: `Not saved: “${label}” was changed by ${who}. Reload to see the current version and edit again.` };
}
