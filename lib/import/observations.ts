import fs from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { WINDOW_INDICATORS } from '../curation/catalogue';
import { convertValue, ratesFrom, type Rates } from '../units';
import { NEW, SKIP, suggestConcept, type Choice, type Concept, type Proposal } from './concepts';
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
/** Either header may carry one more column, `concept`, anywhere. */
const headerOk = (got: string[]) => HEADERS.includes(got.filter((h) => h !== 'concept').join(',')) && got.filter((h) => h === 'concept').length <= 1;
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
  /** The file's indicators the atlas does not know by name, with the concept each is mapped to (or suggested). */
  mapping?: Proposal[];
  /** rows left out because their indicator was mapped to "skip" */
  skipped?: number;
  /** an events file (recognised by its header) rather than observations */
  kind?: 'observations' | 'events';
  eventPreview?: ({ line: number } & Record<'date' | 'end_date' | 'date_precision' | 'title' | 'reporter' | 'partner' | 'dimension' | 'source_title', string>)[];
  eventsWritten?: { eventsCreated: number; eventsUpdated: number; eventsUnchanged: number; actorsCreated: number; sourcesCreated: number };
};

/**
 * How the file's unknown indicators are mapped: `auto` takes the suggested concepts (a new unscored indicator where
 * none fits); `ask` refuses an unknown indicator that has a suggestion until it is mapped; a Map gives each choice
 * (with its line in the mapping file); absent, unknown indicators become new unscored indicators (the seed, old callers).
 */
export type MappingOption = 'auto' | 'ask' | Map<string, { choice: Choice; line: number }>;

export type Row = z.infer<typeof rowSchema>;


const STATUS_ORDER = ['reported', 'approximate', 'lower_bound', 'partial_year', 'forecast'];
const TIER_ORDER = ['official', 'intl_org', 'major_media', 'other'];

/**
 * What a row becomes, from its own columns only: the status column (reported when absent); a partial-year or
 * forecast figure keyed apart by its period note, so it never stands as the annual value; a window indicator's
 * figures marked as multi-year; a value in another unit of the indicator's family moved to that unit exactly, another
 * currency converted with the year's rate; what was published (value, unit, the file's indicator name) kept beside it.
 */
export function planRow(row: Row, indicatorUnit: string | null, rates: Rates = NO_RATES, mappedTo?: string) {
  const slug = mappedTo ?? indicatorSlug(row.indicator);
  const status = (row.status ?? 'reported').toUpperCase();
  const periodNote = row.period_note ?? '';
  const separate = row.status === 'partial_year' || row.status === 'forecast';
  const periodType = row.status === 'partial_year' ? 'PARTIAL_YEAR' : WINDOW_INDICATORS.has(slug) ? 'MULTI_YEAR' : 'YEAR';
  const periodLabel = separate ? (periodNote || row.status!.replace('_', ' ')).slice(0, 200) : '';
  const conversion = indicatorUnit === null ? null : convertValue(row.value, row.unit, indicatorUnit, row.year, rates);
  const converted = conversion?.ok ? conversion : null;
  const changed = converted?.changed ?? false;
  return {
    slug, status, periodType, periodLabel, periodNote,
    value: converted ? converted.value : row.value,
    note: converted?.note ?? '',
    originalValue: changed || mappedTo ? row.value : null,
    originalUnit: changed || mappedTo ? row.unit : '',
    originalIndicator: mappedTo ? row.indicator : '',
    fxRateId: converted?.fx?.id ?? null,
    unitProblem: conversion && !conversion.ok ? conversion.message : null,
  };
}

const NO_RATES: Rates = ratesFrom([]);

/** Order of alternatives for one key in the research format: better status, then better tier, then file order. */
const preference = (row: Row) => STATUS_ORDER.indexOf(row.status ?? 'reported') * 10 + (row.tier ? TIER_ORDER.indexOf(row.tier) : 4);

type Context = {
  dimensions: Set<string>;
  actors: Map<string, string>;
  indicators: Map<string, { unit: string; dimension: string }>;
  concepts: Concept[];
  aliases: Map<string, string>;
  rates: Rates;
};

