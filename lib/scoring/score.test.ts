import { describe, expect, it } from 'vitest';
import { normalise, scoreBand, scoreDimension, type ScoreInput } from './score';

const share = (value: number | null, weight = 1, slug = 'share'): ScoreInput => ({
  slug, name: slug, unit: '%', kind: 'SHARE', weight, higherIsMoreDependent: true, value, total: null,
});
const volume = (value: number | null, total: number | null, weight = 1, slug = 'volume'): ScoreInput => ({
  slug, name: slug, unit: 'bcm', kind: 'NUMBER', weight, higherIsMoreDependent: true, value, total,
});

describe('normalise', () => {
  it('uses shares as they are and volumes as a share of the total', () => {
    expect(normalise(share(42.27))).toEqual({ value: 42.27 });
    expect(normalise(volume(16.2, 47.95))).toEqual({ value: (100 * 16.2) / 47.95 });
  });
  it('says why an input is missing', () => {
    expect(normalise(share(null))).toEqual({ missing: 'no value' });
    expect(normalise(volume(5, null))).toEqual({ missing: 'no total' });
    expect(normalise(volume(5, 0))).toEqual({ missing: 'zero total' });
  });
  it('inverts indicators where more means less dependent and clamps to 0–100', () => {
    expect(normalise({ ...share(30), higherIsMoreDependent: false })).toEqual({ value: 70 });
    expect(normalise(volume(60, 50))).toEqual({ value: 100 });
  });
});

describe('scoreDimension', () => {
  it('is the weighted mean of the available inputs', () => {
    const result = scoreDimension([share(40, 1, 'a'), volume(30, 50, 3, 'b')]);
    expect(result.score).toBeCloseTo((1 * 40 + 3 * 60) / 4, 10);
    expect(result.coverage).toBe(1);
    expect(result.components.map((c) => c.slug)).toEqual(['a', 'b']);
    expect(result.components.reduce((sum, c) => sum + c.contribution, 0)).toBeCloseTo(result.score ?? 0, 10);
  });

  it('states missing inputs and the coverage instead of pretending', () => {
    const result = scoreDimension([share(40, 1, 'a'), volume(30, null, 1, 'b'), share(null, 2, 'c')]);
    expect(result.score).toBe(40);
    expect(result.coverage).toBe(0.25);
    expect(result.missing).toEqual([
      { slug: 'b', name: 'b', weight: 1, reason: 'no total' },
      { slug: 'c', name: 'c', weight: 2, reason: 'no value' },
    ]);
  });

  it('gives no score when nothing weighted is available', () => {
    expect(scoreDimension([share(null)]).score).toBeNull();
    expect(scoreDimension([]).score).toBeNull();
    expect(scoreDimension([share(50, 0)]).score).toBeNull();
  });

  it("applies a viewer's weights over the defaults, a zero weight dropping an input", () => {
    const inputs = [share(20, 1, 'a'), share(80, 1, 'b')];
    expect(scoreDimension(inputs).score).toBe(50);
    expect(scoreDimension(inputs, { b: 3 }).score).toBe(65);
    expect(scoreDimension(inputs, { a: 0 }).score).toBe(80);
    expect(scoreDimension(inputs, { a: -5 }).score).toBe(80);
  });
});

describe('scoreBand', () => {
  it('maps the score range onto five bands including both ends', () => {
    expect(scoreBand(0).label).toBe('0–20');
    expect(scoreBand(19.99).label).toBe('0–20');
    expect(scoreBand(42).label).toBe('40–60');
    expect(scoreBand(100).label).toBe('80–100');
  });
});
