import fs from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { Fonts } from './compose';
import { ALL_FONT_FILES, loadFonts } from './fonts';

/**
 * Node-side export helpers shared by the web server (through server.ts, which keeps them out of client bundles)
 * and the render process (render-process.ts, a plain Node process where `server-only` cannot be imported).
 */
const FONT_DIR = path.join(process.cwd(), 'node_modules', '@fontsource', 'inter', 'files');

export async function readFontFile(file: string): Promise<Buffer | null> {
  if (!ALL_FONT_FILES.includes(file)) return null;
  return fs.readFile(path.join(FONT_DIR, file));
}

let fonts: Promise<Fonts> | null = null;

/** Parsed once per process: parsing the six subsets takes ~30 ms. */
export function bundledFonts(): Promise<Fonts> {
  fonts ??= loadFonts(async (file) => {
    const buffer = await readFontFile(file);
    if (!buffer) throw new Error(`font ${file} is not bundled`);
    return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  });
  return fonts;
}

/** Rasterises the composed SVG. Its text is already outlined, so no font is loaded at all. */
export function renderPng(svg: string, density: number): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: density }, font: { loadSystemFonts: false } });
  return resvg.render().asPng();
}
