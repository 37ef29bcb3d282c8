/**
 * The briefing as a PDF (pdfkit; the charts through svg-to-pdfkit): cover, the matrix as a coloured table, each chart
 * as vector graphics with a caption, the score formula and weights, a numbered source list, page numbers. Text is set
 * in the bundled Inter (its latin, latin-ext and cyrillic subsets, embedded as subsets of themselves), a character
 * none of them has shown as "[…]" as in the chart exports. Runs in the render process: no database, no Next.js.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Font } from 'opentype.js';
import { composeSvg, type Fonts } from '../export/compose';
import { PRODUCT_NAME } from '../export/spec';
import { SCORE_BANDS } from '../scoring/score';
import type { Briefing, BriefingCell, PaperSize } from './types';

type Weight = 'regular' | 'bold';
export type PdfFonts = { files: Record<Weight, Buffer[]>; parsed: Fonts };

const INK = '#1b1f24';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const MARGIN = 48;
const FOOTER = 28;

/** Splits text into runs each drawable with one subset (the first that has the character), as compose.ts does. */
function runs(chain: Font[], text: string): { subset: number; text: string }[] {
  const out: { subset: number; text: string }[] = [];
  for (const char of text) {
    let subset = chain.findIndex((f) => f.charToGlyphIndex(char) > 0);
    if (subset < 0) subset = /\s/.test(char) ? 0 : -1;
    const last = out.at(-1);
    if (last && last.subset === subset) last.text += char;
    else out.push({ subset, text: char });
  }
  // Characters no subset has: one "[…]" per run, never an empty box.
  return out.map((r) => (r.subset < 0 ? { subset: 0, text: '[…]' } : r)).filter((r, i, all) => !(r.text === '[…]' && all[i - 1]?.text === '[…]'));
}

class Writer {
  readonly doc: PDFKit.PDFDocument;
  constructor(
    readonly fonts: PdfFonts,
    paper: PaperSize,
    info: PDFKit.DocumentInfo,
  ) {
    this.doc = new PDFDocument({ size: paper === 'letter' ? 'LETTER' : 'A4', margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER }, bufferPages: true, info, autoFirstPage: false });
    for (const weight of ['regular', 'bold'] as const) fonts.files[weight].forEach((buffer, i) => this.doc.registerFont(`${weight}-${i}`, buffer));
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Writes text in Inter, switching subsets within the line; wraps within `width`. */
  text(text: string, options: { size?: number; bold?: boolean; colour?: string; x?: number; y?: number; width?: number; align?: 'left' | 'center' | 'right'; link?: string; gap?: number } = {}): void {
    const { doc } = this;
    const weight: Weight = options.bold ? 'bold' : 'regular';
    const parts = runs(this.fonts.parsed[weight], text || ' ');
    doc.fillColor(options.colour ?? INK).fontSize(options.size ?? 10);
    parts.forEach((part, i) => {
      doc.font(`${weight}-${part.subset}`);
      const last = i === parts.length - 1;
      const opts: PDFKit.Mixins.TextOptions = { continued: !last, lineGap: options.gap ?? 1.5, ...(options.link ? { link: options.link, underline: false } : {}) };
      if (i === 0) {
        Object.assign(opts, { width: options.width ?? this.width, align: options.align ?? 'left' });
        if (options.x !== undefined || options.y !== undefined) doc.text(part.text, options.x ?? doc.x, options.y ?? doc.y, opts);
        else doc.text(part.text, opts);
      } else {
        doc.text(part.text, opts);
      }
    });
  }

  /** The height `text` takes at `width` (measured with the first subset; Inter's subsets share metrics). */
  height(text: string, width: number, size: number, bold = false): number {
    this.doc.font(`${bold ? 'bold' : 'regular'}-0`).fontSize(size);
    return this.doc.heightOfString(text || ' ', { width, lineGap: 1.5 });
  }

