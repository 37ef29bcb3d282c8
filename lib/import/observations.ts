import fs from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { CURATION } from '../../prisma/seed/catalogue';
import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { countryName } from './countries';
import { unescapeFormulaCell } from '../export/csv';
import { indicatorSlug } from '../editing/indicators';
import { isHttpUrl } from '../editing/sources';

export const IMPORT_HEADER = ['dimension', 'indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'source_title', 'source_url', 'excerpt'] as const;
export const MAX_LINE = 100_000;
const MAX_REPORTED_ERRORS = 1000;

export type ImportError = { line: number; message: string };
/** Where a long import is: rows so far, and the share done (bytes read when checking, rows when writing). */
const BATCH_ROWS = 1000;

export type ImportProgress = { phase: 'checking' | 'writing'; rows: number; fraction: number };

export type ImportReport = {
  ok: boolean;
  rows: number;
  errors: ImportError[];
  errorCount: number;
  /** the first rows as read, for a preview before committing */
  preview?: { line: number; dimension: string; indicator: string; unit: string; reporter: string; partner: string; year: number; value: string; source_title: string }[];
  written?: { observationsCreated: number; observationsUpdated: number; indicatorsCreated: number; actorsCreated: number; sourcesCreated: number };
};

const rowSchema = z.object({
  dimension: z.string(),
  indicator: z.string().trim().min(1, 'indicator is empty').max(200, 'indicator is longer than 200 characters'),
  unit: z.string().trim().min(1, 'unit is empty').max(60, 'unit is longer than 60 characters'),
  reporter: z.string().trim(),
  partner: z.string().trim(),
  year: z.string().trim().regex(/^\d{4}$/, 'year is not a four-digit year').transform(Number).pipe(z.number().min(1900, 'year is before 1900').max(2100, 'year is after 2100')),
  value: z.string().trim().regex(/^-?\d{1,14}(\.\d{1,6})?$/, 'value is not a number (use a point for decimals)'),
  source_title: z.string().trim().min(1, 'source_title is empty').max(500),
  source_url: z
    .string()
    .trim()
    .refine((u) => u === '' || isHttpUrl(u), 'source_url is not an http(s) address'),
  excerpt: z.string().trim().max(2000, 'excerpt is longer than 2000 characters'),
});
type Row = z.infer<typeof rowSchema>;


/** The research file's labels map to their curated indicators and periods; other labels become new indicators. */
function curated(row: Row) {
  const c = CURATION[row.indicator];
  if (c) return { slug: c.slug, periodType: c.period?.type ?? 'YEAR', periodLabel: c.period?.label ?? '', status: c.status ?? 'REPORTED', note: c.note ?? '' };
  return { slug: indicatorSlug(row.indicator), periodType: 'YEAR' as const, periodLabel: '', status: 'REPORTED' as const, note: '' };
}

type Context = { dimensions: Set<string>; actors: Map<string, string>; indicators: Map<string, { unit: string; dimension: string }> };

async function context(db: Db): Promise<Context> {
  const [dimensions, actors, indicators] = await Promise.all([
    db.dimension.findMany({ select: { key: true } }),
    db.actor.findMany({ select: { code: true, name: true } }),
    db.indicator.findMany({ select: { slug: true, unit: true, dimension: { select: { key: true } } } }),
  ]);
  return {
    dimensions: new Set(dimensions.map((d) => d.key)),
    actors: new Map(actors.map((a) => [a.code, a.name])),
    indicators: new Map(indicators.map((i) => [i.slug, { unit: i.unit, dimension: i.dimension.key }])),
  };
}

/** Streams the file's records with their line numbers; bounded memory whatever the file's size. */
async function* records(file: string): AsyncGenerator<{ line: number; bytes: number; raw: Record<string, string> } | { line: number; error: string }> {
  const parser = fs.createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => {
        const got = header.map((h) => h.trim().replace(/^\uFEFF/, ''));
        if (got.join(',') !== IMPORT_HEADER.join(',')) throw new Error(`wrong header: expected "${IMPORT_HEADER.join(',')}", found "${got.join(',')}"`);
        return got;
      },
      max_record_size: MAX_LINE,
      skip_empty_lines: true,
      // Cells the app's own exports escaped against spreadsheet formulas come back as they were.
      cast: (value: string) => unescapeFormulaCell(value),
      info: true,
      relax_column_count: false,
    }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number; bytes: number } }>) {
      yield { line: item.info.lines, bytes: item.info.bytes, raw: item.record };
    }
  } catch (error) {
    const e = error as Error & { code?: string; lines?: number };
    const line = e.lines ?? 1;
    const message =
      e.code === 'CSV_MAX_RECORD_SIZE'
        ? `a line is longer than ${MAX_LINE.toLocaleString('en-GB')} characters`
        : e.message.startsWith('wrong header')
          ? e.message
          : e.code?.startsWith('CSV_RECORD_INCONSISTENT') || /Invalid Record Length/i.test(e.message)
            ? `wrong number of columns (expected ${IMPORT_HEADER.length}; quote values that contain commas)`
            : `not a readable CSV line (${e.message})`;
    yield { line, error: message };
  }
}

