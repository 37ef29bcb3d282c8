import 'server-only';
import { cache } from 'react';
import { getDb } from '../db/prisma';
import type { Actor, Catalogue, DataVersion, EventRow, ObservationRow, SourceRef } from '../dashboard/types';
import { dayOf } from '../schemas/dates';
import { DATA_STATE_HEADER } from '../cache/page-cache';

/**
 * The data state the production server (scripts/serve.ts) read for this request, which it also keys its page cache
 * with: rendering with exactly that state means a cached page always shows the data of its key. The server writes
 * the header on every request (a client cannot choose it); absent (next dev, scripts), null.
 */
async function requestDataState(): Promise<DataVersion | null> {
  try {
    const { headers } = await import('next/headers');
    const raw = (await headers()).get(DATA_STATE_HEADER);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<DataVersion>;
    return typeof parsed.datasetId === 'string' && typeof parsed.version === 'string' && typeof parsed.changedAt === 'string'
      ? { datasetId: parsed.datasetId, version: parsed.version, changedAt: parsed.changedAt }
      : null;
  } catch {
    return null; // outside a request
  }
}

/**
 * Cached reads. Every cache key includes the database's dataset id and data version (bumped by triggers on
 * every write), so a change made through any app instance or script is seen on the next request everywhere.
 * The cache is this process's memory only (a bounded least-recently-used map below): Next's data cache on disk kept one copy per data
 * version that nothing removed (about 115 KB per edit under load), and every miss paid for writing it.
 */

/**
 * Recent results of this process, by keys that include the data version (never stale); read-only to callers.
 * Least recently used goes first: a Map iterates in insertion order, and a hit is moved to the end.
 */
const recent = new Map<string, unknown>();
const RECENT_MAX = 200;
/** Loads in progress: after a write, the many requests that miss at once share one query instead of each running it. */
const loading = new Map<string, Promise<unknown>>();

async function remembered<T>(key: unknown[], load: () => Promise<T>): Promise<T> {
  const id = JSON.stringify(key);
  if (recent.has(id)) {
    const hit = recent.get(id);
    recent.delete(id);
    recent.set(id, hit);
    return hit as T;
  }
  const pending = loading.get(id);
  if (pending) return pending as Promise<T>;
  const promise = load().then(
    (value) => {
      if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
      recent.set(id, value);
      loading.delete(id);
      return value;
    },
    (error: unknown) => {
      loading.delete(id);
      throw error;
    },
  );
  loading.set(id, promise);
  return promise;
}

/**
 * The data version, read at most once a second per process (and once per request): another instance's write
 * shows within a second, this instance's own writes at once (forgetDataVersion), and a database that stopped
 * answering is noticed within a second.
 */
const VERSION_TTL_MS = 1000;
let lastVersion: { value: DataVersion; at: number } | null = null;

export function forgetDataVersion(): void {
  lastVersion = null;
}

export const getDataVersion = cache(async (): Promise<DataVersion> => {
  const given = await requestDataState();
  if (given) return given;
  if (lastVersion && Date.now() - lastVersion.at < VERSION_TTL_MS) return lastVersion.value;
  const row = await getDb().dataState.findUnique({ where: { id: 1 }, select: { datasetId: true, version: true, changedAt: true } });
  if (!row) throw new Error('data_state is missing: run the migrations');
  const value = { datasetId: row.datasetId, version: row.version.toString(), changedAt: row.changedAt.toISOString() };
  lastVersion = { value, at: Date.now() };
  return value;
});

const sourceSelect = { id: true, title: true, publisher: true, url: true, excerpt: true, tier: true } as const;

