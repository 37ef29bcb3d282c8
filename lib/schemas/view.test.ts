import { describe, expect, it } from 'vitest';
import { DEFAULT_PARTNERS, parseView, viewQuery } from './view';

describe('view state in the URL', () => {
  it('has defaults: Turkey against Russia, Ukraine and NATO, all years', () => {
    const { state, errors } = parseView({});
    expect(errors).toEqual([]);
    expect(state).toEqual({ focal: 'TUR', partners: DEFAULT_PARTNERS, weights: {}, members: false, quality: 'all' });
    expect(viewQuery(state)).toBe('');
  });

  it('round-trips every field', () => {
    const { state } = parseView({ focal: 'tur', partners: 'RUS,usa', from: '2016', to: '2023', w: 'gas_import_share:2,exports:0', members: '1', sources: 'official' });
    expect(state).toEqual({ focal: 'TUR', partners: ['RUS', 'USA'], from: 2016, to: 2023, weights: { gas_import_share: 2, exports: 0 }, members: true, quality: 'official' });
    const query = viewQuery(state);
    expect(query).toBe('?partners=RUS,USA&from=2016&to=2023&w=exports:0,gas_import_share:2&members=1&sources=official');
    expect(parseView(Object.fromEntries(new URLSearchParams(query))).state).toEqual(state);
  });

  it('reports invalid parts and falls back to defaults for them only', () => {
    const { state, errors } = parseView({ partners: 'RUS,<script>', from: '2020', to: '2010', w: 'gas:abc' });
    expect(state.partners).toEqual(DEFAULT_PARTNERS);
    expect(state.from).toBeUndefined();
    expect(state.to).toBeUndefined();
    expect(state.weights).toEqual({});
    expect(errors.length).toBe(3);
    expect(errors.join(' ')).toMatch(/weight "gas:abc"/);
  });

  it('reads the weights form fields (w.<slug>) as well as the w= list', () => {
    const { state } = parseView({ w: 'exports:2', 'w.gas_import_share': '3', 'w.oil_import_share': '' });
    expect(state.weights).toEqual({ exports: 2, gas_import_share: 3 });
  });

  it('rejects years out of range and weights out of range', () => {
    expect(parseView({ from: '1200' }).errors[0]).toMatch(/^from:/);
    expect(parseView({ w: 'gas_import_share:1000' }).state.weights).toEqual({});
  });
});
