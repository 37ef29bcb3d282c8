import type { SourceRef } from '../dashboard/types';

/** Everything an exported chart shows, as plain data: built once on the server, composed the same way everywhere. */

export type ExportSeries = { key: string; name: string; colour: string };
export type ExportEvent = { n: number; title: string; date: string; at: number; until: number | null };
export type CsvRow = {
  indicator: string;
  unit: string;
  reporter: string;
  partner: string;
  year: number | string;
  /** empty for a year without data (status "no data"): never written as 0 */
  value: number | '';
  status: string;
  source_title: string;
  source_url: string;
};

export type ExportSpec = {
  /** URL-safe name of the chart: the indicator slug, or "compare" */
  chart: string;
  title: string;
  subtitle: string;
  kind: 'line' | 'bar';
  unit: string;
  /** x slots, left to right (years, or dimensions for the compare chart) */
  slots: string[];
  series: ExportSeries[];
  /** values[seriesKey][slotIndex]; null = no data for that slot (drawn as such, never as zero) */
  values: Record<string, (number | null)[]>;
  /** slots whose value is a sourced zero (a source that lists every partner leaves this one out), per series */
  zeros?: Record<string, boolean[]>;
  /** positions in slot units (0 = centre of the first slot) */
  events: ExportEvent[];
  sources: string[];
  /** the sources behind the drawn figures, whole (the briefing numbers and quotes them) */
  sourceRefs?: SourceRef[];
  asOf: string;
  /** path and query of the view, e.g. /dimensions/gas?partners=RUS */
  viewPath: string;
  csv: CsvRow[];
  fileStem: string;
};

export type ExportOptions = {
  width: number;
  height: number;
  background: 'white' | 'transparent';
  /** absolute permalink printed on the image */
  permalink: string;
};

export const EXPORT_SIZES = { landscape: { width: 1200, height: 675 }, square: { width: 1080, height: 1080 } } as const;
export type ExportSize = keyof typeof EXPORT_SIZES;
export const PRODUCT_NAME = 'Dependency Atlas';
