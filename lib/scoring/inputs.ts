import { scoreDimension, type Score, type ScoreInput } from './score';
import { alignmentScores } from './stance';
import type { Catalogue, IndicatorRow, ListingRow, ObservationRow, Tier } from '../dashboard/types';

/**
 * The inputs of the dependency score: which figures count as annual points, a partner's figure for a year
 * (reported, or derived from a group's members), the reporter's total it is a share of, and the yearly scores
 * built from them. Pure; the formula itself is in score.ts.
 */

export const WORLD = 'WORLD';

/** Statuses that may stand as a whole-year figure: not approximate, a bound, a part of the year or a forecast. */
export const WHOLE_FIGURE_STATUSES = new Set(['REPORTED', 'ESTIMATE', 'DISPUTED']);

/** A figure that may stand as a point of an annual series: primary, a whole (marketing) year, reported as such. */
export function isAnnualPoint(o: ObservationRow): boolean {
  return o.rank === 0 && (o.periodType === 'YEAR' || o.periodType === 'MARKETING_YEAR') && WHOLE_FIGURE_STATUSES.has(o.status) && o.value !== null;
}

/** A five-year window's primary figure, filed under its end year: scored there, labelled as a window, never drawn as a year. */
export function isWindowFigure(o: ObservationRow): boolean {
  return o.rank === 0 && o.periodType === 'MULTI_YEAR' && WHOLE_FIGURE_STATUSES.has(o.status) && o.value !== null;
}

export function annualIndex(observations: ObservationRow[], options: { windows?: boolean } = {}): Map<string, ObservationRow> {
  const index = new Map<string, ObservationRow>();
  for (const o of observations) if (isAnnualPoint(o) || (options.windows && isWindowFigure(o))) index.set(`${o.indicator}|${o.partner}|${o.year}`, o);
  return index;
}

/** "Official only" views: international organisations' data and government bodies' own publications. */
export const OFFICIAL_TIERS = new Set<Tier>(['OFFICIAL', 'INTL_ORG']);

export type Quality = 'all' | 'official';

/** The figures (and complete listings) a view may use: all, or only those backed by official sources. */
export function withQuality(observations: ObservationRow[], catalogue: Catalogue, quality: Quality): { observations: ObservationRow[]; catalogue: Catalogue } {
  if (quality === 'all') return { observations, catalogue };
  const ok = (tier: Tier | null) => tier !== null && OFFICIAL_TIERS.has(tier);
  // Alternatives are re-ranked, so the best official figure of a key becomes its primary.
  const byKey = new Map<string, ObservationRow[]>();
  for (const o of observations) {
    if (!ok(o.source.tier)) continue;
    const key = `${o.indicator}|${o.partner}|${o.year}|${o.periodLabel}`;
    byKey.set(key, [...(byKey.get(key) ?? []), o]);
  }
  const kept = [...byKey.values()].flatMap((list) => list.sort((a, b) => a.rank - b.rank).map((o, rank) => ({ ...o, rank })));
  return { observations: kept, catalogue: { ...catalogue, listings: catalogue.listings.filter((l) => ok(l.source.tier)) } };
}

/** Share of the figures a view shows that official or international-organisation sources back (null when none). */
export function officialShare(observations: ObservationRow[]): { official: number; total: number } {
  const primary = observations.filter((o) => o.rank === 0 && o.value !== null);
  return { official: primary.filter((o) => o.source.tier !== null && OFFICIAL_TIERS.has(o.source.tier)).length, total: primary.length };
}

/** The source that lists every partner of `indicator` in `year` (or `partner`'s own complete table), if any. */
export function listingFor(catalogue: Catalogue, indicator: string, partner: string, year: number, focal: string): ListingRow | null {
  return catalogue.listings.find((l) => l.indicator === indicator && l.year === year && l.reporter === focal && (l.partner === null || l.partner === partner)) ?? null;
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
  /** No figure, but a source that lists every partner leaves this one out: 0, citing that source. */
  | { kind: 'zero'; listing: ListingRow }
  | { kind: 'derived'; group: string; from: ObservationRow[]; zeros: { member: string; listing: ListingRow }[]; membersWithoutData: string[]; members: number };

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
  if (actor?.kind !== 'GROUP') {
    const listing = actor ? listingFor(catalogue, indicator.slug, partner, year, focal) : null;
    return listing ? { value: 0, provenance: { kind: 'zero', listing } } : null;
  }
  if (indicator.valueKind === 'STANCE') return null;
  const members = membersIn(catalogue, partner, year, focal);
  const from: ObservationRow[] = [];
  const zeros: { member: string; listing: ListingRow }[] = [];
  const without: string[] = [];
  for (const member of members) {
    const o = index.get(`${indicator.slug}|${member}|${year}`);
    const listing = o && o.value !== null ? null : listingFor(catalogue, indicator.slug, member, year, focal);
    if (o && o.value !== null) from.push(o);
    else if (listing) zeros.push({ member, listing });
    else without.push(member);
  }
  if (from.length === 0 && zeros.length === 0) return null;
  return {
    value: from.reduce((sum, o) => sum + (o.value ?? 0), 0),
    provenance: { kind: 'derived', group: partner, from, zeros, membersWithoutData: without, members: members.length },
  };
}

