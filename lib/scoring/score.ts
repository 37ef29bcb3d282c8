/**
 * The dependency score: 0–100 per (reporter, partner, dimension, year), from that dimension's scored
 * indicators. Pure: the caller passes the inputs, this says what they make and what is missing.
 *
 *   n_i  = share indicators: the value as it is (0–100)
 *          volume indicators: 100 × partner value ÷ reporter's total (the WORLD figure) of the same year
 *          indicators where more means less dependent: 100 − n_i
 *   score = Σ w_i · n_i ÷ Σ w_i, over the inputs that exist for that year
 */

export type ScoreInput = {
  slug: string;
  name: string;
  unit: string;
  kind: 'SHARE' | 'NUMBER';
  weight: number;
  higherIsMoreDependent: boolean;
  /** The partner's figure for the year, or null when there is none. */
  value: number | null;
  /** For volumes: the reporter's total for the year (null when unknown). Ignored for shares. */
  total: number | null;
};

export type ScoreComponent = { slug: string; name: string; weight: number; normalised: number; contribution: number };
export type MissingInput = { slug: string; name: string; weight: number; reason: 'no value' | 'no total' | 'zero total' };

export type Score = {
  /** null when no weighted input exists for the year */
  score: number | null;
  components: ScoreComponent[];
  missing: MissingInput[];
  /** Share of the total weight that had data, 0–1 */
  coverage: number;
};

export const FORMULA =
  'score = Σ wᵢ·nᵢ ÷ Σ wᵢ over the inputs available for the year; nᵢ is a share as reported, or a volume as 100 × partner ÷ total; 100 − nᵢ where more means less dependent.';

const clamp = (n: number) => Math.min(100, Math.max(0, n));

export function normalise(input: ScoreInput): { value: number } | { missing: MissingInput['reason'] } {
  if (input.value === null || !Number.isFinite(input.value)) return { missing: 'no value' };
  let n: number;
  if (input.kind === 'SHARE') n = input.value;
  else {
    if (input.total === null || !Number.isFinite(input.total)) return { missing: 'no total' };
    if (input.total <= 0) return { missing: 'zero total' };
    n = (100 * input.value) / input.total;
  }
  n = clamp(n);
  return { value: input.higherIsMoreDependent ? n : 100 - n };
}

export function scoreDimension(inputs: ScoreInput[], weights: Record<string, number> = {}): Score {
  const components: ScoreComponent[] = [];
  const missing: MissingInput[] = [];
  let weighted = 0;
  let usedWeight = 0;
  let totalWeight = 0;
  for (const input of inputs) {
    const weight = Math.max(0, weights[input.slug] ?? input.weight);
    if (weight === 0) continue;
    totalWeight += weight;
    const n = normalise(input);
    if ('missing' in n) {
      missing.push({ slug: input.slug, name: input.name, weight, reason: n.missing });
      continue;
    }
    usedWeight += weight;
    weighted += weight * n.value;
    components.push({ slug: input.slug, name: input.name, weight, normalised: n.value, contribution: 0 });
  }
  for (const component of components) component.contribution = (component.weight * component.normalised) / usedWeight;
  return {
    score: usedWeight > 0 ? weighted / usedWeight : null,
    components,
    missing,
    coverage: totalWeight > 0 ? usedWeight / totalWeight : 0,
  };
}

/** Colour-blind-safe sequential scale (viridis, reversed so darker = more dependent) in five bands. */
export const SCORE_BANDS = [
  { min: 0, max: 20, colour: '#fde725', text: '#1b1f24', label: '0–20' },
  { min: 20, max: 40, colour: '#5ec962', text: '#1b1f24', label: '20–40' },
  { min: 40, max: 60, colour: '#21918c', text: '#000000', label: '40–60' },
  { min: 60, max: 80, colour: '#3b528b', text: '#ffffff', label: '60–80' },
  { min: 80, max: 100.0001, colour: '#440154', text: '#ffffff', label: '80–100' },
] as const;

export function scoreBand(score: number): (typeof SCORE_BANDS)[number] {
  return SCORE_BANDS.find((band) => score >= band.min && score < band.max) ?? SCORE_BANDS[SCORE_BANDS.length - 1]!;
}

/** Index of the band (0–4), for the CSS classes band-0 … band-4 that carry the same colours. */
export function scoreBandIndex(score: number): number {
  return SCORE_BANDS.indexOf(scoreBand(score));
}
