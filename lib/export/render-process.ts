/**
 * The render process: chart PNGs (the export SVG composed and rasterised) and briefing files (PDF, PPTX), one job at
 * a time, for lib/export/render-pool.ts, which starts it at the lowest CPU priority so pages are served first.
 * Run as `node --import tsx lib/export/render-process.ts` with an IPC channel (advanced serialization).
 */
import { buildBriefing } from '../briefing/build';
import type { Briefing, BriefingFormat, PaperSize } from '../briefing/types';
import { composeSvg } from './compose';
import { bundledFonts, renderPng } from './raster';
import type { ExportOptions, ExportSpec } from './spec';

export type RenderWork =
  | { kind: 'png'; spec: ExportSpec; options: ExportOptions; density: number }
  | { kind: 'briefing'; briefing: Briefing; format: BriefingFormat; paper: PaperSize };
export type RenderJob = RenderWork & { id: number };
export type RenderDone = { id: number; file?: Uint8Array; error?: string };

async function run(job: RenderJob): Promise<Buffer> {
  if (job.kind === 'briefing') return buildBriefing(job.briefing, job.format, job.paper);
  return renderPng(composeSvg(job.spec, job.options, await bundledFonts()), job.density);
}

let queue = Promise.resolve();
process.on('message', (job: RenderJob) => {
  queue = queue.then(async () => {
    let answer: RenderDone;
    try {
      answer = { id: job.id, file: new Uint8Array(await run(job)) };
    } catch (error) {
      answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(answer);
  });
});
process.on('disconnect', () => process.exit(0));
