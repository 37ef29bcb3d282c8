import { observationFlags } from './format';
import { inRange, WORLD } from './shape';
import type { Catalogue, ObservationRow } from './types';

/**
 * Every value behind a dimension view: the chosen partners, their groups' members and world totals, in the range,
 * in a stable order (indicator, partner, year, rank). The dimension page counts them; its values page lists them.
 */
export function dimensionValues(observations: ObservationRow[], shownCodes: string[], range: { from?: number; to?: number }): ObservationRow[] {
  const shown = new Set([...shownCodes, WORLD]);
  return observations
    .filter((o) => shown.has(o.partner) && inRange(o.year, range.from, range.to))
    .sort((a, b) => a.indicator.localeCompare(b.indicator) || a.partner.localeCompare(b.partner) || a.year - b.year || a.rank - b.rank);
}

/** How many of those values carry each kind of flag, for the summary that links to the full table. */
export function valueSummary(rows: ObservationRow[], catalogue: Catalogue): { total: number; sources: number; flagged: number; alternatives: number; partial: number } {
  const partnerSide = new Map(catalogue.indicators.map((i) => [i.slug, i.partnerSide]));
  return {
    total: rows.length,
    sources: new Set(rows.map((o) => o.source.id)).size,
    flagged: rows.filter((o) => observationFlags(o, false).length > 0 || partnerSide.get(o.indicator) === true).length,
    alternatives: rows.filter((o) => o.rank > 0).length,
    partial: rows.filter((o) => o.periodType === 'PARTIAL_YEAR').length,
  };
}
