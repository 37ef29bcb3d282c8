// Plain anchors: a matrix has dozens of links, and each next/link is a client component to render and hydrate.
import { formatNumber, formatValue } from '@/lib/dashboard/format';
import { derivedText, type MatrixCell } from '@/lib/dashboard/shape';
import type { Actor, DimensionRow } from '@/lib/dashboard/types';
import { scoreBandIndex, SCORE_BANDS } from '@/lib/scoring/score';

export type MatrixRow = { partner: Actor; memberOf?: string; cells: MatrixCell[] };

// Cell texts are built as single strings: the overview renders dozens of cells, and fewer nodes render faster.
function trendText(cell: MatrixCell): string {
  if (!cell.latest || !cell.previous || cell.latest.score === null || cell.previous.score === null) return 'no earlier value';
  const rounded = Math.round((cell.latest.score - cell.previous.score) * 10) / 10;
  if (rounded === 0) return `unchanged since ${cell.previous.year}`;
  return `${rounded > 0 ? 'up' : 'down'} ${formatNumber(Math.abs(rounded))} pts since ${cell.previous.year}`;
}

function trendArrow(text: string): string {
  return text.startsWith('up') ? '▲ ' : text.startsWith('down') ? '▼ ' : '';
}

function scoreLine(cell: MatrixCell): string {
  const latest = cell.latest!;
  const inputs = `${latest.components.length} of ${latest.components.length + latest.missing.length} input${latest.components.length + latest.missing.length === 1 ? '' : 's'}`;
  return `Score ${Math.round(latest.score!)} · ${inputs}${latest.lowConfidence ? ' · low confidence' : ''}`;
}

function Cell({ cell, href }: { cell: MatrixCell; href: string }) {
  if (cell.state === 'score' && cell.latest && cell.latest.score !== null && cell.headline) {
    const { indicator, figure, year, display } = cell.headline;
    const input = cell.latest.inputs.find((i) => i.slug === indicator.slug);
    const provenance = figure.provenance.kind === 'derived' ? ` (${derivedText(figure.provenance)})` : figure.provenance.kind === 'zero' ? ' (sourced zero)' : '';
    return (
      <td className={`matrix-cell band-${scoreBandIndex(cell.latest.score)}`} data-state="score">
        <a href={href} className="cell-link">
          <span className="cell-figure">{display ?? formatValue(figure.value, indicator.unit)}</span>
          <span className="cell-line">{`${indicator.name}, ${input?.window ? `five-year window to ${year}` : year}${provenance}`}</span>
          <span className="cell-line">
            {scoreLine(cell)}
            {cell.latest.lowConfidence ? <abbr title="Fewer than two inputs had data this year" className="low-confidence"> ⚠</abbr> : null}
          </span>
          <span className="trend" data-arrow={trendArrow(trendText(cell))}>
            {trendText(cell)}
          </span>
        </a>
      </td>
    );
  }
  if (cell.state === 'zero') {
    const zero = cell.zero;
    const year = zero?.listing.year ?? cell.latest?.year;
    const name = zero?.indicator.name ?? cell.headline?.indicator.name ?? '';
    const source = zero?.listing.source ?? null;
    return (
      <td className="matrix-cell zero" data-state="zero">
        <a href={href} className="cell-link">
          <span className="cell-figure">0 · sourced zero</span>
          <span className="cell-line">{`${name}, ${year}`}</span>
          {source ? <span className="cell-line">{`${source.publisher || source.title} lists every partner; none from this one`}</span> : null}
        </a>
      </td>
    );
  }
  if (cell.state === 'na') {
    return (
      <td className="matrix-cell na" data-state="na">
        <a href={href} className="cell-link">
          <span className="cell-figure">Not applicable</span>
          <span className="cell-line">{cell.reason}</span>
        </a>
      </td>
    );
  }
  return (
    <td className="matrix-cell empty" data-state="none">
      <a href={href} className="cell-link">
        <span className="cell-figure">No data</span>
      </a>
    </td>
  );
}

export function ScoreLegend() {
  return (
    <div className="legend" aria-label="Colour scale of the dependency score">
      <span className="legend-title">Dependency score</span>
      <ul>
        {SCORE_BANDS.map((band) => (
          <li key={band.label}>
            <span className="swatch" style={{ background: band.colour }} aria-hidden="true" />
            {band.label}
          </li>
        ))}
        <li>
          <span className="swatch zero" aria-hidden="true" />
          sourced zero
        </li>
        <li>
          <span className="swatch na" aria-hidden="true" />
          not applicable
        </li>
        <li>
          <span className="swatch empty" aria-hidden="true" />
          no data
        </li>
      </ul>
    </div>
  );
}

export function DependencyMatrix({
  rows,
  dimensions,
  focalName,
  hrefFor,
}: {
  rows: MatrixRow[];
  dimensions: DimensionRow[];
  focalName: string;
  hrefFor: (partner: string, dimension: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="matrix" aria-describedby="matrix-note">
        <caption>Dependency matrix: {focalName} and each partner, latest year in range</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            {dimensions.map((d) => (
              <th scope="col" key={d.key}>
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.partner.code} className={row.memberOf ? 'member-row' : undefined}>
              <th scope="row">
                {row.memberOf ? <span className="visually-hidden">{row.memberOf} member: </span> : null}
                {row.partner.name}
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.dimension} cell={cell} href={hrefFor(row.partner.code, cell.dimension)} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
