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
