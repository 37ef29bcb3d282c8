import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbedded } from '../lib/db/embedded';

function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('npm start refuses bad databases clearly', () => {
  it('an unreachable DATABASE_URL fails within seconds with one line naming host and port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await runStart({ DATABASE_URL: `postgresql://atlas:pw@127.0.0.1:${port}/atlas`, PORT: '3299' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(`Cannot reach Postgres at 127.0.0.1:${port}`)]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.ms).toBeLessThan(15_000);
  });

  it('a data directory locked by a live process that serves nothing: a clear message, nothing deleted', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-locked-'));
    const owner = await startEmbedded({ dir });
    await owner.stop();
    try {
      // An owner that is alive but not (yet) serving, e.g. still opening the files.
      fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
      const before = fs.readdirSync(path.join(dir, 'pgdata')).sort();
      const result = await runStart({ DATABASE_URL: '', EMBEDDED_DATA_DIR: dir, PORT: '3298' });
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toMatch(new RegExp(`^\\[atlas\\] The embedded database in .* is in use by process ${process.pid}\\.`));
      expect(fs.readdirSync(path.join(dir, 'pgdata')).sort()).toEqual(before);
      expect(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8')).toBe(String(process.pid));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
