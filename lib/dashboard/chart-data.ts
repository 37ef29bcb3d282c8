import type { ChartEvent, ChartRow, ChartSeries } from './chart-types';
import { figureSources, partnerColour, periodText, STATUS_LABEL, yearFraction } from './format';
import { annualIndex, inRange, partnerFigure, type PartnerFigure } from './shape';
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
  const rowYears = [...new Set(table.map((t) => t.year))];
  const rows: ChartRow[] = rowYears.map((year) => {
    const values: ChartRow['values'] = {};
    const meta: ChartRow['meta'] = {};
    for (const t of table.filter((r) => r.year === year)) {
      values[t.partner] = t.value;
      const sources = figureSources(t.figure);
      meta[t.partner] = {
        value: t.value,
        status: t.figure.provenance.kind === 'derived' ? `sum of ${t.figure.provenance.from.map((o) => o.partner).join(', ')}` : STATUS_LABEL[sources[0]!.status],
        source: sources.map((o) => o.source.title).join('; '),
        period: periodText(sources[0]!),
      };
    }
    return { year, values, meta };
  });
  const minYear = options.from ?? Math.min(...rowYears);
  const maxYear = options.to ?? Math.max(...rowYears);
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
      .join('; ')}. The data table below lists every value.`,
  };
}
