import { stringify } from 'csv-stringify/browser/esm/sync';
import type { CsvRow } from './spec';

export const CSV_COLUMNS: (keyof CsvRow)[] = ['indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'status', 'source_title', 'source_url'];

/** Exactly the rows drawn, one per point, each with its source. */
export function toCsv(rows: CsvRow[]): string {
  return stringify(rows, { header: true, columns: CSV_COLUMNS });
}
