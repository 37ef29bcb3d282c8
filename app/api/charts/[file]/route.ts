import crypto from 'node:crypto';
import { composeSvg } from '@/lib/export/compose';
import { toCsv } from '@/lib/export/csv';
import { renderPng, serverFonts } from '@/lib/export/server';
import { cachedPng, RenderQueueFull } from '@/lib/export/render-pool';
import { EXPORT_SIZES } from '@/lib/export/spec';
import { lookupCompareExport, lookupIndicatorExport } from '@/lib/queries/chart-export';
import { getDataVersion } from '@/lib/queries/data';
import { EXPORT_FORMATS, exportOptionsSchema, type ExportFormat } from '@/lib/schemas/export';
import { env } from '@/lib/env';
import { BUSY_RETRY_AFTER_SECONDS } from '@/lib/db/transaction';

export const dynamic = 'force-dynamic';

const CONTENT_TYPE: Record<ExportFormat, string> = { png: 'image/png', svg: 'image/svg+xml; charset=utf-8', csv: 'text/csv; charset=utf-8' };
const EXPORT_PARAMS = new Set(['size', 'background', 'density']);

/** /api/charts/<chart>.png|.svg|.csv?<the page's query>&size=&background=&density= — the same composition as the buttons. */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^([a-z0-9_]{1,80})\.([a-z]+)$/.exec(file);
  const format = match?.[2] as ExportFormat | 'json' | undefined;
  if (!match || !format || !(format === 'json' || EXPORT_FORMATS.includes(format))) {
    return Response.json({ error: `No chart file ${file}: expected <chart>.png, .svg, .csv or .json` }, { status: 404 });
  }
  const url = new URL(request.url);
  const query = Object.fromEntries(url.searchParams);
  const options = exportOptionsSchema.safeParse(query);
  if (!options.success) {
    return Response.json({ error: options.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ') }, { status: 400 });
  }
  const viewParams = Object.fromEntries([...url.searchParams].filter(([key]) => !EXPORT_PARAMS.has(key)));

  const version = await getDataVersion();
  const lookup = match[1] === 'compare' ? await lookupCompareExport(viewParams) : await lookupIndicatorExport(match[1]!, viewParams);
  if (!lookup.ok) return Response.json({ error: lookup.message }, { status: lookup.status });
  const { spec } = lookup;
  // The key holds what the image depends on, in normal form: the view as parsed (spec.viewPath; a parameter the
  // route does not know, such as a cache-buster, is not in it), the export options, the file and the data version.
  const { size: sizeKey, background, density } = options.data;
  const key = [version.datasetId, version.version, file, spec.viewPath, sizeKey, background, density, url.origin].join('|');
  const etag = `"${crypto.createHash('sha1').update(key).digest('base64url')}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  // What the page's interactive chart loads when a reader comes near it: the drawn values with each point's
  // sources, flags and alternatives (the page's HTML carries only the picture).
  if (format === 'json') return Response.json(lookup.interactive, { headers });
  const disposition = `inline; filename="${spec.fileStem}.${format}"`;
  if (format === 'csv') {
    return new Response(toCsv(spec.csv), { headers: { ...headers, 'Content-Type': CONTENT_TYPE.csv, 'Content-Disposition': disposition } });
  }
  const composition = { ...EXPORT_SIZES[sizeKey], background, permalink: `${url.origin}${spec.viewPath}` };
  if (format === 'svg') {
    return new Response(composeSvg(spec, composition, await serverFonts()), { headers: { ...headers, 'Content-Type': CONTENT_TYPE.svg, 'Content-Disposition': disposition } });
  }
  try {
    // RENDER_INLINE=1 composes and renders on the request thread with no cache, as before the render processes:
    // the baseline of npm run bench:png.
    const png = env().RENDER_INLINE ? renderPng(composeSvg(spec, composition, await serverFonts()), density) : await cachedPng(key, spec, composition, density);
    return new Response(new Uint8Array(png), { headers: { ...headers, 'Content-Type': CONTENT_TYPE.png, 'Content-Disposition': disposition } });
  } catch (error) {
    if (error instanceof RenderQueueFull) return Response.json({ error: error.message }, { status: 503, headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } });
    throw error;
  }
}
