import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { sameFamily } from '../units';
import { indicatorSlug } from '../editing/indicators';

/**
 * Standard indicator concepts (issue #13). Every scored indicator of the catalogue is a concept with a canonical unit
 * (its own: gas import share in %, gas imports in bcm, visitor arrivals in persons, exports in USD billion …). An
 * import maps a file's own indicator names onto concepts, so another country's figures are scored at once.
 */

export type Concept = { slug: string; name: string; unit: string; dimension: string; scored: boolean };

/** What the user decides for one of the file's indicators: a concept's slug, a new unscored indicator, or skip. */
export type Choice = string; // slug | 'new' | 'skip'
export const NEW = 'new';
export const SKIP = 'skip';

/** One of the file's indicators that the atlas does not know by that name, with the suggested concept. */
export type Proposal = {
  indicator: string;
  /** as written in the file (first row) */
  name: string;
  dimension: string;
  units: string[];
  rows: number;
  suggestion: string | null;
  /** how the row is mapped in this check: the file's `concept` column, the mapping given, a remembered alias, or the suggestion */
  choice: Choice;
  by: 'column' | 'mapping' | 'alias' | 'suggestion' | 'default';
};

const STOP = new Set(['of', 'the', 'from', 'to', 'and', 'in', 'by', 'with', 'on', 'for', 'per', 'a', 'an', 'partner', 'country', 'countries', 'total', 'annual', 'yearly', 'value']);
/** Words that name the same thing in indicator names. */
const SYNONYM: Record<string, string> = {
  tourist: 'visitor', guest: 'visitor', traveller: 'visitor', arrival: 'arrival', entry: 'arrival', entrie: 'arrival',
  percentage: 'share', percent: 'share', proportion: 'share', pct: 'share',
  volume: 'volume', quantity: 'volume', amount: 'volume',
  natural: 'gas', lng: 'lng', crude: 'crude', petroleum: 'oil',
  import: 'import', purchase: 'import', export: 'export', sale: 'export', shipment: 'export',
};

/** Lower-case word stems of a name: "Russian_share_of_gas_imports" → share, gas, import (+ russian). */
export function tokens(name: string): Set<string> {
  const out = new Set<string>();
  for (const raw of name.toLowerCase().split(/[^a-z0-9]+/)) {
    if (!raw || STOP.has(raw)) continue;
    const stem = raw.length > 3 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw;
    out.add(SYNONYM[stem] ?? stem);
  }
  return out;
}

/**
 * The concept a file's indicator most likely is: a scored concept of the same dimension whose unit the row's units
 * convert to, sharing the most words with the name (at least one besides the dimension's own name); a % figure is
 * only ever a share, and a share only ever a % figure. Null when nothing fits.
 */
export function suggestConcept(name: string, units: string[], dimension: string, concepts: Concept[]): string | null {
  const words = tokens(name);
  let best: { slug: string; score: number } | null = null;
  for (const c of concepts) {
    if (!c.scored || c.dimension !== dimension) continue;
    if (!units.every((u) => sameFamily(u, c.unit))) continue;
    if ((c.unit === '%') !== units.every((u) => u === '%')) continue;
    const theirs = new Set([...tokens(c.slug), ...tokens(c.name)]);
    const shared = [...words].filter((w) => theirs.has(w));
    if (shared.filter((w) => w !== dimension).length === 0) continue;
    // More shared words first; then fewer words of the concept left unexplained (Jaccard-like).
    const score = shared.length - [...theirs].filter((w) => !words.has(w)).length * 0.01;
    if (!best || score > best.score) best = { slug: c.slug, score };
  }
  return best?.slug ?? null;
}

export type MappingFile = { ok: true; choices: Map<string, { choice: Choice; line: number }> } | { ok: false; errors: { line: number; message: string }[] };

/**
 * A mapping file: CSV with the header `indicator,concept`; concept is a concept's key, `new` (a new unscored
 * indicator) or `skip` (leave the rows out). Whether the concepts exist is checked by the import against the atlas.
 */
export function readMappingFile(file: string): MappingFile {
  if (!fs.existsSync(file)) return { ok: false, errors: [{ line: 0, message: `no mapping file at ${file}` }] };
  let records: string[][];
  try {
    records = parse(fs.readFileSync(file, 'utf8'), { skip_empty_lines: true, relax_column_count: false, trim: true, bom: true }) as string[][];
  } catch (error) {
    return { ok: false, errors: [{ line: (error as { lines?: number }).lines ?? 1, message: `mapping file: not a readable CSV (${(error as Error).message})` }] };
  }
  const [header, ...rows] = records;
  if (!header || header.join(',') !== 'indicator,concept') return { ok: false, errors: [{ line: 1, message: `mapping file: the header must be "indicator,concept", found "${header?.join(',') ?? ''}"` }] };
  const choices = new Map<string, { choice: Choice; line: number }>();
  const errors: { line: number; message: string }[] = [];
  rows.forEach(([indicator = '', concept = ''], i) => {
    const line = i + 2;
    const key = indicatorSlug(indicator);
    if (!key) errors.push({ line, message: 'mapping file: indicator is empty' });
    else if (!/^[a-z0-9_]{1,80}$/.test(concept)) errors.push({ line, message: `mapping file: concept "${concept}" is not a concept key, "new" or "skip"` });
    else if (choices.has(key)) errors.push({ line, message: `mapping file: "${indicator}" is mapped twice (first on line ${choices.get(key)!.line})` });
    else choices.set(key, { choice: concept, line });
  });
  return errors.length ? { ok: false, errors } : { ok: true, choices };
}
