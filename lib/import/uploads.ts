import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/client';
import { type ImportProgress, type ImportReport, type MappingOption } from './observations';
import { importFile } from './file';
import { env } from '../env';

/** What the import page shows after each step. */
export type ImportOutcome = {
  ok: boolean;
  message: string;
  report?: ImportReport;
  upload?: string;
  fileName?: string;
  /** The file has indicators the atlas does not know: the user maps them (the suggestions preselected) before the check counts. */
  needsMapping?: boolean;
};

/** The choices the page sends: the file's indicator name → a concept's key, "new" or "skip". */
export type MappingChoices = Record<string, string>;
const asOption = (choices: MappingChoices | undefined): MappingOption =>
  choices ? new Map(Object.entries(choices).map(([name, choice], i) => [name, { choice, line: i + 1 }])) : 'auto';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
// Several instances behind a load balancer: point UPLOAD_DIR at a folder they share (or route /api/import stickily).
const UPLOAD_DIR = env().UPLOAD_DIR ?? path.join(os.tmpdir(), 'atlas-uploads');
const uploadPath = (id: string) => path.join(UPLOAD_DIR, `${id}.csv`);
export const isUploadId = (id: string) => /^[0-9a-f]{32}$/.test(id);

export class UploadTooLarge extends Error {}

/** A checked upload waits this long for its import; then it is refused at commit and deleted by the sweep. */
export const UPLOAD_TTL_MS = env().UPLOAD_TTL_MINUTES * 60_000;

function isFresh(file: string, now = Date.now()): boolean {
  try {
    return now - fs.statSync(file).mtimeMs <= UPLOAD_TTL_MS;
  } catch {
    return false;
  }
}

/** Deletes uploads older than the time-to-live: a file checked but never imported does not stay on disk. */
export function sweepUploads(now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(UPLOAD_DIR);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!/^[0-9a-f]{32}\.csv$/.test(name)) continue;
    const file = path.join(UPLOAD_DIR, name);
    if (!fs.existsSync(file) || isFresh(file, now)) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}

const sweeper = globalThis as unknown as { atlasUploadSweep?: NodeJS.Timeout };
sweeper.atlasUploadSweep ??= setInterval(() => sweepUploads(), Math.min(UPLOAD_TTL_MS, 10 * 60_000)).unref();

/** Streams an upload to a private temporary file (never held in memory whole); refuses past the size limit. */
export async function saveUpload(body: ReadableStream<Uint8Array> | Buffer): Promise<string> {
  fs.mkdirSync(UPLOAD_DIR, { recursive: true, mode: 0o700 });
  const id = crypto.randomBytes(16).toString('hex');
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? new UploadTooLarge(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: split it.`) : null, chunk);
    },
  });
  const source = Buffer.isBuffer(body) ? Readable.from([body]) : Readable.fromWeb(body as import('node:stream/web').ReadableStream<Uint8Array>);
  try {
    await pipeline(source, limit, fs.createWriteStream(uploadPath(id), { mode: 0o600 }));
  } catch (error) {
    fs.rmSync(uploadPath(id), { force: true });
    throw error;
  }
  return id;
}

/** Step one: every row checked, nothing written; a clean file's upload is kept for step two. */
export async function checkUpload(db: Db, upload: string, fileName: string, onProgress?: (p: ImportProgress) => void, choices?: MappingChoices): Promise<ImportOutcome> {
  if (!fs.existsSync(uploadPath(upload))) return { ok: false, message: 'That upload has expired: choose the file again.' };
  const report = await importFile(db, uploadPath(upload), { checkOnly: true, onProgress, mapping: asOption(choices) });
  // First look at a file with unknown indicators: the mapping step comes first, so the upload is kept whatever the check found.
  const needsMapping = choices === undefined && (report.mapping ?? []).some((p) => p.by === 'suggestion');
  if (!report.ok && !needsMapping) fs.rmSync(uploadPath(upload), { force: true });
  if (needsMapping) {
    const n = report.mapping!.filter((p) => p.by === 'suggestion').length;
    return {
      ok: false, needsMapping, report, upload, fileName,
      message: `${n} of the file's indicators ${n === 1 ? 'is' : 'are'} not in the atlas by name. Choose for each a concept (the suggestion is preselected), a new unscored indicator, or skip, then check the file.`,
    };
  }
  return {
    ok: report.ok,
    message: report.ok
      ? `${report.rows} rows checked, no errors. Nothing is written until you import.`
      : `${report.errorCount} bad row${report.errorCount === 1 ? '' : 's'} of ${report.rows}: nothing can be imported until they are fixed.`,
    report,
    upload: report.ok ? upload : undefined,
    fileName,
  };
}

/** Step two: all rows in one transaction with one audit entry, or none; the upload is removed either way. */
export async function commitUpload(db: Db, upload: string, fileName: string, userId: number, onProgress?: (p: ImportProgress) => void, choices?: MappingChoices): Promise<ImportOutcome> {
  const file = uploadPath(upload);
  // Expired is expired, whether or not the periodic sweep has reached it yet.
  if (!isFresh(file)) {
    fs.rmSync(file, { force: true });
    return { ok: false, message: 'That upload has expired: check the file again.' };
  }
  try {
    const report = await importFile(db, file, { userId, fileName, onProgress, mapping: asOption(choices) });
    const e = report.eventsWritten;
    return report.ok
      ? {
          ok: true,
          message: e
            ? `Imported ${report.rows} events: ${e.eventsCreated} new, ${e.eventsUpdated} updated.`
            : `Imported ${report.rows - (report.skipped ?? 0)} rows: ${report.written?.observationsCreated} new, ${report.written?.observationsUpdated} updated${report.skipped ? `, ${report.skipped} skipped` : ''}.`,
          report,
        }
      : { ok: false, message: `Not imported: ${report.errorCount} bad rows (the data changed since the check).`, report };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
