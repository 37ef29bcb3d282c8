/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one would fail inside the database
 * instead of being refused at the boundary. These helpers find it in input and strip it from search parameters.
 */
export const NUL = '\u0000';

/** The first field of a form or JSON object whose text contains NUL, if any. */
export function fieldWithNul(fields: Iterable<[string, unknown]>): string | null {
  for (const [key, value] of fields) if (typeof value === 'string' && value.includes(NUL)) return key;
  return null;
}

/** One search parameter as text: the first of repeated values, without NUL, at most `max` characters. */
export function param(value: string | string[] | undefined, max = 200): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const clean = first?.replaceAll(NUL, '').slice(0, max);
  return clean || undefined;
}
