import type { ChartEvent, ChartRow, ChartSeries, SeriesChartProps } from './chart-types';
import { figureSources, formatValue, observationFlags, partnerColour, periodText, sourceQuality, STATUS_LABEL, yearFraction } from './format';
import { annualIndex, derivedText, inRange, partnerFigure, type PartnerFigure } from './shape';
import type { Catalogue, EventRow, IndicatorRow, ObservationRow, SourceRef } from './types';

export type TableRow = { year: number; partner: string; partnerName: string; value: number; figure: PartnerFigure };

export type IndicatorChart = {
  id: string;
  title: string;
  indicator: IndicatorRow;
  kind: 'line' | 'bar';
  series: ChartSeries[];
  rows: ChartRow[];
  table: TableRow[];
  events: ChartEvent[];
  domain: [number, number];
  sources: SourceRef[];
  summary: string;
};

const nameOf = (catalogue: Catalogue, code: string) => catalogue.actors.find((a) => a.code === code)?.name ?? code;

/**
 * The indicator a dimension's one chart shows (the partner page's small multiples, the briefing's overview charts):
 * the input that carries the latest score when there is one, else the dimension's first weighted, drawable input.
 */
export function panelIndicator(catalogue: Catalogue, dimension: string, headline: IndicatorRow | undefined): IndicatorRow | undefined {
  return headline ?? catalogue.indicators.find((i) => i.dimension === dimension && i.weight > 0 && i.valueKind !== 'STANCE');
}

/**
 * The chart of one indicator for some partners: only annual primary figures are drawn (partial-year,
 * approximate and alternative figures stay in the data table, marked); a group's figure may be derived from members.
 */
export function indicatorChart(
  catalogue: Catalogue,
  observations: ObservationRow[],
  indicator: IndicatorRow,
  partners: string[],
  focal: string,
  options: { from?: number; to?: number; events?: EventRow[] } = {},
): IndicatorChart | null {
  const index = annualIndex(observations);
  const years = new Set<number>();
  for (const o of index.values()) if (o.indicator === indicator.slug && inRange(o.year, options.from, options.to)) years.add(o.year);
  for (const l of catalogue.listings) if (l.indicator === indicator.slug && l.reporter === focal && inRange(l.year, options.from, options.to)) years.add(l.year);
  const table: TableRow[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    for (const partner of partners) {
      const figure = partnerFigure(index, catalogue, indicator, partner, year, focal);
      if (figure) table.push({ year, partner, partnerName: nameOf(catalogue, partner), value: figure.value, figure });
    }
  }
  if (table.length === 0) return null;
  const drawn = partners.filter((p) => table.some((t) => t.partner === p));
  const series = drawn.map((code) => ({ key: code, name: nameOf(catalogue, code), colour: partnerColour(code) }));
  const figureYears = [...new Set(table.map((t) => t.year))];
  const minYear = options.from ?? Math.min(...figureYears);
  const maxYear = options.to ?? Math.max(...figureYears);
  // Every year of the axis is a row: a year without a figure is marked missing, never left to read as zero.
  const rows: ChartRow[] = [];
  for (let year = minYear; year <= maxYear; year++) {
    const values: ChartRow['values'] = {};
    const meta: ChartRow['meta'] = {};
    const missing: string[] = [];
    for (const code of drawn) {
      const t = table.find((r) => r.year === year && r.partner === code);
      if (!t) {
        values[code] = null;
        missing.push(code);
        continue;
      }
      values[code] = t.value;
      const sources = figureSources(t.figure);
      meta[code] = {
        value: t.value,
        status: t.figure.provenance.kind === 'derived' ? derivedText(t.figure.provenance) : sources[0]!.status,
        source: sources.map((o) => `${o.source.title} (${sourceQuality(o.source)})`).join('; '),
        period: sources[0]!.period,
        ...(t.figure.provenance.kind === 'zero' ? { zero: true } : {}),
      };
    }
    rows.push({ year, values, meta, missing });
  }
  const rowYears = figureYears.sort((a, b) => a - b);
  // A year's point sits at the middle of that year: 1 January of year Y is at Y − 0.5 on the axis.
  const axisAt = (date: string) => yearFraction(date) - 0.5;
  const events: ChartEvent[] = (options.events ?? [])
    .filter((e) => {
      const start = axisAt(e.date);
      const end = e.endDate ? axisAt(e.endDate) : start;
      return end >= minYear - 0.5 && start <= maxYear + 0.5;
    })
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e, i) => ({ n: i + 1, title: e.title, at: axisAt(e.date), until: e.endDate ? axisAt(e.endDate) : null, date: e.date }));
  const sourceMap = new Map<number, SourceRef>();
  for (const t of table) for (const o of figureSources(t.figure)) sourceMap.set(o.source.id, o.source);
  const kind = indicator.valueKind === 'SHARE' ? 'line' : 'bar';
  const latest = table.filter((t) => t.year === maxYear || t.year === Math.max(...rowYears));
  return {
    id: `chart-${indicator.slug}`,
    title: `${indicator.name} (${indicator.unit})`,
    indicator,
    kind,
    series,
    rows,
    table,
    events,
    domain: [minYear, maxYear],
    sources: [...sourceMap.values()],
    summary: `${kind === 'line' ? 'Line' : 'Bar'} chart of ${indicator.name} for ${series.map((s) => s.name).join(', ')}, ${rowYears[0]}–${rowYears.at(-1)}. Latest: ${latest
      .map((t) => `${t.partnerName} ${t.value} ${indicator.unit} in ${t.year}`)
      .join('; ')}.${
      rows.some((r) => r.missing.length) ? ` No data (not zero) in ${rows.filter((r) => r.missing.length === drawn.length).map((r) => r.year).join(', ') || 'some years for some partners'}.` : ''
    } The data table below lists every value.`,
  };
}

