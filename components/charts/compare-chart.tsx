'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COMPARE_HEIGHT, COMPARE_Y_WIDTH, PLOT } from '../../lib/dashboard/chart-geometry';
import type { ChartSeries } from '../../lib/dashboard/chart-types';
import type { CompareRow } from '../../lib/dashboard/compare';
import { LegendToggles, useHiddenSeries } from './series-chart';

/** The interactive form of the compare chart, loaded by LazyChart over the server's picture. */
export function CompareChart({ rows, series, summary }: { rows: CompareRow[]; series: ChartSeries[]; summary: string }) {
  const [hidden, toggle] = useHiddenSeries();
  const data = rows.map((r) => ({ dimension: r.dimension, ...r.values }));
  return (
    <div className="chart-canvas chart-interactive" role="group" aria-label={summary}>
      <ResponsiveContainer width="100%" height={COMPARE_HEIGHT}>
        <BarChart data={data} margin={{ top: PLOT.top, right: PLOT.right, bottom: PLOT.bottom, left: 8 }} barCategoryGap="10%" barGap={0}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="dimension" height={PLOT.xAxis} interval={0} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} width={COMPARE_Y_WIDTH} />
          <Tooltip
            formatter={(value, name, item) => {
              const key = String(item.dataKey ?? '');
              const row = rows.find((r) => r.dimension === (item.payload as { dimension: string }).dimension);
              const year = row?.years[key];
              return [`${typeof value === 'number' ? value.toFixed(1) : String(value)}${year ? ` (${year})` : ''}`, name];
            }}
          />
          <Legend height={PLOT.legend} content={() => <LegendToggles series={series} hidden={hidden} onToggle={toggle} kind="bar" />} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} stroke="#fff" isAnimationActive={false} hide={hidden.has(s.key)} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
