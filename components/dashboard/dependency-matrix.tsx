// Plain anchors: a matrix has dozens of links, and each next/link is a client component to render and hydrate.
import { formatNumber, formatValue, STANCE_LABEL } from '@/lib/dashboard/format';
import type { MatrixCell } from '@/lib/dashboard/shape';
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

function Cell({ cell, href }: { cell: MatrixCell; href: string }) {
  if (cell.latest && cell.latest.score !== null && cell.headline) {
    const { indicator, figure, year } = cell.headline;
    return (
      <td className={`matrix-cell band-${scoreBandIndex(cell.latest.score)}`}>
        <a href={href} className="cell-link">
          <span className="cell-figure">{formatValue(figure.value, indicator.unit)}</span>
          <span className="cell-line">{`${indicator.name}, ${year}${figure.provenance.kind === 'derived' ? ' (sum of members)' : ''}`}</span>
          <span className="cell-line">
            {`Score ${Math.round(cell.latest.score)}${cell.latest.coverage < 1 ? ` · ${Math.round(cell.latest.coverage * 100)}% of inputs` : ''}`}
          </span>
          <span className="trend" data-arrow={trendArrow(trendText(cell))}>
            {trendText(cell)}
          </span>
        </a>
      </td>
    );
  }
  if (cell.stance?.stance) {
    return (
      <td className="matrix-cell stance">
        <a href={href} className="cell-link">
          <span className="cell-figure">{STANCE_LABEL[cell.stance.stance] ?? cell.stance.stance}</span>
          <span className="cell-line">{`${cell.stance.year} · not scored`}</span>
        </a>
      </td>
    );
  }
  return (
    <td className="matrix-cell empty">
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
