import { escapeMarkup } from '../markup';
import { barOffset, barSize, CHART_HEIGHT, COMPARE_HEIGHT, COMPARE_Y_WIDTH, niceTicks, PLOT, yearPercent } from '../dashboard/chart-geometry';
import type { ChartSeries, SeriesChartProps } from '../dashboard/chart-types';
import type { CompareRow } from '../dashboard/compare';

/**
 * Charts drawn by the server as SVG markup, readable with JavaScript off: the same axes, grid, events, "no data"
 * bands, lines and bars as the interactive Recharts chart that replaces them when a reader comes near
 * (components/charts/lazy-chart.tsx). Horizontal positions are percentages of the plot, so the picture fits any
 * column without script; the plot margins are Recharts' own (chart-geometry.ts), so nothing moves on the swap.
 *
 * Markup, not React elements: the page carries each chart once in its HTML and once as one string in its RSC
 * payload, instead of a tree of a few hundred elements (about 3× the bytes). Every text is escaped.
 */

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const AXIS = '#666';
const GRID = '#e5e7eb';
const MUTED = '#57606a';
const pct = (n: number) => `${Math.round(n * 100) / 100}%`;
const px = (n: number) => Math.round(n * 10) / 10;

const LINE_ICON = 'M0,16h10.67A5.33,5.33,0,1,1,21.33,16H32M21.33,16A5.33,5.33,0,1,1,10.67,16';
const BAR_ICON = 'M0,4h32v24h-32z';

/** The legend as Recharts draws it: a line with a ring for a line series, a square for bars; names in ink (contrast). */
export function legendHtml(series: ChartSeries[], kind: 'line' | 'bar'): string {
  const items = series.map((s) => {
    const icon = kind === 'line' ? `<path stroke-width="4" fill="none" stroke="${escapeMarkup(s.colour)}" d="${LINE_ICON}"/>` : `<path fill="${escapeMarkup(s.colour)}" d="${BAR_ICON}"/>`;
    return `<li data-series="${escapeMarkup(s.key)}"><svg width="14" height="14" viewBox="0 0 32 32" aria-hidden="true" focusable="false" class="legend-icon">${icon}</svg> <span>${escapeMarkup(s.name)}</span></li>`;
  });
  return `<ul class="chart-legend">${items.join('')}</ul>`;
}

function yAxis(ticks: number[], yOf: (v: number) => number, height: number, unit?: string): string {
  const parts = [`<g class="axis y-axis" fill="${AXIS}" stroke="${AXIS}"><line x1="0" x2="0" y1="0" y2="${height}"/>`];
  for (const t of ticks) parts.push(`<line x1="-6" x2="0" y1="${px(yOf(t))}" y2="${px(yOf(t))}"/><text x="-8" y="${px(yOf(t))}" dy="0.355em" text-anchor="end" stroke="none">${escapeMarkup(compact.format(t))}</text>`);
  if (unit) parts.push(`<text transform="translate(${-(PLOT.left - 24)} ${height / 2}) rotate(-90)" text-anchor="middle" font-size="12" stroke="none">${escapeMarkup(unit)}</text>`);
  parts.push('</g>');
  return parts.join('');
}

function xAxis(height: number, ticks: { at: number; label: string }[]): string {
  const parts = [`<g class="axis x-axis" fill="${AXIS}" stroke="${AXIS}"><line x1="0" x2="100%" y1="${height}" y2="${height}"/>`];
  for (const t of ticks) parts.push(`<line x1="${pct(t.at)}" x2="${pct(t.at)}" y1="${height}" y2="${height + 6}"/><text x="${pct(t.at)}" y="${height + 8}" dy="0.71em" text-anchor="middle" stroke="none">${escapeMarkup(t.label)}</text>`);
  parts.push('</g>');
  return parts.join('');
}

const grid = (ticks: number[], yOf: (v: number) => number) => `<g stroke="${GRID}">${ticks.map((t) => `<line x1="0" x2="100%" y1="${px(yOf(t))}" y2="${px(yOf(t))}"/>`).join('')}</g>`;
const svgOpen = (height: number) => `<svg width="100%" height="${height}" overflow="visible" aria-hidden="true" focusable="false" class="chart-svg">`;

/** The years labelled on the axis: about eight fit a half-width column; the last year is always labelled. */
export function labelledYears(domain: [number, number]): number[] {
  const years: number[] = [];
  for (let y = domain[0]; y <= domain[1]; y++) years.push(y);
  const every = Math.max(1, Math.ceil(years.length / 8));
  return years.filter((_, i) => (years.length - 1 - i) % every === 0);
}

