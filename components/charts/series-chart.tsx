'use client';

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow, SeriesChartProps } from '../../lib/dashboard/chart-types';

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

type TooltipProps = { active?: boolean; label?: number; payload?: { dataKey?: string | number; payload?: Record<string, unknown> }[] };

function PointTooltip({ active, payload, unit, series }: TooltipProps & Pick<SeriesChartProps, 'unit' | 'series'>) {
  const row = payload?.[0]?.payload?.__row as ChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div className="chart-tooltip">
      <strong>{row.year}</strong>
      <ul>
        {series.map((s) => {
          const meta = row.meta[s.key];
          if (!meta) {
            return row.missing.includes(s.key) ? (
              <li key={s.key}>
                <span className="swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.name}: no data (not zero)
              </li>
            ) : null;
          }
          return (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.colour }} aria-hidden="true" /> {s.name}: {full.format(meta.value)} {unit}
              {meta.zero ? ' (sourced zero)' : ''}
              <br />
              <span className="meta">
                {meta.period} · {meta.status} · {meta.source}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A time series for partners: lines for shares, bars for volumes, events as markers and shaded ranges. */
export function SeriesChart({ kind, unit, series, rows, events, domain, summary }: SeriesChartProps) {
  const data = rows.map((row) => ({ year: row.year, __row: row, ...row.values }));
  const ticks: number[] = [];
  for (let y = domain[0]; y <= domain[1]; y++) ticks.push(y);
  const barSize = Math.max(4, Math.min(28, 360 / Math.max(1, (domain[1] - domain[0] + 1) * series.length)));
  return (
    <div className="chart-canvas" role="img" aria-label={summary}>
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={data} margin={{ top: 16, right: 16, bottom: 8, left: 8 }} barGap={1}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="year" type="number" domain={[domain[0] - 0.5, domain[1] + 0.5]} ticks={ticks} tickFormatter={(y: number) => String(y)} allowDecimals={false} />
          <YAxis width={56} tickFormatter={(v: number) => compact.format(v)} label={{ value: unit, angle: -90, position: 'insideLeft', offset: 4, style: { fontSize: 12 } }} />
          {events.map((event) =>
            event.until !== null ? (
              <ReferenceArea key={event.n} x1={event.at} x2={event.until} fill="#f2c14e" fillOpacity={0.18} ifOverflow="hidden" label={{ value: String(event.n), position: 'insideTopLeft', fontSize: 11 }} />
            ) : (
              <ReferenceLine key={event.n} x={event.at} stroke="#6b7280" strokeDasharray="3 3" ifOverflow="hidden" label={{ value: String(event.n), position: 'top', fontSize: 11 }} />
            ),
          )}
          {rows
            .filter((row) => row.missing.length === series.length)
            .map((row) => (
              <ReferenceArea
                key={`missing-${row.year}`}
                x1={row.year - 0.5}
                x2={row.year + 0.5}
                fill="#9ca3af"
                fillOpacity={0.16}
                ifOverflow="hidden"
                label={{ value: 'no data', position: 'insideBottom', fontSize: 10, fill: '#57606a' }}
              />
            ))}
          {series.map((s) =>
            kind === 'line' ? (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.colour} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} barSize={barSize} minPointSize={(value: number | undefined | null) => (value === 0 ? 3 : 0)} isAnimationActive={false} />
            ),
          )}
          <Tooltip content={<PointTooltip unit={unit} series={series} />} />
          <Legend />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