/**
 * What the interactive chart needs beyond the drawn picture: each point's flags and the figures not drawn for
 * it (alternatives, partial years). Served as JSON by /api/charts/<chart>.json when a reader comes near a chart,
 * so none of it weighs on the page's first load.
 */
export function interactiveChart(chart: IndicatorChart, observations: ObservationRow[], focal: string): SeriesChartProps {
  const unit = chart.indicator.unit;
  const rows = chart.rows.map((row) => {
    const meta: ChartRow['meta'] = {};
    for (const s of chart.series) {
      const base = row.meta[s.key];
      if (!base) continue;
      const t = chart.table.find((x) => x.year === row.year && x.partner === s.key)!;
      const p = t.figure.provenance;
      const drawnIds = new Set(figureSources(t.figure).flatMap((c) => (c.observation ? [c.observation.id] : [])));
      const flags: string[] = [];
      if (p.kind === 'reported') {
        const o = p.observation;
        flags.push(...observationFlags(o, chart.indicator.partnerSide));
        if (o.note) flags.push(o.note);
        if (o.publishedAs) flags.push(`published as “${o.publishedAs}”`);
        if (o.fx) flags.push(`converted at ${o.fx.perUsd} ${o.fx.currency} per USD (${o.fx.year}, ${o.fx.source.title})`);
      } else if (p.kind === 'derived') {
        if (p.membersWithoutData.length) flags.push(`no data for ${p.membersWithoutData.join(', ')}`);
      } else {
        flags.push(`sourced zero: ${p.listing.source.title} lists every partner`);
      }
      const alternatives = observations
        .filter((o) => o.indicator === chart.indicator.slug && o.reporter === focal && o.partner === s.key && o.year === row.year && o.value !== null && !drawnIds.has(o.id))
        .sort((a, b) => a.rank - b.rank)
        .map((o) => `${formatValue(o.value, unit)} · ${periodText(o)} · ${STATUS_LABEL[o.status]} · ${o.source.title} (${sourceQuality(o.source)})`);
      meta[s.key] = { ...base, ...(flags.length ? { flags } : {}), ...(alternatives.length ? { alternatives } : {}) };
    }
    return { ...row, meta };
  });
  return { kind: chart.kind, unit, series: chart.series, rows, events: chart.events, domain: chart.domain, summary: chart.summary };
}
