import { describe, expect, it } from 'vitest';
import { parseUnit, scaleBetween, shiftDecimal } from './units';

describe('units at two scales of one base', () => {
  it('reads the scale word beside the base', () => {
    expect(parseUnit('USD billion')).toEqual({ base: 'USD', exponent: 9 });
    expect(parseUnit('thousand barrels per day')).toEqual({ base: 'barrels per day', exponent: 3 });
    expect(parseUnit('SIPRI TIV (million)')).toEqual({ base: 'SIPRI TIV (million)', exponent: 0 });
  });
  it('relates units of one base and refuses others', () => {
    expect(scaleBetween('USD million', 'USD billion')).toBe(-3);
    expect(scaleBetween('thousand barrels per day', 'barrels per day')).toBe(3);
    expect(scaleBetween('bcm', '%')).toBeNull();
    expect(scaleBetween('EUR billion', 'USD billion')).toBeNull();
  });
  it('shifts decimals exactly', () => {
    expect(shiftDecimal('323.0', 3)).toBe('323000');
    expect(shiftDecimal('794', -3)).toBe('0.794');
    expect(shiftDecimal('124', -3)).toBe('0.124');
    expect(shiftDecimal('0.5', -2)).toBe('0.005');
    expect(shiftDecimal('-48', 0)).toBe('-48');
    expect(shiftDecimal('1.25', 1)).toBe('12.5');
  });
});
