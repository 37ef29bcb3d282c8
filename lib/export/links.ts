import { escapeMarkup as esc } from '../markup';

/**
 * Plain download links for one chart with the default options (1200 × 675 at 2×, white background): what an export
 * menu holds before its options are rendered, and all it offers with JavaScript off. Same URLs as the buttons.
 */
export function exportLinksHtml(chart: string, fileStem: string, apiQuery: string): string {
  const link = (format: 'png' | 'svg' | 'csv') =>
    `<a href="${esc(`/api/charts/${encodeURIComponent(chart)}.${format}${apiQuery ? `?${apiQuery}` : ''}`)}" download="${esc(`${fileStem}.${format}`)}">${format.toUpperCase()}</a>`;
  return `Download ${link('png')}, ${link('svg')} or ${link('csv')}.`;
}

/** Plain links to a view's briefing, A4 PDF and PowerPoint: the briefing menu before it is opened, or without JavaScript. */
export function briefingLinksHtml(view: string, apiQuery: string): string {
  const link = (format: 'pdf' | 'pptx', label: string) =>
    `<a href="${esc(`/api/briefings/${view.split('/').map(encodeURIComponent).join('/')}.${format}${apiQuery ? `?${apiQuery}` : ''}`)}">${label}</a>`;
  return `Download ${link('pdf', 'PDF (A4)')} or ${link('pptx', 'PowerPoint')}.`;
}
