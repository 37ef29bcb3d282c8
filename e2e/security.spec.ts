import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';

const VIEWS = ['/', '/dimensions/gas', '/partners/RUS', '/compare?partners=RUS,UKR', '/timeline', '/methodology', '/login', '/no-such-page'];
const ADMIN_VIEWS = ['/admin/observations', '/admin/indicators', '/admin/sources', '/admin/events', '/admin/import', '/admin/audit', '/admin/users'];

test('@security every view passes its Content-Security-Policy: no violation, scripts run, charts draw', async ({ page }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const policies = new Set<string>();
  for (const view of VIEWS) {
    const response = await page.goto(view);
    const policy = response!.headers()['content-security-policy']!;
    expect(policy, view).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(policy, view).toContain("frame-ancestors 'none'");
    policies.add(policy);
  }
  expect(policies.size, 'a fresh nonce per response').toBe(VIEWS.length);

  // Hydration ran under the policy: hovering a chart loads its interactive form (a separate chunk) and data.
  await page.goto('/dimensions/gas');
  await page.locator('.lazy-chart').first().hover();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  await page.goto('/login?next=/admin/observations');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Observations', level: 1 })).toBeVisible();
  for (const view of ADMIN_VIEWS) {
    await page.goto(view);
    await expect(page.locator('h1')).toBeVisible();
  }
  expect(violations).toEqual([]);
});

test('@security headers: no x-powered-by, nosniff, no framing, referrer policy; on pages, API routes and static files', async ({ request, page }) => {
  await page.goto('/');
  const script = await page.locator('script[src]').first().getAttribute('src');
  for (const url of ['/', '/api/health', '/api/charts/gas_import_share.csv?partners=RUS', script!]) {
    const response = await request.get(url);
    const h = response.headers();
    expect(h['x-powered-by'], url).toBeUndefined();
    expect(h['x-content-type-options'], url).toBe('nosniff');
    expect(h['x-frame-options'], url).toBe('DENY');
    expect(h['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  }
});

test('@security the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure only over https', async ({ page, context }) => {
  const setCookies: string[] = [];
  page.on('response', async (r) => {
    const value = (await r.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value);
    setCookies.push(...value.filter((v) => v.startsWith('atlas_session=')));
  });
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  expect(setCookies.length).toBeGreaterThan(0);
  const cookie = setCookies[0]!;
  expect(cookie).toMatch(/; HttpOnly/i);
  expect(cookie).toMatch(/; SameSite=lax/i);
  expect(cookie).toMatch(/; Path=\//i);
  expect(cookie).not.toMatch(/; Secure/i);
  const stored = (await context.cookies()).find((c) => c.name === 'atlas_session')!;
  expect([stored.httpOnly, stored.sameSite, stored.secure]).toEqual([true, 'Lax', false]);

  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https) the cookie is Secure.
  const secureContext = await page.context().browser()!.newContext({ extraHTTPHeaders: { 'x-forwarded-proto': 'https' } });
  const secure = await secureContext.newPage();
  const secureCookies: string[] = [];
  secure.on('response', async (r) => {
    secureCookies.push(...(await r.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('atlas_session=')).map((h) => h.value));
  });
  await secure.goto(`${test.info().project.use.baseURL}/login`);
  await secure.getByLabel('Email').fill(E2E_ADMIN.email);
  await secure.getByLabel('Password').fill(E2E_ADMIN.password);
  await secure.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => secureCookies.length).toBeGreaterThan(0);
  expect(secureCookies[0]).toMatch(/; Secure/i);
  await secureContext.close();
});

test('@security sign-out ends the session on the server, not only in the browser', async ({ page, context, playwright, baseURL }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  const token = (await context.cookies()).find((c) => c.name === 'atlas_session')!.value;
  // A raw client holding the same cookie, redirects not followed.
  const raw = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `atlas_session=${token}` } });
  expect((await raw.get('/admin/observations', { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === 'atlas_session')).toBeUndefined();
  // The old token is dead on the server, not only gone from this browser.
  const after = await raw.get('/admin/observations', { maxRedirects: 0 });
  expect(after.status()).toBeGreaterThanOrEqual(300);
  expect(after.status()).toBeLessThan(400);
  expect(after.headers()['location']).toMatch(/\/login/);
  await raw.dispose();
});
