import 'server-only';

export { bundledFonts as serverFonts, readFontFile, renderPng } from './raster';
