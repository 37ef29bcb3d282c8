import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { barOffset, niceTicks, yearPercent } from '@/lib/dashboard/chart-geometry';
import type { SeriesChartProps } from '@/lib/dashboard/chart-types';
import { StaticCompareChart, StaticSeriesChart } from './static-chart';

const meta = (value: number) => ({ value, status: 'reported', source: 'S', period: '2020' });
const props: SeriesChartProps = {
  kind: 'line',
  unit: '%',
  series: [
    { key: 'RUS', name: 'Russia', colour: '#c0392b' },
    { key: 'NATO', name: 'NATO', colour: '#1f4e9c' },
  ],
  rows: [
    { year: 2019, values: { RUS: 40, NATO: 10 }, meta: { RUS: meta(40), NATO: meta(10) }, missing: [] },
    { year: 2020, values: { RUS: null, NATO: null }, meta: {}, missing: ['RUS', 'NATO'] },
    { year: 2021, values: { RUS: 45, NATO: 0 }, meta: { RUS: meta(45), NATO: { ...meta(0), zero: true } }, missing: [] },
    { year: 2022, values: { RUS: 39, NATO: null }, meta: { RUS: meta(39) }, missing: ['NATO'] },
  ],
  events: [
    { n: 1, title: 'A point event', at: 2020.2, until: null, date: '2020-03-15' },
    { n: 2, title: 'A range', at: 2021.5, until: 2030, date: '2022-01-01' },
  ],
  domain: [2019, 2022],
  summary: 'Line chart of a share',
};

describe('chart geometry', () => {
  it('gives nice ticks from zero that cover the largest value', () => {
    expect(niceTicks(45)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    for (const max of [1, 3.3, 17, 58.2, 999, 12_345, 4.1e9]) {
      const ticks = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)!).toBeLessThan(max * 2.6);
    }
  });
  it('places years in the middle of their slot and centres bar groups', () => {
    expect(yearPercent(2019, [2019, 2022])).toBe(12.5);
    expect(yearPercent(2022.5, [2019, 2022])).toBe(100);
    expect(barOffset(0, 2, 10)).toBe(-10.5);
    expect(barOffset(1, 2, 10)).toBe(0.5);
  });
});

describe('server-drawn charts', () => {
  const html = renderToStaticMarkup(createElement(StaticSeriesChart, props));
  it('draws an SVG readable without script: axes, years, legend and the summary', () => {
    expect(html).toContain('<svg');
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Line chart of a share"');
    for (const year of ['2019', '2020', '2021', '2022']) expect(html).toContain(`>${year}</text>`);
    expect(html).toContain('>Russia</span>');
    expect(html).toContain('>NATO</span>');
    expect(html).toContain('>%</text>');
  });
  it('puts a dot on every figure, never bridges a gap, and marks the empty year as no data', () => {
    expect(html.match(/<circle /g)).toHaveLength(5);
    // Russia: 2021–2022 only (2019–2021 is broken by 2020); NATO: none (2021 is followed by a gap).
    expect(html.match(/<line x1="[\d.]+%" y1=/g)).toHaveLength(1);
    expect(html.match(/no data<\/text>/g)).toHaveLength(1);
  });
  it('marks events: a dashed line for a date, a clipped band for a range', () => {
    expect(html).toContain('stroke-dasharray="3 3"');
    expect(html).toMatch(/fill="#f2c14e"[^>]*/);
    expect(html).not.toMatch(/width="-/);
  });
  it('draws a sourced zero as a thin bar, and a missing bar as nothing', () => {
    const bars = renderToStaticMarkup(createElement(StaticSeriesChart, { ...props, kind: 'bar' }));
    expect(bars.match(/<rect x="[\d.]+%" y="[\d.]+" width="[\d.]+" height="[\d.]+"\/>/g)).toHaveLength(5);
    expect(bars).toMatch(/height="3"/);
  });
  it('draws the compare chart as grouped bars on a 0–100 axis', () => {
    const compare = renderToStaticMarkup(
      createElement(StaticCompareChart, {
        rows: [
          { dimension: 'Gas', values: { RUS: 60, NATO: null }, years: { RUS: 2023, NATO: null } },
          { dimension: 'Arms', values: { RUS: 5.5, NATO: 77 }, years: { RUS: 2021, NATO: 2024 } },
        ],
        series: props.series,
        summary: 'Bar chart of scores',
      }),
    );
    expect(compare.match(/<rect /g)).toHaveLength(3);
    for (const label of ['>Gas</text>', '>Arms</text>', '>100</text>', '>0</text>']) expect(compare).toContain(label);
  });
});
