import { z } from 'zod';
import { busyResponse, withRole } from '@/lib/auth/route';
import { getDb } from '@/lib/db/prisma';
import { updateObservation } from '@/lib/editing/observations';
import { observationUpdateSchema } from '@/lib/schemas/observation';
import { forgetDataVersion } from '@/lib/queries/data';
import { observationForEdit } from '@/lib/queries/admin';
import { fieldWithNul } from '@/lib/schemas/text';
import { fieldErrorsOf } from '@/lib/schemas/errors';

export const dynamic = 'force-dynamic';

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const NO_STORE = { 'cache-control': 'no-store' };

async function observationId(params: Promise<{ id: string }>) {
  const parsed = idSchema.safeParse((await params).id);
  return parsed.success ? parsed.data : null;
}

/** GET /api/observations/:id → the value as an editor sees it, with the version an edit must carry. */
export const GET = withRole('EDITOR', async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = await observationId(params);
  if (id === null) return Response.json({ error: 'The id is a positive whole number.' }, { status: 400, headers: NO_STORE });
  const o = await observationForEdit(id);
  if (!o) return Response.json({ error: `No observation ${id}.` }, { status: 404, headers: NO_STORE });
  return Response.json(o, { headers: NO_STORE });
});

/**
 * PATCH /api/observations/:id with {version, value, status, note?, sourceId, reason?}: the same edit as the grid's
 * Save (zod at the boundary, one transaction with its audit row, version-checked). 200 with the new version;
 * 400 with field errors; 404; 409 with who changed it, when and the current value.
 */
export const PATCH = withRole('EDITOR', async (request: Request, { params }: { params: Promise<{ id: string }> }, user) => {
  const id = await observationId(params);
  if (id === null) return Response.json({ error: 'The id is a positive whole number.' }, { status: 400, headers: NO_STORE });
  const body: unknown = await request.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return Response.json({ error: 'Send a JSON object.' }, { status: 400, headers: NO_STORE });
  const fields = body as Record<string, unknown>;
  const withNul = fieldWithNul(Object.entries(fields));
  if (withNul !== null) return Response.json({ error: 'Nothing was saved: check the fields.', fieldErrors: { [withNul]: ['Contains a NUL character, which cannot be stored'] } }, { status: 400, headers: NO_STORE });
  // A JSON number is accepted as the decimal it spells; the schema checks its digits like a typed value.
  const value = typeof fields.value === 'number' && Number.isFinite(fields.value) ? String(fields.value) : fields.value;
  const parsed = observationUpdateSchema.safeParse({ ...fields, value, id });
  if (!parsed.success) {
    return Response.json({ error: 'Nothing was saved: check the fields.', fieldErrors: fieldErrorsOf(parsed.error, 'body') }, { status: 400, headers: NO_STORE });
  }
  const result = await updateObservation(getDb(), user, parsed.data);
  if (result.ok) {
    forgetDataVersion();
    return Response.json(result, { headers: NO_STORE });
  }
  if (result.busy) return busyResponse();
  const status = result.conflict ? 409 : result.fieldErrors ? 400 : 404;
  return Response.json({ error: result.message, ...result }, { status, headers: NO_STORE });
});
