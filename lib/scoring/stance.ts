import { scoreDimension } from './score';
import { WHOLE_FIGURE_STATUSES, membersIn, type ScoredInput, type YearScore } from './inputs';
import type { Catalogue, IndicatorRow, ObservationRow } from '../dashboard/types';

/**
 * The sanctions-stance score: how closely the focal country's stance on Russia's war and the sanctions against it
 * lines up with the partner's own position, 0–100 (100 = fully aligned). Read on the one axis the inputs measure:
 * Russia on one side; Ukraine, NATO and NATO's members on the other. Pure; every input is a sourced, coded figure.
 *
 *   sanctions   joins Western sanctions on Russia (1 = joins, 0 = does not): against-Russia side 100·v, Russia 100·(1 − v)
 *   votes       UN General Assembly (and other international bodies') votes on Russia's war, 1 yes / 0 abstain / −1 no:
 *               against-Russia side 100·(v + 1)/2, Russia the rest; the mean of the year's votes, absences left out
 *   ideal point UN voting ideal points (Bailey–Strezhnev–Voeten) of the focal country (x), Russia (r) and the United
 *               States (u): closeness to Russia 100·(1 − |x − r| ÷ (|x − r| + |x − u|)), to the US the rest;
 *               Russia uses its own, NATO the United States' (a member)
 *   CFSP        share of EU foreign-policy declarations the focal country aligned with: NATO and the EU, as reported
 *
 *   score = Σ wᵢ·nᵢ ÷ Σ wᵢ over the inputs with data that year; fewer than two inputs = low confidence.
 */

export const ALIGNMENT_FORMULA =
  'sanctions stance = Σ wᵢ·nᵢ ÷ Σ wᵢ over the year\'s inputs, each 0–100 = alignment with the partner\'s side (Russia, or Ukraine/NATO): ' +
  'joining Western sanctions on Russia 100·v for the side against Russia, 100·(1 − v) for Russia; votes on Russia\'s war (1 yes, 0 abstain, −1 no) ' +
  '100·(v + 1)/2 against Russia, the rest for Russia; UN ideal points: closeness to Russia 100·(1 − dᵣ ÷ (dᵣ + dᵤ)), to the US (for NATO) the rest; ' +
  'EU CFSP alignment rate as reported (NATO). Fewer than two inputs: low confidence.';

export type Side = 'russia' | 'against-russia';

