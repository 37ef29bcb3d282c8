import type { PartnerFigure } from './shape';
import type { ListingRow, ObservationRow, SourceRef, Status, Tier } from './types';

/** Paul Tol's "vibrant" and "muted" palettes: distinguishable with colour-vision deficiencies. */
const FIXED: Record<string, string> = {
  RUS: '#CC3311',
  UKR: '#0077BB',
  NATO: '#009988',
  USA: '#EE7733',
  DEU: '#33BBEE',
  GBR: '#EE3377',
  EU: '#332288',
  WORLD: '#555555',
};
const SPARE = ['#882255', '#117733', '#999933', '#AA4499', '#44AA99', '#DDCC77', '#88CCEE', '#6699CC'];

/** The same partner always gets the same colour, on every chart. */
export function partnerColour(code: string): string {
  const fixed = FIXED[code];
  if (fixed) return fixed;
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return SPARE[hash % SPARE.length] ?? '#777777';
}

const PERCENT_UNITS = new Set(['%', 'percent', '% increase', '% decrease']);

// Building an Intl formatter costs ~0.1 ms; a page formats hundreds of values, so they are built once.
const NUMBER_FORMATS = [0, 1, 2, 3].map((digits) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits }));
const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short' });

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
  return NUMBER_FORMATS[digits]!.format(value);
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (PERCENT_UNITS.has(unit)) return `${formatNumber(value)}%${unit.startsWith('% ') ? ` ${unit.slice(2)}` : ''}`;
  return `${formatNumber(value)} ${unit}`;
}

export const STATUS_LABEL: Record<Status, string> = {
  REPORTED: 'reported',
  ESTIMATE: 'estimate',
  APPROXIMATE: 'approximate',
  LOWER_BOUND: 'lower bound',
  DISPUTED: 'disputed',
  PARTIAL_YEAR: 'partial year',
  FORECAST: 'forecast',
};

export const STANCE_LABEL: Record<string, string> = {
  not_joining: 'Not joining sanctions',
  joining: 'Joining sanctions',
  partial: 'Partly joining sanctions',
};

/** Flags a reader needs next to a figure: period, status, rank, provenance. */
export function observationFlags(o: ObservationRow, partnerSide = false): string[] {
  const flags: string[] = [];
  if (o.periodType === 'PARTIAL_YEAR') flags.push(`part of year: ${o.periodLabel}`);
  if (o.periodType === 'MARKETING_YEAR') flags.push(o.periodLabel);
  if (o.periodType === 'MULTI_YEAR') flags.push(`five-year window${o.periodNote ? `: ${o.periodNote}` : ''} (not an annual figure)`);
  else if (o.periodNote && o.periodType !== 'PARTIAL_YEAR') flags.push(o.periodNote);
  if (o.status !== 'REPORTED') flags.push(STATUS_LABEL[o.status]);
  if (o.rank > 0) flags.push('alternative figure');
  if (partnerSide) flags.push('partner-side data');
  return flags;
}

export function periodText(o: Pick<ObservationRow, 'year' | 'periodType' | 'periodLabel'>): string {
  if (o.periodType === 'YEAR') return String(o.year);
  if (o.periodType === 'MARKETING_YEAR') return `${o.periodLabel} (filed ${o.year})`;
  if (o.periodType === 'MULTI_YEAR') return `five-year window filed under ${o.year}`;
  return `${o.year} ${o.periodLabel}`;
}

/** One source behind a drawn or scored figure: a research row, or a listing that makes the figure a sourced zero. */
export type Citation = { key: string; source: SourceRef; status: string; period: string; observation: ObservationRow | null };

const cite = (o: ObservationRow): Citation => ({ key: `o${o.id}`, source: o.source, status: STATUS_LABEL[o.status], period: periodText(o), observation: o });
const citeZero = (l: ListingRow): Citation => ({ key: `l${l.source.id}-${l.year}`, source: l.source, status: 'sourced zero', period: String(l.year), observation: null });

export function figureSources(figure: PartnerFigure): Citation[] {
  const p = figure.provenance;
  if (p.kind === 'reported') return [cite(p.observation)];
  if (p.kind === 'zero') return [citeZero(p.listing)];
  return [...p.from.map(cite), ...p.zeros.map((z) => citeZero(z.listing))];
}

/** The four tiers, best first (research/NOTES.md, "Tiers"). */
export const TIERS: Tier[] = ['OFFICIAL', 'INTL_ORG', 'MAJOR_MEDIA', 'OTHER'];
export const TIER_LABEL: Record<Tier, string> = { OFFICIAL: 'official', INTL_ORG: 'international organisation', MAJOR_MEDIA: 'major media', OTHER: 'other source' };

/** "Reuters · major media": who published a source and how much its standing backs the figure. */
export function sourceQuality(source: Pick<SourceRef, 'publisher' | 'tier'>): string {
  return [source.publisher, source.tier ? TIER_LABEL[source.tier] : 'tier not rated'].filter(Boolean).join(' · ');
}

export function formatDate(date: string, precision: 'day' | 'month' = 'day'): string {
  return (precision === 'day' ? DAY_FORMAT : MONTH_FORMAT).format(new Date(`${date}T00:00:00Z`));
}

/** Position of a date on a yearly axis: 2022-07-22 → 2022.55. */
export function yearFraction(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const end = Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  return d.getUTCFullYear() + (d.getTime() - start) / (end - start);
}
