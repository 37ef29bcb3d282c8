import { describe, expect, it } from 'vitest';
import { dataTableHtml } from '../charts/data-table';
import { indicatorChart } from './chart-data';
import type { Catalogue, EventRow, IndicatorRow, ObservationRow } from './types';

const share: IndicatorRow = {
  slug: 'share', dimension: 'grain', name: 'Share', unit: '%', valueKind: 'SHARE', definition: '', methodology: '',
  higherIsMoreDependent: true, partnerSide: false, weight: 1, totalSlug: null,
};
const catalogue: Catalogue = {
  actors: [
    { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
    { code: 'RUS', name: 'Russia', kind: 'COUNTRY', isFocal: false },
    { code: 'UKR', name: 'Ukraine', kind: 'COUNTRY', isFocal: false },
  ],
  memberships: [],
  dimensions: [{ key: 'grain', label: 'Grain', colour: '#000', description: '' }],
  indicators: [share],
  listings: [],
};
let id = 0;
const source = { id: 1, title: 'A source', publisher: 'A publisher', url: 'https://example.org', excerpt: 'x', tier: 'OFFICIAL' as const };
const obs = (partner: string, year: number, value: number, extra: Partial<ObservationRow> = {}): ObservationRow => ({
  id: ++id, indicator: 'share', reporter: 'TUR', partner, year, periodType: 'YEAR', periodLabel: '', rank: 0, value, stance: null,
  status: 'REPORTED', periodNote: '', note: '', source, ...extra,
});
const event = (date: string, endDate: string | null = null): EventRow => ({
  id: ++id, date, endDate, precision: 'day', title: `event ${date}`, description: '', partner: null, partnerName: null,
  dimension: 'grain', dimensionLabel: 'Grain', source,
});

describe('indicatorChart', () => {
  const observations = [
    obs('RUS', 2021, 80),
    obs('RUS', 2022, 70),
    obs('UKR', 2022, 20),
    obs('RUS', 2023, 60, { periodType: 'PARTIAL_YEAR', periodLabel: 'Jul–Dec' }),
    obs('UKR', 2021, 12, { rank: 1 }),
  ];

  it('its data table as markup: every year and series, a missing one as "No data (not zero)", every text escaped', () => {
    const hostile = { ...source, publisher: '<img src=x onerror=alert(1)>' };
    const chart = indicatorChart(catalogue, [...observations.slice(0, 2), obs('UKR', 2022, 20, { source: hostile })], share, ['RUS', 'UKR'], 'TUR')!;
    const html = dataTableHtml(chart);
    const rows = html.match(/<tr[ >]/g)!.length - 1; // less the header row
    expect(rows).toBe(chart.rows.length * chart.series.length);
    expect(html).toContain('<tr class="missing"><td>2021</td><th scope="row">Ukraine</th><td class="num">–</td><td>No data (not zero)</td></tr>');
    expect(html).toContain('<td>2022</td><th scope="row">Ukraine</th><td class="num">20%</td><td>Reported (&lt;img src=x onerror=alert(1)&gt; · official)</td>');
    expect(html).not.toContain('<img');
  });

  it('draws only whole-year primary figures, one series per partner with data, in stable colours', () => {
    const chart = indicatorChart(catalogue, observations, share, ['RUS', 'UKR'], 'TUR')!;
    expect(chart.kind).toBe('line');
    // a year without a figure is a row marked missing (null, listed in `missing`), never a zero
    expect(chart.rows.map((r) => [r.year, r.values, r.missing])).toEqual([
      [2021, { RUS: 80, UKR: null }, ['UKR']],
      [2022, { RUS: 70, UKR: 20 }, []],
    ]);
    expect(chart.series.map((s) => s.key)).toEqual(['RUS', 'UKR']);
    expect(chart.series[0]?.colour).toBe('#CC3311');
    expect(chart.table).toHaveLength(3);
    expect(chart.sources).toEqual([source]);
    expect(chart.rows[1]?.meta.RUS).toMatchObject({ status: 'reported', source: 'A source (A publisher · official)', period: '2022' });
  });

  it('places events on the year axis (1 January of Y at Y − 0.5) and keeps ranges', () => {
    const chart = indicatorChart(catalogue, observations, share, ['RUS'], 'TUR', { events: [event('2022-07-22', '2023-07-17'), event('2010-01-01')] })!;
    expect(chart.events).toHaveLength(1);
    expect(chart.events[0]?.at).toBeCloseTo(2022.055, 2);
    expect(chart.events[0]?.until).toBeCloseTo(2023.04, 2);
  });

  it('keeps every year of the range on the axis, marking the ones without data, and draws sourced zeros as 0', () => {
    const listing = { indicator: 'share', reporter: 'TUR', partner: null, year: 2020, note: 'lists every partner', source: { ...source, id: 9, title: 'Complete table' } };
    const chart = indicatorChart({ ...catalogue, listings: [listing] }, observations, share, ['RUS', 'UKR'], 'TUR', { from: 2019, to: 2022 })!;
    expect(chart.rows.map((r) => r.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(chart.rows[0]).toMatchObject({ values: { RUS: null, UKR: null }, missing: ['RUS', 'UKR'] });
    // 2020: the complete table lists neither partner: both are sourced zeros, not gaps
    expect(chart.rows[1]?.values).toEqual({ RUS: 0, UKR: 0 });
    expect(chart.rows[1]?.meta.UKR).toMatchObject({ value: 0, zero: true, status: 'sourced zero' });
    expect(chart.summary).toContain('No data (not zero) in 2019');
  });

  it('has no chart when nothing is drawable in the range', () => {
    expect(indicatorChart(catalogue, observations, share, ['RUS'], 'TUR', { from: 2023 })).toBeNull();
  });
});
