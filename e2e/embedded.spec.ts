import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, healthStatus, spawnLogged, waitFor, type Spawned } from './support';

// The README's first command on a fresh folder: no DATABASE_URL, embedded Postgres under a new data directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-embedded-e2e-'));
const env = { DATABASE_URL: '', EMBEDDED_DATA_DIR: dir };
let running: Spawned | null = null;

async function start(port: number): Promise<Spawned> {
  const started = spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { ...env, PORT: String(port) });
  try {
    await waitFor(async () => (await healthStatus(`http://127.0.0.1:${port}`)) === 200, 120_000, 'npm start on the embedded database');
  } catch (error) {
    started.child.kill('SIGINT');
    throw new Error(`${(error as Error).message}\n--- output of npm start ---\n${started.output()}`);
  }
  return started;
}

async function stop(server: Spawned): Promise<number | null> {
  server.child.kill('SIGINT');
  return server.exited;
}

test.afterAll(async () => {
  if (running) await stop(running);
  fs.rmSync(dir, { recursive: true, force: true });
});

test.setTimeout(240_000);

test('@embedded first start migrates and seeds, scripts go through the running server, data survives a restart', async ({ page }) => {
  const port = await freePort();
  running = await start(port);
  expect(running.output()).toContain(`embedded Postgres (PGlite) in ${dir}`);
  expect(running.output()).toMatch(/seeded an empty database in \d+ ms: 1044 observations/);
  // No ADMIN_* set on the embedded default: a first admin is created and its password printed once.
  expect(running.output()).toMatch(/created admin@atlas\.local with password \S{20} \(shown once/);

  await page.goto(`http://127.0.0.1:${port}/`);
  const russia = page.getByRole('table', { name: /Dependency matrix/ }).getByRole('row', { name: /^Russia/ });
  await expect(russia.getByRole('cell').first()).toContainText('41%');
  const cells = await russia.getByRole('cell').allTextContents();

  // While the server owns the data directory, the command-line scripts go through it.
  const seed = spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/db-seed.ts'], env);
  expect(await seed.exited).toBe(0);
  expect(seed.output()).toMatch(/served by process \d+/);
  expect(seed.output()).toContain('nothing to add');

  await page.goto('about:blank'); // no open connection from the browser while the server stops
  expect(await stop(running)).toBe(0);
  running = null;
  expect(fs.existsSync(path.join(dir, 'owner.pid'))).toBe(false);

  // With the server stopped, a script opens the data directory itself.
  const migrate = spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], env);
  expect(await migrate.exited).toBe(0);
  expect(migrate.output()).toMatch(/migrations: 0 applied, [1-9]\d* already applied/);

  // A new port: the previous server process may still be releasing the old one.
  const again = await freePort();
  running = await start(again);
  expect(running.output()).toContain('database already has data: seed skipped');
  expect(running.output()).not.toContain('created admin@atlas.local');
  await page.goto(`http://127.0.0.1:${again}/`);
  expect(await russia.getByRole('cell').allTextContents()).toEqual(cells);
});
