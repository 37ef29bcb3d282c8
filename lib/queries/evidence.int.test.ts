import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { withSeededDatabase } from '../../test/support/seeded';
import { RESEARCH_DIR } from '../../prisma/seed/seed';
import { WINDOW_INDICATORS } from '../curation/catalogue';
import { matrixCell } from '../dashboard/shape';
import { parseView } from '../schemas/view';
import { shiftDecimal, scaleBetween } from '../units';
import { lookupIndicatorExport } from './chart-export';
import { resolveView, scoringData } from './dashboard';

/** The default overview and the charts, computed by the app's own queries over the seeded research set. */

const seeded = withSeededDatabase();

async function overview(params: Record<string, string> = {}) {
  const { state } = parseView(params);
  const view = await resolveView(state);
  const data = await scoringData(view, state);
  return view.partners.map((p) => ({
    partner: p.code,
    cells: data.catalogue.dimensions.map((d) => matrixCell(data.observations, data.catalogue, d.key, p.code, view.focal.code, { index: data.index })),
  }));
}

describe('evidence in the default overview', () => {
  it('gives at least 17 of 21 cells a score, a sourced zero or "not applicable"', async () => {
    const rows = await overview();
    const cells = rows.flatMap((r) => r.cells.map((c) => ({ partner: r.partner, dimension: c.dimension, state: c.state })));
    expect(cells).toHaveLength(21);
    const told = cells.filter((c) => c.state !== 'none');
    expect(told.length, JSON.stringify(cells.filter((c) => c.state === 'none'))).toBeGreaterThanOrEqual(17);
    // each of the four states is real: Ukraine's gas is a sourced zero (Statistical Review matrices list every origin),
    // Ukraine's oil does not apply, and some cell still has no data
    const state = (p: string, d: string) => cells.find((c) => c.partner === p && c.dimension === d)?.state;
    expect(state('UKR', 'gas')).toBe('zero');
    expect(state('UKR', 'oil')).toBe('na');
    expect(state('RUS', 'gas')).toBe('score');
  });

  it('scores arms and sanctions stance for at least two of the three partners, with coverage', async () => {
    const rows = await overview();
    for (const dimension of ['arms', 'sanctions']) {
      const scored = rows.filter((r) => r.cells.find((c) => c.dimension === dimension)?.state === 'score');
      expect(scored.length, dimension).toBeGreaterThanOrEqual(2);
      for (const r of scored) {
        const latest = r.cells.find((c) => c.dimension === dimension)!.latest!;
        expect(latest.coverage).toBeGreaterThan(0);
        expect(latest.lowConfidence).toBe(latest.components.length < 2);
      }
    }
    // Russia's arms years before the S-400 are sourced zeros from SIPRI's Russia table, not gaps
    const { state } = parseView({ partners: 'RUS', from: '2015', to: '2018' });
    const view = await resolveView(state);
    const data = await scoringData(view, state);
    const cell = matrixCell(data.observations, data.catalogue, 'arms', 'RUS', 'TUR', { index: data.index, from: 2015, to: 2018 });
    const input = cell.latest?.inputs.find((i) => i.slug === 'arms_imports_tiv');
    expect(input?.figure?.provenance.kind).toBe('zero');
    expect(input?.figure?.value).toBe(0);
  });

  it('says how many NATO members a group figure sums', async () => {
    const rows = await overview();
    const tourism = rows.find((r) => r.partner === 'NATO')!.cells.find((c) => c.dimension === 'tourism')!;
    const figure = tourism.latest!.inputs.find((i) => i.figure?.provenance.kind === 'derived')!.figure!;
    if (figure.provenance.kind !== 'derived') throw new Error('expected a derived figure');
    // 32 members in 2024, Turkey left out
    expect(figure.provenance.members).toBe(31);
    expect(figure.provenance.from.length).toBeGreaterThan(1);
  });

  it('scores from official and international sources only when the view asks', async () => {
    const all = await overview();
    const official = await overview({ sources: 'official' });
    const count = (rows: typeof all) => rows.flatMap((r) => r.cells).filter((c) => c.state === 'score').length;
    expect(count(official)).toBeLessThan(count(all));
    expect(count(official)).toBeGreaterThan(0);
    for (const cell of official.flatMap((r) => r.cells)) {
      for (const input of cell.latest?.inputs ?? []) {
        const p = input.figure?.provenance;
        if (p?.kind === 'reported') expect(['OFFICIAL', 'INTL_ORG']).toContain(p.observation.source.tier);
      }
    }
  });

  it('names every source: "[no title returned]" appears nowhere', async () => {
    expect(await seeded.db.source.count({ where: { title: { contains: 'no title returned' } } })).toBe(0);
    expect(await seeded.db.source.count({ where: { tier: null, observations: { some: {} } } })).toBe(0);
  });
});

describe('every sole annual reported figure is drawn', () => {
  type Row = { indicator: string; unit: string; partner: string; year: string; value: string; status: string };
  const rows = parse(fs.readFileSync(path.join(RESEARCH_DIR, 'observations.csv'), 'utf8'), { columns: true }) as Row[];
  const units = new Map((parse(fs.readFileSync(path.join(RESEARCH_DIR, 'indicators.csv'), 'utf8'), { columns: true }) as { indicator: string; unit: string }[]).map((r) => [r.indicator, r.unit]));
  const count = new Map<string, number>();
  for (const r of rows) count.set(`${r.indicator}|${r.partner}|${r.year}`, (count.get(`${r.indicator}|${r.partner}|${r.year}`) ?? 0) + 1);
  const sole = rows.filter((r) => r.status === 'reported' && count.get(`${r.indicator}|${r.partner}|${r.year}`) === 1 && !WINDOW_INDICATORS.has(r.indicator));

  it('appears in its chart and chart CSV with its value', async () => {
    expect(sole.length).toBeGreaterThan(300);
    const missing: string[] = [];
    for (const r of sole) {
      const result = await lookupIndicatorExport(r.indicator, { partners: r.partner, from: r.year, to: r.year });
      const exponent = scaleBetween(r.unit, units.get(r.indicator)!) ?? 0;
      const expected = Number(shiftDecimal(r.value, exponent));
      const line = result.ok ? result.spec.csv.find((c) => c.partner === r.partner && Number(c.year) === Number(r.year)) : undefined;
      const drawn = result.ok ? result.spec.values[r.partner]?.[0] : undefined;
      if (!line || line.value !== expected || drawn !== expected) missing.push(`${r.indicator} ${r.partner} ${r.year} ${r.value}: ${result.ok ? `csv ${line?.value}, drawn ${drawn}` : result.message}`);
    }
    expect(missing).toEqual([]);
  });
});
