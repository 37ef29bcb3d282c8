import type { IndicatorChart } from '../dashboard/chart-data';
import { figureSources, STATUS_LABEL } from '../dashboard/format';
import type { SourceRef } from '../dashboard/types';
import type { CsvRow, ExportSpec } from './spec';

const sourceLabel = (s: SourceRef) => (s.publisher && !s.title.includes(s.publisher) ? `${s.title} (${s.publisher})` : s.title);

/** `<chart>-<focal>-<partners>-<years>`: what the file is, from its name. */
export function exportFileStem(chart: IndicatorChart, focal: string): string {
  return `${chart.indicator.slug}-${focal}-${chart.series.map((s) => s.key).join('_')}-${chart.domain[0]}-${chart.domain[1]}`;
}

/** The export of an indicator chart, from the same data the page draws. */
export function indicatorExportSpec(
  chart: IndicatorChart,
  context: { focalCode: string; focalName: string; asOf: string; viewPath: string },
): ExportSpec {
  const [first, last] = chart.domain;
  const slots: string[] = [];
  for (let y = first; y <= last; y++) slots.push(String(y));
  const values: ExportSpec['values'] = {};
  for (const s of chart.series) values[s.key] = slots.map((year) => chart.rows.find((r) => r.year === Number(year))?.values[s.key] ?? null);
  const csv: CsvRow[] = chart.table.map((t) => {
    const sources = figureSources(t.figure);
    return {
      indicator: chart.indicator.slug,
      unit: chart.indicator.unit,
      reporter: context.focalCode,
      partner: t.partner,
      year: t.year,
      value: t.value,
      status:
        t.figure.provenance.kind === 'derived'
          ? `derived: sum of ${t.figure.provenance.from.map((o) => o.partner).join(', ')}`
          : STATUS_LABEL[sources[0]!.status],
      source_title: sources.map((o) => o.source.title).join('; '),
      source_url: sources.map((o) => o.source.url ?? '').join('; '),
    };
  });
  return {
    chart: chart.indicator.slug,
    title: chart.title,
    subtitle: `${context.focalName} · ${chart.series.map((s) => s.name).join(', ')} · ${chart.indicator.unit} · ${first}–${last}`,
    kind: chart.kind,
    unit: chart.indicator.unit,
    slots,
    series: chart.series,
    values,
    events: chart.events.map((e) => ({ n: e.n, title: e.title, date: e.date, at: e.at - first, until: e.until === null ? null : e.until - first })),
    sources: chart.sources.map(sourceLabel),
    asOf: context.asOf,
    viewPath: context.viewPath,
    csv,
    fileStem: exportFileStem(chart, context.focalCode),
  };
}