async function context(db: Db): Promise<Context> {
  const [dimensions, actors, indicators, aliases, rates] = await Promise.all([
    db.dimension.findMany({ select: { key: true } }),
    db.actor.findMany({ select: { code: true, name: true } }),
    db.indicator.findMany({ select: { slug: true, name: true, unit: true, weight: true, dimension: { select: { key: true } } }, orderBy: { id: 'asc' } }),
    db.indicatorAlias.findMany({ select: { name: true, indicator: { select: { slug: true } } } }),
    db.fxRate.findMany({ select: { id: true, currency: true, year: true, perUsd: true } }),
  ]);
  return {
    dimensions: new Set(dimensions.map((d) => d.key)),
    actors: new Map(actors.map((a) => [a.code, a.name])),
    indicators: new Map(indicators.map((i) => [i.slug, { unit: i.unit, dimension: i.dimension.key }])),
    concepts: indicators.map((i) => ({ slug: i.slug, name: i.name, unit: i.unit, dimension: i.dimension.key, scored: i.weight > 0 })),
    aliases: new Map(aliases.map((a) => [a.name, a.indicator.slug])),
    rates: ratesFrom(rates.map((r) => ({ id: r.id, currency: r.currency, year: r.year, perUsd: r.perUsd.toString() }))),
  };
}

