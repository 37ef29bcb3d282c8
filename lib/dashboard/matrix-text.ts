import { formatNumber, formatValue } from './format';
import { derivedText, type MatrixCell } from './shape';

/** The words of a matrix cell, shared by the overview's matrix and the briefing's table. */

export function trendText(cell: MatrixCell): string {
  if (!cell.latest || !cell.previous || cell.latest.score === null || cell.previous.score === null) return 'no earlier value';
  const rounded = Math.round((cell.latest.score - cell.previous.score) * 10) / 10;
  if (rounded === 0) return `unchanged since ${cell.previous.year}`;
  return `${rounded > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(rounded))} pts since ${cell.previous.year}`;
}

export function scoreLine(cell: MatrixCell): string {
  const latest = cell.latest!;
  const inputs = `${latest.components.length} of ${latest.components.length + latest.missing.length} input${latest.components.length + latest.missing.length === 1 ? '' : 's'}`;
  return `Score ${Math.round(latest.score!)} · ${inputs}${latest.lowConfidence ? ' · low confidence' : ''}`;
}

/** A scored cell's headline: the figure, and the line that says which input and year it is. */
export function headlineText(cell: MatrixCell): { figure: string; line: string } | null {
  if (cell.state !== 'score' || !cell.latest || cell.latest.score === null || !cell.headline) return null;
  const { indicator, figure, year, display } = cell.headline;
  const input = cell.latest.inputs.find((i) => i.slug === indicator.slug);
  const provenance = figure.provenance.kind === 'derived' ? ` (${derivedText(figure.provenance)})` : figure.provenance.kind === 'zero' ? ' (sourced zero)' : '';
  return { figure: display ?? formatValue(figure.value, indicator.unit), line: `${indicator.name}, ${input?.window ? `five-year window to ${year}` : year}${provenance}` };
}

/** A sourced-zero cell's second and third lines. */
export function zeroLines(cell: MatrixCell): string[] {
  const zero = cell.zero;
  const year = zero?.listing.year ?? cell.latest?.year;
  const name = zero?.indicator.name ?? cell.headline?.indicator.name ?? '';
  const source = zero?.listing.source ?? null;
  return [`${name}, ${year}`, ...(source ? [`${source.publisher || source.title} lists every partner; none from this one`] : [])];
}