/** "sum of 4 of 31 members with data (USA, DEU, …)": what a group's figure adds up. */
export function derivedText(provenance: Extract<Provenance, { kind: 'derived' }>): string {
  const withData = provenance.from.length + provenance.zeros.length;
  const names = provenance.from.map((o) => o.partner).join(', ');
  return `sum of ${withData} of ${provenance.members} members with data (${names}${provenance.zeros.length ? `; ${provenance.zeros.length} sourced zero${provenance.zeros.length === 1 ? '' : 's'}` : ''})`;
}

export function totalFor(index: Map<string, ObservationRow>, indicator: IndicatorRow, year: number): ObservationRow | null {
  return index.get(`${indicator.totalSlug ?? indicator.slug}|${WORLD}|${year}`) ?? null;
}

export type ScoredInput = ScoreInput & {
  figure: PartnerFigure | null;
  totalObservation: ObservationRow | null;
  /** A five-year window's figure scored in its end year: the window, as its period note gives it. */
  window?: string;
  /** For alignment inputs: what the figure means, in words ("did not join", "voted yes on 3 of 3"). */
  display?: string;
};
export type YearScore = Score & { year: number; inputs: ScoredInput[]; /** fewer than two inputs had data */ lowConfidence: boolean };

export function scoredIndicators(catalogue: Catalogue, dimension: string): IndicatorRow[] {
  return catalogue.indicators.filter((i) => i.dimension === dimension && i.valueKind !== 'STANCE' && i.weight > 0);
}

/** Dimensions scored as alignment with the partner's position rather than as shares (lib/scoring/stance.ts). */
export const ALIGNMENT_DIMENSIONS = new Set(['sanctions']);

/** The score of one partner on one dimension for each year that has any input, oldest first. */
export function yearlyScores(
  observations: ObservationRow[],
  catalogue: Catalogue,
  dimension: string,
  partner: string,
  focal: string,
  weights: Record<string, number> = {},
  index = annualIndex(observations, { windows: true }),
): YearScore[] {
  if (catalogue.actors.find((a) => a.code === partner)?.kind === 'AGGREGATE') return []; // a total is not a partner
  if (ALIGNMENT_DIMENSIONS.has(dimension)) return alignmentScores(observations, catalogue, dimension, partner, focal, weights);
  const indicators = scoredIndicators(catalogue, dimension);
  const slugs = new Set(indicators.map((i) => i.slug));
  const years = new Set<number>();
  const group = catalogue.actors.find((a) => a.code === partner)?.kind === 'GROUP';
  const isMember = (code: string) => catalogue.memberships.some((m) => m.group === partner && m.member === code);
  for (const o of index.values()) {
    if (!slugs.has(o.indicator)) continue;
    if (o.partner === partner || (group && isMember(o.partner))) years.add(o.year);
  }
  for (const l of catalogue.listings) {
    if (slugs.has(l.indicator) && l.reporter === focal && (l.partner === null || l.partner === partner || (group && isMember(l.partner)))) years.add(l.year);
  }
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const inputs: ScoredInput[] = indicators.map((indicator) => {
        const figure = partnerFigure(index, catalogue, indicator, partner, year, focal);
        const totalObservation = indicator.valueKind === 'NUMBER' ? totalFor(index, indicator, year) : null;
        const observation = figure?.provenance.kind === 'reported' ? figure.provenance.observation : figure?.provenance.kind === 'derived' ? figure.provenance.from[0] : undefined;
        const window = observation?.periodType === 'MULTI_YEAR' ? observation.periodNote || `five-year window ending ${year}` : undefined;
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
          ...(window ? { window } : {}),
        };
      });
      const score = scoreDimension(inputs, weights);
      return { year, inputs, ...score, lowConfidence: score.components.length < 2 };
    })
    // A year with only sourced zeros and nothing to divide them by is not a score (the cell says "sourced zero").
    .filter((s) => s.score !== null || s.inputs.some((i) => i.figure !== null));
}
