import type { Db } from '../db/client';
import type { SessionUser } from '../auth/users';
import type { ObservationUpdate } from '../schemas/observation';
import { editTransaction } from './transaction';
import type { TransactionClient } from '../db/transaction';

export type Conflict = { changedBy: string; changedAt: string; current: { value: string | null; status: string; note: string; sourceId: number; version: number } };
export type EditResult =
  | { ok: true; message: string; version?: number }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; conflict?: Conflict; busy?: true };

const snapshotSelect = {
  id: true, indicatorId: true, reporterId: true, partnerId: true, year: true, periodType: true, periodLabel: true, rank: true,
  value: true, stance: true, status: true, note: true, sourceId: true, version: true,
} as const;

type Tx = TransactionClient;
type Snapshot = NonNullable<Awaited<ReturnType<typeof readSnapshot>>>;

function readSnapshot(tx: Tx, id: number) {
  return tx.observation.findUnique({ where: { id }, select: snapshotSelect });
}

/** JSON for the audit log: decimals as exact strings. */
const plain = (s: Snapshot) => ({ ...s, value: s.value === null ? null : s.value.toString() });

async function conflictOf(tx: Tx, id: number): Promise<Conflict | null> {
  const current = await tx.observation.findUnique({
    where: { id },
    select: { value: true, status: true, note: true, sourceId: true, version: true, updatedAt: true, updatedBy: { select: { email: true } } },
  });
  if (!current) return null;
  return {
    changedBy: current.updatedBy?.email ?? 'the seed or an import',
    changedAt: current.updatedAt.toISOString(),
    current: { value: current.value?.toString() ?? null, status: current.status, note: current.note, sourceId: current.sourceId, version: current.version },
  };
}

function conflictMessage(conflict: Conflict): string {
  return `Not saved: this value was changed by ${conflict.changedBy} at ${conflict.changedAt.replace('T', ' ').slice(0, 19)} UTC. It is now ${conflict.current.value ?? '–'} (${conflict.current.status.toLowerCase()}). Review it and save again.`;
}

/**
 * Optimistic concurrency: the row is updated only where its version is still the one the editor started from,
 * in one statement, so of two racing edits exactly one wins and the other is told who changed it and when.
 */
export async function updateObservation(db: Db, user: SessionUser, input: ObservationUpdate, action: 'update' | 'revert' = 'update'): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await readSnapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This value no longer exists (deleted by someone else).' };
    if (!(await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } }))) {
      return { ok: false, message: 'Check the source.', fieldErrors: { sourceId: [`No source with id ${input.sourceId}`] } };
    }
    const { count } = await tx.observation.updateMany({
      where: { id: input.id, version: input.version },
      data: { value: input.value, status: input.status, note: input.note, sourceId: input.sourceId, version: { increment: 1 }, updatedById: user.id },
    });
    if (count === 0) {
      const conflict = await conflictOf(tx, input.id);
      return conflict ? { ok: false, message: conflictMessage(conflict), conflict } : { ok: false, message: 'This value no longer exists.' };
    }
    const after = (await readSnapshot(tx, input.id))!;
    await tx.auditLog.create({
      data: { userId: user.id, action, entity: 'observation', entityId: String(input.id), before: plain(before), after: plain(after), reason: input.reason },
    });
    return { ok: true, message: action === 'revert' ? 'Reverted.' : 'Saved.', version: after.version };
  });
}

export async function deleteObservation(db: Db, user: SessionUser, input: { id: number; version: number; reason: string }): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const before = await readSnapshot(tx, input.id);
    if (!before) return { ok: false, message: 'This value no longer exists.' };
    const { count } = await tx.observation.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) {
      const conflict = await conflictOf(tx, input.id);
      return conflict ? { ok: false, message: conflictMessage(conflict), conflict } : { ok: false, message: 'This value no longer exists.' };
    }
    await tx.auditLog.create({ data: { userId: user.id, action: 'delete', entity: 'observation', entityId: String(input.id), before: plain(before), reason: input.reason } });
    return { ok: true, message: 'Deleted.' };
  });
}

/** Puts back the values an audit entry recorded as "before", as a new audited edit against the current version. */
export async function revertObservation(db: Db, user: SessionUser, input: { auditId: number; reason: string }): Promise<EditResult> {
  const entry = await db.auditLog.findUnique({ where: { id: input.auditId }, select: { entity: true, entityId: true, before: true } });
  if (!entry || entry.entity !== 'observation' || !entry.before) return { ok: false, message: 'That audit entry has no earlier observation version to go back to.' };
  const before = entry.before as { value: string | null; status: ObservationUpdate['status']; note: string; sourceId: number };
  const current = await db.observation.findUnique({ where: { id: Number(entry.entityId) }, select: { version: true } });
  if (!current) return { ok: false, message: 'The observation was deleted; it cannot be reverted here.' };
  if (before.value === null) return { ok: false, message: 'Only numeric values can be reverted here.' };
  return updateObservation(
    db,
    user,
    {
      id: Number(entry.entityId),
      version: current.version,
      value: before.value,
      status: before.status,
      note: before.note,
      sourceId: before.sourceId,
      reason: input.reason || `revert to the version before audit entry ${input.auditId}`,
    },
    'revert',
  );
}

