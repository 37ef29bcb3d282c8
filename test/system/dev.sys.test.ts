import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, healthStatus, spawnLogged, waitFor, type Spawned } from '../../scripts/ops/process';

// The contributor's loop from a fresh clone: `npm run dev` with nothing set → next dev on a seeded embedded database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-dev-'));
let dev: Spawned | undefined;

afterAll(async () => {
  if (dev && dev.child.exitCode === null) {
    dev.child.kill('SIGINT');
    await dev.exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

it('npm run dev starts next dev on the embedded database, migrated and seeded, and stops on Ctrl-C', async () => {
  const port = await freePort();
  dev = spawnLogged('npm', ['run', 'dev'], { DATABASE_URL: '', EMBEDDED_DATA_DIR: dir, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await healthStatus(base)) === 200, 240_000, 'the dev server', 1000);
  const home = await fetch(`${base}/`);
  const html = await home.text();
  expect(home.status).toBe(200);
  expect(html).toContain('Dependency');
  expect(dev.output()).toMatch(/seeded an empty database/);
  expect(dev.output()).toMatch(/embedded Postgres \(PGlite\)/);
  dev.child.kill('SIGINT');
  expect(await dev.exited).toBe(0);
}, 300_000);