  heading(text: string, size = 16): void {
    this.ensure(size * 3);
    this.text(text, { size, bold: true });
    this.doc.moveDown(0.4);
  }

  /** Starts a new page unless `space` points are left on this one. */
  ensure(space: number): void {
    if (this.doc.y + space > this.bottom) this.doc.addPage();
  }
}

function cover(w: Writer, b: Briefing): void {
  const { doc } = w;
  doc.addPage();
  w.text(`${PRODUCT_NAME} · briefing`, { size: 10, colour: MUTED });
  doc.moveDown(2);
  w.text(b.title, { size: 24, bold: true, gap: 3 });
  doc.moveDown(0.6);
  w.text(b.viewLabel, { size: 13, colour: MUTED });
  doc.moveDown(1.5);
  const facts: [string, string][] = [
    ['Focal country', `${b.focal.name} (${b.focal.code})`],
    ['Partners', b.partners.map((p) => `${p.name} (${p.code})`).join(', ')],
    ['Years', b.years],
    ['Data as of', b.asOf],
    ['Contents', `dependency matrix; ${b.charts.length} chart${b.charts.length === 1 ? '' : 's'}; score formula and weights; ${b.sources.length} numbered source${b.sources.length === 1 ? '' : 's'}`],
  ];
  for (const [label, value] of facts) {
    w.text(label, { size: 9, bold: true, colour: MUTED });
    w.text(value, { size: 11 });
    doc.moveDown(0.6);
  }
  w.text('Permalink', { size: 9, bold: true, colour: MUTED });
  w.text(b.permalink, { size: 10, colour: '#0969da', link: b.permalink });
  doc.moveDown(2);
  w.text(
    'Every figure in this briefing comes from a source listed at the end, by number. Scores are 0–100 (higher is more dependent), computed from the sourced figures with the formula and weights on the method page.',
    { size: 9, colour: MUTED },
  );
}

const refs = (ns: number[]) => (ns.length ? `[${ns.join(', ')}]` : '');

