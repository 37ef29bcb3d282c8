import { CHART_HEIGHT, COMPARE_HEIGHT, PLOT } from '@/lib/dashboard/chart-geometry';
import type { ChartSeries, SeriesChartProps } from '@/lib/dashboard/chart-types';
import type { CompareRow } from '@/lib/dashboard/compare';
import { COMPARE_PADDING_LEFT, compareChartSvg, seriesChartSvg } from '@/lib/charts/static-svg';

/** A time series as the server draws it (lib/charts/static-svg.ts), named by its summary. */
export function StaticSeriesChart(props: SeriesChartProps) {
  return (
    <div
      className="chart-canvas chart-static"
      role="img"
      aria-label={props.summary}
      style={{ height: CHART_HEIGHT, paddingTop: PLOT.top, paddingLeft: PLOT.left, paddingRight: PLOT.right }}
      // The markup is built from escaped text and numbers only (static-svg.ts).
      dangerouslySetInnerHTML={{ __html: seriesChartSvg(props) }}
    />
  );
}

/** The compare chart as the server draws it. */
export function StaticCompareChart({ rows, series, summary }: { rows: CompareRow[]; series: ChartSeries[]; summary: string }) {
  return (
    <div
      className="chart-canvas chart-static"
      role="img"
      aria-label={summary}
      style={{ height: COMPARE_HEIGHT, paddingTop: PLOT.top, paddingLeft: COMPARE_PADDING_LEFT, paddingRight: PLOT.right }}
      dangerouslySetInnerHTML={{ __html: compareChartSvg({ rows, series }) }}
    />
  );
}
