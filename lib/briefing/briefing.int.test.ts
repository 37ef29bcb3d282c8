import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSeededDatabase } from '../../test/support/seeded';
import { buildBriefing } from './build';
import { lookupBriefing } from './model';
import type { Briefing } from './types';

/** The briefing pack from the seeded research set: the PDF read back with poppler, the deck unzipped and opened in LibreOffice. */

const ORIGIN = 'https://atlas.example';
withSeededDatabase();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-briefing-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function briefing(view: Parameters<typeof lookupBriefing>[0], params: Record<string, string> = {}): Promise<Briefing> {
  const found = await lookupBriefing(view, params, ORIGIN);
  if (!found.ok) throw new Error(found.message);
  const built = await found.build();
  expect(built.fileStem).toBe(found.fileStem); // the name the route gives a cached file is the built one's
  return built;
}

const has = (bin: string) => spawnSync('sh', ['-c', `command -v ${bin}`]).status === 0;

describe('briefing PDF', () => {
  it('has the title, every partner, a source URL, page numbers, and the pages the content needs', async () => {
    const b = await briefing({ kind: 'overview' });
    expect(b.charts.length).toBeGreaterThan(3);
    expect(b.sources.length).toBeGreaterThan(5);
    const file = path.join(dir, `${b.fileStem}.pdf`);
    fs.writeFileSync(file, await buildBriefing(b, 'pdf', 'a4'));
    if (process.env.BRIEFING_KEEP) {
      fs.copyFileSync(file, process.env.BRIEFING_KEEP);
      fs.writeFileSync(`${process.env.BRIEFING_KEEP}.json`, JSON.stringify(b));
    }
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`${b.focal.name}'s dependence on`);
    for (const p of b.partners) expect(text).toContain(p.name);
    const url = b.sources.find((s) => s.url)!.url!;
    expect(text.replace(/\s+/g, '')).toContain(url.replace(/\s+/g, ''));
    // every page says "Page i of N", and N is the page count pdfinfo reads
    for (let i = 1; i <= pages; i++) expect(text).toContain(`Page ${i} of ${pages}`);
    // cover + matrix + chart pages (two charts per page) + method + sources
    const perPage = (n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
    expect(perPage(1)).toContain('Permalink');
    expect(perPage(2)).toContain('Dependency matrix');
    // the figures in order, each on the page after the last or the same one, up to two a page; then method, then sources
    const texts = Array.from({ length: pages }, (_, i) => perPage(i + 1));
    const figurePage = b.charts.map((_, k) => texts.findIndex((t) => t.includes(`Figure ${k + 1}. `)) + 1);
    expect(figurePage[0]).toBe(3);
    figurePage.forEach((p, k) => k > 0 && expect(p - figurePage[k - 1]!).toBeOneOf([0, 1]));
    for (let p = 3; p <= figurePage.at(-1)!; p++) expect(figurePage.filter((x) => x === p).length).toBeOneOf([1, 2]);
    const methodPage = figurePage.at(-1)! + 1;
    expect(texts[methodPage - 1]).toContain('How the score is computed');
    expect(texts[methodPage]).toContain('[1] ');
    expect(texts[pages - 1]).toContain(`[${b.sources.length}] `);
    expect(pages).toBeGreaterThanOrEqual(methodPage + 1);
    // charts are vector drawings with real text, not pictures: no image in the file, each chart's words readable
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
    expect(images.length).toBe(2); // the header lines only
    expect(texts[2]).toContain(`${b.focal.name} · `);
    expect(texts[2]).toContain(b.charts[0]!.spec.title);
    expect(texts[2]).toMatch(/Events: 1 \d{4}-\d{2}-\d{2}/);
    // the bundled Inter is embedded
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/Inter/);
    expect(fonts.split('\n').filter((l) => /Inter/.test(l)).every((l) => /\byes\b/.test(l))).toBe(true);
  });

  it('prints on US Letter when asked', async () => {
    const b = await briefing({ kind: 'partner', code: 'RUS' });
    const file = path.join(dir, 'letter.pdf');
    fs.writeFileSync(file, await buildBriefing(b, 'pdf', 'letter'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
  });
});

describe('briefing deck', () => {
  it('has one native chart per chart with exactly the drawn values, the matrix as a table, and sources in the notes', async () => {
    const b = await briefing({ kind: 'dimension', key: 'gas' }, { partners: 'RUS,NATO' });
    const buffer = await buildBriefing(b, 'pptx');
    const zip = await JSZip.loadAsync(buffer);
    const charts = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort((a, c) => Number(/(\d+)/.exec(a)![1]) - Number(/(\d+)/.exec(c)![1]));
    expect(charts.length).toBe(b.charts.length);
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    // title, matrix, one per chart, then the method (its weights table continues on as many slides as it needs)
    expect(slides.length).toBeGreaterThanOrEqual(2 + b.charts.length + 1);
    for (const [i, name] of charts.entries()) {
      const xml = await zip.file(name)!.async('string');
      const { spec } = b.charts[i]!;
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
      expect(series.length).toBe(spec.series.length);
      spec.series.forEach((s, si) => {
        const values = /<c:val>([\s\S]*?)<\/c:val>/.exec(series[si]!)![1]!;
        const drawn = [...values.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => (m[2] === '' ? null : Number(m[2])));
        expect(drawn).toEqual(spec.values[s.key]);
        expect(series[si]).toContain(s.name);
      });
      expect(xml).toContain(spec.unit);
    }
    const slideXml = await Promise.all(slides.map((s) => zip.file(s)!.async('string')));
    expect(slideXml.some((x) => x.includes('<a:tbl>') && b.matrix.dimensions.every((d) => x.includes(d)))).toBe(true);
    const notes = await Promise.all(Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    const firstChartSource = b.sources[b.charts[0]!.sources[0]! - 1]!;
    expect(notes.some((n) => n.includes(firstChartSource.url ?? firstChartSource.title))).toBe(true);
    const excerptWords = firstChartSource.excerpt.slice(0, 30).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(notes.some((n) => n.includes(excerptWords))).toBe(true);
  });

  it.skipIf(!has('soffice'))('opens in LibreOffice: the deck converts to a PDF with one page per slide', async () => {
    const b = await briefing({ kind: 'compare' });
    const file = path.join(dir, `${b.fileStem}.pptx`);
    fs.writeFileSync(file, await buildBriefing(b, 'pptx'));
    execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 120_000, stdio: 'pipe' });
    const pdf = path.join(dir, `${b.fileStem}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2 + b.charts.length + 1);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('Dependency matrix');
  }, 180_000);
});
