import { describe, expect, it } from 'vitest';
import { annualIndex, isAnnualPoint, matrixCell, membersIn, partnerFigure, yearlyScores } from './shape';
import type { Catalogue, IndicatorRow, ObservationRow } from './types';

const indicator = (slug: string, valueKind: IndicatorRow['valueKind'], extra: Partial<IndicatorRow> = {}): IndicatorRow => ({
  slug, dimension: 'gas', name: slug, unit: valueKind === 'SHARE' ? '%' : 'bcm', valueKind, definition: '', methodology: '',
  higherIsMoreDependent: true, partnerSide: false, weight: 1, totalSlug: null, ...extra,
});

const catalogue: Catalogue = {
  actors: [
    { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
    { code: 'RUS', name: 'Russia', kind: 'COUNTRY', isFocal: false },
    { code: 'USA', name: 'United States', kind: 'COUNTRY', isFocal: false },
    { code: 'FIN', name: 'Finland', kind: 'COUNTRY', isFocal: false },
    { code: 'NATO', name: 'NATO', kind: 'GROUP', isFocal: false },
    { code: 'WORLD', name: 'World', kind: 'AGGREGATE', isFocal: false },
  ],
  memberships: [
    { group: 'NATO', member: 'USA', joinedOn: '1949-08-24', leftOn: null },
    { group: 'NATO', member: 'TUR', joinedOn: '1952-02-18', leftOn: null },
    { group: 'NATO', member: 'FIN', joinedOn: '2023-04-04', leftOn: null },
  ],
  dimensions: [{ key: 'gas', label: 'Gas', colour: '#000', description: '' }],
  indicators: [indicator('share', 'SHARE'), indicator('volume', 'NUMBER'), indicator('stance', 'STANCE', { weight: 0 })],
  listings: [],
};

let id = 0;
const obs = (indicatorSlug: string, partner: string, year: number, value: number | null, extra: Partial<ObservationRow> = {}): ObservationRow => ({
  id: ++id, indicator: indicatorSlug, reporter: 'TUR', partner, year, periodType: 'YEAR', periodLabel: '', rank: 0, value, stance: null,
  status: 'REPORTED', note: '', source: { id: id, title: `source ${id}`, publisher: '', url: null, excerpt: 'x', tier: null }, periodNote: '', ...extra,
});

describe('annual series', () => {
  it('leaves out partial-year, approximate, lower-bound and alternative figures', () => {
    expect(isAnnualPoint(obs('share', 'RUS', 2020, 30))).toBe(true);
    expect(isAnnualPoint(obs('share', 'RUS', 2020, 30, { periodType: 'MARKETING_YEAR', periodLabel: 'MY 2019/20' }))).toBe(true);
    expect(isAnnualPoint(obs('share', 'RUS', 2019, 30, { periodType: 'PARTIAL_YEAR', periodLabel: 'Jan–Nov' }))).toBe(false);
    expect(isAnnualPoint(obs('share', 'RUS', 2020, 34, { status: 'APPROXIMATE' }))).toBe(false);
    expect(isAnnualPoint(obs('share', 'RUS', 2020, 50, { status: 'LOWER_BOUND' }))).toBe(false);
    expect(isAnnualPoint(obs('share', 'RUS', 2020, 25, { rank: 1 }))).toBe(false);
  });

  it('keeps the primary figure when an alternative exists for the same key', () => {
    const index = annualIndex([obs('share', 'RUS', 2017, 40), obs('share', 'RUS', 2017, 41, { rank: 1 })]);
    expect(index.get('share|RUS|2017')?.value).toBe(40);
  });
});

describe('group figures', () => {
  it('counts members by their accession dates and never the focal country', () => {
    expect(membersIn(catalogue, 'NATO', 2022, 'TUR')).toEqual(['USA']);
    expect(membersIn(catalogue, 'NATO', 2023, 'TUR')).toEqual(['FIN', 'USA']);
  });

  it('derives a group figure from its members and names the members without data', () => {
    const index = annualIndex([obs('share', 'USA', 2023, 8), obs('share', 'TUR', 2023, 99)]);
    const figure = partnerFigure(index, catalogue, catalogue.indicators[0]!, 'NATO', 2023, 'TUR');
    expect(figure?.value).toBe(8);
    expect(figure?.provenance).toMatchObject({ kind: 'derived', group: 'NATO', membersWithoutData: ['FIN'] });
  });

  it('prefers a figure reported for the group itself', () => {
    const index = annualIndex([obs('share', 'USA', 2023, 8), obs('share', 'NATO', 2023, 20)]);
    expect(partnerFigure(index, catalogue, catalogue.indicators[0]!, 'NATO', 2023, 'TUR')).toMatchObject({ value: 20, provenance: { kind: 'reported' } });
  });

  it('has no figure for a group whose members have none', () => {
    expect(partnerFigure(annualIndex([]), catalogue, catalogue.indicators[0]!, 'NATO', 2023, 'TUR')).toBeNull();
  });
});

describe('scores and matrix cells', () => {
  const observations = [
    obs('share', 'RUS', 2021, 40),
    obs('volume', 'RUS', 2021, 10),
    obs('volume', 'WORLD', 2021, 50),
    obs('share', 'RUS', 2023, 42),
    obs('share', 'RUS', 2024, 60, { periodType: 'PARTIAL_YEAR', periodLabel: 'Jan–Jun' }),
    obs('stance', 'RUS', 2022, null, { stance: 'not_joining' }),
  ];

  it('scores each year from the inputs it has and states the missing ones', () => {
    const scores = yearlyScores(observations, catalogue, 'gas', 'RUS', 'TUR');
    expect(scores.map((s) => [s.year, s.score])).toEqual([
      [2021, 30],
      [2023, 42],
    ]);
    expect(scores[1]?.missing.map((m) => m.slug)).toEqual(['volume']);
  });

  it('shows the latest year in range with the previous one for the trend', () => {
    const cell = matrixCell(observations, catalogue, 'gas', 'RUS', 'TUR');
    expect(cell.latest?.year).toBe(2023);
    expect(cell.previous?.year).toBe(2021);
    expect(cell.headline).toMatchObject({ year: 2023, figure: { value: 42 } });
    expect(cell.stance?.stance).toBe('not_joining');
    const limited = matrixCell(observations, catalogue, 'gas', 'RUS', 'TUR', { to: 2022 });
    expect(limited.latest?.year).toBe(2021);
    expect(limited.previous).toBeNull();
  });

  it('has no cell value where there is no data', () => {
    const cell = matrixCell(observations, catalogue, 'gas', 'USA', 'TUR');
    expect(cell.latest).toBeNull();
    expect(cell.headline).toBeNull();
  });
});
