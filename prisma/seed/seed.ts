import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import { ACTORS, DIMENSIONS, FOUNDING_ARTICLE, LISTING_RULES, indicatorSeed, type IndicatorSeed } from '../../lib/curation/catalogue';
import { countryName } from '../../lib/import/countries';
import { importObservations } from '../../lib/import/observations';

/**
 * The curated seed: research/ (a copy of shared/data/research, see its NOTES.md) loaded through the same import
 * that editors use for their files, plus what the import does not carry: the catalogue (dimensions, indicators with
 * their curation, NATO's members by accession date), events, and the sources that list every partner (sourced zeros).
 */

export const RESEARCH_DIR = path.join(import.meta.dirname, 'research');

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(path.join(RESEARCH_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true }) as T[];
}

type IndicatorCsv = { indicator: string; dimension: string; unit: string; definition: string };
type NatoCsv = { member: string; joined_on: string; source_title: string; publisher: string; source_url: string; excerpt: string };
type ObservationCsv = { indicator: string; partner: string; year: string; source_url: string; excerpt: string };
type FxCsv = { currency: string; year: string; per_usd: string; source_title: string; publisher: string; source_url: string; excerpt: string; tier: string };
type EventCsv = {
  date: string; title: string; partner: string; dimension: string; description: string; source_title: string; publisher: string; source_url: string;
  tier: string; end_date: string; date_precision: string;
};

export type SourceInput = { title: string; publisher: string; url: string | null; excerpt: string; tier: 'OFFICIAL' | 'INTL_ORG' | 'MAJOR_MEDIA' | 'OTHER' | null };

export function planIndicators(): IndicatorSeed[] {
  return readCsv<IndicatorCsv>('indicators.csv').map((row) => indicatorSeed({ slug: row.indicator, dimension: row.dimension, unit: row.unit, definition: row.definition }));
}

export type PlannedEvent = {
  startsOn: string;
  endsOn: string | null;
  precision: 'day' | 'month';
  title: string;
  description: string;
  partner: string | null;
  dimension: string | null;
  source: SourceInput;
};

const tierOf = (tier: string): SourceInput['tier'] => (['official', 'intl_org', 'major_media', 'other'].includes(tier) ? (tier.toUpperCase() as SourceInput['tier']) : null);

export function planEvents(): PlannedEvent[] {
  return readCsv<EventCsv>('events.csv').map((row, index) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date)) throw new Error(`events.csv line ${index + 2}: date "${row.date}" is not YYYY-MM-DD`);
    if (row.end_date && row.end_date < row.date) throw new Error(`events.csv line ${index + 2}: end_date before date`);
    return {
      startsOn: row.date,
      endsOn: row.end_date || null,
      precision: row.date_precision === 'month' ? 'month' : 'day',
      title: row.title,
      description: row.description,
      partner: row.partner || null,
      dimension: row.dimension || null,
      // The research gives no excerpt for events; the description is the researcher's summary of the source.
      source: { title: row.source_title, publisher: row.publisher, url: row.source_url || null, excerpt: '', tier: tierOf(row.tier) },
    };
  });
}

export type PlannedListing = { indicator: string; partner: string | null; year: number; sourceUrl: string; sourceExcerpt: string; note: string };

/** The complete listings of LISTING_RULES, each resolved to the research row (and so the source) it rests on. */
export function planListings(): PlannedListing[] {
  const rows = readCsv<ObservationCsv>('observations.csv');
  const out: PlannedListing[] = [];
  for (const rule of LISTING_RULES) {
    for (let year = rule.from; year <= rule.to; year++) {
      const candidates = rows.filter(
        (r) =>
          r.indicator === rule.indicator &&
          (rule.oneTable || Number(r.year) === year) &&
          r.source_url.includes(rule.sourceUrl) &&
          (rule.partner === null ? r.partner !== 'WORLD' : r.partner === rule.partner),
      );
      const row = candidates[0];
      if (!row) continue; // the file does not cover this year: no listing, so no zero
      out.push({ indicator: rule.indicator, partner: rule.partner, year, sourceUrl: row.source_url, sourceExcerpt: row.excerpt, note: rule.note });
    }
  }
  return out;
}

export type SeedCounts = Record<'actors' | 'dimensions' | 'indicators' | 'sources' | 'observations' | 'events' | 'memberships' | 'listings' | 'fxRates', number>;

/** Annual exchange rates (units per US dollar) from research/fx.csv, each with its source. */
export function planFxRates() {
  return readCsv<FxCsv>('fx.csv').map((row, index) => {
    if (!/^[A-Z]{3}$/.test(row.currency) || !/^\d{4}$/.test(row.year) || !/^\d+(\.\d+)?$/.test(row.per_usd)) throw new Error(`fx.csv line ${index + 2}: not a currency, year and rate`);
    return {
      currency: row.currency, year: Number(row.year), perUsd: row.per_usd,
      source: { title: row.source_title, publisher: row.publisher, url: row.source_url || null, excerpt: row.excerpt, tier: tierOf(row.tier) } satisfies SourceInput,
    };
  });
}

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Loads the curated seed. Idempotent: the catalogue, memberships, events and listings are matched on their natural
 * keys and only missing ones are created; the observations go through the import, which upserts by key. So a second
 * run adds nothing, and a database seeded from an older research set takes the new one.
 */
