import type { ViewState } from '../schemas/view';
import type { ChartSeries } from './chart-types';
import { partnerColour } from './format';
import { annualIndex, matrixCell } from './shape';
import type { Actor, Catalogue, ObservationRow } from './types';

export type CompareRow = { dimension: string; values: Record<string, number | null>; years: Record<string, number | null> };

/** Each partner's matrix cells, dimension by dimension: what the compare page's table and chart show. */
export function compareCells(catalogue: Catalogue, observations: ObservationRow[], view: { focal: Actor; partners: Actor[] }, state: ViewState, index: Map<string, ObservationRow> = annualIndex(observations, { windows: true })) {
  return view.partners.map((p) => ({
    partner: p,
    cells: catalogue.dimensions.map((d) => matrixCell(observations, catalogue, d.key, p.code, view.focal.code, { weights: state.weights, from: state.from, to: state.to, index })),
  }));
}

/** The compare chart: the latest score in range per dimension and partner, for the dimensions anyone scores in. */
export function compareChartData(
  catalogue: Catalogue,
  observations: ObservationRow[],
  view: { focal: Actor; partners: Actor[] },
  state: ViewState,
  cells = compareCells(catalogue, observations, view, state),
): { rows: CompareRow[]; series: ChartSeries[]; summary: string } {
  const scored = catalogue.dimensions.filter((d) => cells.some((c) => c.cells.some((cell) => cell.dimension === d.key && cell.latest?.score != null)));
  const rows = scored.map((d) => ({
    dimension: d.label,
    values: Object.fromEntries(cells.map((c) => [c.partner.code, c.cells.find((cell) => cell.dimension === d.key)?.latest?.score ?? null])),
    years: Object.fromEntries(cells.map((c) => [c.partner.code, c.cells.find((cell) => cell.dimension === d.key)?.latest?.year ?? null])),
  }));
  return {
    rows,
    series: view.partners.map((p) => ({ key: p.code, name: p.name, colour: partnerColour(p.code) })),
    summary: `Bar chart of dependency scores by dimension for ${view.partners.map((p) => p.name).join(', ')}. The table below lists every value.`,
  };
}
