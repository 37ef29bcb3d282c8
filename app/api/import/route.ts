import { z } from 'zod';
import { withRole } from '@/lib/auth/route';
import { getDb } from '@/lib/db/prisma';
import { checkUpload, commitUpload, isUploadId, MAX_UPLOAD_BYTES, saveUpload, UploadTooLarge, type ImportOutcome } from '@/lib/import/uploads';
import type { ImportProgress } from '@/lib/import/observations';
import { forgetDataVersion } from '@/lib/queries/data';
import { BUSY_MESSAGE, isBusyError } from '@/lib/db/transaction';

export const dynamic = 'force-dynamic';

type Message = ({ type: 'progress' } & ImportProgress) | ({ type: 'done' } & ImportOutcome) | { type: 'error'; message: string; busy?: true };

/** The answer as newline-delimited JSON: progress lines while the work runs, then one final line. */
function streamed(work: (send: (m: Message) => void) => Promise<void>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (m: Message) => controller.enqueue(encoder.encode(`${JSON.stringify(m)}\n`));
      try {
        await work(send);
      } catch (error) {
        if (isBusyError(error)) send({ type: 'error', message: `The import did not start: ${BUSY_MESSAGE}`, busy: true });
        else {
          console.error('[atlas] import failed:', error);
          send({ type: 'error', message: 'The import stopped: the database could not be reached or refused the write. Nothing was written; try again.' });
        }
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}

const fileNameOf = (url: URL) => (url.searchParams.get('name') ?? 'upload.csv').replace(/[^\w .()-]/g, '_').slice(0, 200) || 'upload.csv';
const mappingSchema = z.record(z.string().regex(/^[a-z0-9_]{1,80}$/), z.string().regex(/^[a-z0-9_]{1,80}$/)).optional();
const commitSchema = z.object({ upload: z.string().refine(isUploadId, 'Check the file again'), fileName: z.string().max(200).default('upload.csv'), mapping: mappingSchema });

/**
 * POST /api/import?step=check&name=<file name>, body = the CSV bytes → progress, then the check's report.
 * POST /api/import?step=commit, body = {"upload": id, "fileName": name} → progress, then the import's result.
 * Editors and admins only (the same rule as the import actions); all or nothing, as on the CLI.
 */
export const POST = withRole('EDITOR', async (request: Request, _context: unknown, user) => {
  const url = new URL(request.url);
  const step = url.searchParams.get('step');
  // The mapping step: the same upload checked again with the user's choices.
  if (step === 'check' && request.headers.get('content-type')?.startsWith('application/json')) {
    const parsed = commitSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return Response.json({ error: 'Choose the file again.' }, { status: 400 });
    return streamed(async (send) => {
      const outcome = await checkUpload(getDb(), parsed.data.upload, parsed.data.fileName, (p) => send({ type: 'progress', ...p }), parsed.data.mapping ?? {});
      send({ type: 'done', ...outcome });
    });
  }
  if (step === 'check') {
    if (Number(request.headers.get('content-length') ?? 0) > MAX_UPLOAD_BYTES) return Response.json({ error: 'The file is too large: split it.' }, { status: 413 });
    if (!request.body) return Response.json({ error: 'The file is empty.' }, { status: 400 });
    let upload: string;
    try {
      upload = await saveUpload(request.body);
    } catch (error) {
      if (error instanceof UploadTooLarge) return Response.json({ error: error.message }, { status: 413 });
      return Response.json({ error: 'The upload was interrupted: send the file again.' }, { status: 400 });
    }
    return streamed(async (send) => {
      const outcome = await checkUpload(getDb(), upload, fileNameOf(url), (p) => send({ type: 'progress', ...p }));
      send({ type: 'done', ...outcome });
    });
  }
  if (step === 'commit') {
    const parsed = commitSchema.safeParse(await request.json().catch(() => null));
    if (!parsed.success) return Response.json({ error: 'Check the file again before importing.' }, { status: 400 });
    return streamed(async (send) => {
      const outcome = await commitUpload(getDb(), parsed.data.upload, parsed.data.fileName, user.id, (p) => send({ type: 'progress', ...p }), parsed.data.mapping);
      if (outcome.ok) {
        forgetDataVersion();
          }
      send({ type: 'done', ...outcome });
    });
  }
  return Response.json({ error: 'Say step=check or step=commit.' }, { status: 400 });
});
