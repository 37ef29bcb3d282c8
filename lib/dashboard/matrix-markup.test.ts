import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { matrixBodyHtml, type MatrixRow } from './matrix-markup';
import { scoreBandIndex } from '../scoring/score';
import { matrixCell, type MatrixCell } from './shape';
import type { Catalogue, IndicatorRow, ObservationRow } from './types';

const indicator = (slug: string, valueKind: IndicatorRow['valueKind']): IndicatorRow => ({
  slug, dimension: 'gas', name: `Share <of> ${slug}`, unit: '%', valueKind, definition: '', methodology: '', higherIsMoreDependent: true, partnerSide: false,
  weight: 1, totalSlug: null,
});
const catalogue: Catalogue = {
  actors: [
    { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
    { code: 'RUS', name: 'Russia <Federation>', kind: 'COUNTRY', isFocal: false },
    { code: 'USA', name: 'United States & co', kind: 'COUNTRY', isFocal: false },
  ],
  memberships: [],
  dimensions: [{ key: 'gas', label: 'Gas', colour: '#000', description: '' }],
  indicators: [indicator('share', 'SHARE')],
  listings: [],
};
let id = 0;
const obs = (partner: string, year: number, value: number): ObservationRow => ({
  id: ++id, indicator: 'share', reporter: 'TUR', partner, year, periodType: 'YEAR', periodLabel: '', rank: 0, value, stance: null, status: 'REPORTED', note: '',
  source: { id, title: 's', publisher: '', url: null, excerpt: 'x', tier: null }, periodNote: '',
});
const observations = [obs('RUS', 2021, 30), obs('RUS', 2023, 42)];
const actor = (code: string) => catalogue.actors.find((a) => a.code === code)!;
const empty = (partner: string, dimension: string, over: Partial<MatrixCell> = {}): MatrixCell => ({
  partner, dimension, state: 'none', latest: null, previous: null, headline: null, zero: null, reason: null, stance: null, ...over,
});
const href = (partner: string, dimension: string) => `/partners/${partner}?dimension=${dimension}&from="2015"`;

const body = (rows: MatrixRow[]) => parseHTML(`<!doctype html><html><body><table><tbody>${matrixBodyHtml(rows, href)}</tbody></table></body></html>`).document;

describe('matrix body markup', () => {
  it('writes a scored cell with its band, figure, input line, score line and trend', () => {
    const cell = matrixCell(observations, catalogue, 'gas', 'RUS', 'TUR');
    expect(cell.state).toBe('score');
    const td = body([{ partner: actor('RUS'), cells: [cell] }]).querySelector('td')!;
    expect(td.getAttribute('data-state')).toBe('score');
    expect(td.className).toBe(`matrix-cell band-${scoreBandIndex(42)}`);
    expect(td.querySelector('.cell-figure')?.textContent).toBe('42%');
    const lines = [...td.querySelectorAll('.cell-line')].map((n) => n.textContent);
    expect(lines[0]).toBe('Share <of> share, 2023');
    expect(lines[1]).toMatch(/^Score 42 · 1 of 1 input/);
    const trend = td.querySelector('.trend')!;
    expect(trend.textContent).toBe('up 12 pts since 2021');
    expect(trend.getAttribute('data-arrow')).toBe('▲ ');
  });

  it('tells sourced zero, not applicable and no data apart', () => {
    const doc = body([
      {
        partner: actor('USA'),
        cells: [empty('USA', 'gas', { state: 'zero' }), empty('USA', 'oil', { state: 'na', reason: 'No border <at all> & no pipeline' }), empty('USA', 'grain')],
      },
    ]);
    const cells = [...doc.querySelectorAll('td')];
    expect(cells.map((c) => c.getAttribute('data-state'))).toEqual(['zero', 'na', 'none']);
    expect(cells.map((c) => c.querySelector('.cell-figure')?.textContent)).toEqual(['0 · sourced zero', 'Not applicable', 'No data']);
    expect(cells[1]!.querySelector('.cell-line')?.textContent).toBe('No border <at all> & no pipeline');
    expect(cells[1]!.querySelector('at')).toBeNull();
  });

  it('escapes names and links, and marks a group member for screen readers', () => {
    const doc = body([
      { partner: actor('RUS'), cells: [empty('RUS', 'gas')] },
      { partner: actor('USA'), memberOf: 'NATO <group>', cells: [empty('USA', 'gas')] },
    ]);
    const rows = [...doc.querySelectorAll('tr')];
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('th')?.textContent).toBe('Russia <Federation>');
    expect(rows[0]!.className).toBe('');
    expect(rows[1]!.className).toBe('member-row');
    expect(rows[1]!.querySelector('th .visually-hidden')?.textContent).toBe('NATO <group> member: ');
    expect(rows[1]!.querySelector('th')?.textContent).toBe('NATO <group> member: United States & co');
    expect(rows[0]!.querySelector('a.cell-link')?.getAttribute('href')).toBe('/partners/RUS?dimension=gas&from="2015"');
    expect(doc.querySelectorAll('federation, group')).toHaveLength(0);
  });
});
