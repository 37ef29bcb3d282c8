import { escapeMarkup as esc } from '../markup';
import { scoreBandIndex } from '../scoring/score';
import { headlineText, scoreLine, trendText, zeroLines } from './matrix-text';
import type { MatrixCell } from './shape';
import type { Actor } from './types';

export type MatrixRow = { partner: Actor; memberOf?: string; cells: MatrixCell[] };

function trendArrow(text: string): string {
  return text.startsWith('up') ? '▲ ' : text.startsWith('down') ? '▼ ' : '';
}

/**
 * A cell as markup: the overview has dozens, each a link with three or four lines, and as markup React neither ships
 * them as an element tree nor hydrates them (see static-markup.ts). Every text and attribute is escaped.
 */
export function cellHtml(cell: MatrixCell, href: string): string {
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

/** The matrix body: a row per partner (a group's members marked as such for screen readers), a cell per dimension. */
export function matrixBodyHtml(rows: MatrixRow[], hrefFor: (partner: string, dimension: string) => string): string {
  return rows
    .map(
      (row) =>
        `<tr${row.memberOf ? ' class="member-row"' : ''}><th scope="row">${row.memberOf ? `<span class="visually-hidden">${esc(row.memberOf)} member: </span>` : ''}${esc(row.partner.name)}</th>` +
        row.cells.map((cell) => cellHtml(cell, hrefFor(row.partner.code, cell.dimension))).join('') +
        '</tr>',
    )
    .join('');
}
