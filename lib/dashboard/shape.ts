import { WORLD, isAnnualPoint, annualIndex, membersIn, partnerFigure, totalFor, scoredIndicators, yearlyScores, type Provenance, type PartnerFigure, type ScoredInput, type YearScore } from '../scoring/inputs';

export { WORLD, isAnnualPoint, annualIndex, membersIn, partnerFigure, totalFor, scoredIndicators, yearlyScores, type Provenance, type PartnerFigure, type ScoredInput, type YearScore };
import type { Catalogue, IndicatorRow, ObservationRow } from './types';

/** Pure shaping of observations into series, group figures, scores and matrix cells. */


export type MatrixCell = {
  partner: string;
  dimension: string;
  latest: YearScore | null;
  previous: YearScore | null;
  headline: { indicator: IndicatorRow; figure: PartnerFigure; year: number } | null;
  stance: ObservationRow | null;
};

export function inRange(year: number, from?: number, to?: number): boolean {
  return (from === undefined || year >= from) && (to === undefined || year <= to);
}

/** The latest scored year within the range, the one before it (for the trend), and the figure to print. */
export function matrixCell(
  observations: ObservationRow[],
  catalogue: Catalogue,
  dimension: string,
  partner: string,
  focal: string,
  options: { weights?: Record<string, number>; from?: number; to?: number; index?: Map<string, ObservationRow> } = {},
): MatrixCell {
  const index = options.index ?? annualIndex(observations);
  const scores = yearlyScores(observations, catalogue, dimension, partner, focal, options.weights, index).filter(
    (s) => s.score !== null && inRange(s.year, options.from, options.to),
  );
  const latest = scores.at(-1) ?? null;
  const previous = scores.at(-2) ?? null;
  let headline: MatrixCell['headline'] = null;
  if (latest) {
    const input = latest.inputs.find((i) => i.figure !== null && latest.components.some((c) => c.slug === i.slug));
    const indicator = catalogue.indicators.find((i) => i.slug === input?.slug);
    if (input?.figure && indicator) headline = { indicator, figure: input.figure, year: latest.year };
  }
  const stanceSlugs = new Set(catalogue.indicators.filter((i) => i.dimension === dimension && i.valueKind === 'STANCE').map((i) => i.slug));
  const stance =
    observations
      .filter((o) => stanceSlugs.has(o.indicator) && o.partner === partner && o.rank === 0 && o.stance !== null && inRange(o.year, options.from, options.to))
      .sort((a, b) => b.year - a.year)[0] ?? null;
  return { partner, dimension, latest, previous, headline, stance };
}
