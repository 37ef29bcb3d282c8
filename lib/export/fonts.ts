import opentype from 'opentype.js';
import type { Fonts } from './compose';

/** The bundled Inter subsets, in fallback order (the server composes every export with them). */
export const FONT_FILES = {
  regular: ['inter-latin-400-normal.woff', 'inter-latin-ext-400-normal.woff', 'inter-cyrillic-400-normal.woff'],
  bold: ['inter-latin-700-normal.woff', 'inter-latin-ext-700-normal.woff', 'inter-cyrillic-700-normal.woff'],
} as const;

export const ALL_FONT_FILES: readonly string[] = [...FONT_FILES.regular, ...FONT_FILES.bold];

export async function loadFonts(read: (file: string) => Promise<ArrayBuffer>): Promise<Fonts> {
  const parse = async (files: readonly string[]) => Promise.all(files.map(async (file) => opentype.parse(await read(file))));
  const [regular, bold] = await Promise.all([parse(FONT_FILES.regular), parse(FONT_FILES.bold)]);
  return { regular, bold };
}
