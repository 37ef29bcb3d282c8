import type { Font } from 'opentype.js';
import { escapeMarkup } from '../markup';
import { PRODUCT_NAME, type ExportOptions, type ExportSpec } from './spec';

/**
 * The export composition: a self-contained SVG at a fixed size with title, subtitle, chart, legend, sources,
 * as-of date, permalink and product name. Every glyph is drawn as a path from the bundled font (Inter), so the
 * file looks the same in a tool that has none of our fonts; the words stay in <title>, <desc> and aria-labels.
 * Pure: the browser's export buttons and the server's /api/charts URLs call this same function.
 */

/** Each weight is a chain of subsets (latin, latin-ext, cyrillic): a character is drawn with the first that has it. */
export type Fonts = { regular: Font[]; bold: Font[] };

type Run = { font: Font; text: string };

function runs(chain: Font[], text: string): Run[] {
  const out: Run[] = [];
  for (const char of text) {
    const font = chain.find((f) => f.charToGlyphIndex(char) > 0) ?? chain[0]!;
    const last = out.at(-1);
    if (last && last.font === font) last.text += char;
    else out.push({ font, text: char });
  }
  return out;
}

const INK = '#1b1f24';
const MUTED = '#57606a';
const GRID = '#e1e4e8';

const compact = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });
const r1 = (n: number) => Math.round(n * 10) / 10;

class Writer {
  readonly parts: string[] = [];
  constructor(
    private readonly fonts: Fonts,
    private readonly glyphs: 'outlines' | 'text' = 'outlines',
  ) {}

  /**
   * The text with each run of characters that no bundled font can draw (e.g. a Persian source title) shown as "[…]"
   * instead of empty boxes; the full words stay in the SVG's <desc>.
   */
  drawable(text: string): string {
    const chain = this.fonts.regular;
    const can = (char: string) => /\s/.test(char) || chain.some((f) => f.charToGlyphIndex(char) > 0);
    if ([...text].every(can)) return text;
    return text.replace(/[^\s]+/gu, (word) => ([...word].every(can) ? word : [...word].some(can) ? [...word].map((c) => (can(c) ? c : '')).join('') || '[…]' : '[…]')).replace(/(\[…\](\s+|$))+/g, '[…] ').trimEnd();
  }

  width(text: string, size: number, bold = false): number {
    return runs(bold ? this.fonts.bold : this.fonts.regular, text).reduce((sum, run) => sum + run.font.getAdvanceWidth(run.text, size), 0);
  }

  text(raw: string, x: number, y: number, size: number, options: { bold?: boolean; fill?: string; anchor?: 'start' | 'middle' | 'end' } = {}) {
    const text = this.drawable(raw);
    if (!text) return;
    const w = this.width(text, size, options.bold);
    let left = options.anchor === 'middle' ? x - w / 2 : options.anchor === 'end' ? x - w : x;
    const chain = options.bold ? this.fonts.bold : this.fonts.regular;
    if (this.glyphs === 'text') {
      // Real text for a document that embeds the fonts (the briefing PDF): each run placed where its outlines would
      // be, in the subset that has its characters ("Inter-<n>", n its place in the chain).
      let spans = '';
      for (const run of runs(chain, text)) {
        spans += `<tspan x="${r1(left)}" font-family="Inter-${chain.indexOf(run.font)}">${escapeMarkup(run.text)}</tspan>`;
        left += run.font.getAdvanceWidth(run.text, size);
      }
      this.parts.push(`<text xml:space="preserve" y="${r1(y)}" font-size="${size}" font-weight="${options.bold ? 700 : 400}" fill="${options.fill ?? INK}">${spans}</text>`);
      return;
    }
    let d = '';
    for (const run of runs(chain, text)) {
      d += run.font.getPath(run.text, r1(left), r1(y), size).toPathData(1);
      left += run.font.getAdvanceWidth(run.text, size);
    }
    this.parts.push(`<path aria-label="${escapeMarkup(text)}" d="${d}" fill="${options.fill ?? INK}"/>`);
  }

