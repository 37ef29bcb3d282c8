/**
 * Builds a briefing file from its plain data: used by the render process (lib/export/render-process.ts) and by the
 * tests and benchmark directly. Fonts are read and parsed once per process.
 */
import { FONT_FILES } from '../export/fonts';
import { bundledFonts, readFontFile } from '../export/raster';
import { briefingPdf, type PdfFonts } from './pdf';
import { briefingPptx } from './pptx';
import type { Briefing, BriefingFormat, PaperSize } from './types';

let fonts: Promise<PdfFonts> | null = null;

function pdfFonts(): Promise<PdfFonts> {
  fonts ??= (async () => {
    const read = async (files: readonly string[]) =>
      Promise.all(
        files.map(async (file) => {
          const buffer = await readFontFile(file);
          if (!buffer) throw new Error(`font ${file} is not bundled`);
          return buffer;
        }),
      );
    const [regular, bold, parsed] = await Promise.all([read(FONT_FILES.regular), read(FONT_FILES.bold), bundledFonts()]);
    return { files: { regular, bold }, parsed };
  })();
  return fonts;
}

export async function buildBriefing(briefing: Briefing, format: BriefingFormat, paper: PaperSize = 'a4'): Promise<Buffer> {
  if (format === 'pptx') return briefingPptx(briefing);
  return briefingPdf(briefing, paper, await pdfFonts());
}
