import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { dateOf, dayOf } from '../schemas/dates';
import { backupSchema, type Backup } from '../schemas/backup';

/**
 * A full backup of the data (not of users, sessions or the audit log: password hashes never leave the query
 * layer). Rows refer to each other by natural keys and sources by their position, so a backup restored into an
 * empty database exports again identically.
 */



export async function exportBackup(db: Db): Promise<Backup> {
  const [actors, sources, memberships, dimensions, indicators, observations, events, listings, fxRates, aliases] = await Promise.all([
    db.actor.findMany({ orderBy: { code: 'asc' }, select: { code: true, name: true, kind: true, isFocal: true } }),
    db.source.findMany({ orderBy: { id: 'asc' }, select: { id: true, title: true, publisher: true, url: true, publishedOn: true, accessedOn: true, excerpt: true, tier: true } }),
    db.membership.findMany({ orderBy: { id: 'asc' }, select: { joinedOn: true, leftOn: true, sourceId: true, group: { select: { code: true } }, member: { select: { code: true } } } }),
    db.dimension.findMany({ orderBy: { sortOrder: 'asc' }, select: { key: true, label: true, colour: true, sortOrder: true, description: true } }),
    db.indicator.findMany({
      orderBy: { id: 'asc' },
      select: {
        slug: true, name: true, unit: true, valueKind: true, definition: true, methodology: true, higherIsMoreDependent: true, partnerSide: true, weight: true,
        published: true, sortOrder: true, dimension: { select: { key: true } }, totalIndicator: { select: { slug: true } },
      },
    }),
    db.observation.findMany({
      orderBy: { id: 'asc' },
      select: {
        year: true, periodType: true, periodLabel: true, periodNote: true, rank: true, value: true, stance: true, status: true, note: true, sourceId: true,
        originalValue: true, originalUnit: true, originalIndicator: true, fxRate: { select: { currency: true, year: true } },
        indicator: { select: { slug: true } }, reporter: { select: { code: true } }, partner: { select: { code: true } },
      },
    }),
    db.event.findMany({
      orderBy: { id: 'asc' },
      select: { startsOn: true, endsOn: true, precision: true, title: true, description: true, sourceId: true, reporter: { select: { code: true } }, partner: { select: { code: true } }, dimension: { select: { key: true } } },
    }),
    db.completeListing.findMany({
      orderBy: { id: 'asc' },
      select: { year: true, note: true, sourceId: true, indicator: { select: { slug: true } }, reporter: { select: { code: true } }, partner: { select: { code: true } } },
    }),
    db.fxRate.findMany({ orderBy: [{ currency: 'asc' }, { year: 'asc' }], select: { currency: true, year: true, perUsd: true, sourceId: true } }),
    db.indicatorAlias.findMany({ orderBy: { name: 'asc' }, select: { name: true, indicator: { select: { slug: true } } } }),
  ]);
  const position = new Map(sources.map((s, i) => [s.id, i]));
  const ref = (id: number) => position.get(id)!;
  return {
    format: 'dependency-atlas-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    actors,
    sources: sources.map(({ id: _id, publishedOn, accessedOn, ...s }) => ({ ...s, publishedOn: dayOf(publishedOn), accessedOn: dayOf(accessedOn) })),
    memberships: memberships.map((m) => ({ group: m.group.code, member: m.member.code, joinedOn: dayOf(m.joinedOn), leftOn: dayOf(m.leftOn), source: m.sourceId === null ? null : ref(m.sourceId) })),
    dimensions,
    indicators: indicators.map(({ dimension, totalIndicator, ...i }) => ({ ...i, dimension: dimension.key, total: totalIndicator?.slug ?? null })),
    observations: observations.map(({ indicator, reporter, partner, sourceId, value, originalValue, fxRate, ...o }) => ({
      ...o, indicator: indicator.slug, reporter: reporter.code, partner: partner.code, value: value?.toString() ?? null, source: ref(sourceId),
      originalValue: originalValue?.toString() ?? null, fxRate: fxRate ? ([fxRate.currency, fxRate.year] as [string, number]) : null,
    })),
    fxRates: fxRates.map((r) => ({ currency: r.currency, year: r.year, perUsd: r.perUsd.toString(), source: ref(r.sourceId) })),
    aliases: aliases.map((a) => ({ name: a.name, indicator: a.indicator.slug })),
    listings: listings.map((l) => ({
      indicator: l.indicator.slug, reporter: l.reporter.code, partner: l.partner?.code ?? null, year: l.year, source: ref(l.sourceId), note: l.note,
    })),
    events: events.map((e) => ({
      startsOn: dayOf(e.startsOn), endsOn: dayOf(e.endsOn), precision: e.precision, title: e.title, description: e.description,
      reporter: e.reporter.code, partner: e.partner?.code ?? null, dimension: e.dimension?.key ?? null, source: ref(e.sourceId),
    })),
  };
}

