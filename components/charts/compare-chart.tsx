'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSeries } from '../../lib/dashboard/chart-types';

type Row = { dimension: string; values: Record<string, number | null>; years: Record<string, number | null> };

export function CompareChart({ rows, series, summary }: { rows: Row[]; series: ChartSeries[]; summary: string }) {
  const data = rows.map((r) => ({ dimension: r.dimension, ...r.values }));
  return (
    <div className="chart-canvas" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="dimension" />
          <YAxis domain={[0, 100]} width={40} />
          <Tooltip
            formatter={(value, name, item) => {
              const key = String(item.dataKey ?? '');
              const row = rows.find((r) => r.dimension === (item.payload as { dimension: string }).dimension);
              const year = row?.years[key];
              return [`${typeof value === 'number' ? value.toFixed(1) : String(value)}${year ? ` (${year})` : ''}`, name];
            }}
          />
          <Legend />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