type Checked = { line: number; row: Row; slug: string; periodType: string; periodLabel: string; status: string; note: string };

async function* checked(file: string, ctx: Context, report: ImportReport, onProgress?: (rows: number, bytes: number) => void): AsyncGenerator<Checked> {
  const seen = new Set<string>();
  const add = (line: number, message: string) => {
    report.errorCount++;
    if (report.errors.length < MAX_REPORTED_ERRORS) report.errors.push({ line, message });
  };
  const newIndicators = new Map<string, string>();
  for await (const item of records(file)) {
    if ('error' in item) {
      add(item.line, item.error);
      return;
    }
    report.rows++;
    onProgress?.(report.rows, item.bytes);
    const raw = item.raw;
    if (Object.values(raw).some((v) => v.includes('\u0000'))) {
      add(item.line, 'a cell contains a NUL character, which cannot be stored');
      continue;
    }
    if (Object.values(raw).some((v) => v.includes('\uFFFD'))) {
      add(item.line, 'the file is not UTF-8 text (save it as UTF-8)');
      continue;
    }
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      add(item.line, parsed.error.issues.map((i) => i.message).join('; '));
      continue;
    }
    const row = parsed.data;
    const problems: string[] = [];
    if (!ctx.dimensions.has(row.dimension)) problems.push(`dimension "${row.dimension}" is not one of ${[...ctx.dimensions].join(', ')}`);
    for (const field of ['reporter', 'partner'] as const) {
      const code = row[field];
      if (ctx.actors.has(code)) continue;
      if (!/^[A-Z]{3}$/.test(code)) problems.push(`${field} "${code}" is not an ISO 3166-1 alpha-3 code`);
      else if (!countryName(code)) problems.push(`${field} "${code}" is not an assigned ISO 3166-1 alpha-3 code`);
    }
    const c = curated(row);
    const known = ctx.indicators.get(c.slug);
    if (known && known.unit !== row.unit && !CURATION[row.indicator]) problems.push(`indicator "${c.slug}" exists with unit "${known.unit}", not "${row.unit}"`);
    if (known && known.dimension !== row.dimension && ctx.dimensions.has(row.dimension)) problems.push(`indicator "${c.slug}" belongs to ${known.dimension}, not ${row.dimension}`);
    const pending = newIndicators.get(c.slug);
    if (!known && pending && pending !== row.unit) problems.push(`indicator "${c.slug}" has two units in this file`);
    if (!known) newIndicators.set(c.slug, row.unit);
    const key = [c.slug, row.reporter, row.partner, row.year, c.periodLabel].join('|');
    if (seen.has(key)) problems.push(`duplicate of an earlier row (same indicator, reporter, partner and year)`);
    seen.add(key);
    if (problems.length > 0) {
      add(item.line, problems.join('; '));
      continue;
    }
    yield { line: item.line, row, ...c };
  }
  if (report.rows === 0 && report.errorCount === 0) add(1, 'the file has no rows (or is empty)');
}

/**
 * All or nothing: a first pass reads and checks every row (nothing is written when any is wrong, and every bad
 * row is reported with its line); a second pass writes all rows in one transaction with one audit entry.
 */