/** Restores a backup into an empty database, in one transaction; refuses a database that holds data already. */
export async function restoreBackup(db: Db, input: unknown): Promise<{ ok: true; counts: Record<string, number> } | { ok: false; message: string }> {
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: `Not a Dependency Atlas backup: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  const b = parsed.data;
  if ((await db.observation.count()) + (await db.actor.count()) > 0) return { ok: false, message: 'The database is not empty: restore only into an empty one.' };
  await writeTransaction(
    db,
    async (tx) => {
      const actor = new Map<string, number>();
      for (const a of b.actors) actor.set(a.code, (await tx.actor.create({ data: a, select: { id: true } })).id);
      const source: number[] = [];
      for (const s of b.sources) source.push((await tx.source.create({ data: { ...s, publishedOn: dateOf(s.publishedOn), accessedOn: dateOf(s.accessedOn) }, select: { id: true } })).id);
      const need = <T>(map: Map<string, T> | T[], key: string | number, what: string): T => {
        const value = Array.isArray(map) ? map[key as number] : map.get(key as string);
        if (value === undefined) throw new Error(`backup refers to an unknown ${what} ${key}`);
        return value;
      };
      for (const m of b.memberships) {
        await tx.membership.create({
          data: { groupId: need(actor, m.group, 'actor'), memberId: need(actor, m.member, 'actor'), joinedOn: dateOf(m.joinedOn), leftOn: dateOf(m.leftOn), sourceId: m.source === null ? null : need(source, m.source, 'source') },
        });
      }
      const dimension = new Map<string, number>();
      for (const d of b.dimensions) dimension.set(d.key, (await tx.dimension.create({ data: d, select: { id: true } })).id);
      const indicator = new Map<string, number>();
      for (const { dimension: key, total: _total, ...i } of b.indicators) {
        indicator.set(i.slug, (await tx.indicator.create({ data: { ...i, dimensionId: need(dimension, key, 'dimension') }, select: { id: true } })).id);
      }
      for (const i of b.indicators) if (i.total) await tx.indicator.update({ where: { slug: i.slug }, data: { totalIndicatorId: need(indicator, i.total, 'indicator') } });
      const fx = new Map<string, number>();
      for (const r of b.fxRates) {
        fx.set(`${r.currency}|${r.year}`, (await tx.fxRate.create({ data: { currency: r.currency, year: r.year, perUsd: r.perUsd, sourceId: need(source, r.source, 'source') }, select: { id: true } })).id);
      }
      for (const a of b.aliases) await tx.indicatorAlias.create({ data: { name: a.name, indicatorId: need(indicator, a.indicator, 'indicator') } });
      for (const o of b.observations) {
        await tx.observation.create({
          data: {
            indicatorId: need(indicator, o.indicator, 'indicator'), reporterId: need(actor, o.reporter, 'actor'), partnerId: need(actor, o.partner, 'actor'),
            year: o.year, periodType: o.periodType, periodLabel: o.periodLabel, periodNote: o.periodNote, rank: o.rank, value: o.value, stance: o.stance, status: o.status, note: o.note,
            sourceId: need(source, o.source, 'source'),
            originalValue: o.originalValue, originalUnit: o.originalUnit, originalIndicator: o.originalIndicator,
            fxRateId: o.fxRate ? need(fx, `${o.fxRate[0]}|${o.fxRate[1]}`, 'exchange rate') : null,
          },
        });
      }
      for (const l of b.listings) {
        await tx.completeListing.create({
          data: {
            indicatorId: need(indicator, l.indicator, 'indicator'), reporterId: need(actor, l.reporter, 'actor'),
            partnerId: l.partner ? need(actor, l.partner, 'actor') : null, year: l.year, sourceId: need(source, l.source, 'source'), note: l.note,
          },
        });
      }
      for (const e of b.events) {
        await tx.event.create({
          data: {
            startsOn: dateOf(e.startsOn), endsOn: dateOf(e.endsOn), precision: e.precision, title: e.title, description: e.description,
            reporterId: need(actor, e.reporter, 'actor'), partnerId: e.partner ? need(actor, e.partner, 'actor') : null, dimensionId: e.dimension ? need(dimension, e.dimension, 'dimension') : null,
            sourceId: need(source, e.source, 'source'),
          },
        });
      }
      await tx.auditLog.create({ data: { action: 'restore', entity: 'backup', entityId: b.exportedAt, after: { observations: b.observations.length, events: b.events.length }, reason: 'restore from JSON backup' } });
    },
    { timeout: 30 * 60_000 },
  );
  return { ok: true, counts: { actors: b.actors.length, sources: b.sources.length, observations: b.observations.length, events: b.events.length } };
}

/** Primary figures in the import format (alternatives share a key, which an import refuses: they stay in the JSON backup). */
export function backupToCsvRows(b: Backup) {
  const dimensionOf = new Map(b.indicators.map((i) => [i.slug, i.dimension]));
  const unitOf = new Map(b.indicators.map((i) => [i.slug, i.unit]));
  return b.observations
    .filter((o) => o.rank === 0 && o.value !== null && o.periodType === 'YEAR')
    .map((o) => {
      const s = b.sources[o.source]!;
      return {
        dimension: dimensionOf.get(o.indicator) ?? '', indicator: o.indicator, unit: unitOf.get(o.indicator) ?? '', reporter: o.reporter, partner: o.partner,
        year: o.year, value: o.value!, source_title: s.title, source_url: s.url ?? '', excerpt: s.excerpt,
      };
    });
}
