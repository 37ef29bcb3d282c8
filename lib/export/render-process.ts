/**
 * The chart-image render process: composes the export SVG and rasterises it, one job at a time, for
 * lib/export/render-pool.ts, which starts it at the lowest CPU priority so pages are served first.
 * Run as `node --import tsx lib/export/render-process.ts` with an IPC channel (advanced serialization).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { composeSvg } from './compose';
import { loadFonts } from './fonts';
import type { ExportOptions, ExportSpec } from './spec';

export type RenderJob = { id: number; spec: ExportSpec; options: ExportOptions; density: number };
export type RenderDone = { id: number; png?: Uint8Array; error?: string };

const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'inter', 'files');
const fonts = loadFonts(async (file) => {
  const buffer = await fs.readFile(path.join(FONT_DIR, file));
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
});

let queue = Promise.resolve();
process.on('message', (job: RenderJob) => {
  queue = queue.then(async () => {
    let answer: RenderDone;
    try {
      const svg = composeSvg(job.spec, job.options, await fonts);
      const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: job.density }, font: { loadSystemFonts: false } }).render().asPng();
      answer = { id: job.id, png: new Uint8Array(png) };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(answer);
  });
});
process.on('disconnect', () => process.exit(0));