const loadCatalogue = async (): Promise<Catalogue> => {
    const db = getDb();
    const [actors, memberships, dimensions, indicators, listings] = await Promise.all([
      db.actor.findMany({ select: { code: true, name: true, kind: true, isFocal: true }, orderBy: { name: 'asc' } }),
      db.membership.findMany({ select: { joinedOn: true, leftOn: true, group: { select: { code: true } }, member: { select: { code: true } } } }),
      db.dimension.findMany({ select: { key: true, label: true, colour: true, description: true }, orderBy: { sortOrder: 'asc' } }),
      db.indicator.findMany({
        where: { published: true },
        orderBy: [{ dimension: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
        select: {
          slug: true, name: true, unit: true, valueKind: true, definition: true, methodology: true, higherIsMoreDependent: true,
          partnerSide: true, weight: true, dimension: { select: { key: true } }, totalIndicator: { select: { slug: true } },
        },
      }),
      db.completeListing.findMany({
        orderBy: [{ year: 'asc' }, { id: 'asc' }],
        select: { year: true, note: true, indicator: { select: { slug: true } }, reporter: { select: { code: true } }, partner: { select: { code: true } }, source: { select: sourceSelect } },
      }),
    ]);
    return {
      actors,
      memberships: memberships.map((m) => ({ group: m.group.code, member: m.member.code, joinedOn: dayOf(m.joinedOn), leftOn: dayOf(m.leftOn) })),
      dimensions,
      indicators: indicators.map(({ dimension, totalIndicator, ...rest }) => ({ ...rest, dimension: dimension.key, totalSlug: totalIndicator?.slug ?? null })),
      listings: listings.map((l) => ({ indicator: l.indicator.slug, reporter: l.reporter.code, partner: l.partner?.code ?? null, year: l.year, note: l.note, source: l.source })),
    };
  };

export async function getCatalogue(): Promise<Catalogue> {
  const v = await getDataVersion();
  return remembered(['catalogue', v.datasetId, v.version], () => loadCatalogue());
}

const loadObservations = async (focal: string, partners: string[], dimension: string | null): Promise<ObservationRow[]> => {
    const rows = await getDb().observation.findMany({
      where: {
        reporter: { code: focal },
        partner: { code: { in: partners } },
        indicator: { published: true, ...(dimension ? { dimension: { key: dimension } } : {}) },
      },
      orderBy: [{ year: 'asc' }, { rank: 'asc' }, { id: 'asc' }],
      select: {
        id: true, year: true, periodType: true, periodLabel: true, periodNote: true, rank: true, value: true, stance: true, status: true, note: true,
        originalIndicator: true, fxRate: { select: { currency: true, year: true, perUsd: true, source: { select: sourceSelect } } },
        indicator: { select: { slug: true } },
        partner: { select: { code: true } },
        source: { select: sourceSelect },
      },
    });
    return rows.map((o) => ({
      id: o.id,
      indicator: o.indicator.slug,
      reporter: focal,
      partner: o.partner.code,
      year: o.year,
      periodType: o.periodType,
      periodLabel: o.periodLabel,
      rank: o.rank,
      value: o.value === null ? null : Number(o.value),
      stance: o.stance,
      status: o.status,
      periodNote: o.periodNote,
      note: o.note,
      source: o.source satisfies SourceRef,
      ...(o.originalIndicator ? { publishedAs: o.originalIndicator } : {}),
      ...(o.fxRate ? { fx: { currency: o.fxRate.currency, year: o.fxRate.year, perUsd: o.fxRate.perUsd.toString(), source: o.fxRate.source } } : {}),
    }));
  };

/** Observations reported by `focal` about `partners` (give group members and WORLD explicitly), all periods and ranks. */
export async function getObservations(focal: string, partners: string[], dimension: string | null = null): Promise<ObservationRow[]> {
  const v = await getDataVersion();
  const codes = [...new Set(partners)].sort();
  return remembered(['observations', v.datasetId, v.version, focal, codes, dimension], () => loadObservations(focal, codes, dimension));
}

/** `reporter`: the focal country; events are those of its relationships only. */
export type EventFilter = { reporter: string; partners?: string[]; dimension?: string; from?: number; to?: number; limit?: number };

const loadEvents = async (filter: EventFilter): Promise<EventRow[]> => {
    const rows = await getDb().event.findMany({
      where: {
        reporter: { code: filter.reporter },
        ...(filter.partners?.length ? { partner: { code: { in: filter.partners } } } : {}),
        ...(filter.dimension ? { dimension: { key: filter.dimension } } : {}),
        // An event counts for the years it touches: a range that starts before `from` but ends after it is kept.
        ...(filter.to !== undefined ? { startsOn: { lte: new Date(`${filter.to}-12-31T00:00:00Z`) } } : {}),
        ...(filter.from !== undefined
          ? { OR: [{ startsOn: { gte: new Date(`${filter.from}-01-01T00:00:00Z`) } }, { endsOn: { gte: new Date(`${filter.from}-01-01T00:00:00Z`) } }] }
          : {}),
      },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
      take: filter.limit,
      select: {
        id: true, startsOn: true, endsOn: true, precision: true, title: true, description: true,
        partner: { select: { code: true, name: true } },
        dimension: { select: { key: true, label: true } },
        source: { select: sourceSelect },
      },
    });
    return rows.map((e) => ({
      id: e.id,
      date: dayOf(e.startsOn),
      endDate: dayOf(e.endsOn),
      precision: e.precision === 'month' ? 'month' : 'day',
      title: e.title,
      description: e.description,
      partner: e.partner?.code ?? null,
      partnerName: e.partner?.name ?? null,
      dimension: e.dimension?.key ?? null,
      dimensionLabel: e.dimension?.label ?? null,
      source: e.source,
    }));
  };

export async function getEvents(filter: EventFilter): Promise<EventRow[]> {
  const v = await getDataVersion();
  return remembered(['events', v.datasetId, v.version, filter], () => loadEvents(filter));
}

const loadPartnerCodes = async (focal: string): Promise<string[]> => {
    const rows = await getDb().$queryRaw<{ code: string }[]>`
      SELECT a.code FROM actor a
      WHERE a.id IN (SELECT DISTINCT o.partner_id FROM observation o JOIN actor r ON r.id = o.reporter_id WHERE r.code = ${focal})`;
    return rows.map((r) => r.code).sort();
  };

const loadFocalCodes = async (): Promise<string[]> => {
  const rows = await getDb().$queryRaw<{ code: string }[]>`
    SELECT a.code FROM actor a WHERE a.kind = 'COUNTRY' AND EXISTS (SELECT 1 FROM observation o WHERE o.reporter_id = a.id) ORDER BY a.name`;
  return rows.map((r) => r.code);
};

/** Countries that report figures: the focal countries a reader can choose. */
export async function getFocalCodes(): Promise<string[]> {
  const v = await getDataVersion();
  return remembered(['focal-codes', v.datasetId, v.version], () => loadFocalCodes());
}

/** The focal countries a reader can choose, named. */
export async function focalCountries(): Promise<Actor[]> {
  const [codes, catalogue] = await Promise.all([getFocalCodes(), getCatalogue()]);
  return codes.map((code) => catalogue.actors.find((a) => a.code === code)).filter((a): a is Actor => a !== undefined);
}

/** Codes of the actors that `focal` reports figures about. */
export async function getPartnerCodes(focal: string): Promise<string[]> {
  const v = await getDataVersion();
  return remembered(['partner-codes', v.datasetId, v.version, focal], () => loadPartnerCodes(focal));
}

export type SourceFilter = { tier?: string; publisher?: string; dimension?: string };
export type SourceListing = {
  id: number;
  title: string;
  publisher: string;
  url: string | null;
  tier: SourceRef['tier'];
  values: number;
  events: number;
  dimensions: string[];
};

const loadSources = async (): Promise<SourceListing[]> => {
  // One pass over the sources with their counts: how many values (published indicators) and events each supports.
  const rows = await getDb().$queryRaw<{ id: number; title: string; publisher: string; url: string | null; tier: SourceRef['tier']; values: bigint; events: bigint; dimensions: string[] | null }[]>`
    SELECT s.id, s.title, s.publisher, s.url, s.tier::text AS tier,
           (SELECT count(*) FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE o.source_id = s.id AND i.published) AS values,
           (SELECT count(*) FROM event e WHERE e.source_id = s.id) AS events,
           (SELECT array_agg(DISTINCT d.key) FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN dimension d ON d.id = i.dimension_id WHERE o.source_id = s.id AND i.published) AS dimensions
    FROM source s
    ORDER BY s.publisher, s.title, s.id`;
  return rows.map((r) => ({ ...r, values: Number(r.values), events: Number(r.events), dimensions: (r.dimensions ?? []).sort() }));
};

/** Every source with how many values and events it supports, for the /sources page (filtered in memory: a few thousand rows). */
export async function getSources(filter: SourceFilter = {}): Promise<{ sources: SourceListing[]; publishers: string[] }> {
  const v = await getDataVersion();
  const all = await remembered(['sources', v.datasetId, v.version], () => loadSources());
  const needle = filter.publisher?.toLowerCase();
  const sources = all.filter(
    (s) =>
      (!filter.tier || (filter.tier === 'unrated' ? s.tier === null : s.tier === filter.tier)) &&
      (!needle || s.publisher.toLowerCase().includes(needle)) &&
      (!filter.dimension || s.dimensions.includes(filter.dimension)),
  );
  return { sources, publishers: [...new Set(all.map((s) => s.publisher).filter(Boolean))].sort() };
}