export async function seed(db: PrismaClient, options: { log?: (line: string) => void } = {}): Promise<{ created: SeedCounts }> {
  const indicators = planIndicators();
  const events = planEvents();
  const listings = planListings();
  const nato = readCsv<NatoCsv>('nato_members.csv');
  const fxRates = planFxRates();
  const created: SeedCounts = { actors: 0, dimensions: 0, indicators: 0, sources: 0, observations: 0, events: 0, memberships: 0, listings: 0, fxRates: 0 };
  const options120 = { timeout: 120_000, maxWait: 30_000 };

  const need = (map: Map<string, number>, key: string, what: string) => {
    const id = map.get(key);
    if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
    return id;
  };
  const sourceIdIn = (tx: Tx, cache: Map<string, number>) => async (source: SourceInput) => {
    // A URL and excerpt identify a source (the unique key); without a URL, the title stands in.
    const where = source.url ? { url: source.url, excerpt: source.excerpt } : { url: null, title: source.title, excerpt: source.excerpt };
    const key = JSON.stringify(where);
    const known = cache.get(key);
    if (known !== undefined) return known;
    const existing = await tx.source.findFirst({ where, select: { id: true } });
    const row = existing ?? (created.sources++, await tx.source.create({ data: source, select: { id: true } }));
    cache.set(key, row.id);
    return row.id;
  };

  // 1. The catalogue: actors, dimensions, indicators, NATO's members.
  await db.$transaction(async (tx: Tx) => {
    const actorIds = new Map<string, number>();
    const actor = async (code: string, seedRow?: (typeof ACTORS)[number]) => {
      if (actorIds.has(code)) return actorIds.get(code)!;
      const existing = await tx.actor.findUnique({ where: { code }, select: { id: true } });
      const data = seedRow ?? { code, name: countryName(code) ?? code, kind: 'COUNTRY' as const };
      const row = existing ?? (created.actors++, await tx.actor.create({ data: { ...data, isFocal: data.isFocal ?? false }, select: { id: true } }));
      actorIds.set(code, row.id);
      return row.id;
    };
    for (const a of ACTORS) await actor(a.code, a);
    for (const m of nato) await actor(m.member);
    const dimensionIds = new Map<string, number>();
    for (const [order, dimension] of DIMENSIONS.entries()) {
      const existing = await tx.dimension.findUnique({ where: { key: dimension.key }, select: { id: true } });
      const row = existing ?? (created.dimensions++, await tx.dimension.create({ data: { ...dimension, sortOrder: order + 1 }, select: { id: true } }));
      dimensionIds.set(dimension.key, row.id);
    }
    const indicatorIds = new Map<string, number>();
    const createdWithTotal: IndicatorSeed[] = [];
    for (const [order, indicator] of indicators.entries()) {
      const existing = await tx.indicator.findUnique({ where: { slug: indicator.slug }, select: { id: true } });
      const { dimension, total: _total, ...fields } = indicator;
      const row =
        existing ??
        (created.indicators++,
        await tx.indicator.create({
          data: { ...fields, methodology: fields.methodology ?? '', dimensionId: need(dimensionIds, dimension, 'dimension'), sortOrder: order + 1 },
          select: { id: true },
        }));
      indicatorIds.set(indicator.slug, row.id);
      if (!existing && indicator.total) createdWithTotal.push(indicator);
    }
    for (const indicator of createdWithTotal) {
      await tx.indicator.update({ where: { slug: indicator.slug }, data: { totalIndicatorId: need(indicatorIds, indicator.total ?? '', 'indicator') } });
    }
    const sourceId = sourceIdIn(tx, new Map());
    const natoId = need(actorIds, 'NATO', 'actor');
    for (const m of nato) {
      const key = { groupId: natoId, memberId: need(actorIds, m.member, 'actor'), joinedOn: date(m.joined_on) };
      const existing = await tx.membership.findUnique({ where: { groupId_memberId_joinedOn: key }, select: { id: true } });
      if (existing) continue;
      created.memberships++;
      await tx.membership.create({
        data: { ...key, sourceId: await sourceId({ title: m.source_title, publisher: m.publisher, url: m.source_url || null, excerpt: m.excerpt, tier: null }) },
      });
    }
    // Exchange rates: sourced data like any figure, used by the import to convert currencies.
    for (const rate of fxRates) {
      const key = { currency_year: { currency: rate.currency, year: rate.year } };
      if (await tx.fxRate.findUnique({ where: key, select: { id: true } })) continue;
      created.fxRates++;
      await tx.fxRate.create({ data: { currency: rate.currency, year: rate.year, perUsd: rate.perUsd, sourceId: await sourceId(rate.source) } });
    }
  }, options120);

  // 2. The figures, through the import (conflicting figures kept as ranked alternatives).
  const before = await db.observation.count();
  const sourcesBefore = await db.source.count();
  // Missing rows only: the seed never overwrites an editor's change (`npm run import` of the same file upserts).
  const report = await importObservations(db, path.join(RESEARCH_DIR, 'observations.csv'), { fileName: 'research/observations.csv (seed)', keepExisting: true });
  if (!report.ok) throw new Error(`seed: research/observations.csv does not import: ${report.errors.slice(0, 5).map((e) => `line ${e.line}: ${e.message}`).join('; ')}`);
  created.observations += (await db.observation.count()) - before;
  created.sources += (await db.source.count()) - sourcesBefore;
  options.log?.(`[seed] research/observations.csv: ${report.rows} rows (${report.written?.observationsCreated ?? 0} new, ${report.written?.observationsUpdated ?? 0} updated)`);

  // 3. Events, the complete listings, and the founding article's one figure that no research row has.
  await db.$transaction(async (tx: Tx) => {
    const sourceId = sourceIdIn(tx, new Map());
    const actorIds = new Map((await tx.actor.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
    const dimensionIds = new Map((await tx.dimension.findMany({ select: { id: true, key: true } })).map((d) => [d.key, d.id]));
    const indicatorIds = new Map((await tx.indicator.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
    const turkey = need(actorIds, 'TUR', 'actor');
    for (const event of events) {
      // The research set's events are all Turkey's relationships.
      const existing = await tx.event.findUnique({ where: { reporterId_startsOn_title: { reporterId: turkey, startsOn: date(event.startsOn), title: event.title } }, select: { id: true } });
      if (existing) continue;
      created.events++;
      if (event.partner && !actorIds.has(event.partner)) {
        created.actors++;
        actorIds.set(event.partner, (await tx.actor.create({ data: { code: event.partner, name: countryName(event.partner) ?? event.partner, kind: 'COUNTRY' }, select: { id: true } })).id);
      }
      await tx.event.create({
        data: {
          startsOn: date(event.startsOn),
          endsOn: event.endsOn ? date(event.endsOn) : null,
          precision: event.precision,
          title: event.title,
          description: event.description,
          reporterId: turkey,
          partnerId: event.partner ? need(actorIds, event.partner, 'actor') : null,
          dimensionId: event.dimension ? need(dimensionIds, event.dimension, 'dimension') : null,
          sourceId: await sourceId(event.source),
        },
      });
    }
    // Sources stored before tiers existed (an older seed) take the research set's publisher and tier for the same
    // page, and its title where theirs was only a placeholder; an editor's title stays.
    const rated = events.map((e) => e.source).filter((s) => s.url && s.tier);
    await tx.$executeRaw`
      UPDATE source s SET publisher = t.publisher, tier = t.tier::"SourceTier", version = s.version + 1,
        title = CASE WHEN s.title LIKE '[no title returned]%' THEN t.title ELSE s.title END
      FROM unnest(${rated.map((r) => r.url)}::text[], ${rated.map((r) => r.title)}::text[], ${rated.map((r) => r.publisher)}::text[],
                  ${rated.map((r) => r.tier)}::text[]) AS t(url, title, publisher, tier)
      WHERE s.url = t.url AND s.tier IS NULL`;
    const focal = need(actorIds, 'TUR', 'actor');
    for (const l of listings) {
      const source = await tx.source.findFirst({ where: { url: l.sourceUrl, excerpt: l.sourceExcerpt }, select: { id: true } });
      if (!source) throw new Error(`seed: the source of listing ${l.indicator} ${l.year} was not imported`);
      const key = { indicatorId: need(indicatorIds, l.indicator, 'indicator'), reporterId: focal, partnerId: l.partner ? need(actorIds, l.partner, 'actor') : null, year: l.year };
      if (await tx.completeListing.findFirst({ where: key, select: { id: true } })) continue;
      created.listings++;
      await tx.completeListing.create({ data: { ...key, sourceId: source.id, note: l.note } });
    }
    const article = fs.readFileSync(path.join(RESEARCH_DIR, 'founding-article.txt'), 'utf8');
    const title = article.split('\n')[0]?.replace(/\s+BVZat$/, '').trim() ?? '';
    const excerpt = FOUNDING_ARTICLE.gasShare.pattern.exec(article)?.[0];
    if (!excerpt) throw new Error(`founding-article.txt no longer contains ${FOUNDING_ARTICLE.gasShare.pattern}`);
    const key = { indicatorId: need(indicatorIds, 'gas_import_share', 'indicator'), reporterId: focal, partnerId: need(actorIds, 'RUS', 'actor'), year: 2020, periodLabel: '' };
    const taken = await tx.observation.findMany({ where: key, select: { rank: true, source: { select: { title: true } } } });
    if (!taken.some((o) => o.source.title === title)) {
      created.observations++;
      await tx.observation.create({
        data: {
          ...key, rank: taken.length, value: String(FOUNDING_ARTICLE.gasShare.value), status: 'APPROXIMATE', periodNote: '"Nearly 34%"',
          note: 'Per the founding article; no research row gives the 2020 share.',
          sourceId: await sourceId({ title, publisher: FOUNDING_ARTICLE.publisher, url: null, excerpt, tier: 'OTHER' }),
        },
      });
    }
  }, options120);
  return { created };
}
