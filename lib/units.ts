import Decimal from 'decimal.js';
/**
 * Units at different scales of one base ("USD million" and "USD billion", "barrels per day" and "thousand barrels
 * per day"): a value is moved between them exactly, by shifting its decimal digits, never through floating point.
 */

const SCALE_WORDS: Record<string, number> = { thousand: 3, million: 6, mn: 6, billion: 9, bn: 9 };

export type ParsedUnit = { base: string; exponent: number };

/** "USD billion" → { base: "USD", exponent: 9 }; "thousand barrels per day" → { base: "barrels per day", exponent: 3 }. */
export function parseUnit(unit: string): ParsedUnit {
  const words = unit.trim().split(/\s+/);
  let exponent = 0;
  const rest: string[] = [];
  for (const word of words) {
    const scale = SCALE_WORDS[word.toLowerCase()];
    // Only one scale word counts, and only beside the base (not inside a parenthesis such as "SIPRI TIV (million)").
    if (scale !== undefined && exponent === 0) exponent = scale;
    else rest.push(word);
  }
  return { base: rest.join(' '), exponent };
}

/** How many powers of ten separate `from` and `to`, or null when they are not one base at two scales. */
export function scaleBetween(from: string, to: string): number | null {
  if (from === to) return 0;
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!a.base || a.base !== b.base) return null;
  return a.exponent - b.exponent;
}

/** The decimal string `value` multiplied by 10^exponent, exactly ("323.0", 3 → "323000"; "794", -3 → "0.794"). */
export function shiftDecimal(value: string, exponent: number): string {
  const negative = value.startsWith('-');
  const digitsOnly = negative ? value.slice(1) : value;
  const [whole = '0', fraction = ''] = digitsOnly.split('.');
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits + '0'.repeat(point - digits.length);
  let out = `${digits.slice(0, point) || '0'}${point < digits.length ? `.${digits.slice(point)}` : ''}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return negative && /[1-9]/.test(out) ? `-${out}` : out;
}

/**
 * Unit families (issue #13): the scales of one base are one family, whatever the spelling — persons, thousand and
 * million persons; m³, mcm and bcm; t, kt and Mt; USD, USD million and USD billion (the same for every currency).
 * Currencies are converted to one another with the year's exchange rate.
 */
const BASE_SYNONYMS: Record<string, string> = {
  m3: 'm³', 'm³': 'm³', 'cubic metres': 'm³', 'cubic meters': 'm³', 'cubic metre': 'm³', 'cubic meter': 'm³',
  t: 't', tonne: 't', tonnes: 't', ton: 't', tons: 't', 'metric tons': 't', 'metric tonnes': 't',
  person: 'persons', persons: 'persons', people: 'persons',
};
/** Abbreviations that carry their scale: bcm = 10⁹ m³, mcm = 10⁶ m³, kt = 10³ t, Mt = 10⁶ t. */
const SCALED: Record<string, [string, number]> = { bcm: ['m³', 9], mcm: ['m³', 6], kt: ['t', 3], mt: ['t', 6] };

export type UnitInfo = { base: string; exponent: number; currency: string | null };

/** A unit's family (base), scale and currency: "EUR million" → { base: "EUR", exponent: 6, currency: "EUR" }. */
export function unitInfo(unit: string): UnitInfo {
  const trimmed = unit.trim();
  const scaled = SCALED[trimmed.toLowerCase()];
  if (scaled) return { base: scaled[0], exponent: scaled[1], currency: null };
  const parsed = parseUnit(trimmed);
  const base = BASE_SYNONYMS[parsed.base.toLowerCase()] ?? parsed.base;
  return { base, exponent: parsed.exponent, currency: /^[A-Z]{3}$/.test(base) ? base : null };
}

/** Rates known to the atlas: units of a currency per US dollar, by currency and year. */
export type Rates = {
  get(currency: string, year: number): { id: number; perUsd: string } | undefined;
  years(currency: string): number[];
  currencies(): string[];
};

export type Converted =
  | { ok: true; value: string; changed: boolean; fx: { id: number; currency: string; year: number; perUsd: string } | null; note: string }
  | { ok: false; message: string };

/** Whether a value in `from` can be given in `to` at all (rates aside): same family, or two currencies. */
export function sameFamily(from: string, to: string): boolean {
  const a = unitInfo(from);
  const b = unitInfo(to);
  return from === to || (a.base !== '' && a.base === b.base) || (a.currency !== null && b.currency !== null);
}

/**
 * `value` (a decimal string) in `from`, given in `to` for `year`: a scale of one family is moved exactly; another
 * currency goes through US dollars with the year's rates (kept to 15 significant digits). Says why when it cannot.
 */
export function convertValue(value: string, from: string, to: string, year: number, rates: Rates): Converted {
  if (from === to) return { ok: true, value, changed: false, fx: null, note: '' };
  const a = unitInfo(from);
  const b = unitInfo(to);
  const shown = `As published: ${value} ${from}`;
  if (a.base !== '' && a.base === b.base) {
    return { ok: true, value: shiftDecimal(value, a.exponent - b.exponent), changed: true, fx: null, note: `${shown}.` };
  }
  if (a.currency === null || b.currency === null) return { ok: false, message: `"${from}" cannot be converted to "${to}": they are not units of one kind (no conversion exists)` };
  const rateOf = (currency: string) => {
    if (currency === 'USD') return { rate: { id: 0, perUsd: '1' } };
    const known = rates.years(currency);
    if (known.length === 0) return { error: `unknown currency "${currency}": no exchange rates for it (known: ${['USD', ...rates.currencies()].join(', ')})` };
    const rate = rates.get(currency, year);
    if (!rate) return { error: `no exchange rate for ${currency} in ${year} (rates for ${currency}: ${Math.min(...known)}–${Math.max(...known)})` };
    return { rate };
  };
  const fromRate = rateOf(a.currency);
  if ('error' in fromRate) return { ok: false, message: fromRate.error! };
  const toRate = rateOf(b.currency);
  if ('error' in toRate) return { ok: false, message: toRate.error! };
  const usd = new Decimal(value).times(new Decimal(10).pow(a.exponent)).div(fromRate.rate.perUsd);
  const converted = usd.times(toRate.rate.perUsd).div(new Decimal(10).pow(b.exponent)).toSignificantDigits(15);
  const used = a.currency !== 'USD' ? { currency: a.currency, ...fromRate.rate } : { currency: b.currency, ...toRate.rate };
  const rateText = [a.currency, b.currency]
    .filter((c) => c !== 'USD')
    .map((c) => `${(c === a.currency ? fromRate : toRate).rate.perUsd} ${c} per USD (${year} average)`)
    .join(' and ');
  return {
    ok: true,
    value: converted.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''),
    changed: true,
    fx: { id: used.id, currency: used.currency, year, perUsd: used.perUsd },
    note: `${shown}, converted at ${rateText}.`,
  };
}

/** Rates from rows of the fx table (or fx.csv). */
export function ratesFrom(rows: { id: number; currency: string; year: number; perUsd: string }[]): Rates {
  const byKey = new Map(rows.map((r) => [`${r.currency}|${r.year}`, { id: r.id, perUsd: r.perUsd }]));
  const years = new Map<string, number[]>();
  for (const r of rows) years.set(r.currency, [...(years.get(r.currency) ?? []), r.year]);
  return {
    get: (currency, year) => byKey.get(`${currency}|${year}`),
    years: (currency) => years.get(currency) ?? [],
    currencies: () => [...years.keys()].sort(),
  };
}
