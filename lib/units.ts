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
