import type { IndicatorChart } from './chart-data';
import { formatDate, sourceQuality } from './format';
import type { EventRow, SourceRef } from './types';
import { escapeMarkup as esc } from '../markup';

/**
 * Read-only blocks of the dashboard (event lists, a chart's event key and source line) as HTML markup. A page puts
 * each in with dangerouslySetInnerHTML: React then ships one string instead of an element tree and hydrates one
 * element instead of hundreds — the larger part of the main-thread work of loading a dimension or partner page.
 * The output is the markup the JSX components rendered before (the same elements, classes and text); every text and
 * attribute is escaped, and a link is written only for an http(s) address.
 */

/** The address as an href, or null when it is not http(s) (React refuses javascript: URLs; markup must do it itself). */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * What is inside a source's <span class="source">: its title (linked when there is an http(s) address), publisher and
 * tier, and the excerpt if asked.
 */
export function sourceInnerHtml(source: SourceRef, withExcerpt = false): string {
  const href = safeHref(source.url);
  const title = href ? `<a href="${esc(href)}" rel="noopener noreferrer">${esc(source.title)}</a>` : `<cite>${esc(source.title)}</cite>`;
  const quality = `<span class="meta source-quality" data-tier="${esc(source.tier ?? 'unrated')}"> (${esc(sourceQuality(source))})</span>`;
  const excerpt = withExcerpt && source.excerpt ? `<q class="excerpt">${esc(source.excerpt)}</q>` : '';
  return `${title}${quality}${excerpt}`;
}

const sourceHtml = (source: SourceRef): string => `<span class="source">${sourceInnerHtml(source)}</span>`;

/** The items of an event list: date (and end), title, the description unless brief, partner, dimension and source. */
export function eventItemsHtml(events: EventRow[], brief: boolean): string {
  const items = events.map((e) => {
    const when =
      `<time datetime="${esc(e.date)}">${esc(formatDate(e.date, e.precision))}</time>` +
      (e.endDate ? ` – <time datetime="${esc(e.endDate)}">${esc(formatDate(e.endDate))}</time>` : '');
    const description = e.description && !brief ? `<p class="event-description">${esc(e.description)}</p>` : '';
    const context = [e.partnerName, e.dimensionLabel].filter(Boolean).join(' · ');
    return (
      `<li>${when} <span class="event-title">${esc(e.title)}</span>${description}` +
      `<div class="meta">${esc(context)}${context ? ' · ' : ''}Source: ${sourceHtml(e.source)}</div></li>`
    );
  });
  return items.join('');
}

/** The items of the key to a chart's numbered event markers. */
export function chartEventItemsHtml(events: IndicatorChart['events']): string {
  return events
    .map((e) => `<li><span class="event-number">${e.n}</span> ${esc(formatDate(e.date))}${e.until !== null ? ' (range shaded)' : ''}: ${esc(e.title)}</li>`)
    .join('');
}

/** A chart's caption: its sources, and what is drawn. */
export function chartCaptionHtml(chart: Pick<IndicatorChart, 'sources'>): string {
  const sources = chart.sources.map((s, i) => `${i > 0 ? '; ' : ''}${sourceHtml(s)}`).join('');
  return (
    `Source${chart.sources.length > 1 ? 's' : ''}: ${sources}. Only whole-year primary figures are drawn; ` +
    'partial-year, approximate and alternative figures are in the table of values.'
  );
}
