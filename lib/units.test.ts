import { describe, expect, it } from 'vitest';
import { convertValue, parseUnit, ratesFrom, scaleBetween, shiftDecimal, unitInfo } from './units';

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

describe('unit families and currencies', () => {
  // EUR and HUF 2022 as in research/fx.csv (World Development Indicators, units per US dollar).
  const rates = ratesFrom([
    { id: 1, currency: 'EUR', year: 2022, perUsd: '0.951019292206851' },
    { id: 2, currency: 'HUF', year: 2022, perUsd: '372.596009006009' },
    { id: 3, currency: 'EUR', year: 2023, perUsd: '0.924861051213333' },
  ]);
  it('reads abbreviations and synonyms as one family', () => {
    expect(unitInfo('bcm')).toEqual({ base: 'm³', exponent: 9, currency: null });
    expect(unitInfo('million cubic metres')).toEqual({ base: 'm³', exponent: 6, currency: null });
    expect(unitInfo('Mt')).toEqual({ base: 't', exponent: 6, currency: null });
    expect(unitInfo('million tonnes')).toEqual({ base: 't', exponent: 6, currency: null });
    expect(unitInfo('thousand persons')).toEqual({ base: 'persons', exponent: 3, currency: null });
    expect(unitInfo('HUF billion')).toEqual({ base: 'HUF', exponent: 9, currency: 'HUF' });
    expect(unitInfo('billion Sm3').base).not.toBe(unitInfo('bcm').base);
  });
  it('converts scales of one family exactly', () => {
    expect(convertValue('4500', 'mcm', 'bcm', 2022, rates)).toMatchObject({ ok: true, value: '4.5', fx: null });
    expect(convertValue('1.2', 'million persons', 'persons', 2022, rates)).toMatchObject({ ok: true, value: '1200000' });
    expect(convertValue('850', 'kt', 'million tonnes', 2022, rates)).toMatchObject({ ok: true, value: '0.85' });
    expect(convertValue('7', 'bcm', 'bcm', 2022, rates)).toMatchObject({ ok: true, value: '7', changed: false });
  });
  it('converts currencies with the year\'s rate and says which', () => {
    const eur = convertValue('951.019292206851', 'EUR million', 'USD billion', 2022, rates);
    expect(eur).toMatchObject({ ok: true, value: '1', fx: { id: 1, currency: 'EUR', year: 2022 } });
    expect(eur.ok && eur.note).toContain('0.951019292206851 EUR per USD (2022 average)');
    const huf = convertValue('372.596009006009', 'HUF billion', 'USD billion', 2022, rates);
    expect(huf).toMatchObject({ ok: true, value: '1', fx: { id: 2 } });
    expect(convertValue('2', 'USD billion', 'EUR billion', 2022, rates)).toMatchObject({ ok: true, value: '1.90203858441370' .replace(/0$/, '') });
  });
  it('names what is missing when no conversion exists', () => {
    expect(convertValue('5', 'bcm', '%', 2022, rates)).toMatchObject({ ok: false, message: expect.stringContaining('"bcm" cannot be converted to "%"') });
    expect(convertValue('5', 'XYZ million', 'USD billion', 2022, rates)).toMatchObject({ ok: false, message: expect.stringContaining('unknown currency "XYZ"') });
    expect(convertValue('5', 'EUR million', 'USD billion', 2019, rates)).toMatchObject({ ok: false, message: 'no exchange rate for EUR in 2019 (rates for EUR: 2022–2023)' });
  });
});
