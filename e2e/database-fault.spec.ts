import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from '../scripts/ops/process';
import { CuttableProxy, freePort, healthStatus, suiteDatabaseUrl, waitFor } from './support';

// A second production server whose only way to the database is a proxy this test can cut.
let proxy: CuttableProxy;
let server: AppServer;
let base: string;

test.beforeAll(async () => {
  const target = new URL(suiteDatabaseUrl());
  proxy = new CuttableProxy({ host: target.hostname, port: Number(target.port || 5432) }, await freePort());
  await proxy.open();
  const viaProxy = new URL(target);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  server = await startAppServer({ databaseUrl: viaProxy.toString() });
  base = server.base;
});

test.afterAll(async () => {
  await server?.stop();
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

  // The proxy notices within about a second: then every page is a plain 503 page, every API route a 503 JSON.
  await expect.poll(async () => (await page.goto(base))?.status(), { timeout: 5000 }).toBe(503);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Database unavailable');
  await expect(page.getByRole('main')).toContainText('Nothing was changed');
  for (const view of ['/dimensions/gas', '/timeline', '/admin/observations']) {
    const response = await page.goto(`${base}${view}`);
    expect([view, response?.status(), response?.headers()['retry-after']]).toEqual([view, 503, '5']);
  }
  const api = await request.get(`${base}/api/charts/gas_import_share.csv?partners=RUS`);
  expect([api.status(), await api.json()]).toEqual([503, { error: 'The database is unavailable; try again shortly.' }]);

  await proxy.open();
  const restored = Date.now();
  await waitFor(async () => (await healthStatus(base)) === 200 && (await request.get(base)).status() === 200, 5000, 'health and pages to recover');
  test.info().annotations.push({ type: 'recovery-ms', description: String(Date.now() - restored) });
  await page.goto(base);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Turkey');
  expect(server.child.exitCode).toBeNull();
});
