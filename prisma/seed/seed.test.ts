import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../lib/curation/catalogue';
import { planEvents, planObservations } from './seed';

describe('seed curation (pure)', () => {
  const planned = planObservations();

  it('maps every research row onto a known indicator, with one unique key per figure', () => {
    expect(planned).toHaveLength(170);
    const slugs = new Set(INDICATORS.map((i) => i.slug));
    for (const item of planned) expect(slugs.has(item.slug)).toBe(true);
    const keys = planned.map((p) => [p.slug, p.reporter, p.partner, p.year, p.period.label, p.rank].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('converts units exactly and says so in the note', () => {
    const wheat = planned.find((p) => p.slug === 'wheat_imports' && p.partner === 'UKR' && p.year === 2021);
    expect(wheat?.value).toBe('0.794');
    expect(wheat?.note).toContain('794 thousand tonnes');
  });

  it('labels every partial, marketing-year and multi-year figure with its period', () => {
    for (const item of planned) {
      if (item.period.type === 'YEAR') expect(item.period.label).toBe('');
      else expect(item.period.label.length).toBeGreaterThan(0);
    }
    const h1 = planned.filter((p) => p.slug === 'diesel_import_share').map((p) => p.period);
    expect(h1).toEqual([
      { type: 'PARTIAL_YEAR', label: 'H1' },
      { type: 'PARTIAL_YEAR', label: 'H2' },
    ]);
  });

  it('dates month-precision events to the first of the month and marks them', () => {
    const events = planEvents();
    const turkStream = events.find((e) => e.title === 'TurkStream pipeline launched');
    expect(turkStream).toMatchObject({ startsOn: '2020-01-01', precision: 'month' });
  });
});