/** Which side of the axis a partner stands on, or null when the inputs say nothing about it. */
export function sideOf(catalogue: Catalogue, partner: string): Side | null {
  if (partner === 'RUS') return 'russia';
  if (partner === 'UKR' || partner === 'NATO' || partner === 'EUU') return 'against-russia';
  if (catalogue.memberships.some((m) => m.group === 'NATO' && m.member === partner)) return 'against-russia';
  return null;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const AXIS_PARTNER = 'RUS';
const WORLD = 'WORLD';

type Reading = { n: number; rows: ObservationRow[]; display: string };

/** Every whole-year row of an indicator for a partner and year, all ranks: each row is a separate vote or statement. */
function rowsOf(observations: ObservationRow[], indicator: string, partner: string, year: number): ObservationRow[] {
  return observations.filter((o) => o.indicator === indicator && o.partner === partner && o.year === year && o.value !== null && WHOLE_FIGURE_STATUSES.has(o.status) && o.periodType !== 'PARTIAL_YEAR');
}

function sanctionsReading(observations: ObservationRow[], side: Side, year: number): Reading | null {
  const rows = rowsOf(observations, 'sanctions_stance', AXIS_PARTNER, year);
  if (rows.length === 0) return null;
  const v = mean(rows.map((r) => r.value!));
  return { n: side === 'russia' ? 100 * (1 - v) : 100 * v, rows, display: v === 0 ? 'does not join Western sanctions on Russia' : v === 1 ? 'joins Western sanctions on Russia' : 'partly joins Western sanctions' };
}

function voteReading(observations: ObservationRow[], indicator: string, side: Side, year: number): Reading | null {
  const rows = rowsOf(observations, indicator, AXIS_PARTNER, year).filter((r) => r.value! >= -1 && r.value! <= 1);
  if (rows.length === 0) return null;
  const against = mean(rows.map((r) => (100 * (r.value! + 1)) / 2));
  const yes = rows.filter((r) => r.value === 1).length;
  const abstain = rows.filter((r) => r.value === 0).length;
  return { n: side === 'russia' ? 100 - against : against, rows, display: `${yes} yes, ${abstain} abstention${abstain === 1 ? '' : 's'}, ${rows.length - yes - abstain} no on Russia's war` };
}

function idealPointReading(observations: ObservationRow[], catalogue: Catalogue, partner: string, side: Side, year: number, focal: string): Reading | null {
  const own = rowsOf(observations, 'unga_ideal_point', WORLD, year)[0];
  const russia = rowsOf(observations, 'unga_ideal_point_partner', 'RUS', year)[0];
  const us = rowsOf(observations, 'unga_ideal_point_partner', 'USA', year)[0];
  if (!own || !russia || !us) return null;
  // Russia against its own point; NATO (or a member) against the United States' point, when the US is a member that year.
  if (side === 'against-russia' && partner !== 'USA' && !(partner === 'NATO' && membersIn(catalogue, 'NATO', year, focal).includes('USA'))) return null;
  const dr = Math.abs(own.value! - russia.value!);
  const du = Math.abs(own.value! - us.value!);
  if (dr + du === 0) return null;
  const toRussia = 100 * (1 - dr / (dr + du));
  return {
    n: side === 'russia' ? toRussia : 100 - toRussia,
    rows: [own, side === 'russia' ? russia : us],
    display: `UN voting distance ${dr.toFixed(2)} to Russia, ${du.toFixed(2)} to the US${partner === 'NATO' ? ' (a member)' : ''}`,
  };
}

function cfspReading(observations: ObservationRow[], partner: string, year: number): Reading | null {
  if (partner !== 'NATO' && partner !== 'EUU') return null;
  const row = rowsOf(observations, 'cfsp_alignment_rate', 'EUU', year).sort((a, b) => a.rank - b.rank)[0];
  return row ? { n: row.value!, rows: [row], display: `aligned with ${row.value}% of EU foreign-policy declarations` } : null;
}

/** The yearly alignment scores of a partner, oldest first; [] when the partner is on neither side of the axis. */
export function alignmentScores(
  observations: ObservationRow[],
  catalogue: Catalogue,
  dimension: string,
  partner: string,
  focal: string,
  weights: Record<string, number> = {},
): YearScore[] {
  const side = sideOf(catalogue, partner);
  if (!side) return [];
  const indicators = catalogue.indicators.filter((i) => i.dimension === dimension && i.weight > 0);
  const bySlug = new Map(indicators.map((i) => [i.slug, i]));
  const years = [...new Set(observations.filter((o) => bySlug.has(o.indicator) || o.indicator === 'unga_ideal_point').map((o) => o.year))].sort((a, b) => a - b);
  const out: YearScore[] = [];
  for (const year of years) {
    const readings: [IndicatorRow | undefined, Reading | null][] = [
      [bySlug.get('sanctions_stance'), sanctionsReading(observations, side, year)],
      [bySlug.get('unga_vote'), voteReading(observations, 'unga_vote', side, year)],
      [bySlug.get('intl_org_vote_vs_russia'), voteReading(observations, 'intl_org_vote_vs_russia', side, year)],
      [bySlug.get('unga_ideal_point_partner'), idealPointReading(observations, catalogue, partner, side, year, focal)],
      [bySlug.get('cfsp_alignment_rate'), cfspReading(observations, partner, year)],
    ];
    const inputs: ScoredInput[] = [];
    for (const [indicator, reading] of readings) {
      if (!indicator) continue;
      // An input that can never apply to this partner (CFSP for Russia) is left out rather than counted as missing.
      if (indicator.slug === 'cfsp_alignment_rate' && partner !== 'NATO' && partner !== 'EUU') continue;
      if (indicator.slug === 'unga_ideal_point_partner' && side === 'against-russia' && partner !== 'NATO' && partner !== 'USA') continue;
      inputs.push({
        slug: indicator.slug,
        name: indicator.name,
        unit: 'alignment (0–100)',
        kind: 'SHARE',
        weight: indicator.weight,
        higherIsMoreDependent: true,
        value: reading?.n ?? null,
        total: null,
        figure: reading ? { value: reading.n, provenance: { kind: 'reported', observation: reading.rows[0]! } } : null,
        totalObservation: null,
        ...(reading ? { display: reading.display } : {}),
      });
    }
    const score = scoreDimension(inputs, weights);
    if (score.score === null) continue;
    out.push({ year, inputs, ...score, lowConfidence: score.components.length < 2 });
  }
  return out;
}
