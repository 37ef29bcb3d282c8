/**
 * Geometry shared by the server-drawn charts (components/charts/static-chart.tsx) and their interactive Recharts
 * form, so that the picture does not move when interactivity takes over: the same plot margins, axis ticks and bar
 * widths. Pure: no React, no DOM.
 */

/** Outer box of every time-series chart (px): the Recharts chart uses the same numbers. */
export const CHART_HEIGHT = 300;
export const COMPARE_HEIGHT = 320;
/** Recharts margin {top 16, right 16, bottom 8, left 8} plus the Y axis (56 px) and X axis (30 px). */
export const PLOT = { top: 16, right: 16, left: 8 + 56, bottom: 8, xAxis: 30, legend: 28 } as const;
export const COMPARE_Y_WIDTH = 40;

/** "Nice" ticks from 0 to at least `max`, like Recharts' default for a [0, auto] domain with 5 ticks. */
export function niceTicks(max: number, count = 5): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 0.25, 0.5, 0.75, 1].slice(0, count);
  const raw = max / (count - 1);
  const exponent = Math.floor(Math.log10(raw));
  const base = 10 ** exponent;
  const step = [1, 2, 2.5, 5, 10].map((m) => m * base).find((s) => s * (count - 1) >= max - 1e-12) ?? 10 * base;
  // Integer arithmetic on the multiplier keeps 0.1 + 0.2 from showing up as 0.30000000000000004.
  const scale = exponent < 0 ? 10 ** (1 - exponent) : 1;
  return Array.from({ length: count }, (_, i) => Math.round(i * step * scale) / scale);
}

/** Width of one bar in a bar time series, as on the interactive chart. */
export function barSize(years: number, series: number): number {
  return Math.max(4, Math.min(28, 360 / Math.max(1, years * series)));
}

/** Offset (px) of series `i` of `n` from the centre of its year, with a 1 px gap between bars. */
export function barOffset(i: number, n: number, size: number, gap = 1): number {
  return -(n * size + (n - 1) * gap) / 2 + i * (size + gap);
}

/** Position of an axis value as a percentage of the plot width, for a year axis from first − 0.5 to last + 0.5. */
export function yearPercent(value: number, domain: [number, number]): number {
  const span = domain[1] - domain[0] + 1;
  return ((value - (domain[0] - 0.5)) / span) * 100;
}
