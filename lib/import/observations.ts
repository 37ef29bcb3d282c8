import fs from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { CURATION } from '../curation/catalogue';
import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { countryName } from './countries';
import { unescapeFormulaCell } from '../export/csv';
import { indicatorSlug } from '../editing/indicators';
import { rowSchema } from '../schemas/import';

export const IMPORT_HEADER = ['dimension', 'indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'source_title', 'source_url', 'excerpt'] as const;
export const MAX_LINE = 100_000;
const MAX_REPORTED_ERRORS = 1000;

import { ImportWriter } from './writer';

export type ImportError = { line: number; message: string };
/** Where a long import is: rows so far, and the share done (bytes read when checking, rows when writing). */

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

export type Row = z.infer<typeof rowSchema>;


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

export type Checked = { line: number; row: Row; slug: string; periodType: string; periodLabel: string; status: string; note: string };

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

  const total = report.rows;
  const written = await writeTransaction(
    db,
    async (tx) => {
      const writer = await ImportWriter.open(tx, options.userId ?? null, (done) => progress({ phase: 'writing', rows: done, fraction: total ? done / total : 1 }));
      // The rows are read again from the file (never held in memory whole), through the same checks.
      const recheck: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0 };
      for await (const item of checked(file, { ...ctx, indicators: new Map() }, recheck)) await writer.add(item);
      await writer.flush();
      await writer.audit(options.fileName ?? file.split('/').pop() ?? file, total);
      return writer.written;
    },
    // The import is one transaction (all or nothing): its own time bound; its wait for a connection is the policy's.
    { timeout: 30 * 60_000 },
  );
  progress({ phase: 'writing', rows: total, fraction: 1 }, true);
  return { ...report, ok: true, written };
}
