import { describe, expect, it } from 'vitest';
import { planEvents, planIndicators, planListings } from './seed';

describe('seed plan (pure)', () => {
  it('takes every indicator key of research/indicators.csv with its unit, curated weights for the scored ones', () => {
    const indicators = planIndicators();
    expect(indicators.length).toBeGreaterThanOrEqual(84);
    expect(new Set(indicators.map((i) => i.slug)).size).toBe(indicators.length);
    const bySlug = new Map(indicators.map((i) => [i.slug, i]));
    expect(bySlug.get('gas_import_share')).toMatchObject({ unit: '%', valueKind: 'SHARE', weight: 1 });
    expect(bySlug.get('arms_imports_tiv')).toMatchObject({ dimension: 'arms', unit: 'SIPRI TIV (million)', weight: 1 });
    expect(bySlug.get('sanctions_stance')).toMatchObject({ dimension: 'sanctions', weight: 1 });
    // an uncurated key is kept, named from its key, and not scored
    expect(bySlug.get('bsgi_cargo_total')).toMatchObject({ name: 'Bsgi cargo total', weight: 0 });
  });

  it('reads events with their end dates and precision from their own columns', () => {
    const events = planEvents();
    expect(events).toHaveLength(93);
    const grain = events.find((e) => e.title.startsWith('Black Sea Grain Initiative'));
    expect(grain?.endsOn).toBe('2023-07-17');
    expect(events.filter((e) => e.precision === 'month').length).toBeGreaterThan(0);
    for (const e of events) expect(e.source.title).not.toContain('no title returned');
  });

  it('finds the complete listings behind sourced zeros: every year SIPRI\'s Russia table covers, each Statistical Review edition', () => {
    const listings = planListings();
    const russia = listings.filter((l) => l.indicator === 'arms_imports_tiv' && l.partner === 'RUS').map((l) => l.year);
    expect(russia).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    const lng = listings.filter((l) => l.indicator === 'lng_imports_volume').map((l) => l.year);
    expect(lng).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    for (const l of listings) expect(l.sourceUrl).toMatch(/^https:\/\/github\.com\//);
  });
});
