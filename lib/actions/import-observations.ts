'use server';

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { getDb } from '../db/prisma';
import { importObservations, type ImportReport } from '../import/observations';
import { authorizedAction, type ActionState } from './authorized';

export type ImportState = ActionState & { report?: ImportReport; upload?: string; fileName?: string };

const UPLOAD_DIR = path.join(os.tmpdir(), 'atlas-uploads');
const uploadPath = (id: string) => path.join(UPLOAD_DIR, `${id}.csv`);

const checkSchema = z.object({
  file: z.instanceof(File, { message: 'Choose a CSV file' }).refine((f) => f.size > 0, 'The file is empty'),
});

const check = authorizedAction('EDITOR', checkSchema, async ({ file }) => {
  fs.mkdirSync(UPLOAD_DIR, { recursive: true });
  const upload = crypto.randomBytes(16).toString('hex');
  fs.writeFileSync(uploadPath(upload), Buffer.from(await file.arrayBuffer()));
  const report = await importObservations(getDb(), uploadPath(upload), { checkOnly: true });
  if (!report.ok) fs.rmSync(uploadPath(upload), { force: true });
  const state: ImportState = {
    ok: report.ok,
    message: report.ok
      ? `${report.rows} rows checked, no errors. Nothing is written until you import.`
      : `${report.errorCount} bad row${report.errorCount === 1 ? '' : 's'} of ${report.rows}: nothing can be imported until they are fixed.`,
    report,
    upload: report.ok ? upload : undefined,
    fileName: file.name,
  };
  return state;
});

const commitSchema = z.object({ upload: z.string().regex(/^[0-9a-f]{32}$/, 'Check the file again'), fileName: z.string().max(200).default('upload.csv') });

const commit = authorizedAction('EDITOR', commitSchema, async ({ upload, fileName }, user) => {
  const file = uploadPath(upload);
  if (!fs.existsSync(file)) return { ok: false, message: 'That upload has expired: check the file again.' };
  try {
    const report = await importObservations(getDb(), file, { userId: user.id, fileName });
    const state: ImportState = report.ok
      ? { ok: true, message: `Imported ${report.rows} rows: ${report.written?.observationsCreated} new, ${report.written?.observationsUpdated} updated.`, report }
      : { ok: false, message: `Not imported: ${report.errorCount} bad rows (the data changed since the check).`, report };
    return state;
  } finally {
    fs.rmSync(file, { force: true });
  }
});

export async function checkImportAction(previous: ImportState, form: FormData): Promise<ImportState> {
  return check(previous, form);
}

export async function commitImportAction(previous: ImportState, form: FormData): Promise<ImportState> {
  return commit(previous, form);
}
