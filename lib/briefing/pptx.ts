/**
 * The briefing as an editable PowerPoint deck (pptxgenjs), 16:9: a title slide, the matrix as a native table, one
 * slide per chart as a native chart holding exactly the drawn values (a year without a figure is a blank point, shown
 * as a gap, never as 0; the values sit in the chart's embedded sheet for editing), each with its title, unit and a
 * source line, and speaker notes with the sources and their excerpts. Runs in the render process.
 */
import PptxGenJS from 'pptxgenjs';
import { PRODUCT_NAME } from '../export/spec';
import type { Briefing, BriefingSource } from './types';

const INK = '1B1F24';
const MUTED = '57606A';
const FONT = 'Inter';
const hex = (colour: string) => colour.replace('#', '').toUpperCase();

function notesFor(numbers: number[], sources: BriefingSource[]): string {
  const cited = numbers.map((n) => sources[n - 1]).filter((s): s is BriefingSource => s !== undefined);
  if (cited.length === 0) return 'No sourced figures on this slide.';
  return ['Sources:', ...cited.map((s) => `[${s.n}] ${s.title} — ${[s.publisher, s.tier].filter(Boolean).join(' · ')}${s.url ? ` — ${s.url}` : ''}${s.excerpt ? `\n    “${s.excerpt}”` : ''}`)].join('\n');
}

const sourceLine = (numbers: number[], sources: BriefingSource[]) =>
  numbers.length === 0
    ? 'No sources.'
    : `Source${numbers.length > 1 ? 's' : ''}: ${numbers
        .map((n) => sources[n - 1])
        .filter((s): s is BriefingSource => s !== undefined)
        .map((s) => `[${s.n}] ${s.publisher || s.title}`)
        .join('; ')}`;

