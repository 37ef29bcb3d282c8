// Plain anchors: a matrix has dozens of links, and each next/link is a client component to render and hydrate.
import { headlineText, scoreLine, trendText, zeroLines } from '@/lib/dashboard/matrix-text';
import type { MatrixCell } from '@/lib/dashboard/shape';
import type { Actor, DimensionRow } from '@/lib/dashboard/types';
import { scoreBandIndex, SCORE_BANDS } from '@/lib/scoring/score';
import { escapeMarkup as esc } from '@/lib/markup';

export type MatrixRow = { partner: Actor; memberOf?: string; cells: MatrixCell[] };

function trendArrow(text: string): string {
  return text.startsWith('up') ? '▲ ' : text.startsWith('down') ? '▼ ' : '';
}

/**
 * A cell as markup: the overview has dozens, each a link with three or four lines, and as markup React neither ships
 * them as an element tree nor hydrates them (see lib/dashboard/static-markup.ts). Every text and attribute is escaped.
 */
function cellHtml(cell: MatrixCell, href: string): string {
  const td = (className: string, state: string, inner: string) =>
    `<td class="matrix-cell ${className}" data-state="${state}"><a href="${esc(href)}" class="cell-link">${inner}</a></td>`;
  const line = (text: string) => `<span class="cell-line">${esc(text)}</span>`;
  if (cell.state === 'score' && cell.latest && cell.latest.score !== null && cell.headline) {
    const text = headlineText(cell)!;
    const trend = trendText(cell);
    const lowConfidence = cell.latest.lowConfidence ? '<abbr title="Fewer than two inputs had data this year" class="low-confidence"> ⚠</abbr>' : '';
    return td(
      `band-${scoreBandIndex(cell.latest.score)}`,
      'score',
      `<span class="cell-figure">${esc(text.figure)}</span>${line(text.line)}<span class="cell-line">${esc(scoreLine(cell))}${lowConfidence}</span>` +
        `<span class="trend" data-arrow="${esc(trendArrow(trend))}">${esc(trend)}</span>`,
    );
  }
  if (cell.state === 'zero') return td('zero', 'zero', `<span class="cell-figure">0 · sourced zero</span>${zeroLines(cell).map(line).join('')}`);
  if (cell.state === 'na') return td('na', 'na', `<span class="cell-figure">Not applicable</span>${line(cell.reason ?? '')}`);
  return td('empty', 'none', '<span class="cell-figure">No data</span>');
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
        <tbody
          dangerouslySetInnerHTML={{
            __html: rows
              .map(
                (row) =>
                  `<tr${row.memberOf ? ' class="member-row"' : ''}><th scope="row">${row.memberOf ? `<span class="visually-hidden">${esc(row.memberOf)} member: </span>` : ''}${esc(row.partner.name)}</th>` +
                  row.cells.map((cell) => cellHtml(cell, hrefFor(row.partner.code, cell.dimension))).join('') +
                  '</tr>',
              )
              .join(''),
          }}
        />
      </table>
    </div>
  );
}
