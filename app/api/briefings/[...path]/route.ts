import crypto from 'node:crypto';
import { lookupBriefing } from '@/lib/briefing/model';
import type { BriefingFormat, BriefingView } from '@/lib/briefing/types';
import { BUSY_RETRY_AFTER_SECONDS } from '@/lib/db/transaction';
import { cachedRender, RenderQueueFull } from '@/lib/export/render-pool';
import { getDataVersion } from '@/lib/queries/data';
import { briefingOptionsSchema } from '@/lib/schemas/export';

export const dynamic = 'force-dynamic';

const CONTENT_TYPE: Record<BriefingFormat, string> = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OPTION_PARAMS = new Set(['paper']);

/** overview.pdf, compare.pptx, dimensions/gas.pdf, partners/RUS.pptx: the view as the page's own path names it. */
function parsePath(parts: string[]): { view: BriefingView; format: BriefingFormat } | null {
  const file = /^([A-Za-z0-9_-]{1,80})\.(pdf|pptx)$/.exec(parts.at(-1) ?? '');
  if (!file) return null;
  const [, name, format] = file as unknown as [string, string, BriefingFormat];
  if (parts.length === 1 && (name === 'overview' || name === 'compare')) return { view: { kind: name }, format };
  if (parts.length === 2 && parts[0] === 'dimensions') return { view: { kind: 'dimension', key: name }, format };
  if (parts.length === 2 && parts[0] === 'partners') return { view: { kind: 'partner', code: name }, format };
  return null;
}

/**
 * /api/briefings/<view>.pdf|pptx?<the view's query>[&paper=letter] — the briefing of a view, built in the render
 * processes (never on the request thread), cached and tagged per data version.
 */
export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const { path } = await params;
  const target = parsePath(path);
  if (!target) {
    return Response.json({ error: `No briefing ${path.join('/')}: expected overview, compare, dimensions/<key> or partners/<code>, then .pdf or .pptx` }, { status: 404 });
  }
  const url = new URL(request.url);
  const options = briefingOptionsSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!options.success) return Response.json({ error: options.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ') }, { status: 400 });
  const viewParams = Object.fromEntries([...url.searchParams].filter(([key]) => !OPTION_PARAMS.has(key)));
  const version = await getDataVersion();
  const lookup = await lookupBriefing(target.view, viewParams, url.origin);
  if (!lookup.ok) return Response.json({ error: lookup.message }, { status: lookup.status });
  const paper = target.format === 'pdf' ? options.data.paper : 'a4';
  // What the file depends on, in normal form: the view as parsed, the format and paper, the data version, the origin.
  const key = ['briefing', version.datasetId, version.version, target.format, paper, lookup.viewPath, url.origin].join('|');
  const etag = `"${crypto.createHash('sha1').update(key).digest('base64url')}"`;
  const headers = { ETag: etag, 'Cache-Control': 'public, max-age=0, must-revalidate' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  try {
    // The briefing's data is read and scored only when the file is not in the cache.
    const file = await cachedRender(key, async () => ({ kind: 'briefing', briefing: await lookup.build(), format: target.format, paper }));
    const name = `${lookup.fileStem}${target.format === 'pdf' && paper === 'letter' ? '-letter' : ''}.${target.format}`;
    return new Response(new Uint8Array(file), {
      headers: { ...headers, 'Content-Type': CONTENT_TYPE[target.format], 'Content-Disposition': `attachment; filename="${name}"`, 'Content-Length': String(file.length) },
    });
  } catch (error) {
    if (error instanceof RenderQueueFull) return Response.json({ error: error.message }, { status: 503, headers: { 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' } });
    throw error;
  }
}
