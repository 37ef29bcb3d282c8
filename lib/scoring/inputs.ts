import { scoreDimension, type Score, type ScoreInput } from './score';
import type { Catalogue, IndicatorRow, ObservationRow } from '../dashboard/types';

/**
 * The inputs of the dependency score: which figures count as annual points, a partner's figure for a year
 * (reported, or derived from a group's members), the reporter's total it is a share of, and the yearly scores
 * built from them. Pure; the formula itself is in score.ts.
 */

export const WORLD = 'WORLD';

/** A figure that may stand as a point of an annual series: primary, a whole (marketing) year, not approximate or a bound. */
export function isAnnualPoint(o: ObservationRow): boolean {
  return (
    o.rank === 0 &&
    (o.periodType === 'YEAR' || o.periodType === 'MARKETING_YEAR') &&
    o.status !== 'APPROXIMATE' &&
    o.status !== 'LOWER_BOUND' &&
    o.value !== null
  );
}

export function annualIndex(observations: ObservationRow[]): Map<string, ObservationRow> {
  const index = new Map<string, ObservationRow>();
  for (const o of observations) if (isAnnualPoint(o)) index.set(`${o.indicator}|${o.partner}|${o.year}`, o);
  return index;
}

/** Members of a group during any part of `year`, leaving out the focal country itself. */
export function membersIn(catalogue: Catalogue, group: string, year: number, exclude: string): string[] {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  return catalogue.memberships
    .filter((m) => m.group === group && m.member !== exclude && m.joinedOn <= end && (m.leftOn === null || m.leftOn >= start))
    .map((m) => m.member)
    .sort();
}

export type Provenance =
  | { kind: 'reported'; observation: ObservationRow }
  | { kind: 'derived'; group: string; from: ObservationRow[]; membersWithoutData: string[] };

export type PartnerFigure = { value: number; provenance: Provenance };

/**
 * A partner's annual figure for an indicator: reported directly, or for a group with no figure of its own,
 * the sum of its members' figures that year (volumes and shares of one total add up). A group figure from
 * only some members is a lower bound, and says which members it lacks.
 */
export function partnerFigure(
  index: Map<string, ObservationRow>,
  catalogue: Catalogue,
  indicator: IndicatorRow,
  partner: string,
  year: number,
  focal: string,
): PartnerFigure | null {
  const direct = index.get(`${indicator.slug}|${partner}|${year}`);
  if (direct && direct.value !== null) return { value: direct.value, provenance: { kind: 'reported', observation: direct } };
  const actor = catalogue.actors.find((a) => a.code === partner);
  if (actor?.kind !== 'GROUP' || indicator.valueKind === 'STANCE') return null;
  const members = membersIn(catalogue, partner, year, focal);
  const from: ObservationRow[] = [];
  const without: string[] = [];
  for (const member of members) {
    const o = index.get(`${indicator.slug}|${member}|${year}`);
    if (o && o.value !== null) from.push(o);
    else without.push(member);
  }
  if (from.length === 0) return null;
  return {
    value: from.reduce((sum, o) => sum + (o.value ?? 0), 0),
    provenance: { kind: 'derived', group: partner, from, membersWithoutData: without },
  };
}

export function totalFor(index: Map<string, ObservationRow>, indicator: IndicatorRow, year: number): ObservationRow | null {
  return index.get(`${indicator.totalSlug ?? indicator.slug}|${WORLD}|${year}`) ?? null;
}

export type ScoredInput = ScoreInput & { figure: PartnerFigure | null; totalObservation: ObservationRow | null };
export type YearScore = Score & { year: number; inputs: ScoredInput[] };

export function scoredIndicators(catalogue: Catalogue, dimension: string): IndicatorRow[] {
  return catalogue.indicators.filter((i) => i.dimension === dimension && i.valueKind !== 'STANCE' && i.weight > 0);
}

/** The score of one partner on one dimension for each year that has any input, oldest first. */
export function yearlyScores(
  observations: ObservationRow[],
  catalogue: Catalogue,
  dimension: string,
  partner: string,
  focal: string,
  weights: Record<string, number> = {},
  index = annualIndex(observations),
): YearScore[] {
  const indicators = scoredIndicators(catalogue, dimension);
  const slugs = new Set(indicators.map((i) => i.slug));
  const years = new Set<number>();
  const group = catalogue.actors.find((a) => a.code === partner)?.kind === 'GROUP';
  for (const o of index.values()) {
    if (!slugs.has(o.indicator)) continue;
    if (o.partner === partner || (group && catalogue.memberships.some((m) => m.group === partner && m.member === o.partner))) years.add(o.year);
  }
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const inputs: ScoredInput[] = indicators.map((indicator) => {
        const figure = partnerFigure(index, catalogue, indicator, partner, year, focal);
        const totalObservation = indicator.valueKind === 'NUMBER' ? totalFor(index, indicator, year) : null;
        return {
          slug: indicator.slug,
          name: indicator.name,
          unit: indicator.unit,
          kind: indicator.valueKind === 'SHARE' ? 'SHARE' : 'NUMBER',
          weight: indicator.weight,
          higherIsMoreDependent: indicator.higherIsMoreDependent,
          value: figure?.value ?? null,
          total: totalObservation?.value ?? null,
          figure,
          totalObservation,
        };
      });
      return { year, inputs, ...scoreDimension(inputs, weights) };
    })
    .filter((s) => s.score !== null || s.inputs.some((i) => i.figure !== null));
}
