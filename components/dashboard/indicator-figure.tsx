import { ExportMenu } from '@/components/charts/export-menu';
import { chartUrl } from '@/lib/export/links';
import { LazyChart } from '@/components/charts/lazy-chart';
import { StaticSeriesChart } from '@/components/charts/static-chart';
import { exportFileStem } from '@/lib/export/from-chart';
import type { IndicatorChart } from '@/lib/dashboard/chart-data';
import { dataTableHtml } from '@/lib/charts/data-table';
import { chartCaptionHtml, chartEventItemsHtml } from '@/lib/dashboard/static-markup';

/** A chart in a <figure> named by its title, with sources in the caption and the numbers in a table. */
export function IndicatorFigure({
  chart,
  compact = false,
  exportView,
}: {
  chart: IndicatorChart;
  compact?: boolean;
  /** where the chart's export lives: the focal country, the view's query (without "?") and its page */
  exportView?: { focal: string; apiQuery: string; viewPath: string };
}) {
  const titleId = `${chart.id}-title`;
  // The server draws the chart; the interactive one (tooltips, legend toggles) loads only when a reader comes near.
  const picture = (
    <StaticSeriesChart kind={chart.kind} unit={chart.indicator.unit} series={chart.series} rows={chart.rows} events={chart.events} domain={chart.domain} summary={chart.summary} />
  );
  return (
    <figure className={compact ? 'chart-figure compact' : 'chart-figure'} aria-labelledby={titleId} data-testid={chart.id}>
      <h3 id={titleId} className="chart-title">
        {chart.title}
      </h3>
      {exportView ? (
        <LazyChart type="series" src={chartUrl(chart.indicator.slug, 'json', exportView.apiQuery)}>
          {picture}
        </LazyChart>
      ) : (
        picture
      )}
      {/* The event key and the caption are markup (lib/dashboard/static-markup.ts): text React need not hydrate. */}
      {chart.events.length > 0 && !compact ? (
        <ol className="chart-events" aria-label={`Events marked on ${chart.title}`} dangerouslySetInnerHTML={{ __html: chartEventItemsHtml(chart.events) }} />
      ) : null}
      <figcaption className="meta" dangerouslySetInnerHTML={{ __html: chartCaptionHtml(chart) }} />
      {exportView ? (
        <ExportMenu
          chart={chart.indicator.slug}
          title={chart.title}
          fileStem={exportFileStem(chart, exportView.focal)}
          apiQuery={exportView.apiQuery}
          viewPath={exportView.viewPath}
        />
      ) : null}
      <details className="chart-data">
        <summary>Data table: {chart.title}</summary>
        {/* Markup, not elements: hundreds of text cells React need not ship as a tree nor hydrate (lib/charts/data-table.ts). */}
        <div className="table-wrap" dangerouslySetInnerHTML={{ __html: dataTableHtml(chart) }} />
      </details>
    </figure>
  );
}