  /** Greedy word wrap; the last allowed line ends in "…" when text remains. */
  wrap(text: string, size: number, maxWidth: number, maxLines: number, bold = false): string[] {
    const words = this.drawable(text).split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let line = '';
    for (let i = 0; i < words.length; i++) {
      const next = line ? `${line} ${words[i]}` : words[i]!;
      if (this.width(next, size, bold) <= maxWidth || !line) {
        line = next;
        continue;
      }
      lines.push(line);
      line = words[i]!;
      if (lines.length === maxLines) {
        let last = lines[maxLines - 1]!;
        while (last.length > 1 && this.width(`${last}…`, size, bold) > maxWidth) last = last.slice(0, -1);
        lines[maxLines - 1] = `${last}…`;
        return lines;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  raw(svg: string) {
    this.parts.push(svg);
  }
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const exponent = Math.floor(Math.log10(max));
  const base = 10 ** exponent;
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * base >= max) return step * base;
  return 10 * base;
}

/**
 * `glyphs: 'text'` writes text elements instead of outlines, for a renderer that has the fonts (the briefing PDF
 * embeds Inter): the same layout, a fraction of the size, and words a reader can select and search.
 */
export function composeSvg(spec: ExportSpec, options: ExportOptions, fonts: Fonts, glyphs: 'outlines' | 'text' = 'outlines'): string {
  const { width: W, height: H } = options;
  const w = new Writer(fonts, glyphs);
  const pad = Math.round(W * 0.035);
  const inner = W - 2 * pad;
  const titleSize = Math.round(W * 0.026);
  const bodySize = Math.round(W * 0.015);
  const smallSize = Math.round(W * 0.0115);

  let y = pad + titleSize;
  for (const line of w.wrap(spec.title, titleSize, inner, 2, true)) {
    w.text(line, pad, y, titleSize, { bold: true });
    y += titleSize * 1.2;
  }
  y += bodySize * 0.2;
  for (const line of w.wrap(spec.subtitle, bodySize, inner, 2)) {
    w.text(line, pad, y, bodySize, { fill: MUTED });
    y += bodySize * 1.35;
  }

  // Legend
  y += bodySize * 0.4;
  let lx = pad;
  for (const s of spec.series) {
    const label = s.name;
    const itemWidth = bodySize * 1.3 + w.width(label, bodySize) + bodySize * 1.5;
    if (lx + itemWidth > W - pad) {
      lx = pad;
      y += bodySize * 1.5;
    }
    w.raw(
      spec.kind === 'line'
        ? `<rect x="${r1(lx)}" y="${r1(y - bodySize * 0.45)}" width="${bodySize}" height="${r1(bodySize * 0.22)}" fill="${s.colour}"/>`
        : `<rect x="${r1(lx)}" y="${r1(y - bodySize * 0.8)}" width="${bodySize}" height="${bodySize}" fill="${s.colour}"/>`,
    );
    w.text(label, lx + bodySize * 1.3, y, bodySize);
    lx += itemWidth;
  }
  const plotTop = y + bodySize * 1.4;

  // Footer, laid out from the bottom up
  const footer: { text: string; bold?: boolean }[] = [];
  const sourceText = `Source${spec.sources.length > 1 ? 's' : ''}: ${spec.sources.join('; ')}`;
  const sourceLines = w.wrap(sourceText, smallSize, inner, 3);
  const eventText = spec.events.map((e) => `${e.n} ${e.date}${e.until !== null ? ' (range)' : ''}: ${e.title}`).join('   ');
  const eventLines = eventText ? w.wrap(`Events: ${eventText}`, smallSize, inner, 2) : [];
  const anyMissing = Object.values(spec.values).some((vs) => vs.some((v) => v === null));
  const anyZero = Object.values(spec.zeros ?? {}).some((zs) => zs.some(Boolean));
  const keyText = [anyMissing ? 'Grey band or ×: no data for that year (not zero)' : '', anyZero ? '"0": a sourced zero (the source lists every partner; this one had none)' : '']
    .filter(Boolean)
    .join('. ');
  footer.push(...(keyText ? [{ text: keyText }] : []), ...eventLines.map((text) => ({ text })), ...sourceLines.map((text) => ({ text })));
  footer.push({ text: `Data as of ${spec.asOf} · ${options.permalink} · ${PRODUCT_NAME}` });
  const lineHeight = smallSize * 1.4;
  const footerTop = H - pad - footer.length * lineHeight + smallSize;
  footer.forEach((line, i) => w.text(line.text, pad, footerTop + i * lineHeight, smallSize, { fill: i === footer.length - 1 ? INK : MUTED }));

  // Plot
  const axisWidth = smallSize * 4.2;
  const plotLeft = pad + axisWidth;
  const plotRight = W - pad;
  const plotBottom = footerTop - smallSize * 3.2;
  const plotHeight = Math.max(40, plotBottom - plotTop);
  const all = Object.values(spec.values).flat().filter((v): v is number => v !== null);
  const yMax = niceMax(Math.max(0, ...all));
  const yOf = (v: number) => plotBottom - (v / yMax) * plotHeight;
  const slotWidth = (plotRight - plotLeft) / Math.max(1, spec.slots.length);
  const xOf = (slot: number) => plotLeft + (slot + 0.5) * slotWidth;

  for (let i = 0; i <= 5; i++) {
    const v = (yMax / 5) * i;
    const gy = yOf(v);
    w.raw(`<line x1="${r1(plotLeft)}" x2="${r1(plotRight)}" y1="${r1(gy)}" y2="${r1(gy)}" stroke="${i === 0 ? MUTED : GRID}" stroke-width="1"/>`);
    w.text(compact.format(v), plotLeft - smallSize * 0.5, gy + smallSize * 0.35, smallSize, { fill: MUTED, anchor: 'end' });
  }
  w.text(spec.unit, pad, plotTop - smallSize * 0.6, smallSize, { fill: MUTED });
  const labelEvery = Math.max(1, Math.ceil((spec.slots.length * smallSize * 3.2) / (plotRight - plotLeft)));
  spec.slots.forEach((label, i) => {
    if (i % labelEvery === 0) w.text(label, xOf(i), plotBottom + smallSize * 1.4, smallSize, { fill: MUTED, anchor: 'middle' });
  });

  const clamp = (x: number) => Math.min(plotRight, Math.max(plotLeft, x));
  for (const e of spec.events) {
    const x1 = clamp(xOf(e.at));
    if (e.until !== null) {
      const x2 = clamp(xOf(e.until));
      w.raw(`<rect x="${r1(x1)}" y="${r1(plotTop)}" width="${r1(Math.max(1, x2 - x1))}" height="${r1(plotHeight)}" fill="#f2c14e" fill-opacity="0.22"/>`);
    } else {
      w.raw(`<line x1="${r1(x1)}" x2="${r1(x1)}" y1="${r1(plotTop)}" y2="${r1(plotBottom)}" stroke="#6b7280" stroke-dasharray="4 4" stroke-width="1.2"/>`);
    }
    w.text(String(e.n), x1 + 3, plotTop + smallSize, smallSize, { bold: true, fill: MUTED });
  }

  const n = spec.series.length;
  // A slot where no series has a figure: a grey band that says so, so a gap never reads as zero.
  spec.slots.forEach((_, i) => {
    if (!spec.series.every((s) => (spec.values[s.key] ?? [])[i] === null)) return;
    w.raw(`<rect x="${r1(xOf(i) - slotWidth / 2)}" y="${r1(plotTop)}" width="${r1(slotWidth)}" height="${r1(plotHeight)}" fill="#9ca3af" fill-opacity="0.16"/>`);
    w.text(slotWidth > smallSize * 4 ? 'no data' : '–', xOf(i), plotBottom - smallSize * 0.6, smallSize * 0.9, { fill: MUTED, anchor: 'middle' });
  });
  spec.series.forEach((s, si) => {
    const values = spec.values[s.key] ?? [];
    if (spec.kind === 'bar') {
      const group = slotWidth * 0.75;
      const bw = group / n;
      values.forEach((v, i) => {
        const x = xOf(i) - group / 2 + si * bw;
        const slotEmpty = spec.series.every((t) => (spec.values[t.key] ?? [])[i] === null);
        if (v === null) {
          // This series has no figure in a slot where others do: a cross at its place on the baseline.
          if (!slotEmpty) w.text('×', x + bw / 2, plotBottom - 2, smallSize, { fill: s.colour, anchor: 'middle', bold: true });
          return;
        }
        if (v === 0) {
          w.raw(`<rect x="${r1(x)}" y="${r1(plotBottom - 3)}" width="${r1(Math.max(1, bw - 1))}" height="3" fill="${s.colour}"/>`);
          w.text('0', x + bw / 2, plotBottom - 5, smallSize * 0.9, { fill: s.colour, anchor: 'middle' });
          return;
        }
        w.raw(`<rect x="${r1(x)}" y="${r1(yOf(v))}" width="${r1(Math.max(1, bw - 1))}" height="${r1(plotBottom - yOf(v))}" fill="${s.colour}"/>`);
      });
    } else {
      // The line breaks where a year has no figure: it never bridges a gap as if the value were known.
      let path = '';
      let pen = false;
      values.forEach((v, i) => {
        if (v === null) {
          pen = false;
          return;
        }
        path += `${pen ? 'L' : 'M'}${r1(xOf(i))} ${r1(yOf(v))}`;
        pen = true;
      });
      if (path) w.raw(`<path d="${path}" fill="none" stroke="${s.colour}" stroke-width="3" stroke-linejoin="round"/>`);
      values.forEach((v, i) => {
        if (v !== null) w.raw(`<circle cx="${r1(xOf(i))}" cy="${r1(yOf(v))}" r="4.5" fill="${s.colour}"/>`);
      });
    }
  });

  const background = options.background === 'white' ? `<rect width="${W}" height="${H}" fill="#ffffff"/>` : '';
  const desc = [spec.subtitle, sourceText, `Data as of ${spec.asOf}`, options.permalink, PRODUCT_NAME].join('. ');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="t d">` +
    `<title id="t">${escapeMarkup(spec.title)}</title><desc id="d">${escapeMarkup(desc)}</desc>${background}${w.parts.join('')}</svg>`
  );
}