export async function briefingPptx(b: Briefing): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pptx.author = PRODUCT_NAME;
  pptx.company = PRODUCT_NAME;
  pptx.title = b.title;
  pptx.subject = `${b.viewLabel} · ${b.focal.name} · ${b.years}`;
  const footer = `${PRODUCT_NAME} · data as of ${b.asOf} · ${b.permalink}`;
  const addFooter = (slide: PptxGenJS.Slide) => slide.addText(footer, { x: 0.4, y: 5.25, w: 9.2, h: 0.25, fontFace: FONT, fontSize: 8, color: MUTED });

  // Title slide
  const title = pptx.addSlide();
  title.addText(`${PRODUCT_NAME} · briefing`, { x: 0.6, y: 0.5, w: 8.8, h: 0.4, fontFace: FONT, fontSize: 12, color: MUTED });
  title.addText(b.title, { x: 0.6, y: 1.1, w: 8.8, h: 1.5, fontFace: FONT, fontSize: 30, bold: true, color: INK, valign: 'top' });
  title.addText(
    [
      { text: `${b.viewLabel}\n`, options: { bold: true } },
      { text: `Focal country: ${b.focal.name} (${b.focal.code})\n` },
      { text: `Partners: ${b.partners.map((p) => p.name).join(', ')}\n` },
      { text: `Years: ${b.years} · data as of ${b.asOf}\n` },
      { text: b.permalink, options: { hyperlink: { url: b.permalink }, color: '0969DA' } },
    ],
    { x: 0.6, y: 2.8, w: 8.8, h: 2, fontFace: FONT, fontSize: 14, color: INK, valign: 'top' },
  );
  title.addNotes(`${b.title}. ${b.formula} Every figure refers to a numbered source; ${b.sources.length} sources in all.\n\n${notesFor(b.sources.map((s) => s.n), b.sources)}`);

  // The matrix as a native table
  const matrix = pptx.addSlide();
  matrix.addText('Dependency matrix', { x: 0.4, y: 0.25, w: 9.2, h: 0.45, fontFace: FONT, fontSize: 20, bold: true, color: INK });
  const head: PptxGenJS.TableRow = [{ text: 'Partner', options: { bold: true, fill: { color: 'F6F8FA' } } }, ...b.matrix.dimensions.map((d) => ({ text: d, options: { bold: true, fill: { color: 'F6F8FA' } } }))];
  const body: PptxGenJS.TableRow[] = b.matrix.rows.map((row) => [
    { text: row.memberOf ? `${row.partner} (${row.memberOf})` : row.partner, options: { bold: true } },
    ...row.cells.map((c) => ({
      text: [c.lines[0] ?? '', c.state === 'score' ? (c.lines[2] ?? '') : (c.lines[1] ?? ''), c.sources.length ? `[${c.sources.join(', ')}]` : ''].filter(Boolean).join('\n'),
      options: { fill: { color: hex(c.fill) }, color: hex(c.ink) },
    })),
  ]);
  matrix.addTable([head, ...body], {
    x: 0.4,
    y: 0.8,
    w: 9.2,
    colW: [1.3, ...b.matrix.dimensions.map(() => 7.9 / b.matrix.dimensions.length)],
    fontFace: FONT,
    fontSize: 7,
    color: INK,
    border: { type: 'solid', pt: 0.5, color: 'D0D7DE' },
    valign: 'top',
    autoPage: false,
  });
  addFooter(matrix);
  matrix.addNotes(notesFor([...new Set(b.matrix.rows.flatMap((r) => r.cells.flatMap((c) => c.sources)))].sort((x, y) => x - y), b.sources));

  // One slide per chart, a native chart with the drawn values
  for (const chart of b.charts) {
    const { spec } = chart;
    const slide = pptx.addSlide();
    slide.addText(spec.title, { x: 0.4, y: 0.2, w: 9.2, h: 0.5, fontFace: FONT, fontSize: 18, bold: true, color: INK, fit: 'shrink' });
    slide.addText(spec.subtitle, { x: 0.4, y: 0.68, w: 9.2, h: 0.3, fontFace: FONT, fontSize: 10, color: MUTED });
    const data = spec.series.map((s) => ({ name: s.name, labels: spec.slots, values: (spec.values[s.key] ?? []).map((v) => v) as number[] }));
    const events = spec.events.map((e) => `${e.n} ${e.date}${e.until !== null ? ' (range)' : ''}: ${e.title}`);
    slide.addChart(spec.kind === 'line' ? pptx.ChartType.line : pptx.ChartType.bar, data, {
      x: 0.4,
      y: 1.0,
      w: 9.2,
      h: events.length ? 3.55 : 3.85,
      barDir: 'col',
      barGrouping: 'clustered',
      chartColors: spec.series.map((s) => hex(s.colour)),
      lineSize: 2,
      lineDataSymbolSize: 5,
      displayBlanksAs: 'gap',
      showLegend: true,
      legendPos: 'b',
      legendFontFace: FONT,
      legendFontSize: 9,
      catAxisLabelFontFace: FONT,
      catAxisLabelFontSize: 8,
      valAxisLabelFontFace: FONT,
      valAxisLabelFontSize: 8,
      showValAxisTitle: true,
      valAxisTitle: spec.unit,
      valAxisTitleFontSize: 9,
      valAxisMinVal: 0,
    });
    if (events.length) slide.addText(`Events: ${events.join('; ')}`, { x: 0.4, y: 4.55, w: 9.2, h: 0.3, fontFace: FONT, fontSize: 7, color: MUTED, fit: 'shrink' });
    slide.addText(sourceLine(chart.sources, b.sources), { x: 0.4, y: 4.88, w: 9.2, h: 0.35, fontFace: FONT, fontSize: 8, color: MUTED, fit: 'shrink', valign: 'top' });
    addFooter(slide);
    slide.addNotes(`${spec.title} (${spec.unit}). A year without a figure is left blank, never drawn as zero.${events.length ? `\nEvents: ${events.join('; ')}` : ''}\n\n${notesFor(chart.sources, b.sources)}`);
  }

  // Method
  const method = pptx.addSlide();
  method.addText('How the score is computed', { x: 0.4, y: 0.25, w: 9.2, h: 0.45, fontFace: FONT, fontSize: 20, bold: true, color: INK });
  method.addText(b.formula, { x: 0.4, y: 0.75, w: 9.2, h: 0.6, fontFace: FONT, fontSize: 11, color: INK, valign: 'top' });
  method.addTable(
    [
      [{ text: 'Dimension', options: { bold: true } }, { text: 'Input', options: { bold: true } }, { text: 'Weight', options: { bold: true } }],
      ...b.weights.map((w) => [{ text: w.dimension }, { text: w.indicator }, { text: `${w.weight}${w.changed ? ' (changed)' : ''}` }]),
    ],
    { x: 0.4, y: 1.45, w: 9.2, colW: [2.2, 5.6, 1.4], fontFace: FONT, fontSize: 8, color: INK, border: { type: 'solid', pt: 0.5, color: 'D0D7DE' }, autoPage: true, autoPageRepeatHeader: true },
  );
  addFooter(method);

  const out = await pptx.write({ outputType: 'nodebuffer' });
  return out as Buffer;
}
