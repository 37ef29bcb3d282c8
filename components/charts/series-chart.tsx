'use client';

import { useState } from 'react';
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
import { barSize, CHART_HEIGHT, niceTicks, PLOT } from '../../lib/dashboard/chart-geometry';
import type { ChartRow, ChartSeries, SeriesChartProps } from '../../lib/dashboard/chart-types';
import { labelledYears } from '../../lib/charts/static-svg';

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
              {meta.flags?.length ? <span className="meta tooltip-flags">Flags: {meta.flags.join('; ')}</span> : null}
              {meta.alternatives?.length ? (
                <span className="meta tooltip-alternatives">
                  Not drawn ({meta.alternatives.length}): {meta.alternatives.slice(0, 3).join(' | ')}
                  {meta.alternatives.length > 3 ? ` | and ${meta.alternatives.length - 3} more in the table of values` : ''}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The legend as toggle buttons, in the series' order: a reader hides or shows a partner's series. */
export function LegendToggles({ series, hidden, onToggle, kind }: { series: ChartSeries[]; hidden: Set<string>; onToggle: (key: string) => void; kind: 'line' | 'bar' }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => {
        const off = hidden.has(s.key);
        return (
          <li key={s.key} data-series={s.key}>
            <button type="button" className="legend-toggle" aria-pressed={!off} onClick={() => onToggle(s.key)} title={off ? `Show ${s.name}` : `Hide ${s.name}`}>
              <svg width="14" height="14" viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="legend-icon">
                {kind === 'line' ? (
                  <path strokeWidth="4" fill="none" stroke={off ? '#ccc' : s.colour} d="M0,16h10.67A5.33,5.33,0,1,1,21.33,16H32M21.33,16A5.33,5.33,0,1,1,10.67,16" />
                ) : (
                  <path fill={off ? '#ccc' : s.colour} d="M0,4h32v24h-32z" />
                )}
              </svg>{' '}
              <span style={{ color: off ? '#57606a' : undefined, textDecoration: off ? 'line-through' : undefined }}>{s.name}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function useHiddenSeries(): [Set<string>, (key: string) => void] {
  const [hidden, setHidden] = useState<Set<string>>(() => new Set());
  const toggle = (key: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  return [hidden, toggle];
}

/**
 * The interactive form of a time series (lines for shares, bars for volumes, events as markers and shaded ranges),
 * loaded by LazyChart over the server's picture (static-chart.tsx) with the same margins, ticks and bar widths.
 */
export function SeriesChart({ kind, unit, series, rows, events, domain, summary }: SeriesChartProps) {
  const [hidden, toggle] = useHiddenSeries();
  const data = rows.map((row) => ({ year: row.year, __row: row, ...row.values }));
  const xTicks = labelledYears(domain);
  const all = rows.flatMap((r) => Object.values(r.values)).filter((v): v is number => v !== null);
  const yTicks = niceTicks(Math.max(0, ...all));
  const size = barSize(domain[1] - domain[0] + 1, series.length);
  return (
    <div className="chart-canvas chart-interactive" role="group" aria-label={summary}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart data={data} margin={{ top: PLOT.top, right: PLOT.right, bottom: PLOT.bottom, left: 8 }} barGap={1}>
          <CartesianGrid stroke="#e5e7eb" vertical={false} />
          <XAxis dataKey="year" type="number" domain={[domain[0] - 0.5, domain[1] + 0.5]} ticks={xTicks} interval={0} tickFormatter={(y: number) => String(y)} allowDecimals={false} height={PLOT.xAxis} />
          <YAxis width={PLOT.left - 8} domain={[0, yTicks.at(-1)!]} ticks={yTicks} tickFormatter={(v: number) => compact.format(v)} label={{ value: unit, angle: -90, position: 'insideLeft', offset: 4, style: { fontSize: 12 } }} />
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
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.colour} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} hide={hidden.has(s.key)} />
            ) : (
              <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.colour} barSize={size} minPointSize={(value: number | undefined | null) => (value === 0 ? 3 : 0)} isAnimationActive={false} hide={hidden.has(s.key)} />
            ),
          )}
          <Tooltip content={<PointTooltip unit={unit} series={series.filter((s) => !hidden.has(s.key))} />} />
          <Legend height={PLOT.legend} content={() => <LegendToggles series={series} hidden={hidden} onToggle={toggle} kind={kind} />} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