/** Streams the file's records with their line numbers; bounded memory whatever the file's size. */
async function* records(file: string): AsyncGenerator<{ line: number; bytes: number; raw: Record<string, string> } | { line: number; error: string }> {
  const parser = fs.createReadStream(file).pipe(
    parse({
      columns: (header: string[]) => {
        const got = header.map((h) => h.trim().replace(/^\uFEFF/, ''));
        if (!headerOk(got)) throw new Error(`wrong header: expected "${HEADERS[0]}" or "${HEADERS[1]}" (either may add a "concept" column), found "${got.join(',')}"`);
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

export type Checked = { line: number; row: Row; rank: number; dimension: string; alias: string | null } & ReturnType<typeof planRow>;

/** Ranks of the alternatives in a research-format file, by line: filled by the check pass, read by the write pass. */
type Ranks = Map<number, number>;

/** The mapping decided for each of the file's indicators, filled as rows are read (the same in both passes). */
type Mapping = { option: MappingOption | undefined; proposals: Map<string, Proposal> };

/** Where the row goes: an indicator of the atlas (a concept the file's name is mapped to, or the name itself), a new indicator, or nowhere. */
function resolveIndicator(row: Row, ctx: Context, mapping: Mapping): { slug: string; mapped: boolean; skip?: true } | { problem: string } {
  const name = indicatorSlug(row.indicator);
  if (row.concept) {
    if (row.concept === SKIP) return { slug: name, mapped: false, skip: true };
    if (row.concept === NEW) return { slug: name, mapped: false };
    if (!ctx.indicators.has(row.concept)) return { problem: `concept "${row.concept}" does not exist (see /methodology for the concepts, or write "new")` };
    note(mapping, name, row, row.concept, 'column', ctx);
    return { slug: row.concept, mapped: row.concept !== name };
  }
  const option = mapping.option;
  const given = option instanceof Map ? option.get(name) : undefined;
  if (given) {
    note(mapping, name, row, given.choice, 'mapping', ctx);
    if (given.choice === SKIP) return { slug: name, mapped: false, skip: true };
    if (given.choice === NEW) return { slug: name, mapped: false };
    return { slug: given.choice, mapped: given.choice !== name };
  }
  if (ctx.indicators.has(name)) return { slug: name, mapped: false };
  const alias = ctx.aliases.get(name);
  if (alias) {
    note(mapping, name, row, alias, 'alias', ctx);
    return { slug: alias, mapped: true };
  }
  const proposal = note(mapping, name, row, null, option === 'auto' ? 'suggestion' : 'default', ctx);
  if (option === 'auto' && proposal.suggestion) return { slug: proposal.suggestion, mapped: true };
  if (option === 'ask' && proposal.suggestion) {
    return { problem: `indicator "${row.indicator}" is not in the atlas; it looks like the concept "${proposal.suggestion}": map it (--map auto accepts the suggestions, --map <mapping.csv> gives your own)` };
  }
  return { slug: name, mapped: false };
}

/** Records a row of one of the file's indicators that the atlas does not know by name. */
function note(mapping: Mapping, name: string, row: Row, choice: Choice | null, by: Proposal['by'], ctx: Context): Proposal {
  let proposal = mapping.proposals.get(name);
  if (!proposal) {
    // The suggestion is made once, from the first row's unit and dimension (the same in both passes).
    const suggestion = suggestConcept(row.indicator, [row.unit], row.dimension, ctx.concepts);
    const chosen = choice ?? (by === 'suggestion' ? (suggestion ?? NEW) : NEW);
    proposal = { indicator: name, name: row.indicator, dimension: row.dimension, units: [], rows: 0, suggestion, choice: chosen, by };
    mapping.proposals.set(name, proposal);
  }
  proposal.rows++;
  if (!proposal.units.includes(row.unit)) proposal.units.push(row.unit);
  return proposal;
}

async function* checked(
  file: string,
  ctx: Context,
  report: ImportReport,
  mapping: Mapping,
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
    const target = resolveIndicator(row, ctx, mapping);
    if ('problem' in target) {
      add(item.line, [...problems, target.problem].join('; '));
      continue;
    }
    if (target.skip) {
      report.skipped = (report.skipped ?? 0) + 1;
      continue;
    }
    const known = ctx.indicators.get(target.slug);
    const pending = newIndicators.get(target.slug);
    const c = planRow(row, known?.unit ?? pending ?? null, ctx.rates, target.mapped ? target.slug : undefined);
    if (!c.slug) problems.push('indicator has no letter or digit');
    if (c.unitProblem) {
      const what = target.mapped ? `concept "${target.slug}"` : `indicator "${c.slug}"`;
      problems.push(known ? `${what} is in "${known.unit}", the row in "${row.unit}": ${c.unitProblem}` : `indicator "${c.slug}" has two units in this file ("${pending}" and "${row.unit}"): ${c.unitProblem}`);
    }
    // A mapped row belongs to its concept's dimension; a row of a known indicator must name that indicator's dimension.
    if (known && !target.mapped && known.dimension !== row.dimension && ctx.dimensions.has(row.dimension)) problems.push(`indicator "${c.slug}" belongs to ${known.dimension}, not ${row.dimension}`);
    if (!known && !pending) newIndicators.set(c.slug, row.unit);
    const key = [c.slug, row.reporter, row.partner, row.year, c.periodLabel].join('|');
    // The research format keeps conflicting figures of one key as ranked alternatives; the short format refuses them.
    if (row.status === undefined && seen.has(key)) problems.push(`duplicate of an earlier row (same indicator, reporter, partner and year${target.mapped ? `, after mapping onto "${target.slug}"` : ''})`);
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
    const alias = target.mapped && !ctx.aliases.has(indicatorSlug(row.indicator)) ? indicatorSlug(row.indicator) : null;
    yield { line: item.line, row, rank: ranks?.read?.get(item.line) ?? 0, dimension: known?.dimension ?? row.dimension, alias, ...c };
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
    mapping?: MappingOption;
  } = {},
): Promise<ImportReport> {
  const report: ImportReport = { ok: false, rows: 0, errors: [], errorCount: 0 };
  if (!fs.existsSync(file)) return { ...report, errorCount: 1, errors: [{ line: 0, message: `no file at ${file}` }] };
  const size = fs.statSync(file).size;
  const ctx = await context(db);
  report.preview = [];
  const mapping: Mapping = { option: options.mapping, proposals: new Map() };
  // A mapping file that names a concept the atlas does not have: every such line, before any row is read.
  if (options.mapping instanceof Map) {
    for (const [name, { choice, line }] of options.mapping) {
      if (choice !== NEW && choice !== SKIP && !ctx.indicators.has(choice)) {
        report.errorCount++;
        report.errors.push({ line, message: `mapping file line ${line}: concept "${choice}" for "${name}" does not exist` });
      }
    }
    if (report.errorCount > 0) return report;
  }
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
  for await (const item of checked(file, ctx, report, mapping, (rows, bytes) => progress({ phase: 'checking', rows, fraction: size ? bytes / size : 1 }), { collect })) {
    if (report.preview.length < 10) {
      const { row } = item;
      report.preview.push({ line: item.line, dimension: row.dimension, indicator: row.indicator, unit: row.unit, reporter: row.reporter, partner: row.partner, year: row.year, value: row.value, source_title: row.source_title });
    }
  }
  progress({ phase: 'checking', rows: report.rows, fraction: 1 }, true);
  report.mapping = [...mapping.proposals.values()];
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
      for await (const item of checked(file, ctx, recheck, { option: options.mapping, proposals: new Map() }, undefined, { read: ranks })) await writer.add(item);
      await writer.flush();
      await writer.saveAliases();
      await writer.audit(options.fileName ?? file.split('/').pop() ?? file, total);
      return writer.written;
    },
    // The import is one transaction (all or nothing): its own time bound; its wait for a connection is the policy's.
    { timeout: 30 * 60_000 },
  );
  progress({ phase: 'writing', rows: total, fraction: 1 }, true);
  return { ...report, ok: true, written };
}
