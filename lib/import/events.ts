import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { unescapeFormulaCell } from '../export/csv';
import { isHttpUrl } from '../schemas/source';
import { countryName } from './countries';
import type { ImportError, ImportReport } from './observations';

/** An events file (issue #13): each event belongs to a relationship, a focal (reporter) country and optionally a partner. */
export const EVENTS_HEADER = ['date', 'end_date', 'date_precision', 'title', 'reporter', 'partner', 'dimension', 'description', 'source_title', 'publisher', 'source_url'] as const;
/** Event files are short (the research set has 93 rows); a larger file is refused rather than read into memory. */
const MAX_EVENTS_BYTES = 20 * 1024 * 1024;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;
const validDay = (d: string) => DAY.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/** "2022-03" stands for its month (precision month); a day is YYYY-MM-DD. */
const dateCell = (what: string) =>
  z
    .string()
    .trim()
    .transform((d) => (MONTH.test(d) ? `${d}-01` : d))
    .refine((d) => validDay(d), `${what} is not a date (YYYY-MM-DD, or YYYY-MM for a month)`)
    .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', `${what} is outside 1900–2100`);

export const eventRowSchema = z
  .object({
    date: dateCell('date'),
    end_date: z.union([z.literal(''), dateCell('end_date')]),
    date_precision: z.enum(['day', 'month'], { message: 'date_precision is not "day" or "month"' }),
    title: z.string().trim().min(3, 'title has fewer than 3 characters').max(300, 'title is longer than 300 characters'),
    reporter: z.string().trim(),
    partner: z.string().trim(),
    dimension: z.string().trim(),
    description: z.string().trim().max(4000, 'description is longer than 4000 characters'),
    source_title: z.string().trim().min(1, 'source_title is empty').max(500, 'source_title is longer than 500 characters'),
    publisher: z.string().trim().max(300, 'publisher is longer than 300 characters'),
    source_url: z.string().trim().refine((u) => u === '' || isHttpUrl(u), 'source_url is not an http(s) address'),
  })
  .refine((e) => e.end_date === '' || e.end_date >= e.date, { message: 'the event ends before it starts (end_date is before date)' });

type EventRow = z.infer<typeof eventRowSchema>;

export function isEventsHeader(header: string[]): boolean {
  return header.join(',') === EVENTS_HEADER.join(',');
}

/**
 * All or nothing, like observations: every row is checked first (a bad row is reported with its line, and nothing is
 * written); then all rows are written in one transaction with one audit entry. An event is keyed by (reporter, date,
 * title): the same key again updates it. A country given by an assigned ISO code is added; an unknown code is refused.
 */
