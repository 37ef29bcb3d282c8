import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeSvg, type Fonts } from './compose';
import { CSV_COLUMNS, toCsv } from './csv';
import { loadFonts } from './fonts';
import type { ExportSpec } from './spec';

let fonts: Fonts;

beforeAll(async () => {
  fonts = await loadFonts(async (file) => {
    const b = fs.readFileSync(path.join('node_modules', '@fontsource', 'inter', 'files', file));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
});

const spec: ExportSpec = {
  chart: 'share',
  title: 'Share of gas imports (%)',
  subtitle: 'Turkey · Russia · % · 2022–2024',
  kind: 'line',
  unit: '%',
  slots: ['2022', '2023', '2024'],
  series: [{ key: 'RUS', name: 'Russia', colour: '#CC3311' }],
  values: { RUS: [null, 42.27, 41] },
  events: [{ n: 1, title: 'Grain deal', date: '2022-07-22', at: 0.05, until: 1.04 }],
  sources: ['Çağlayan & Ş. <Test> “quoted”'],
  asOf: '2026-11-28',
  viewPath: '/dimensions/gas?partners=RUS',
  csv: [],
  fileStem: 'share-TUR-RUS-2022-2024',
};

describe('composeSvg', () => {
  it('never draws empty boxes: a run of characters no bundled font has (Persian) is shown as "[…]", the words stay in <desc>', () => {
    const persian = composeSvg({ ...spec, sources: ['گزارش واردات گاز ۲۰۲۰ (Anadolu Agency Persian service)'] }, { width: 1200, height: 675, background: 'white', permalink: 'x' }, fonts);
    expect(persian).toContain('aria-label="Source: […] (Anadolu Agency Persian service)"');
    expect(persian).toContain('<desc id="d">');
    expect(persian).toMatch(/<desc id="d">[^<]*گزارش واردات گاز/);
  });

  it('marks a year without data as "no data" (a grey band), draws a sourced zero as 0 and breaks the line at a gap', () => {
    const gap: ExportSpec = { ...spec, kind: 'bar', slots: ['2021', '2022', '2023'], values: { RUS: [5, null, 0] }, zeros: { RUS: [false, false, true] } };
    const svg = composeSvg(gap, { width: 1200, height: 675, background: 'white', permalink: 'https://atlas.example/x' }, fonts);
    expect(svg).toContain('aria-label="no data"');
    expect(svg).toContain('fill="#9ca3af" fill-opacity="0.16"');
    expect(svg).toContain('aria-label="Grey band or ×: no data for that year (not zero).');
    expect(svg).toMatch(/<rect [^>]*height="3" fill="#CC3311"\/>/);
    const full = composeSvg({ ...gap, values: { RUS: [5, 6, 7] }, zeros: {} }, { width: 1200, height: 675, background: 'white', permalink: 'https://atlas.example/x' }, fonts);
    expect(full).not.toContain('aria-label="no data"');
    const line = composeSvg({ ...spec, slots: ['2021', '2022', '2023'], values: { RUS: [40, null, 41] } }, { width: 1200, height: 675, background: 'white', permalink: 'x' }, fonts);
    // two separate sub-paths, never a segment across the missing year
    expect(/<path d="M[^"]*M[^"]*" fill="none"/.test(line)).toBe(true);
  });

  it('is a fixed-size, self-contained SVG whose words are outlines, named by title and description', () => {
    const svg = composeSvg(spec, { width: 1200, height: 675, background: 'white', permalink: 'https://atlas.example/x' }, fonts);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1200" height="675"/);
    expect(svg).toContain('<title id="t">Share of gas imports (%)</title>');
    expect(svg).toContain('Çağlayan &amp; Ş. &lt;Test&gt; “quoted”');
    expect(svg).not.toContain('<text');
    expect(svg).toContain('https://atlas.example/x');
    const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
    expect([png.width, png.height]).toEqual([1200, 675]);
  });

  it('draws the transparent variant without a background rectangle', () => {
    const svg = composeSvg(spec, { width: 1080, height: 1080, background: 'transparent', permalink: 'p' }, fonts);
    expect(svg).not.toContain('fill="#ffffff"');
    expect(svg).toContain('width="1080" height="1080"');
  });

  it('draws one bar per value for bar charts and a line with points for line charts', () => {
    const bars = composeSvg({ ...spec, kind: 'bar' }, { width: 1200, height: 675, background: 'white', permalink: 'p' }, fonts);
    const line = composeSvg(spec, { width: 1200, height: 675, background: 'white', permalink: 'p' }, fonts);
    expect(line.match(/<circle /g)).toHaveLength(2);
    expect(bars.match(/<circle /g)).toBeNull();
  });
});

describe('toCsv', () => {
  it('writes the fixed columns and quotes what needs quoting', () => {
    const csv = toCsv([
      { indicator: 'x', unit: '%', reporter: 'TUR', partner: 'RUS', year: 2024, value: 41, status: 'reported', source_title: 'A, "B"', source_url: 'https://e.org' },
    ]);
    expect(csv.split('\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.split('\n')[1]).toBe('x,%,TUR,RUS,2024,41,reported,"A, ""B""",https://e.org');
  });
});