/** A new figure; where the same indicator, reporter, partner and period has one already, it is kept as an alternative. */
export async function createObservation(
  db: Db,
  user: SessionUser,
  input: { indicator: string; reporter: string; partner: string; year: number; periodLabel: string; value: string; status: ObservationUpdate['status']; note: string; sourceId: number },
): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    // One after another: a transaction is one connection, which runs one query at a time.
    const indicator = await tx.indicator.findUnique({ where: { slug: input.indicator }, select: { id: true } });
    const reporter = await tx.actor.findUnique({ where: { code: input.reporter }, select: { id: true } });
    const partner = await tx.actor.findUnique({ where: { code: input.partner }, select: { id: true } });
    const source = await tx.source.findUnique({ where: { id: input.sourceId }, select: { id: true } });
    const fieldErrors: Record<string, string[]> = {};
    if (!indicator) fieldErrors.indicator = [`No indicator ${input.indicator}`];
    if (!reporter) fieldErrors.reporter = [`No actor ${input.reporter}`];
    if (!partner) fieldErrors.partner = [`No actor ${input.partner}`];
    if (!source) fieldErrors.sourceId = [`No source with id ${input.sourceId}`];
    if (!indicator || !reporter || !partner || !source) return { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors };
    const key = { indicatorId: indicator.id, reporterId: reporter.id, partnerId: partner.id, year: input.year, periodLabel: input.periodLabel };
    const last = await tx.observation.findFirst({ where: key, orderBy: { rank: 'desc' }, select: { rank: true } });
    const created = await tx.observation.create({
      data: {
        ...key,
        rank: last ? last.rank + 1 : 0,
        periodType: input.periodLabel ? 'PARTIAL_YEAR' : 'YEAR',
        value: input.value,
        status: input.status,
        note: input.note,
        sourceId: input.sourceId,
        updatedById: user.id,
      },
      select: snapshotSelect,
    });
    await tx.auditLog.create({ data: { userId: user.id, action: 'create', entity: 'observation', entityId: String(created.id), after: plain(created) } });
    return { ok: true, message: last ? `Added as alternative ${created.rank} (a primary figure exists).` : 'Added.' };
  });
}

/** Makes an alternative the primary figure: the two swap ranks in one transaction, both audited. */
export async function makePrimary(db: Db, user: SessionUser, input: { id: number; version: number }): Promise<EditResult> {
  return editTransaction(db, async (tx) => {
    const alternative = await readSnapshot(tx, input.id);
    if (!alternative) return { ok: false, message: 'This value no longer exists.' };
    if (alternative.version !== input.version) {
      const conflict = await conflictOf(tx, input.id);
      return { ok: false, message: conflict ? conflictMessage(conflict) : 'This value no longer exists.', conflict: conflict ?? undefined };
    }
    if (alternative.rank === 0) return { ok: false, message: 'This is the primary figure already.' };
    const key = { indicatorId: alternative.indicatorId, reporterId: alternative.reporterId, partnerId: alternative.partnerId, year: alternative.year, periodLabel: alternative.periodLabel };
    const primary = await tx.observation.findFirst({ where: { ...key, rank: 0 }, select: snapshotSelect });
    // Through a free rank, because (key, rank) is unique at every statement.
    if (primary) await tx.observation.update({ where: { id: primary.id }, data: { rank: -1 } });
    const promoted = await tx.observation.update({ where: { id: alternative.id }, data: { rank: 0, version: { increment: 1 }, updatedById: user.id }, select: snapshotSelect });
    await tx.auditLog.create({ data: { userId: user.id, action: 'make-primary', entity: 'observation', entityId: String(alternative.id), before: plain(alternative), after: plain(promoted) } });
    if (primary) {
      const demoted = await tx.observation.update({ where: { id: primary.id }, data: { rank: alternative.rank, version: { increment: 1 }, updatedById: user.id }, select: snapshotSelect });
      await tx.auditLog.create({ data: { userId: user.id, action: 'make-alternative', entity: 'observation', entityId: String(primary.id), before: plain(primary), after: plain(demoted) } });
    }
    return { ok: true, message: 'Now the primary figure.' };
  });
}
