import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { freePort, healthStatus, waitFor } from '../../scripts/ops/process';

// The contributor's loop from a fresh clone: `npm run dev` with nothing set → next dev on a seeded embedded database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-dev-'));
let group: number | undefined;

afterAll(() => {
  if (group) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // stopped already
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

it('npm run dev starts next dev on the embedded database, migrated and seeded, and stops on Ctrl-C', async () => {
  const port = await freePort();
  // In a process group of its own, as in a terminal, so Ctrl-C (SIGINT to the group) can be played below.
  const child = spawn('npm', ['run', 'dev'], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DATABASE_URL: '', EMBEDDED_DATA_DIR: dir, PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' } });
  group = child.pid;
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<string>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? String(code))));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await healthStatus(base)) === 200, 240_000, 'the dev server', 1000);
  const home = await fetch(`${base}/`);
  const html = await home.text();
  expect(home.status).toBe(200);
  expect(html).toContain('Dependency');
  expect(output).toMatch(/seeded an empty database/);
  expect(output).toMatch(/embedded Postgres \(PGlite\)/);
  process.kill(-group!, 'SIGINT');
  expect(['0', 'SIGINT']).toContain(await exited);
  // Everything it started is gone (the dev server in its own group too), and the database folder is unlocked.
  await waitFor(async () => (await healthStatus(base).catch(() => 0)) === 0, 15_000, 'the dev server to stop');
  await waitFor(async () => !fs.existsSync(path.join(dir, 'owner.pid')) && !fs.existsSync(path.join(dir, 'server.json')), 15_000, 'the embedded database to close');
}, 300_000);
