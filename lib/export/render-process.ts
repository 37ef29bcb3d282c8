/**
 * The chart-image render process: composes the export SVG and rasterises it, one job at a time, for
 * lib/export/render-pool.ts, which starts it at the lowest CPU priority so pages are served first.
 * Run as `node --import tsx lib/export/render-process.ts` with an IPC channel (advanced serialization).
 */
import { composeSvg } from './compose';
import { bundledFonts, renderPng } from './raster';
import type { ExportOptions, ExportSpec } from './spec';

export type RenderJob = { id: number; spec: ExportSpec; options: ExportOptions; density: number };
export type RenderDone = { id: number; png?: Uint8Array; error?: string };

let queue = Promise.resolve();
process.on('message', (job: RenderJob) => {
  queue = queue.then(async () => {
    let answer: RenderDone;
    try {
      const png = renderPng(composeSvg(job.spec, job.options, await bundledFonts()), job.density);
      answer = { id: job.id, png: new Uint8Array(png) };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(answer);
  });
});
process.on('disconnect', () => process.exit(0));
