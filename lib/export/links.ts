import { escapeMarkup as esc } from '../markup';

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** /api/charts/<chart>.<ext>?<query> (query without "?"): the one place a chart's file or data URL is written. */
export function chartUrl(chart: string, ext: 'png' | 'svg' | 'csv' | 'json', query: string): string {
  return withQuery(`/api/charts/${encodeURIComponent(chart)}.${ext}`, query);
}

/** /api/briefings/<view>.<format>?<query>; the view may have a slash (dimensions/gas, partners/RUS). */
export function briefingUrl(view: string, format: 'pdf' | 'pptx', query: string): string {
  return withQuery(`/api/briefings/${view.split('/').map(encodeURIComponent).join('/')}.${format}`, query);
}

/**
 * Plain download links for one chart with the default options (1200 × 675 at 2×, white background): what an export
 * menu holds before its options are rendered, and all it offers with JavaScript off. Same URLs as the buttons.
 */
export function exportLinksHtml(chart: string, fileStem: string, apiQuery: string): string {
  const link = (format: 'png' | 'svg' | 'csv') =>
    `<a href="${esc(chartUrl(chart, format, apiQuery))}" download="${esc(`${fileStem}.${format}`)}">${format.toUpperCase()}</a>`;
  return `Download ${link('png')}, ${link('svg')} or ${link('csv')}.`;
}

/** Plain links to a view's briefing, A4 PDF and PowerPoint: the briefing menu before it is opened, or without JavaScript. */
export function briefingLinksHtml(view: string, apiQuery: string): string {
  const link = (format: 'pdf' | 'pptx', label: string) =>
    `<a href="${esc(briefingUrl(view, format, apiQuery))}">${label}</a>`;
  return `Download ${link('pdf', 'PDF (A4)')} or ${link('pptx', 'PowerPoint')}.`;
}
