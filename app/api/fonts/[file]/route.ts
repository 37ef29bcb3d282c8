import { readFontFile } from '@/lib/export/server';

/** The export fonts for the browser's PNG/SVG buttons (the same files the server composes with). */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const body = await readFontFile(file);
  if (!body) return Response.json({ error: `No font ${file}` }, { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'font/woff', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
