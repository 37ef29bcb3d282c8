import fs from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { WINDOW_INDICATORS } from '../curation/catalogue';
import { scaleBetween, shiftDecimal } from '../units';
import type { Db } from '../db/client';
import { writeTransaction } from '../db/transaction';
import { countryName } from './countries';
import { unescapeFormulaCell } from '../export/csv';
import { indicatorSlug } from '../editing/indicators';
import { rowSchema } from '../schemas/import';

export const IMPORT_HEADER = ['dimension', 'indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'source_title', 'source_url', 'excerpt'] as const;
/** The research format: the same facts plus status, period note, publisher and tier (research/NOTES.md). */
export const RESEARCH_HEADER = [
  'dimension', 'indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'status', 'period_note', 'source_title', 'publisher', 'source_url', 'excerpt', 'tier',
] as const;
const HEADERS = [IMPORT_HEADER, RESEARCH_HEADER].map((h) => h.join(','));
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
  written?: { observationsCreated: number; observationsUpdated: number; observationsUnchanged: number; indicatorsCreated: number; actorsCreated: number; sourcesCreated: number };
};

export type Row = z.infer<typeof rowSchema>;


const STATUS_ORDER = ['reported', 'approximate', 'lower_bound', 'partial_year', 'forecast'];
const TIER_ORDER = ['official', 'intl_org', 'major_media', 'other'];

/**
 * What a row becomes, from its own columns only: the status column (reported when absent); a partial-year or
 * forecast figure keyed apart by its period note, so it never stands as the annual value; a window indicator's
 * figures marked as multi-year; a value at another scale of the indicator's unit moved to that unit exactly.
 */
export function planRow(row: Row, indicatorUnit: string | null) {
  const slug = indicatorSlug(row.indicator);
  const status = (row.status ?? 'reported').toUpperCase();
  const periodNote = row.period_note ?? '';
  const separate = row.status === 'partial_year' || row.status === 'forecast';
  const periodType = row.status === 'partial_year' ? 'PARTIAL_YEAR' : WINDOW_INDICATORS.has(slug) ? 'MULTI_YEAR' : 'YEAR';
  const periodLabel = separate ? (periodNote || row.status!.replace('_', ' ')).slice(0, 200) : '';
  const exponent = indicatorUnit === null ? 0 : scaleBetween(row.unit, indicatorUnit);
  const value = exponent ? shiftDecimal(row.value, exponent) : row.value;
  const note = exponent ? `As published: ${row.value} ${row.unit}.` : '';
  return { slug, status, periodType, periodLabel, periodNote, value, note, convertible: exponent !== null };
}

/** Order of alternatives for one key in the research format: better status, then better tier, then file order. */
const preference = (row: Row) => STATUS_ORDER.indexOf(row.status ?? 'reported') * 10 + (row.tier ? TIER_ORDER.indexOf(row.tier) : 4);

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
        if (!HEADERS.includes(got.join(','))) throw new Error(`wrong header: expected "${HEADERS[0]}" or "${HEADERS[1]}", found "${got.join(',')}"`);
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
            ? `wrong number of columns (expected as many as the header; quote values that contain commas)`
            : `not a readable CSV line (${e.message})`;
    yield { line, error: message };
  }
}

export type Checked = { line: number; row: Row; rank: number } & ReturnType<typeof planRow>;

/** Ranks of the alternatives in a research-format file, by line: filled by the check pass, read by the write pass. */
type Ranks = Map<number, number>;

async function* checked(
  file: string,
  ctx: Context,
  report: ImportReport,
  onProgress?: (rows: number, bytes: number) => void,
  ranks?: { collect?: Map<string, { line: number; preference: number }[]>; read?: Ranks },
): AsyncGenerator<Checked> {
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
    const known = ctx.indicators.get(indicatorSlug(row.indicator));
    const pending = newIndicators.get(indicatorSlug(row.indicator));
    const c = planRow(row, known?.unit ?? pending ?? null);
    if (!c.slug) problems.push('indicator has no letter or digit');
    if (known && !c.convertible) problems.push(`indicator "${c.slug}" is in "${known.unit}", not "${row.unit}" (and one is not a scale of the other)`);
    if (known && known.dimension !== row.dimension && ctx.dimensions.has(row.dimension)) problems.push(`indicator "${c.slug}" belongs to ${known.dimension}, not ${row.dimension}`);
    if (!known && pending && !c.convertible) problems.push(`indicator "${c.slug}" has two units in this file ("${pending}" and "${row.unit}")`);
    if (!known && !pending) newIndicators.set(c.slug, row.unit);
    const key = [c.slug, row.reporter, row.partner, row.year, c.periodLabel].join('|');
    // The research format keeps conflicting figures of one key as ranked alternatives; the short format refuses them.
    if (row.status === undefined && seen.has(key)) problems.push(`duplicate of an earlier row (same indicator, reporter, partner and year)`);
    seen.add(key);
    if (problems.length === 0 && ranks?.collect && row.status !== undefined) {
      const list = ranks.collect.get(key) ?? [];
      list.push({ line: item.line, preference: preference(row) });
      ranks.collect.set(key, list);
    }
    if (problems.length > 0) {
      add(item.line, problems.join('; '));
      continue;
    }
    yield { line: item.line, row, rank: ranks?.read?.get(item.line) ?? 0, ...c };
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
  options: {
    userId?: number | null;
    fileName?: string;
    checkOnly?: boolean;
    onProgress?: (progress: ImportProgress) => void;
    progressEveryMs?: number;
    /** add missing rows only, never update stored ones (the seed) */
    keepExisting?: boolean;
  } = {},
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
  const collect = new Map<string, { line: number; preference: number }[]>();
  for await (const item of checked(file, ctx, report, (rows, bytes) => progress({ phase: 'checking', rows, fraction: size ? bytes / size : 1 }), { collect })) {
    if (report.preview.length < 10) {
      const { row } = item;
      report.preview.push({ line: item.line, dimension: row.dimension, indicator: row.indicator, unit: row.unit, reporter: row.reporter, partner: row.partner, year: row.year, value: row.value, source_title: row.source_title });
    }
  }
  progress({ phase: 'checking', rows: report.rows, fraction: 1 }, true);
  if (report.errorCount > 0 || options.checkOnly) return { ...report, ok: report.errorCount === 0 };

  const total = report.rows;
  const ranks: Ranks = new Map();
  for (const list of collect.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => a.preference - b.preference || a.line - b.line).forEach((entry, rank) => ranks.set(entry.line, rank));
  }
  collect.clear();
  const written = await writeTransaction(
    db,
    async (tx) => {
      const writer = await ImportWriter.open(tx, options.userId ?? null, (done) => progress({ phase: 'writing', rows: done, fraction: total ? done / total : 1 }), options.keepExisting);
      // The rows are read again from the file (never held in memory whole), through the same checks.
      const recheck: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0 };
      for await (const item of checked(file, ctx, recheck, undefined, { read: ranks })) await writer.add(item);
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
