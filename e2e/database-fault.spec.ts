import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CuttableProxy, freePort, healthStatus, spawnLogged, suiteDatabaseUrl, waitFor, type Spawned } from './support';

// A second production server whose only way to the database is a proxy this test can cut.
let proxy: CuttableProxy;
let server: Spawned;
let base: string;

test.beforeAll(async () => {
  const target = new URL(suiteDatabaseUrl());
  proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) }, await freePort());
  await proxy.open();
  const viaProxy = new URL(target);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawnLogged(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port)], {
    DATABASE_URL: viaProxy.toString(),
  });
  await waitFor(async () => (await healthStatus(base)) === 200, 60_000, `next start on ${port}`);
});

test.afterAll(async () => {
  server?.child.kill('SIGINT');
  await server?.exited;
  await proxy?.cut();
});

test('@fault database stops: health 503 with a reason, a readable page; it comes back without a restart', async ({ page, request }) => {
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Turkey');

  await proxy.cut();
  const down = await request.get(`${base}/api/health`);
  expect(down.status()).toBe(503);
  const body = (await down.json()) as { status: string; database: string; reason: string };
  expect(body).toMatchObject({ status: 'error', database: 'unavailable' });
  expect(body.reason.length).toBeGreaterThan(0);

  // Pages may serve the data version read in the last second; after that they must say the database is away.
  await expect.poll(async () => (await page.goto(base))?.status(), { timeout: 5000 }).toBeGreaterThanOrEqual(500);
  const alert = page.getByRole('alert').filter({ hasText: 'The data could not be loaded' });
  await expect(alert.getByRole('heading', { name: 'The data could not be loaded' })).toBeVisible();
  await expect(alert).toContainText('The database is unavailable');

  await proxy.open();
  const restored = Date.now();
  await waitFor(async () => (await healthStatus(base)) === 200, 5000, 'health to recover');
  test.info().annotations.push({ type: 'recovery-ms', description: String(Date.now() - restored) });
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Turkey');
  expect(server.child.exitCode).toBeNull();
});