function matrix(w: Writer, b: Briefing): void {
  const { doc } = w;
  doc.addPage({ layout: 'landscape', size: doc.page.size, margins: doc.page.margins });
  w.heading('Dependency matrix');
  w.text(`${b.focal.name}'s dependence on each partner by dimension: the latest year in ${b.years} with data. Numbers in brackets refer to the source list.`, { size: 9, colour: MUTED });
  doc.moveDown(0.6);
  const left = doc.page.margins.left;
  const firstCol = 92;
  const col = (w.width - firstCol) / b.matrix.dimensions.length;
  const pad = 4;
  const drawHeader = () => {
    const y = doc.y;
    const h = Math.max(...b.matrix.dimensions.map((d) => w.height(d, col - 2 * pad, 8, true))) + 2 * pad;
    doc.rect(left, y, w.width, h).fill('#f6f8fa');
    w.text('Partner', { x: left + pad, y: y + pad, width: firstCol - 2 * pad, size: 8, bold: true });
    b.matrix.dimensions.forEach((d, i) => w.text(d, { x: left + firstCol + i * col + pad, y: y + pad, width: col - 2 * pad, size: 8, bold: true }));
    doc.y = y + h;
  };
  const cellText = (c: BriefingCell) => [...c.lines.filter(Boolean), ...(c.sources.length ? [refs(c.sources)] : [])];
  drawHeader();
  for (const row of b.matrix.rows) {
    const label = row.memberOf ? `${row.partner} (member of ${row.memberOf})` : row.partner;
    const heights = row.cells.map((c) => cellText(c).reduce((h, line, i) => h + w.height(line, col - 2 * pad, i === 0 ? 8.5 : 6.5, i === 0), 0));
    const h = Math.max(w.height(label, firstCol - 2 * pad, 8.5, true), ...heights) + 2 * pad;
    if (doc.y + h > w.bottom) {
      doc.addPage({ layout: 'landscape', size: doc.page.size, margins: doc.page.margins });
      drawHeader();
    }
    const y = doc.y;
    w.text(label, { x: left + pad, y: y + pad, width: firstCol - 2 * pad, size: 8.5, bold: true });
    row.cells.forEach((c, i) => {
      const x = left + firstCol + i * col;
      doc.rect(x, y, col, h).fill(c.fill);
      if (c.state === 'zero') doc.rect(x + 1, y + 1, col - 2, h - 2).lineWidth(1.5).stroke(MUTED);
      if (c.state === 'none') {
        doc.save();
        doc.rect(x, y, col, h).clip();
        for (let d = -h; d < col; d += 8) doc.moveTo(x + d, y + h).lineTo(x + d + h, y).lineWidth(2.5).stroke('#eaeef2');
        doc.restore();
      }
      let ty = y + pad;
      cellText(c).forEach((line, li) => {
        w.text(line, { x: x + pad, y: ty, width: col - 2 * pad, size: li === 0 ? 8.5 : 6.5, bold: li === 0, colour: c.ink });
        ty = doc.y;
      });
    });
    doc.moveTo(left, y + h).lineTo(left + w.width, y + h).lineWidth(0.5).stroke(RULE);
    doc.x = left;
    doc.y = y + h;
  }
  // The legend: five score bands and the three other states.
  doc.moveDown(0.8);
  w.ensure(30);
  let x = left;
  const y = doc.y;
  const swatches: [string, string, string?][] = [...SCORE_BANDS.map((band) => [band.colour, `score ${band.label}`] as [string, string]), ['#ffffff', 'sourced zero', MUTED], ['#eef1f4', 'not applicable'], ['#f6f8fa', 'no data']];
  for (const [fill, label, stroke] of swatches) {
    doc.rect(x, y, 10, 10).fill(fill);
    if (stroke) doc.rect(x, y, 10, 10).lineWidth(1).stroke(stroke);
    w.text(label, { x: x + 14, y: y + 1, width: 90, size: 8 });
    x += 14 + w.doc.widthOfString(label) + 16;
  }
  doc.x = left;
  doc.y = y + 18;
}

function charts(w: Writer, b: Briefing): void {
  const { doc } = w;
  if (b.charts.length === 0) return;
  doc.addPage({ layout: 'portrait', size: doc.page.size, margins: doc.page.margins });
  w.heading('Charts');
  b.charts.forEach((chart, i) => {
    const width = w.width;
    const height = (width * 675) / 1200;
    const { spec } = chart;
    const events = spec.events.map((e) => `${e.n} ${e.date}${e.until !== null ? ' (range)' : ''}: ${e.title}`).join('; ');
    const caption = [`Figure ${i + 1}. ${spec.title}. ${spec.subtitle}.`, events ? `Events: ${events}.` : '', `Sources: ${refs(chart.sources) || 'none'}.`].filter(Boolean).join(' ');
    const captionHeight = w.height(caption, width, 8);
    w.ensure(height + captionHeight + 16);
    const y = doc.y;
    // The export composition (title, legend, event markers and list, sources, as-of date), as vector paths.
    // The root's own width and height would fix it at 1200 px; without them its viewBox scales to the box given here.
    // Text as text in the embedded Inter subsets (the chart's words stay searchable), not as outlines.
    const svg = composeSvg(spec, { width: 1200, height: 675, background: 'white', permalink: b.permalink }, w.fonts.parsed, 'text').replace(/^<svg([^>]*?) width="\d+" height="\d+"/, '<svg$1');
    SVGtoPDF(doc, svg, doc.page.margins.left, y, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (family, bold) => `${bold ? 'bold' : 'regular'}-${/^Inter-(\d)$/.exec(family)?.[1] ?? '0'}`,
    });
    doc.rect(doc.page.margins.left, y, width, height).lineWidth(0.5).stroke(RULE);
    doc.x = doc.page.margins.left;
    doc.y = y + height + 4;
    w.text(caption, { size: 8, colour: MUTED });
    doc.moveDown(1);
  });
}

