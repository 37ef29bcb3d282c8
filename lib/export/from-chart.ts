import type { IndicatorChart } from '../dashboard/chart-data';
import { figureSources, partnerColour, sourceQuality } from '../dashboard/format';
import { compareCells } from '../dashboard/compare';
import { derivedText } from '../dashboard/shape';
import type { Actor, Catalogue, ObservationRow, SourceRef } from '../dashboard/types';
import { viewQuery, type ViewState } from '../schemas/view';
import type { CsvRow, ExportSpec } from './spec';

const sourceLabel = (s: SourceRef) => `${s.title} (${sourceQuality(s)})`;

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
  const zeros: NonNullable<ExportSpec['zeros']> = {};
  for (const s of chart.series) {
    values[s.key] = slots.map((year) => chart.rows.find((r) => r.year === Number(year))?.values[s.key] ?? null);
    zeros[s.key] = slots.map((year) => chart.rows.find((r) => r.year === Number(year))?.meta[s.key]?.zero === true);
  }
  // Exactly the rows drawn, in axis order: every year and series, a missing one as "no data" with no value.
  const csv: CsvRow[] = [];
  for (const row of chart.rows) {
    for (const s of chart.series) {
      const t = chart.table.find((x) => x.year === row.year && x.partner === s.key);
      if (!t) {
        csv.push({ indicator: chart.indicator.slug, unit: chart.indicator.unit, reporter: context.focalCode, partner: s.key, year: row.year, value: '', status: 'no data', source_title: '', source_url: '' });
        continue;
      }
      const sources = figureSources(t.figure);
      csv.push({
        indicator: chart.indicator.slug,
        unit: chart.indicator.unit,
        reporter: context.focalCode,
        partner: t.partner,
        year: t.year,
        value: t.value,
        status: t.figure.provenance.kind === 'derived' ? `derived: ${derivedText(t.figure.provenance)}` : sources[0]!.status,
        source_title: sources.map((o) => `${o.source.title} (${sourceQuality(o.source)})`).join('; '),
        source_url: sources.map((o) => o.source.url ?? '').join('; '),
      });
    }
  }
  return {
    chart: chart.indicator.slug,
    title: chart.title,
    subtitle: `${context.focalName} · ${chart.series.map((s) => s.name).join(', ')} · ${chart.indicator.unit} · ${first}–${last}`,
    kind: chart.kind,
    unit: chart.indicator.unit,
    slots,
    series: chart.series,
    values,
    zeros,
    events: chart.events.map((e) => ({ n: e.n, title: e.title, date: e.date, at: e.at - first, until: e.until === null ? null : e.until - first })),
    sources: chart.sources.map(sourceLabel),
    sourceRefs: chart.sources,
    asOf: context.asOf,
    viewPath: context.viewPath,
    csv,
    fileStem: exportFileStem(chart, context.focalCode),
  };
}

/** The compare chart: each partner's latest score in range, by dimension; the CSV lists each score's headline input. */
export function compareExportSpec(
  catalogue: Catalogue,
  observations: ObservationRow[],
  view: { focal: Actor; partners: Actor[] },
  state: ViewState,
  asOf: string,
): ExportSpec {
  const cells = compareCells(catalogue, observations, view, state);
  const dimensions = catalogue.dimensions.filter((d) => cells.some((c) => c.cells.some((cell) => cell.dimension === d.key && cell.latest?.score != null)));
  const values: ExportSpec['values'] = {};
  const csv: CsvRow[] = [];
  const sources = new Map<number, SourceRef>();
  for (const c of cells) {
    values[c.partner.code] = dimensions.map((d) => c.cells.find((cell) => cell.dimension === d.key)?.latest?.score ?? null);
    for (const d of catalogue.dimensions) {
      const cell = c.cells.find((x) => x.dimension === d.key);
      if (!cell || cell.state !== 'score' || !cell.latest || cell.latest.score === null) {
        // every partner × dimension is a row: a sourced zero, not applicable (with the reason) or no data
        const status = cell?.state === 'zero' ? 'sourced zero' : cell?.state === 'na' ? `not applicable: ${cell.reason}` : 'no data';
        const source = cell?.state === 'zero' ? cell.zero?.listing.source : undefined;
        csv.push({
          indicator: `score:${d.key}`, unit: 'score 0–100', reporter: view.focal.code, partner: c.partner.code, year: cell?.zero?.listing.year ?? '',
          value: cell?.state === 'zero' ? 0 : '', status, source_title: source ? sourceLabel(source) : '', source_url: source?.url ?? '',
        });
        continue;
      }
      const used = cell.latest.inputs.filter((i) => i.figure && cell.latest!.components.some((k) => k.slug === i.slug)).flatMap((i) => figureSources(i.figure!));
      for (const o of used) sources.set(o.source.id, o.source);
      csv.push({
        indicator: `score:${d.key}`,
        unit: 'score 0–100',
        reporter: view.focal.code,
        partner: c.partner.code,
        year: cell.latest.year,
        value: Math.round(cell.latest.score * 100) / 100,
        status: `${Math.round(cell.latest.coverage * 100)}% of input weight${cell.latest.lowConfidence ? ', low confidence' : ''}`,
        source_title: used.map((o) => o.source.title).join('; '),
        source_url: used.map((o) => o.source.url ?? '').join('; '),
      });
    }
  }
  const range = `${state.from ?? 'earliest'}–${state.to ?? 'latest'}`;
  return {
    chart: 'compare',
    title: `Dependency score by dimension: ${view.partners.map((p) => p.name).join(', ')}`,
    subtitle: `${view.focal.name} · score 0–100, latest year with data in ${range} · ${state.from !== undefined || state.to !== undefined ? range : 'all years'}`,
    kind: 'bar',
    unit: 'score',
    slots: dimensions.map((d) => d.label),
    series: view.partners.map((p) => ({ key: p.code, name: p.name, colour: partnerColour(p.code) })),
    values,
    events: [],
    sources: [...sources.values()].map(sourceLabel),
    sourceRefs: [...sources.values()],
    asOf,
    viewPath: `/compare${viewQuery(state)}`,
    csv,
    fileStem: `compare-${view.focal.code}-${view.partners.map((p) => p.code).join('_')}-${state.from ?? 'all'}-${state.to ?? 'all'}`,
  };
}