export function seriesChartSvg({ kind, unit, series, rows, events, domain }: SeriesChartProps): string {
  const plotHeight = CHART_HEIGHT - PLOT.top - PLOT.bottom - PLOT.xAxis - PLOT.legend;
  const all = rows.flatMap((r) => Object.values(r.values)).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.max(0, ...all));
  const top = ticks.at(-1)!;
  const yOf = (v: number) => plotHeight - (v / top) * plotHeight;
  const x = (value: number) => yearPercent(value, domain);
  const clamp = (n: number) => Math.min(100, Math.max(0, n));
  const size = barSize(domain[1] - domain[0] + 1, series.length);
  const out: string[] = [svgOpen(plotHeight + PLOT.xAxis), grid(ticks, yOf)];

  // Events share their style through their group: a dashed line for a date, a band for a range, and its number.
  const marks: string[] = [];
  const labels: string[] = [];
  for (const e of events) {
    const left = clamp(x(e.at));
    if (e.until !== null) {
      marks.push(`<rect x="${pct(left)}" width="${pct(Math.max(0, clamp(x(e.until)) - left))}" height="${plotHeight}" fill="#f2c14e" fill-opacity="0.18" stroke="none"/>`);
      labels.push(`<text x="${pct(left)}" dx="5" y="16">${e.n}</text>`);
    } else {
      marks.push(`<line x1="${pct(left)}" x2="${pct(left)}" y2="${plotHeight}"/>`);
      labels.push(`<text x="${pct(left)}" y="-5" text-anchor="middle">${e.n}</text>`);
    }
  }
  if (marks.length) out.push(`<g class="chart-events-drawn" stroke="#6b7280" stroke-dasharray="3 3">${marks.join('')}</g><g font-size="11" fill="${MUTED}">${labels.join('')}</g>`);
  for (const r of rows) {
    if (r.missing.length !== series.length) continue;
    out.push(
      `<g class="chart-missing"><rect x="${pct(x(r.year - 0.5))}" y="0" width="${pct(x(r.year + 0.5) - x(r.year - 0.5))}" height="${plotHeight}" fill="#9ca3af" fill-opacity="0.16"/><text x="${pct(x(r.year))}" y="${plotHeight - 5}" font-size="10" fill="${MUTED}" text-anchor="middle">no data</text></g>`,
    );
  }
  series.forEach((s, si) => {
    const points = rows.map((r) => ({ year: r.year, value: r.values[s.key] ?? null }));
    if (kind === 'bar') {
      const offset = px(barOffset(si, series.length, size));
      // Percentages resolve against the viewport, so the group's shift moves every bar by the same pixels.
      out.push(`<g data-series="${escapeMarkup(s.key)}" fill="${escapeMarkup(s.colour)}" transform="translate(${offset} 0)">`);
      for (const p of points) {
        if (p.value === null) continue;
        // A sourced zero is a 3 px bar, as Recharts' minPointSize draws it.
        const y = p.value === 0 ? plotHeight - 3 : yOf(p.value);
        out.push(`<rect x="${pct(x(p.year))}" y="${px(y)}" width="${px(size)}" height="${px(plotHeight - y)}"/>`);
      }
      out.push('</g>');
      return;
    }
    out.push(`<g data-series="${escapeMarkup(s.key)}" stroke="${escapeMarkup(s.colour)}" stroke-width="2">`);
    // The line breaks where a year has no figure: it never bridges a gap as if the value were known.
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1]!, points[i]!];
      if (a.value !== null && b.value !== null) out.push(`<line x1="${pct(x(a.year))}" y1="${px(yOf(a.value))}" x2="${pct(x(b.year))}" y2="${px(yOf(b.value))}" stroke-linecap="round"/>`);
    }
    for (const p of points) if (p.value !== null) out.push(`<circle cx="${pct(x(p.year))}" cy="${px(yOf(p.value))}" r="3" fill="#fff"/>`);
    out.push('</g>');
  });
  out.push(yAxis(ticks, yOf, plotHeight, unit), xAxis(plotHeight, labelledYears(domain).map((y) => ({ at: x(y), label: String(y) }))), '</svg>');
  return out.join('') + legendHtml(series, kind);
}

/** Each partner's latest score by dimension, 0–100, as grouped bars. */
export function compareChartSvg({ rows, series }: { rows: CompareRow[]; series: ChartSeries[] }): string {
  const plotHeight = COMPARE_HEIGHT - PLOT.top - PLOT.bottom - PLOT.xAxis - PLOT.legend;
  const ticks = [0, 25, 50, 75, 100];
  const yOf = (v: number) => plotHeight - (v / 100) * plotHeight;
  const band = 100 / Math.max(1, rows.length);
  const bar = (band * 0.8) / Math.max(1, series.length);
  const out: string[] = [svgOpen(plotHeight + PLOT.xAxis), grid(ticks, yOf)];
  series.forEach((s, si) => {
    out.push(`<g data-series="${escapeMarkup(s.key)}" fill="${escapeMarkup(s.colour)}" stroke="#fff">`);
    rows.forEach((r, ri) => {
      const v = r.values[s.key];
      if (v === null || v === undefined) return;
      out.push(`<rect x="${pct(ri * band + band * 0.1 + si * bar)}" y="${px(yOf(v))}" width="${pct(bar)}" height="${px(plotHeight - yOf(v))}"/>`);
    });
    out.push('</g>');
  });
  out.push(yAxis(ticks, yOf, plotHeight), xAxis(plotHeight, rows.map((r, ri) => ({ at: (ri + 0.5) * band, label: r.dimension }))), '</svg>');
  return out.join('') + legendHtml(series, 'bar');
}

export const COMPARE_PADDING_LEFT = 8 + COMPARE_Y_WIDTH;
