import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_EDITOR } from './accounts';
import { databaseEnv, ensureUser, spawnLogged } from './support';

/** Issue #14 (page cache, scripts/serve.ts + lib/cache/page-cache.ts): reused per (URL, data version), never across users. */

const nonceOf = (policy: string | undefined) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1] ?? '';

test('@cache an anonymous page is served from the cache with a fresh nonce until any write changes the data', async ({ request, page }) => {
  const url = '/methodology?cache-test=1';
  const first = await request.get(url);
  expect(first.headers()['x-atlas-cache']).toBe('miss');
  const firstNonce = nonceOf(first.headers()['content-security-policy']);
  const second = await request.get(url);
  expect(second.headers()['x-atlas-cache']).toBe('hit');
  const nonce = nonceOf(second.headers()['content-security-policy']);
  expect(nonce).not.toBe('');
  expect(nonce).not.toBe(firstNonce);
  const html = await second.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toContain(firstNonce);
  expect(html).toBe((await first.text()).split(firstNonce).join(nonce));

  // A page from the cache runs in a browser: its scripts carry the nonce its policy allows (no CSP violation).
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the dependency score is computed');
  await page.getByRole('button', { name: 'Apply weights' }).click();
  await expect(page).toHaveURL(/\/\?/);
  expect(violations).toEqual([]);

  // Any write bumps the data version (here an events import through the CLI, another process): the next answer is rendered anew.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cache-'));
  const file = path.join(dir, 'events.csv');
  fs.writeFileSync(
    file,
    'date,end_date,date_precision,title,reporter,partner,dimension,description,source_title,publisher,source_url\n2024-01-15,,day,Cache test event,ISL,,,,Cache test,Atlas tests,https://example.org/cache-test\n',
  );
  const run = spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], databaseEnv());
  expect(await run.exited, run.output()).toBe(0);
  const after = await request.get(url);
  expect(after.headers()['x-atlas-cache']).toBe('miss');
  expect((await request.get(url)).headers()['x-atlas-cache']).toBe('hit');
});

test('@cache a signed-in view is never stored or served from the cache', async ({ page }) => {
  await ensureUser(E2E_EDITOR, 'editor');
  await page.goto('/login?next=%2F');
  await page.getByLabel('Email').fill(E2E_EDITOR.email);
  await page.getByLabel('Password').fill(E2E_EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const signedIn = await page.request.get('/compare?cache-test=2');
  expect(signedIn.headers()['x-atlas-cache']).toBeUndefined();
  const anonymous = await page.context().request.fetch('/compare?cache-test=2', { headers: { cookie: '' } });
  expect(anonymous.headers()['x-atlas-cache']).toBe('miss');
  expect(await anonymous.text()).not.toContain(E2E_EDITOR.email);
  const again = await page.request.get('/compare?cache-test=2');
  expect(again.headers()['x-atlas-cache']).toBeUndefined();
  expect((await page.request.get('/admin/observations')).headers()['x-atlas-cache']).toBeUndefined();
});
