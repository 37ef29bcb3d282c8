import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-uploads-test-'));
process.env.UPLOAD_DIR = dir;
const { commitUpload, saveUpload, sweepUploads, UPLOAD_TTL_MS, MAX_UPLOAD_BYTES, UploadTooLarge } = await import('./uploads');

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('uploads waiting for their import', () => {
  it('are deleted once older than the time-to-live, and kept before', async () => {
    const fresh = await saveUpload(Buffer.from('a,b\n'));
    const stale = await saveUpload(Buffer.from('c,d\n'));
    const old = (Date.now() - UPLOAD_TTL_MS - 60_000) / 1000;
    fs.utimesSync(path.join(dir, `${stale}.csv`), old, old);
    expect(sweepUploads()).toBe(1);
    expect(fs.existsSync(path.join(dir, `${stale}.csv`))).toBe(false);
    expect(fs.existsSync(path.join(dir, `${fresh}.csv`))).toBe(true);
  });

  it('an upload past its time-to-live is refused at commit even before the sweep reaches it, and removed', async () => {
    const stale = await saveUpload(Buffer.from('e,f\n'));
    const old = (Date.now() - UPLOAD_TTL_MS - 60_000) / 1000;
    fs.utimesSync(path.join(dir, `${stale}.csv`), old, old);
    // The database is never reached: the age is checked first.
    const outcome = await commitUpload(null as never, stale, 'old.csv', 1);
    expect(outcome).toEqual({ ok: false, message: 'That upload has expired: check the file again.' });
    expect(fs.existsSync(path.join(dir, `${stale}.csv`))).toBe(false);
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const before = fs.readdirSync(dir).length;
    const chunk = new Uint8Array(8 * 1024 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_UPLOAD_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    await expect(saveUpload(body)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(fs.readdirSync(dir).length).toBe(before);
  });
});