export async function importEvents(db: Db, file: string, options: { userId?: number | null; fileName?: string; checkOnly?: boolean } = {}): Promise<ImportReport> {
  const report: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0, kind: 'events' };
  const add = (line: number, message: string) => {
    report.errorCount++;
    if (report.errors.length < 1000) report.errors.push({ line, message });
  };
  if (fs.statSync(file).size > MAX_EVENTS_BYTES) return { ...report, errorCount: 1, errors: [{ line: 0, message: `an events file is at most ${MAX_EVENTS_BYTES / 1024 / 1024} MB: split it` }] };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(fs.readFileSync(file, 'utf8'), {
      columns: (h: string[]) => h.map((c) => c.trim().replace(/^\uFEFF/, '')),
      skip_empty_lines: true,
      info: true,
      cast: (value: string) => unescapeFormulaCell(value),
    }) as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number };
    add(e.lines ?? 1, /Invalid Record Length|INCONSISTENT/i.test(e.message) ? 'wrong number of columns (expected as many as the header; quote values that contain commas)' : `not a readable CSV line (${e.message})`);
    return report;
  }
  const [actors, dimensions] = await Promise.all([db.actor.findMany({ select: { code: true, kind: true } }), db.dimension.findMany({ select: { key: true } })]);
  const kinds = new Map(actors.map((a) => [a.code, a.kind]));
  const dimensionKeys = new Set(dimensions.map((d) => d.key));
  const seen = new Map<string, number>();
  const good: { line: number; row: EventRow }[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    report.rows++;
    if (Object.values(record).some((v) => v.includes('\u0000') || v.includes('\uFFFD'))) {
      add(line, 'the line is not UTF-8 text or contains a NUL character');
      continue;
    }
    const parsed = eventRowSchema.safeParse(record);
    if (!parsed.success) {
      add(line, parsed.error.issues.map((i) => i.message).join('; '));
      continue;
    }
    const row = parsed.data;
    const problems: string[] = [];
    const known = (code: string) => kinds.get(code) ?? (/^[A-Z]{3}$/.test(code) && countryName(code) ? 'COUNTRY' : undefined);
    const reporterKind = known(row.reporter);
    if (reporterKind !== 'COUNTRY') problems.push(`reporter "${row.reporter}" is not a known country (an assigned ISO 3166-1 alpha-3 code such as HUN)`);
    if (row.partner) {
      const partnerKind = known(row.partner);
      if (!partnerKind || partnerKind === 'AGGREGATE') problems.push(`partner "${row.partner}" is not a known country or group (an ISO 3166-1 alpha-3 code, NATO or EUU)`);
      else if (row.partner === row.reporter) problems.push('partner is the reporter itself');
    }
    if (row.dimension && !dimensionKeys.has(row.dimension)) problems.push(`dimension "${row.dimension}" is not one of ${[...dimensionKeys].join(', ')} (or empty)`);
    const key = [row.reporter, row.date, row.title].join('|');
    if (seen.has(key)) problems.push(`the same event as line ${seen.get(key)} (reporter, date and title)`);
    seen.set(key, line);
    if (problems.length) add(line, problems.join('; '));
    else good.push({ line, row });
  }
  if (report.rows === 0 && report.errorCount === 0) add(1, 'the file has no rows (or is empty)');
  report.preview = [];
  if (report.errorCount > 0 || options.checkOnly) return { ...report, ok: report.errorCount === 0, eventPreview: good.slice(0, 10).map(({ line, row }) => ({ line, ...row })) };

  const written = await writeTransaction(
    db,
    async (tx) => {
      const counts = { eventsCreated: 0, eventsUpdated: 0, eventsUnchanged: 0, actorsCreated: 0, sourcesCreated: 0 };
      const actorIds = new Map((await tx.actor.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
      const dimensionIds = new Map((await tx.dimension.findMany({ select: { id: true, key: true } })).map((d) => [d.key, d.id]));
      const actorId = async (code: string) => {
        const id = actorIds.get(code);
        if (id !== undefined) return id;
        const created = await tx.actor.create({ data: { code, name: countryName(code) ?? code, kind: 'COUNTRY' }, select: { id: true } });
        counts.actorsCreated++;
        actorIds.set(code, created.id);
        return created.id;
      };
      for (const { row } of good) {
        // Events carry no excerpt: the source is the page (its address), or its title where there is none.
        const url = row.source_url || null;
        const where = url ? { url, excerpt: '' } : { url: null, title: row.source_title, excerpt: '' };
        let source = await tx.source.findFirst({ where, select: { id: true } });
        if (!source) {
          source = await tx.source.create({ data: { title: row.source_title, publisher: row.publisher, url, excerpt: '' }, select: { id: true } });
          counts.sourcesCreated++;
        }
        const data = {
          reporterId: await actorId(row.reporter),
          startsOn: new Date(`${row.date}T00:00:00Z`),
          endsOn: row.end_date ? new Date(`${row.end_date}T00:00:00Z`) : null,
          precision: row.date_precision,
          title: row.title,
          description: row.description,
          partnerId: row.partner ? await actorId(row.partner) : null,
          dimensionId: row.dimension ? dimensionIds.get(row.dimension)! : null,
          sourceId: source.id,
        };
        const existing = await tx.event.findUnique({
          where: { reporterId_startsOn_title: { reporterId: data.reporterId, startsOn: data.startsOn, title: data.title } },
          select: { id: true, endsOn: true, precision: true, description: true, partnerId: true, dimensionId: true, sourceId: true },
        });
        if (!existing) {
          await tx.event.create({ data });
          counts.eventsCreated++;
        } else if (
          existing.endsOn?.getTime() !== data.endsOn?.getTime() || existing.precision !== data.precision || existing.description !== data.description ||
          existing.partnerId !== data.partnerId || existing.dimensionId !== data.dimensionId || existing.sourceId !== data.sourceId
        ) {
          await tx.event.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } });
          counts.eventsUpdated++;
        } else counts.eventsUnchanged++;
      }
      const fileName = options.fileName ?? file.split('/').pop() ?? file;
      await tx.auditLog.create({ data: { userId: options.userId ?? null, action: 'import', entity: 'import', entityId: fileName, after: { rows: report.rows, kind: 'events', ...counts }, reason: 'CSV import (events)' } });
      return counts;
    },
    { timeout: 10 * 60_000 },
  );
  return { ...report, ok: true, eventsWritten: written };
}

export type { ImportError };