export async function importObservations(
  db: Db,
  file: string,
  options: { userId?: number | null; fileName?: string; checkOnly?: boolean; onProgress?: (progress: ImportProgress) => void; progressEveryMs?: number } = {},
): Promise<ImportReport> {
  const report: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0 };
  if (!fs.existsSync(file)) return { ...report, errorCount: 1, errors: [{ line: 0, message: `no file at ${file}` }] };
  const size = fs.statSync(file).size;
  const ctx = await context(db);
  report.preview = [];
  // Progress at most every progressEveryMs (and once at the end of each phase), so a 100,000-row file sends a
  // few hundred updates, not 100,000.
  let last = 0;
  const progress = (p: ImportProgress, force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - last < (options.progressEveryMs ?? 200))) return;
    last = now;
    options.onProgress(p);
  };
  for await (const item of checked(file, ctx, report, (rows, bytes) => progress({ phase: 'checking', rows, fraction: size ? bytes / size : 1 }))) {
    if (report.preview.length < 10) {
      const { row } = item;
      report.preview.push({ line: item.line, dimension: row.dimension, indicator: row.indicator, unit: row.unit, reporter: row.reporter, partner: row.partner, year: row.year, value: row.value, source_title: row.source_title });
    }
  }
  progress({ phase: 'checking', rows: report.rows, fraction: 1 }, true);
  if (report.errorCount > 0 || options.checkOnly) return { ...report, ok: report.errorCount === 0 };

  const written = { observationsCreated: 0, observationsUpdated: 0, indicatorsCreated: 0, actorsCreated: 0, sourcesCreated: 0 };
  const total = report.rows;
  await writeTransaction(
    db,
    async (tx) => {
      const actorIds = new Map((await tx.actor.findMany({ select: { id: true, code: true } })).map((a) => [a.code, a.id]));
      const dimensionIds = new Map((await tx.dimension.findMany({ select: { id: true, key: true } })).map((d) => [d.key, d.id]));
      const indicatorIds = new Map((await tx.indicator.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
      const actor = async (code: string) => {
        const known = actorIds.get(code);
        if (known !== undefined) return known;
        const created = await tx.actor.create({ data: { code, name: countryName(code) ?? code, kind: 'COUNTRY' }, select: { id: true } });
        written.actorsCreated++;
        actorIds.set(code, created.id);
        return created.id;
      };
      // Rows go in as batched upserts (one statement per BATCH_ROWS rows): a row whose key exists updates that
      // value, bumping its version; the others are new. The check pass has refused duplicate keys in the file.
      type SourceRef = { url: string | null; title: string; excerpt: string };
      type Pending = { indicatorId: number; reporterId: number; partnerId: number; year: number; periodType: string; periodLabel: string; value: string; status: string; note: string; source: SourceRef };
      let batch: Pending[] = [];
      // A source is the same passage of the same page (url + excerpt; title too where there is no url): found or
      // created once per batch for all its rows, in a few statements rather than two per row.
      const sourceKey = (r: SourceRef) => JSON.stringify(r.url === null ? [null, r.title, r.excerpt] : [r.url, r.excerpt]);
      const sourceIds = new Map<string, number>();
      const findSources = async (refs: SourceRef[]) => {
        const withUrl = refs.filter((r) => r.url !== null);
        const withoutUrl = refs.filter((r) => r.url === null);
        const found = [
          ...(withUrl.length
            ? await tx.$queryRaw<{ id: number; url: string | null; title: string; excerpt: string }[]>`
                SELECT DISTINCT ON (s.url, s.excerpt) s.id, s.url, s.title, s.excerpt FROM source s
                JOIN unnest(${withUrl.map((r) => r.url)}::text[], ${withUrl.map((r) => r.excerpt)}::text[]) AS t(u, e) ON s.url = t.u AND s.excerpt = t.e
                ORDER BY s.url, s.excerpt, s.id`
            : []),
          ...(withoutUrl.length
            ? await tx.$queryRaw<{ id: number; url: string | null; title: string; excerpt: string }[]>`
                SELECT DISTINCT ON (s.title, s.excerpt) s.id, s.url, s.title, s.excerpt FROM source s
                JOIN unnest(${withoutUrl.map((r) => r.title)}::text[], ${withoutUrl.map((r) => r.excerpt)}::text[]) AS t(ti, e) ON s.url IS NULL AND s.title = t.ti AND s.excerpt = t.e
                ORDER BY s.title, s.excerpt, s.id`
            : []),
        ];
        for (const f of found) sourceIds.set(sourceKey(f), f.id);
      };
      const resolveSources = async () => {
        const wanted = new Map<string, SourceRef>();
        for (const b of batch) if (!sourceIds.has(sourceKey(b.source))) wanted.set(sourceKey(b.source), b.source);
        if (wanted.size === 0) return;
        await findSources([...wanted.values()]);
        const missing = [...wanted.entries()].filter(([k]) => !sourceIds.has(k)).map(([, r]) => r);
        if (missing.length === 0) return;
        await tx.$executeRaw`
          INSERT INTO source (title, url, excerpt)
          SELECT * FROM unnest(${missing.map((r) => r.title)}::text[], ${missing.map((r) => r.url)}::text[], ${missing.map((r) => r.excerpt)}::text[])`;
        written.sourcesCreated += missing.length;
        await findSources(missing);
      };
      const flush = async () => {
        if (batch.length === 0) return;
        await resolveSources();
        const column = <K extends keyof Pending>(k: K) => batch.map((b) => b[k]);
        const sourceColumn = batch.map((b) => sourceIds.get(sourceKey(b.source))!);
        const result = await tx.$queryRaw<{ inserted: boolean }[]>`
          INSERT INTO observation (indicator_id, reporter_id, partner_id, year, period_type, period_label, rank, value, status, note, source_id, updated_by_id, updated_at)
          SELECT i, r, p, y, pt::"PeriodType", pl, 0, v::numeric, st::"ObservationStatus", n, s, ${options.userId ?? null}::int, now()
          FROM unnest(${column('indicatorId')}::int[], ${column('reporterId')}::int[], ${column('partnerId')}::int[], ${column('year')}::int[],
                      ${column('periodType')}::text[], ${column('periodLabel')}::text[], ${column('value')}::text[], ${column('status')}::text[],
                      ${column('note')}::text[], ${sourceColumn}::int[]) AS t(i, r, p, y, pt, pl, v, st, n, s)
          ON CONFLICT (indicator_id, reporter_id, partner_id, year, period_label, rank) DO UPDATE
            SET value = EXCLUDED.value, source_id = EXCLUDED.source_id, status = EXCLUDED.status,
                version = observation.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
          RETURNING (xmax = 0) AS inserted`;
        for (const r of result) {
          if (r.inserted) written.observationsCreated++;
          else written.observationsUpdated++;
        }
        batch = [];
        const done = written.observationsCreated + written.observationsUpdated;
        progress({ phase: 'writing', rows: done, fraction: total ? done / total : 1 });
      };
      const recheck: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0 };
      for await (const item of checked(file, { ...ctx, indicators: new Map() }, recheck)) {
        const { row } = item;
        let indicatorId = indicatorIds.get(item.slug);
        if (indicatorId === undefined) {
          const created = await tx.indicator.create({
            data: {
              slug: item.slug,
              name: row.indicator,
              unit: row.unit,
              valueKind: /^(%|percent)$/i.test(row.unit) ? 'SHARE' : 'NUMBER',
              definition: `Imported: ${row.indicator} (${row.unit}).`,
              weight: 0,
              dimensionId: dimensionIds.get(row.dimension)!,
            },
            select: { id: true },
          });
          written.indicatorsCreated++;
          indicatorId = created.id;
          indicatorIds.set(item.slug, indicatorId);
        }
        batch.push({
          indicatorId, reporterId: await actor(row.reporter), partnerId: await actor(row.partner), year: row.year, periodType: item.periodType, periodLabel: item.periodLabel,
          value: row.value, status: item.status, note: item.note, source: { url: row.source_url || null, title: row.source_title, excerpt: row.excerpt },
        });
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      await tx.auditLog.create({
        data: { userId: options.userId ?? null, action: 'import', entity: 'import', entityId: options.fileName ?? file.split('/').pop() ?? file, after: { rows: total, ...written }, reason: 'CSV import' },
      });
    },
    // The import is one transaction (all or nothing): its own time bound; its wait for a connection is the policy's.
    { timeout: 30 * 60_000 },
  );
  progress({ phase: 'writing', rows: total, fraction: 1 }, true);
  return { ...report, ok: true, written };
}
