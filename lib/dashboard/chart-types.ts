/** What a server component hands to a chart leaf: plain data only. */

export type ChartSeries = { key: string; name: string; colour: string };
export type PointMeta = {
  value: number;
  status: string;
  source: string;
  period: string;
  note?: string;
  zero?: boolean;
  /** What a reader must know about the drawn figure: period notes, status, conversion, publication name. */
  flags?: string[];
  /** Other figures for the same partner and year (ranked alternatives, partial-year figures), not drawn. */
  alternatives?: string[];
};
/** One year of the axis; `missing` lists the series with no figure that year (drawn as "no data", never as zero). */
export type ChartRow = { year: number; values: Record<string, number | null>; meta: Record<string, PointMeta | undefined>; missing: string[] };
export type ChartEvent = { n: number; title: string; at: number; until: number | null; date: string };

export type SeriesChartProps = {
  kind: 'line' | 'bar';
  unit: string;
  series: ChartSeries[];
  rows: ChartRow[];
  events: ChartEvent[];
  domain: [number, number];
  /** Text for screen readers: the figure's data table carries the numbers. */
  summary: string;
};
