import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import {
  ACTORS,
  CURATION,
  DEFAULT_PERIOD,
  DIMENSIONS,
  EVENT_ENDS,
  FOUNDING_ARTICLE,
  INDICATORS,
  NATO_MEMBERSHIPS,
  NATO_SOURCE,
  type Curation,
  type IndicatorSeed,
  type Period,
  type Status,
} from '../../lib/curation/catalogue';

const RESEARCH_DIR = path.join(import.meta.dirname, 'research');

type RawObservation = {
  dimension: string;
  indicator: string;
  unit: string;
  reporter: string;
  partner: string;
  year: string;
  value: string;
  source_title: string;
  source_url: string;
  excerpt: string;
};

type RawEvent = {
  date: string;
  title: string;
  partner: string;
  dimension: string;
  description: string;
  source_title: string;
  source_url: string;
};

export type SourceInput = { title: string; publisher: string; url: string | null; excerpt: string };

export type PlannedObservation = {
  slug: string;
  reporter: string;
  partner: string;
  year: number;
  period: Period;
  rank: number;
  value: string | null;
  stance: string | null;
  status: Status;
  note: string;
  source: SourceInput;
  line: number;
};

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(path.join(RESEARCH_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true }) as T[];
}

/** "[no title returned] ria.ru (Russian)" → "ria.ru": the research names the outlet when the page had no title. */
function publisherOf(title: string, url: string | null): string {
  const bracketed = /^\[no title returned\]\s*([^\s(]+)/.exec(title);
  if (bracketed?.[1]) return bracketed[1];
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function scaled(value: string, scale: number | undefined): string {
  if (scale === undefined) return value;
  // Decimal arithmetic on the printed digits avoids binary floating-point residue (794 × 0.001).
  const digits = Math.round(-Math.log10(scale));
  const [whole = '0', fraction = ''] = value.split('.');
  const padded = whole.padStart(digits + 1, '0');
  const shifted = `${padded.slice(0, padded.length - digits)}.${padded.slice(padded.length - digits)}${fraction}`;
  return shifted.replace(/\.?0+$/, '').replace(/^0+(?=\d)/, '');
}

/** Curates the research CSV into observations with clean indicators, periods, statuses and ranks. */
export function planObservations(): PlannedObservation[] {
  const rows = readCsv<RawObservation>('observations.csv');
  const planned: (Omit<PlannedObservation, 'rank'> & { preference: number })[] = rows.map((row, index) => {
    const curation: Curation | undefined = CURATION[row.indicator];
    if (!curation) throw new Error(`observations.csv line ${index + 2}: indicator "${row.indicator}" has no curation in catalogue.ts`);
    if (!/^-?\d+(\.\d+)?$/.test(row.value)) throw new Error(`observations.csv line ${index + 2}: value "${row.value}" is not a number`);
    const url = row.source_url || null;
    return {
      slug: curation.slug,
      reporter: row.reporter,
      partner: row.partner,
      year: Number(row.year),
      period: curation.period ?? DEFAULT_PERIOD,
      value: scaled(row.value, curation.scale),
      stance: null,
      status: curation.status ?? 'REPORTED',
      note: curation.note ?? '',
      source: { title: row.source_title, publisher: publisherOf(row.source_title, url), url, excerpt: row.excerpt },
      line: index + 2,
      preference: curation.preference ?? 0,
    };
  });

  const article = fs.readFileSync(path.join(RESEARCH_DIR, 'founding-article.txt'), 'utf8');
  const title = article.split('\n')[0]?.replace(/\s+BVZat$/, '').trim() ?? '';
  const excerptOf = (pattern: RegExp) => {
    const match = pattern.exec(article);
    if (!match) throw new Error(`founding-article.txt no longer contains ${pattern}`);
    return match[0];
  };
  planned.push(
    {
      slug: 'gas_import_share', reporter: 'TUR', partner: 'RUS', year: 2020, period: DEFAULT_PERIOD,
      value: String(FOUNDING_ARTICLE.gasShare.value), stance: null, status: 'APPROXIMATE', note: '"Nearly 34%", per the founding article; not found in another source.',
      source: { title, publisher: FOUNDING_ARTICLE.publisher, url: null, excerpt: excerptOf(FOUNDING_ARTICLE.gasShare.pattern) },
      line: 0, preference: 0,
    },
    {
      slug: 'sanctions_stance', reporter: 'TUR', partner: 'RUS', year: FOUNDING_ARTICLE.year, period: DEFAULT_PERIOD,
      value: null, stance: FOUNDING_ARTICLE.sanctions.stance, status: 'REPORTED', note: 'Turkey does not join Western sanctions on Russia.',
      source: { title, publisher: FOUNDING_ARTICLE.publisher, url: null, excerpt: excerptOf(FOUNDING_ARTICLE.sanctions.pattern) },
      line: 0, preference: 0,
    },
  );

  // Same indicator, reporter, partner and period from several sources: keep all, preferred (then first) as primary.
  const groups = new Map<string, typeof planned>();
  for (const item of planned) {
    const key = [item.slug, item.reporter, item.partner, item.year, item.period.label].join('|');
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const result: PlannedObservation[] = [];
  for (const group of groups.values()) {
    const ordered = group.map((item, order) => ({ item, order })).sort((a, b) => a.item.preference - b.item.preference || a.order - b.order);
    ordered.forEach(({ item }, rank) => {
      const { preference: _preference, ...rest } = item;
      result.push({ ...rest, rank });
    });
  }
  return result;
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

export function planEvents(): PlannedEvent[] {
  return readCsv<RawEvent>('events.csv').map((row, index) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(row.date);
    if (!day && !/^\d{4}-\d{2}$/.test(row.date)) throw new Error(`events.csv line ${index + 2}: date "${row.date}" is not YYYY-MM[-DD]`);
    const url = row.source_url || null;
    return {
      startsOn: day ? row.date : `${row.date}-01`,
      endsOn: EVENT_ENDS[row.title] ?? null,
      precision: day ? 'day' : 'month',
      title: row.title,
      description: row.description,
      partner: row.partner || null,
      dimension: row.dimension || null,
      // The research gives no excerpt for events; the description is the researcher's summary of the source.
      source: { title: row.source_title, publisher: publisherOf(row.source_title, url), url, excerpt: '' },
    };
  });
}

export type SeedCounts = Record<'actors' | 'dimensions' | 'indicators' | 'sources' | 'observations' | 'events' | 'memberships', number>;

type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Loads the curated seed in one transaction. Idempotent and non-destructive: rows are matched on their
 * natural keys and only missing ones are created, so a second run (or a run after editors' changes) adds nothing.
 */
export async function seed(db: PrismaClient): Promise<{ created: SeedCounts }> {
  const observations = planObservations();
  const events = planEvents();
  const created: SeedCounts = { actors: 0, dimensions: 0, indicators: 0, sources: 0, observations: 0, events: 0, memberships: 0 };

  await db.$transaction(
    async (tx: Tx) => {
      const need = (map: Map<string, number>, key: string, what: string) => {
        const id = map.get(key);
        if (id === undefined) throw new Error(`seed: unknown ${what} "${key}"`);
        return id;
      };
      const actorIds = new Map<string, number>();
      for (const actor of ACTORS) {
        const existing = await tx.actor.findUnique({ where: { code: actor.code }, select: { id: true } });
        const row = existing ?? (created.actors++, await tx.actor.create({ data: { ...actor, isFocal: actor.isFocal ?? false }, select: { id: true } }));
        actorIds.set(actor.code, row.id);
      }
      const dimensionIds = new Map<string, number>();
      for (const [order, dimension] of DIMENSIONS.entries()) {
        const existing = await tx.dimension.findUnique({ where: { key: dimension.key }, select: { id: true } });
        const row = existing ?? (created.dimensions++, await tx.dimension.create({ data: { ...dimension, sortOrder: order + 1 }, select: { id: true } }));
        dimensionIds.set(dimension.key, row.id);
      }
      const indicatorIds = new Map<string, number>();
      const createdWithTotal: IndicatorSeed[] = [];
      for (const [order, indicator] of INDICATORS.entries()) {
        const dimensionId = dimensionIds.get(indicator.dimension);
        if (dimensionId === undefined) throw new Error(`indicator ${indicator.slug}: unknown dimension ${indicator.dimension}`);
        const existing = await tx.indicator.findUnique({ where: { slug: indicator.slug }, select: { id: true } });
        const { dimension: _dimension, total: _total, ...fields } = indicator;
        const row =
          existing ??
          (created.indicators++,
          await tx.indicator.create({
            data: { ...fields, methodology: fields.methodology ?? '', dimensionId, sortOrder: order + 1 },
            select: { id: true },
          }));
        indicatorIds.set(indicator.slug, row.id);
        if (!existing && indicator.total) createdWithTotal.push(indicator);
      }
      for (const indicator of createdWithTotal) {
        await tx.indicator.update({
          where: { slug: indicator.slug },
          data: { totalIndicatorId: need(indicatorIds, indicator.total ?? '', 'indicator') },
        });
      }

      const sourceIds = new Map<string, number>();
      const sourceId = async (source: SourceInput) => {
        // A URL and excerpt identify a source (the unique key); the founding article has no URL, so its title stands in.
        const where = source.url ? { url: source.url, excerpt: source.excerpt } : { url: null, title: source.title, excerpt: source.excerpt };
        const key = JSON.stringify(where);
        const known = sourceIds.get(key);
        if (known !== undefined) return known;
        const existing = await tx.source.findFirst({ where, select: { id: true } });
        const row = existing ?? (created.sources++, await tx.source.create({ data: source, select: { id: true } }));
        sourceIds.set(key, row.id);
        return row.id;
      };

      const natoId = need(actorIds, 'NATO', 'actor');
      const natoSourceId = await sourceId(NATO_SOURCE);
      for (const membership of NATO_MEMBERSHIPS) {
        const key = { groupId: natoId, memberId: need(actorIds, membership.member, 'actor'), joinedOn: date(membership.joinedOn) };
        const existing = await tx.membership.findUnique({ where: { groupId_memberId_joinedOn: key }, select: { id: true } });
        if (!existing) {
          created.memberships++;
          await tx.membership.create({ data: { ...key, sourceId: natoSourceId } });
        }
      }

      for (const item of observations) {
        const key = {
          indicatorId: need(indicatorIds, item.slug, 'indicator'),
          reporterId: need(actorIds, item.reporter, 'actor'),
          partnerId: need(actorIds, item.partner, 'actor'),
          year: item.year,
          periodLabel: item.period.label,
          rank: item.rank,
        };
        const existing = await tx.observation.findUnique({
          where: { indicatorId_reporterId_partnerId_year_periodLabel_rank: key },
          select: { id: true },
        });
        if (existing) continue;
        created.observations++;
        await tx.observation.create({
          data: {
            ...key,
            periodType: item.period.type,
            value: item.value,
            stance: item.stance,
            status: item.status,
            note: item.note,
            sourceId: await sourceId(item.source),
          },
        });
      }

      for (const event of events) {
        const existing = await tx.event.findUnique({
          where: { startsOn_title: { startsOn: date(event.startsOn), title: event.title } },
          select: { id: true },
        });
        if (existing) continue;
        created.events++;
        await tx.event.create({
          data: {
            startsOn: date(event.startsOn),
            endsOn: event.endsOn ? date(event.endsOn) : null,
            precision: event.precision,
            title: event.title,
            description: event.description,
            partnerId: event.partner ? need(actorIds, event.partner, 'actor') : null,
            dimensionId: event.dimension ? need(dimensionIds, event.dimension, 'dimension') : null,
            sourceId: await sourceId(event.source),
          },
        });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { created };
}
