import fs from 'node:fs';
import type { Db } from '../db/client';
import { importEvents, isEventsHeader } from './events';
import { importObservations, type ImportReport } from './observations';

type Options = Parameters<typeof importObservations>[2];

/** The first line of a file, split on commas (enough to tell an events file from an observations file). */
function headerOf(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').split(/\r?\n/)[0]!.replace(/^\uFEFF/, '').split(',').map((h) => h.trim());
  } finally {
    fs.closeSync(fd);
  }
}

/** One entry for the CLI and the import page: an events file is recognised by its header, anything else is read as observations. */
export async function importFile(db: Db, file: string, options: Options = {}): Promise<ImportReport> {
  if (!fs.existsSync(file)) return { ok: false, rows: 0, errorCount: 1, errors: [{ line: 0, message: `no file at ${file}` }] };
  if (isEventsHeader(headerOf(file))) return importEvents(db, file, { userId: options.userId, fileName: options.fileName, checkOnly: options.checkOnly });
  return importObservations(db, file, options);
}
