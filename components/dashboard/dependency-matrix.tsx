// Plain anchors: a matrix has dozens of links, and each next/link is a client component to render and hydrate.
import { headlineText, scoreLine, trendText, zeroLines } from '@/lib/dashboard/matrix-text';
import type { MatrixCell } from '@/lib/dashboard/shape';
import type { Actor, DimensionRow } from '@/lib/dashboard/types';
import { scoreBandIndex, SCORE_BANDS } from '@/lib/scoring/score';

export type MatrixRow = { partner: Actor; memberOf?: string; cells: MatrixCell[] };

// Cell texts are built as single strings: the overview renders dozens of cells, and fewer nodes render faster.
function trendArrow(text: string): string {
  return text.startsWith('up') ? '▲ ' : text.startsWith('down') ? '▼ ' : '';
}

function Cell({ cell, href }: { cell: MatrixCell; href: string }) {
  if (cell.state === 'score' && cell.latest && cell.latest.score !== null && cell.headline) {
    const text = headlineText(cell)!;
    return (
      <td className={`matrix-cell band-${scoreBandIndex(cell.latest.score)}`} data-state="score">
        <a href={href} className="cell-link">
          <span className="cell-figure">{text.figure}</span>
          <span className="cell-line">{text.line}</span>
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
    const lines = zeroLines(cell);
    return (
      <td className="matrix-cell zero" data-state="zero">
        <a href={href} className="cell-link">
          <span className="cell-figure">0 · sourced zero</span>
          {lines.map((line) => (
            <span className="cell-line" key={line}>
              {line}
            </span>
          ))}
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
