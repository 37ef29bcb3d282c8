import { z } from 'zod';
import type { Db } from '../db/client';
import type { SessionUser } from '../auth/users';
import type { EditResult } from './observations';
import { staleMessage } from './sources';
import { dateOf, dayOf } from '../schemas/dates';
import { editTransaction } from './transaction';
import type { TransactionClient } from '../db/transaction';
import type { eventFieldsSchema, eventUpdateSchema, eventDeleteSchema } from '../schemas/event';



type Tx = TransactionClient;
type Fields = z.infer<typeof eventFieldsSchema>;

async function snapshot(tx: Tx, eventId: number) {
  const e = await tx.event.findUnique({
    where: { id: eventId },
    select: {
      startsOn: true, endsOn: true, precision: true, title: true, description: true, sourceId: true, version: true,
      reporter: { select: { code: true } }, partner: { select: { code: true } }, dimension: { select: { key: true } },
    },
  });
  if (!e) return null;
  const { reporter, partner, dimension, startsOn, endsOn, ...rest } = e;
  return { ...rest, startsOn: dayOf(startsOn), endsOn: dayOf(endsOn), reporter: reporter.code, partner: partner?.code ?? null, dimension: dimension?.key ?? null };
}

/** Resolves partner, dimension and source to ids, or says which of them does not exist. */
async function resolve(tx: Tx, input: Fields): Promise<{ data: { startsOn: Date; endsOn: Date | null; precision: string; title: string; description: string; reporterId: number; partnerId: number | null; dimensionId: number | null; sourceId: number } } | { error: EditResult }> {
  const fieldErrors: Record<string, string[]> = {};
  const reporter = await tx.actor.findUnique({ where: { code: input.reporter }, select: { id: true, kind: true } });
  if (!reporter || reporter.kind !== 'COUNTRY') fieldErrors.reporter = [`No country ${input.reporter}`];
  const partner = input.partner ? await tx.actor.findUnique({ where: { code: input.partner }, select: { id: true, kind: true } }) : null;
  if (input.partner && (!partner || partner.kind === 'AGGREGATE')) fieldErrors.partner = [`No partner ${input.partner}`];
  const dimension = input.dimension ? await tx.dimension.findUnique({ where: { key: input.dimension }, select: { id: true } }) : null;
  if (input.dimension && !dimension) fieldErrors.dimension = [`No dimension ${input.dimension}`];
  const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
  if (!source) fieldErrors.sourceId = [`No source with id ${input.sourceId}`];
  if (Object.keys(fieldErrors).length) return { error: { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors } };
  return {
    data: {
      startsOn: dateOf(input.startsOn), endsOn: dateOf(input.endsOn), precision: input.precision, title: input.title, description: input.description,
      reporterId: reporter!.id, partnerId: partner?.id ?? null, dimensionId: dimension?.id ?? null, sourceId: input.sourceId,
    },
  };
}

const sameDayTitle = (input: Fields) => ({ ok: false as const, message: `An event “${input.title}” on ${input.startsOn} exists already for ${input.reporter}.`, fieldErrors: { title: ['Already used on this date'] } });

export async function createEvent(db: Db, user: SessionUser, input: Fields): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const resolved = await resolve(tx, input);
    if ('error' in resolved) return resolved.error;
    if (await tx.event.findFirst({ where: { reporterId: resolved.data.reporterId, startsOn: resolved.data.startsOn, title: input.title }, select: { id: true } })) return sameDayTitle(input);
    const created = await tx.event.create({ data: resolved.data, select: { id: true } });
    await tx.auditLog.create({ data: { userId: user.id, action: 'create', entity: 'event', entityId: String(created.id), after: (await snapshot(tx, created.id))! } });
    return { ok: true, message: `Added event #${created.id}.` };
  });
}

export async function updateEvent(db: Db, user: SessionUser, input: z.infer<typeof eventUpdateSchema>): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This event no longer exists.' };
    const resolved = await resolve(tx, input);
    if ('error' in resolved) return resolved.error;
    if (await tx.event.findFirst({ where: { reporterId: resolved.data.reporterId, startsOn: resolved.data.startsOn, title: input.title, NOT: { id: input.id } }, select: { id: true } })) return sameDayTitle(input);
    const { count } = await tx.event.updateMany({ where: { id: input.id, version: input.version }, data: { ...resolved.data, version: { increment: 1 } } });
    if (count === 0) return staleMessage(tx, 'event', input.id, before.title);
    const after = (await snapshot(tx, input.id))!;
    await tx.auditLog.create({ data: { userId: user.id, action: 'update', entity: 'event', entityId: String(input.id), before, after } });
    return { ok: true, message: `Saved event #${input.id}.`, version: after.version };
  });
}

export async function deleteEvent(db: Db, user: SessionUser, input: z.infer<typeof eventDeleteSchema>): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await snapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This event no longer exists.' };
    const { count } = await tx.event.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) return staleMessage(tx, 'event', input.id, before.title);
    await tx.auditLog.create({ data: { userId: user.id, action: 'delete', entity: 'event', entityId: String(input.id), before, reason: input.reason } });
    return { ok: true, message: `Deleted event #${input.id}.` };
  });
}
