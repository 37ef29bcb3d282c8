export const dynamic = 'force-dynamic';

/** The benchmark's floor: the cost of a request through this server that does no work. */
export function GET(): Response {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
