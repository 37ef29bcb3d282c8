import 'server-only';
import { indicatorChart, interactiveChart } from '../dashboard/chart-data';
import type { SeriesChartProps } from '../dashboard/chart-types';
import { compareChartData, type CompareRow } from '../dashboard/compare';
import { compareExportSpec, indicatorExportSpec } from '../export/from-chart';
import type { ExportSpec } from '../export/spec';
import { parseView, viewQuery, type SearchParams } from '../schemas/view';
import { resolveView, scoringData } from './dashboard';
import { getCatalogue, getDataVersion, getEvents } from './data';

export type ExportLookup = { ok: true; spec: ExportSpec; interactive: SeriesChartProps | CompareInteractive } | { ok: false; status: 400 | 404; message: string };
export type CompareInteractive = { rows: CompareRow[]; series: ExportSpec['series']; summary: string };

/** The export of indicator chart `slug` for the view in `params`, exactly as the dimension page draws it. */
export async function lookupIndicatorExport(slug: string, params: SearchParams): Promise<ExportLookup> {
  const { state, errors } = parseView(params);
  if (errors.length > 0) return { ok: false, status: 400, message: errors.join('; ') };
  const catalogue = await getCatalogue();
  const indicator = catalogue.indicators.find((i) => i.slug === slug);
  if (!indicator || indicator.valueKind === 'STANCE') return { ok: false, status: 404, message: `No chart named ${slug}` };
  if (!catalogue.actors.some((a) => a.code === state.focal && a.kind !== 'AGGREGATE')) {
    return { ok: false, status: 400, message: `No focal country with code ${state.focal}` };
  }
  const view = await resolveView(state, [], { totals: true });
  if (view.notices.length > 0) return { ok: false, status: 400, message: view.notices.join(' ') };
  const [{ observations, catalogue: scored }, events, version] = await Promise.all([
    scoringData(view, state, indicator.dimension),
    getEvents({ reporter: view.focal.code, dimension: indicator.dimension }),
    getDataVersion(),
  ]);
  const chart = indicatorChart(scored, observations, indicator, view.partners.map((p) => p.code), view.focal.code, {
    from: state.from,
    to: state.to,
    events,
  });
  if (!chart) return { ok: false, status: 404, message: `Nothing to draw for ${slug} with these partners and years` };
  return {
    ok: true,
    interactive: interactiveChart(chart, observations, view.focal.code),
    spec: indicatorExportSpec(chart, {
      focalCode: view.focal.code,
      focalName: view.focal.name,
      asOf: version.changedAt.slice(0, 10),
      viewPath: `/dimensions/${indicator.dimension}${viewQuery(state)}`,
    }),
  };
}

/** The compare chart (scores by dimension for the chosen partners) as an export. */
export async function lookupCompareExport(params: SearchParams): Promise<ExportLookup> {
  const { state, errors } = parseView(params);
  if (errors.length > 0) return { ok: false, status: 400, message: errors.join('; ') };
  const catalogue = await getCatalogue();
  if (!catalogue.actors.some((a) => a.code === state.focal && a.kind !== 'AGGREGATE')) {
    return { ok: false, status: 400, message: `No focal country with code ${state.focal}` };
  }
  const view = await resolveView(state);
  if (view.notices.length > 0) return { ok: false, status: 400, message: view.notices.join(' ') };
  const [{ observations, catalogue: scored }, version] = await Promise.all([scoringData(view, state), getDataVersion()]);
  return { ok: true, spec: compareExportSpec(scored, observations, view, state, version.changedAt.slice(0, 10)), interactive: compareChartData(scored, observations, view, state) };
}
