import 'server-only';
import { redirect } from 'next/navigation';
import { currentUser } from '../auth/session';
import { atLeast, type Role, type SessionUser } from '../auth/users';
import { getDb } from '../db/prisma';
import { dayOf } from '../schemas/dates';
import { exportBackup } from '../backup/backup';

/**
 * Every admin read checks the role itself, through here, before it touches the database: a page and its layout
 * render independently, so a check in the layout alone lets a page's data travel inside the redirect's body.
 * The page calls requirePageRole first (to send the reader back to it after signing in); this is the backstop.
 */
function adminRead<A extends unknown[], R>(role: Role, read: (user: SessionUser, ...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const user = await currentUser();
    if (!user || !atLeast(user.role, role)) redirect(`/login?next=%2Fadmin${user ? '&denied=1' : ''}`);
    return read(user, ...args);
  };
}

export type AdminObservation = {
  id: number;
  version: number;
  indicator: string;
  indicatorName: string;
  unit: string;
  partner: string;
  partnerName: string;
  year: number;
  periodLabel: string;
  rank: number;
  value: string | null;
  stance: string | null;
  status: string;
  note: string;
  sourceId: number;
  sourceTitle: string;
  updatedBy: string | null;
  updatedAt: string;
};

export const ADMIN_PAGE_SIZE = 100;

export const adminObservations = adminRead('EDITOR', async (_user, filter: { reporter?: string; indicator?: string; partner?: string; from?: number; to?: number }): Promise<{ rows: AdminObservation[]; total: number }> => {
  const where = {
    ...(filter.reporter ? { reporter: { code: filter.reporter } } : {}),
    ...(filter.indicator ? { indicator: { slug: filter.indicator } } : {}),
    ...(filter.partner ? { partner: { code: filter.partner } } : {}),
    ...(filter.from !== undefined || filter.to !== undefined ? { year: { gte: filter.from, lte: filter.to } } : {}),
  };
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.observation.findMany({
      where,
      orderBy: [{ indicator: { sortOrder: 'asc' } }, { partner: { code: 'asc' } }, { year: 'asc' }, { periodLabel: 'asc' }, { rank: 'asc' }],
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true, version: true, year: true, periodLabel: true, rank: true, value: true, stance: true, status: true, note: true, sourceId: true, updatedAt: true,
        indicator: { select: { slug: true, name: true, unit: true } },
        partner: { select: { code: true, name: true } },
        source: { select: { title: true } },
        updatedBy: { select: { email: true } },
      },
    }),
    db.observation.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((o) => ({
      id: o.id, version: o.version, indicator: o.indicator.slug, indicatorName: o.indicator.name, unit: o.indicator.unit,
      partner: o.partner.code, partnerName: o.partner.name, year: o.year, periodLabel: o.periodLabel, rank: o.rank,
      value: o.value?.toString() ?? null, stance: o.stance, status: o.status, note: o.note, sourceId: o.sourceId, sourceTitle: o.source.title,
      updatedBy: o.updatedBy?.email ?? null, updatedAt: o.updatedAt.toISOString(),
    })),
  };
});

export const adminChoices = adminRead('EDITOR', async () => {
  const db = getDb();
  const [indicators, actors, sources] = await Promise.all([
    db.indicator.findMany({ orderBy: [{ dimension: { sortOrder: 'asc' } }, { sortOrder: 'asc' }], select: { slug: true, name: true } }),
    db.actor.findMany({ orderBy: { name: 'asc' }, select: { code: true, name: true, isFocal: true } }),
    db.source.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true } }),
  ]);
  return { indicators, actors, sources, focal: actors.find((a) => a.isFocal)?.code ?? actors[0]?.code ?? '' };
});

export type AuditEntry = {
  id: number;
  at: string;
  user: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string;
};

export const auditEntries = adminRead('EDITOR', async (user, filter: { user?: string; entity?: string; from?: string; to?: string }): Promise<AuditEntry[]> => {
  const rows = await getDb().auditLog.findMany({
    where: {
      ...(filter.user ? { user: { email: filter.user } } : {}),
      // User administration is for admins: editors see neither its entries nor the accounts they name.
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(user.role === 'ADMIN' ? {} : { NOT: { entity: 'user' } }),
      ...(filter.from || filter.to
        ? { createdAt: { gte: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined, lte: filter.to ? new Date(`${filter.to}T23:59:59Z`) : undefined } }
        : {}),
    },
    orderBy: { id: 'desc' },
    take: 200,
    select: { id: true, createdAt: true, action: true, entity: true, entityId: true, before: true, after: true, reason: true, user: { select: { email: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    user: r.user?.email ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: (r.before as Record<string, unknown> | null) ?? null,
    after: (r.after as Record<string, unknown> | null) ?? null,
    reason: r.reason,
  }));
});

/** Sources matching a search in title, publisher, address or excerpt, newest first, with how often each is cited. */
export const adminSources = adminRead('EDITOR', async (_user, filter: { q?: string }): Promise<{ rows: AdminSource[]; total: number }> => {
  const q = filter.q?.trim();
  const where = q
    ? { OR: (['title', 'publisher', 'url', 'excerpt'] as const).map((field) => ({ [field]: { contains: q, mode: 'insensitive' as const } })) }
    : {};
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.source.findMany({
      where,
      orderBy: { id: 'desc' },
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true, version: true, title: true, publisher: true, url: true, publishedOn: true, accessedOn: true, excerpt: true,
        _count: { select: { observations: true, events: true, memberships: true } },
      },
    }),
    db.source.count({ where }),
  ]);
  return {
    total,
    rows: rows.map(({ _count, url, publishedOn, accessedOn, ...s }) => ({
      ...s, url: url ?? '', publishedOn: dayOf(publishedOn) ?? '', accessedOn: dayOf(accessedOn) ?? '', uses: _count.observations + _count.events + _count.memberships,
    })),
  };
});

