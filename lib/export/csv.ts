import { stringify } from 'csv-stringify/browser/esm/sync';
import type { CsvRow } from './spec';

export const CSV_COLUMNS: (keyof CsvRow)[] = ['indicator', 'unit', 'reporter', 'partner', 'year', 'value', 'status', 'source_title', 'source_url'];

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"). Apostrophes in
 * front count too, so a text that starts with "'=" keeps its own apostrophe through an export and an import.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula gets a leading apostrophe, which spreadsheets show as text;
 * numbers (a negative value) are left as they are. `unescapeFormulaCell` undoes it on import.
 */
export function escapeFormulaCell(value: string): string {
  return FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

export function unescapeFormulaCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) && !NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

/** Every CSV the app writes goes through here: a header, the given columns, formula cells escaped. */
export function writeCsv<T extends object>(rows: T[], columns: readonly (keyof T & string)[]): string {
  return stringify(rows, { header: true, columns: [...columns], cast: { string: escapeFormulaCell } });
}

/** Exactly the rows drawn, one per point, each with its source. */
export function toCsv(rows: CsvRow[]): string {
  return writeCsv(rows, CSV_COLUMNS);
}
