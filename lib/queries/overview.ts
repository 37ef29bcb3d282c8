import 'server-only';
import { getDb } from '../db/prisma';

export type OverviewDimension = { key: string; label: string; colour: string; description: string; indicators: number; values: number };
export type OverviewPartner = { code: string; name: string; kind: string; values: number; byDimension: Record<string, number> };
export type OverviewEvent = {
  id: number;
  date: string;
  precision: string;
  endDate: string | null;
  title: string;
  partner: string | null;
  dimension: string | null;
  sourceTitle: string;
  sourceUrl: string | null;
};
export type Overview = {
  focal: { code: string; name: string };
  dimensions: OverviewDimension[];
  partners: OverviewPartner[];
  events: OverviewEvent[];
  totals: { observations: number; sources: number; events: number };
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Dimensions, partners and how many values each has for the focal country, plus the latest events. */
export async function getOverview(): Promise<Overview | null> {
  const db = getDb();
  const focal = await db.actor.findFirst({ where: { isFocal: true }, select: { id: true, code: true, name: true } });
  if (!focal) return null;
  const [dimensions, counts, partners, events, observations, sources, eventCount] = await Promise.all([
    db.dimension.findMany({
      orderBy: { sortOrder: 'asc' },
      select: { id: true, key: true, label: true, colour: true, description: true, _count: { select: { indicators: true } } },
    }),
    db.$queryRaw<{ partner_id: number; dimension_id: number; n: bigint }[]>`
      SELECT o.partner_id, i.dimension_id, count(*) AS n
      FROM observation o JOIN indicator i ON i.id = o.indicator_id
      WHERE o.reporter_id = ${focal.id} AND i.published
      GROUP BY o.partner_id, i.dimension_id`,
    db.actor.findMany({ where: { id: { not: focal.id } }, select: { id: true, code: true, name: true, kind: true } }),
    db.event.findMany({
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
      take: 8,
      select: {
        id: true, startsOn: true, endsOn: true, precision: true, title: true,
        partner: { select: { name: true } }, dimension: { select: { label: true } },
        source: { select: { title: true, url: true } },
      },
    }),
    db.observation.count({ where: { reporterId: focal.id } }),
    db.source.count(),
    db.event.count(),
  ]);
  const dimensionKey = new Map(dimensions.map((d) => [d.id, d.key]));
  const byPartner = new Map<number, Record<string, number>>();
  const byDimension = new Map<string, number>();
  for (const row of counts) {
    const key = dimensionKey.get(row.dimension_id);
    if (!key) continue;
    const n = Number(row.n);
    const entry = byPartner.get(row.partner_id) ?? {};
    entry[key] = (entry[key] ?? 0) + n;
    byPartner.set(row.partner_id, entry);
    byDimension.set(key, (byDimension.get(key) ?? 0) + n);
  }
  const kindOrder: Record<string, number> = { COUNTRY: 0, GROUP: 1, AGGREGATE: 2 };
  return {
    focal: { code: focal.code, name: focal.name },
    dimensions: dimensions.map((d) => ({
      key: d.key, label: d.label, colour: d.colour, description: d.description,
      indicators: d._count.indicators, values: byDimension.get(d.key) ?? 0,
    })),
    partners: partners
      .map((p) => {
        const entry = byPartner.get(p.id) ?? {};
        return { code: p.code, name: p.name, kind: p.kind, byDimension: entry, values: Object.values(entry).reduce((a, b) => a + b, 0) };
      })
      .sort((a, b) => (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) || b.values - a.values || a.name.localeCompare(b.name)),
    events: events.map((e) => ({
      id: e.id, date: iso(e.startsOn), precision: e.precision, endDate: e.endsOn ? iso(e.endsOn) : null, title: e.title,
      partner: e.partner?.name ?? null, dimension: e.dimension?.label ?? null,
      sourceTitle: e.source.title, sourceUrl: e.source.url,
    })),
    totals: { observations, sources, events: eventCount },
  };
}
