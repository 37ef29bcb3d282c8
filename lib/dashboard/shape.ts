import {
  WORLD, isAnnualPoint, isWindowFigure, annualIndex, membersIn, partnerFigure, totalFor, scoredIndicators, yearlyScores, withQuality, officialShare, derivedText,
  listingFor, ALIGNMENT_DIMENSIONS, type Provenance, type PartnerFigure, type ScoredInput, type YearScore, type Quality,
} from '../scoring/inputs';
import { sideOf } from '../scoring/stance';
import { NOT_APPLICABLE } from '../curation/catalogue';

export {
  WORLD, isAnnualPoint, isWindowFigure, annualIndex, membersIn, partnerFigure, totalFor, scoredIndicators, yearlyScores, withQuality, officialShare, derivedText,
  listingFor, type Provenance, type PartnerFigure, type ScoredInput, type YearScore, type Quality,
};
import type { Catalogue, IndicatorRow, ListingRow, ObservationRow } from './types';

/** Pure shaping of observations into series, group figures, scores and matrix cells. */


/**
 * What a headline cell is, told apart everywhere: a score with its figure; a sourced zero (a source that lists every
 * partner leaves this one out); not applicable, with the reason; or no data.
 */
export type CellState = 'score' | 'zero' | 'na' | 'none';

export type MatrixCell = {
  partner: string;
  dimension: string;
  state: CellState;
  latest: YearScore | null;
  previous: YearScore | null;
  headline: { indicator: IndicatorRow; figure: PartnerFigure; year: number; display?: string } | null;
  /** For a sourced zero: the latest listing that shows it, and the indicator it is about. */
  zero: { listing: ListingRow; indicator: IndicatorRow } | null;
  /** For not applicable: why. */
  reason: string | null;
  stance: ObservationRow | null;
};

/** Why a dimension does not apply to a relationship, or null when it does. */
export function notApplicable(catalogue: Catalogue, dimension: string, partner: string, focal: string): string | null {
  const curated = NOT_APPLICABLE.find((n) => n.reporter === focal && n.partner === partner && n.dimension === dimension);
  if (curated) return curated.reason;
  if (ALIGNMENT_DIMENSIONS.has(dimension) && !sideOf(catalogue, partner)) {
    const name = catalogue.actors.find((a) => a.code === partner)?.name ?? partner;
    return `The stance inputs measure alignment between Russia and the side against its war (Ukraine, NATO and its members); ${name} is on neither.`;
  }
  return null;
}

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
  const index = options.index ?? annualIndex(observations, { windows: true });
  const scores = yearlyScores(observations, catalogue, dimension, partner, focal, options.weights, index).filter(
    (s) => s.score !== null && inRange(s.year, options.from, options.to),
  );
  const latest = scores.at(-1) ?? null;
  const previous = scores.at(-2) ?? null;
  let headline: MatrixCell['headline'] = null;
  if (latest) {
    // The headline is the input that carries most of the score (a figure rather than a sourced zero when one has weight).
    const top = [...latest.components].sort((a, b) => b.contribution - a.contribution)[0];
    const input = latest.inputs.find((i) => i.figure !== null && i.slug === top?.slug) ?? latest.inputs.find((i) => i.figure !== null && latest.components.some((c) => c.slug === i.slug));
    const indicator = catalogue.indicators.find((i) => i.slug === input?.slug);
    if (input?.figure && indicator) headline = { indicator, figure: input.figure, year: latest.year, ...(input.display ? { display: input.display } : {}) };
  }
  const stanceSlugs = new Set(catalogue.indicators.filter((i) => i.dimension === dimension && i.valueKind === 'STANCE').map((i) => i.slug));
  const stance =
    observations
      .filter((o) => stanceSlugs.has(o.indicator) && o.partner === partner && o.rank === 0 && o.stance !== null && inRange(o.year, options.from, options.to))
      .sort((a, b) => b.year - a.year)[0] ?? null;
  let zero: MatrixCell['zero'] = null;
  let reason: string | null = null;
  let state: CellState = latest && headline ? 'score' : 'none';
  if (state === 'score' && latest!.components.every((c) => latest!.inputs.find((i) => i.slug === c.slug)?.figure?.provenance.kind === 'zero')) state = 'zero';
  if (state !== 'score') {
    zero = latestZero(catalogue, observations, dimension, partner, focal, options.from, options.to);
    if (zero) state = 'zero';
    else {
      reason = notApplicable(catalogue, dimension, partner, focal);
      if (reason) state = 'na';
    }
  }
  return { partner, dimension, state, latest, previous, headline, zero, reason, stance };
}

/** The latest listing in range that makes the partner a sourced zero on one of the dimension's indicators (not for groups). */
function latestZero(catalogue: Catalogue, observations: ObservationRow[], dimension: string, partner: string, focal: string, from?: number, to?: number): MatrixCell['zero'] {
  const actor = catalogue.actors.find((a) => a.code === partner);
  if (!actor || actor.kind === 'GROUP') return null;
  const indicators = new Map(catalogue.indicators.filter((i) => i.dimension === dimension).map((i) => [i.slug, i]));
  const listings = catalogue.listings
    .filter((l) => indicators.has(l.indicator) && l.reporter === focal && inRange(l.year, from, to) && (l.partner === null || l.partner === partner))
    .sort((a, b) => b.year - a.year);
  for (const listing of listings) {
    // The listing is a zero for this partner only where it gives the partner no figure above zero.
    const figure = observations.some((o) => o.indicator === listing.indicator && o.partner === partner && o.year === listing.year && o.value !== null && o.value !== 0);
    if (!figure) return { listing, indicator: indicators.get(listing.indicator)! };
  }
  return null;
}