export type AdminSource = { id: number; version: number; title: string; publisher: string; url: string; publishedOn: string; accessedOn: string; excerpt: string; uses: number };

export type AdminEvent = {
  id: number; version: number; startsOn: string; endsOn: string; precision: 'day' | 'month'; title: string; description: string;
  reporter: string; partner: string; dimension: string; sourceId: number; sourceTitle: string;
};

export const adminEvents = adminRead('EDITOR', async (): Promise<AdminEvent[]> => {
  const events = await getDb().event.findMany({
    orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
    select: {
      id: true, version: true, startsOn: true, endsOn: true, precision: true, title: true, description: true, sourceId: true,
      reporter: { select: { code: true } }, partner: { select: { code: true } }, dimension: { select: { key: true } }, source: { select: { title: true } },
    },
  });
  return events.map(({ reporter, partner, dimension, source, startsOn, endsOn, precision, ...e }) => ({
    ...e, startsOn: dayOf(startsOn), endsOn: dayOf(endsOn) ?? '', precision: precision === 'month' ? 'month' : 'day',
    reporter: reporter.code, partner: partner?.code ?? '', dimension: dimension?.key ?? '', sourceTitle: source.title,
  }));
});

/** What an event form picks from: partners (no aggregates), dimensions and every source. */
export const eventChoices = adminRead('EDITOR', async () => {
  const db = getDb();
  const [actors, dimensions, sources] = await Promise.all([
    db.actor.findMany({ where: { kind: { not: 'AGGREGATE' } }, orderBy: { name: 'asc' }, select: { code: true, name: true, kind: true } }),
    db.dimension.findMany({ orderBy: { sortOrder: 'asc' }, select: { key: true, label: true } }),
    db.source.findMany({ orderBy: { title: 'asc' }, select: { id: true, title: true } }),
  ]);
  return { actors, dimensions, sources };
});

export type AdminUser = { id: number; email: string; role: SessionUser['role']; disabled: boolean };

/** Accounts: admins only (editors do not see who has an account, nor their emails). */
export const adminUsers = adminRead('ADMIN', async (): Promise<AdminUser[]> =>
  getDb().user.findMany({ orderBy: { email: 'asc' }, select: { id: true, email: true, role: true, disabled: true } }),
);

/** Every indicator, published or not, with what an editor may change, and the dimensions to add one to. */
export const adminIndicators = adminRead('EDITOR', async () => {
  const db = getDb();
  const dimensions = await db.dimension.findMany({ orderBy: { sortOrder: 'asc' }, select: { key: true, label: true } });
  const indicators = await db.indicator.findMany({
    orderBy: [{ dimension: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    select: { slug: true, name: true, unit: true, definition: true, methodology: true, higherIsMoreDependent: true, weight: true, published: true, dimension: { select: { label: true } } },
  });
  return { dimensions, indicators };
});

/** One value as an editor sees it, with the version an edit must carry (GET /api/observations/:id). */
export const observationForEdit = adminRead('EDITOR', async (_user, id: number) => {
  const o = await getDb().observation.findUnique({
    where: { id },
    select: { id: true, version: true, value: true, status: true, note: true, sourceId: true, year: true, periodLabel: true, rank: true, updatedAt: true, indicator: { select: { slug: true } }, partner: { select: { code: true } } },
  });
  if (!o) return null;
  const { indicator, partner, value, updatedAt, ...rest } = o;
  return { ...rest, indicator: indicator.slug, partner: partner.code, value: value?.toString() ?? null, updatedAt: updatedAt.toISOString() };
});

/** Everything, for /api/export (backup.json and observations.csv): editors and admins. */
export const backupForExport = adminRead('EDITOR', async () => exportBackup(getDb()));

/** The concepts an import can map a file's indicators onto: every indicator of the atlas, scored ones first. */
export const importConcepts = adminRead('EDITOR', async () => {
  const rows = await getDb().indicator.findMany({
    orderBy: [{ dimension: { sortOrder: 'asc' } }, { sortOrder: 'asc' }, { slug: 'asc' }],
    select: { slug: true, name: true, unit: true, weight: true, dimension: { select: { key: true } } },
  });
  return rows
    .map((r) => ({ slug: r.slug, name: r.name, unit: r.unit, dimension: r.dimension.key, scored: r.weight > 0 }))
    .sort((a, b) => Number(b.scored) - Number(a.scored));
});
