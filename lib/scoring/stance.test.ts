import { describe, expect, it } from 'vitest';
import { alignmentScores, sideOf } from './stance';
import type { Catalogue, IndicatorRow, ObservationRow } from '../dashboard/types';

const indicator = (slug: string, weight = 1): IndicatorRow => ({
  slug, dimension: 'sanctions', name: slug, unit: 'code', valueKind: 'NUMBER', definition: '', methodology: '', higherIsMoreDependent: true,
  partnerSide: false, weight, totalSlug: null,
});

const catalogue: Catalogue = {
  actors: [
    { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
    { code: 'RUS', name: 'Russia', kind: 'COUNTRY', isFocal: false },
    { code: 'UKR', name: 'Ukraine', kind: 'COUNTRY', isFocal: false },
    { code: 'USA', name: 'United States', kind: 'COUNTRY', isFocal: false },
    { code: 'CHN', name: 'China', kind: 'COUNTRY', isFocal: false },
    { code: 'NATO', name: 'NATO', kind: 'GROUP', isFocal: false },
  ],
  memberships: [
    { group: 'NATO', member: 'USA', joinedOn: '1949-08-24', leftOn: null },
    { group: 'NATO', member: 'TUR', joinedOn: '1952-02-18', leftOn: null },
  ],
  dimensions: [{ key: 'sanctions', label: 'Sanctions stance', colour: '#000', description: '' }],
  indicators: ['sanctions_stance', 'unga_vote', 'intl_org_vote_vs_russia', 'unga_ideal_point_partner', 'cfsp_alignment_rate'].map((s) => indicator(s)).concat(indicator('unga_ideal_point', 0)),
  listings: [],
};

let id = 0;
const obs = (slug: string, partner: string, year: number, value: number, extra: Partial<ObservationRow> = {}): ObservationRow => ({
  id: ++id, indicator: slug, reporter: 'TUR', partner, year, periodType: 'YEAR', periodLabel: '', periodNote: '', rank: 0, value, stance: null,
  status: 'REPORTED', note: '', source: { id, title: `s${id}`, publisher: '', url: null, excerpt: 'x', tier: 'OTHER' }, ...extra,
});

describe('sanctions stance as alignment', () => {
  it('reads sides: Russia; Ukraine, NATO and its members; nobody else', () => {
    expect(sideOf(catalogue, 'RUS')).toBe('russia');
    expect(sideOf(catalogue, 'UKR')).toBe('against-russia');
    expect(sideOf(catalogue, 'NATO')).toBe('against-russia');
    expect(sideOf(catalogue, 'USA')).toBe('against-russia');
    expect(sideOf(catalogue, 'CHN')).toBeNull();
    expect(alignmentScores([obs('sanctions_stance', 'RUS', 2022, 0)], catalogue, 'sanctions', 'CHN', 'TUR')).toEqual([]);
  });

  it('not joining sanctions aligns with Russia; votes condemning Russia align with Ukraine; the mean of a year\'s votes', () => {
    const observations = [
      obs('sanctions_stance', 'RUS', 2022, 0),
      obs('unga_vote', 'RUS', 2022, 1),
      obs('unga_vote', 'RUS', 2022, 1, { rank: 1 }),
      obs('unga_vote', 'RUS', 2022, 0, { rank: 2 }), // an abstention
      obs('unga_vote', 'RUS', 2022, -2, { rank: 3 }), // absent: left out
    ];
    const [russia] = alignmentScores(observations, catalogue, 'sanctions', 'RUS', 'TUR');
    const [ukraine] = alignmentScores(observations, catalogue, 'sanctions', 'UKR', 'TUR');
    // votes: (100 + 100 + 50) / 3 = 83.33 against Russia; sanctions: 0 joins
    expect(russia!.components.find((c) => c.slug === 'sanctions_stance')!.normalised).toBe(100);
    expect(russia!.components.find((c) => c.slug === 'unga_vote')!.normalised).toBeCloseTo(16.667, 2);
    expect(russia!.score).toBeCloseTo((100 + 16.667) / 2, 2);
    expect(ukraine!.score).toBeCloseTo((0 + 83.333) / 2, 2);
    expect(russia!.inputs.find((i) => i.slug === 'unga_vote')!.display).toBe("2 yes, 1 abstention, 0 no on Russia's war");
    expect(russia!.lowConfidence).toBe(false);
  });

  it('places the focal country between Russia and the US by UN ideal points; NATO reads the US (a member)', () => {
    const observations = [obs('unga_ideal_point', 'WORLD', 2019, 0.6), obs('unga_ideal_point_partner', 'RUS', 2019, 0.1), obs('unga_ideal_point_partner', 'USA', 2019, 2.6)];
    const [russia] = alignmentScores(observations, catalogue, 'sanctions', 'RUS', 'TUR');
    const [nato] = alignmentScores(observations, catalogue, 'sanctions', 'NATO', 'TUR');
    // |0.6 − 0.1| = 0.5 to Russia, |0.6 − 2.6| = 2 to the US: 100 · (1 − 0.5 / 2.5) = 80
    expect(russia!.score).toBeCloseTo(80, 6);
    expect(nato!.score).toBeCloseTo(20, 6);
    // one input: low confidence, and the missing ones are counted
    expect(russia!.lowConfidence).toBe(true);
    expect(russia!.coverage).toBeCloseTo(1 / 4, 6);
    // Ukraine has no ideal-point input (no reading for Ukraine): nothing to score that year
    expect(alignmentScores(observations, catalogue, 'sanctions', 'UKR', 'TUR')).toEqual([]);
  });

  it('uses the EU CFSP alignment rate for NATO only, and the view\'s weights', () => {
    const observations = [obs('cfsp_alignment_rate', 'EUU', 2015, 40), obs('sanctions_stance', 'RUS', 2015, 0)];
    const [nato] = alignmentScores(observations, catalogue, 'sanctions', 'NATO', 'TUR');
    expect(nato!.score).toBeCloseTo(20, 6); // (40 + 0) / 2
    const [weighted] = alignmentScores(observations, catalogue, 'sanctions', 'NATO', 'TUR', { cfsp_alignment_rate: 3 });
    expect(weighted!.score).toBeCloseTo(30, 6); // (3·40 + 0) / 4
    const [russia] = alignmentScores(observations, catalogue, 'sanctions', 'RUS', 'TUR');
    expect(russia!.inputs.some((i) => i.slug === 'cfsp_alignment_rate')).toBe(false);
  });

  it('never reads a partial-year or approximate figure', () => {
    const observations = [obs('sanctions_stance', 'RUS', 2023, 0, { status: 'APPROXIMATE' }), obs('unga_vote', 'RUS', 2023, 1, { status: 'PARTIAL_YEAR', periodType: 'PARTIAL_YEAR' })];
    expect(alignmentScores(observations, catalogue, 'sanctions', 'RUS', 'TUR')).toEqual([]);
  });
});