function method(w: Writer, b: Briefing): void {
  const { doc } = w;
  doc.addPage({ layout: 'portrait', size: doc.page.size, margins: doc.page.margins });
  w.heading('How the score is computed');
  w.text(b.formula, { size: 10 });
  doc.moveDown(0.6);
  w.text('A dimension is scored per partner and year from the inputs that have figures that year; with fewer than two inputs the score is marked low confidence. Weights of this view:', { size: 9, colour: MUTED });
  doc.moveDown(0.6);
  const left = doc.page.margins.left;
  const cols = [140, w.width - 140 - 110, 110];
  const row = (cells: string[], bold = false) => {
    const h = Math.max(...cells.map((c, i) => w.height(c, cols[i]! - 6, 9, bold))) + 6;
    w.ensure(h);
    const y = doc.y;
    let x = left;
    cells.forEach((c, i) => {
      w.text(c, { x: x + 3, y: y + 3, width: cols[i]! - 6, size: 9, bold });
      x += cols[i]!;
    });
    doc.moveTo(left, y + h).lineTo(left + w.width, y + h).lineWidth(0.5).stroke(RULE);
    doc.x = left;
    doc.y = y + h;
  };
  row(['Dimension', 'Input', 'Weight'], true);
  for (const weight of b.weights) row([weight.dimension, weight.indicator, `${weight.weight}${weight.changed ? ' (changed in this view)' : ''}`]);
}

function sourceList(w: Writer, b: Briefing): void {
  const { doc } = w;
  doc.addPage({ layout: 'portrait', size: doc.page.size, margins: doc.page.margins });
  w.heading('Sources');
  if (b.sources.length === 0) w.text('No figures, so no sources, in this view.', { size: 9 });
  for (const s of b.sources) {
    const head = `[${s.n}] ${s.title}`;
    const meta = `${[s.publisher, s.tier].filter(Boolean).join(' · ')}${s.url ? '' : ' · no URL'}`;
    const excerpt = s.excerpt ? `“${s.excerpt}”` : '';
    w.ensure(w.height(head, w.width, 9, true) + 14 + (s.url ? 12 : 0) + (excerpt ? w.height(excerpt, w.width - 12, 8) : 0));
    w.text(head, { size: 9, bold: true });
    w.text(meta, { size: 8, colour: MUTED });
    if (s.url) w.text(s.url, { size: 8, colour: '#0969da', link: s.url });
    if (excerpt) w.text(excerpt, { size: 8, x: doc.page.margins.left + 12, width: w.width - 12 });
    doc.x = doc.page.margins.left;
    doc.moveDown(0.6);
  }
}

function pageNumbers(w: Writer, b: Briefing): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // writing in the margin must not start a page
    const y = doc.page.height - MARGIN + 8;
    const width = doc.page.width - margins.left - margins.right;
    w.text(`${PRODUCT_NAME} · ${b.focal.name} · data as of ${b.asOf}`, { x: margins.left, y, width, size: 7.5, colour: MUTED });
    w.text(`Page ${i + 1} of ${range.count}`, { x: margins.left, y, width, size: 7.5, colour: MUTED, align: 'right' });
    margins.bottom = bottom;
  }
}

export async function briefingPdf(b: Briefing, paper: PaperSize, fonts: PdfFonts): Promise<Buffer> {
  const w = new Writer(fonts, paper, { Title: b.title, Author: PRODUCT_NAME, Subject: `${b.viewLabel} · ${b.focal.name} · ${b.years}`, Keywords: b.permalink });
  const chunks: Buffer[] = [];
  w.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    w.doc.on('end', resolve);
    w.doc.on('error', reject);
  });
  cover(w, b);
  matrix(w, b);
  charts(w, b);
  method(w, b);
  sourceList(w, b);
  pageNumbers(w, b);
  w.doc.end();
  await done;
  return Buffer.concat(chunks);
}
