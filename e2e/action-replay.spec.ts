import { expect, request as playwrightRequest, test } from '@playwright/test';
import postgres from 'postgres';
import { E2E_ADMIN } from './accounts';
import { suiteDatabaseUrl } from './support';

// A server action is a public POST endpoint: the page's button is only one way to call it. This suite captures the
// request a real edit sends, then replays it with a forged Origin, without a cookie, with a tampered cookie and
// with an expired session, and checks the database (not only the answer) after each: only the genuine replay writes.
test('@editing replayed server-action requests: forged Origin, no, tampered or expired cookie change nothing', async ({ page, baseURL }) => {
  const sql = postgres(suiteDatabaseUrl(), { max: 1, prepare: false, onnotice: () => {} });
  const target = sql`
    indicator_id = (SELECT id FROM indicator WHERE slug = 'gas_import_share')
    AND partner_id = (SELECT id FROM actor WHERE code = 'RUS') AND year = 2023 AND rank = 0`;
  const state = async () => (await sql<{ value: string; version: number }[]>`SELECT value::float8::text AS value, version FROM observation WHERE ${target}`)[0]!;
  const audits = async () => Number((await sql<{ n: string }[]>`SELECT count(*) AS n FROM audit_log`)[0]!.n);
  const original = await state();
  try {
    await page.goto('/login?next=%2Fadmin%2Fobservations%3Findicator%3Dgas_import_share%26partner%3DRUS');
    await page.getByLabel('Email').fill(E2E_ADMIN.email);
    await page.getByLabel('Password').fill(E2E_ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const label = 'Share of gas imports, Russia, 2023';
    await page.getByLabel(`Value: ${label}`, { exact: true }).fill('47.5');

    // Capture the real request and keep it from reaching the server.
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | undefined;
    await page.route('**/admin/observations**', async (route) => {
      const r = route.request();
      if (r.method() === 'POST' && r.headers()['next-action']) {
        captured = { url: r.url(), headers: r.headers(), body: r.postDataBuffer()! };
        await route.abort();
      } else await route.continue();
    });
    await page.getByRole('button', { name: `Save ${label}`, exact: true }).click();
    await expect.poll(() => captured !== undefined).toBe(true);
    expect(await state()).toEqual(original);

    const cookie = (await page.context().cookies()).find((c) => c.name === 'atlas_session')!;
    const origin = new URL(baseURL!).origin;
    const replay = async (headers: Record<string, string>) => {
      const context = await playwrightRequest.newContext();
      const { cookie: _c, origin: _o, ...rest } = captured!.headers;
      const response = await context.post(captured!.url, { headers: { ...rest, ...headers }, data: captured!.body, maxRedirects: 0 });
      const text = await response.text();
      await context.dispose();
      return { status: response.status(), text };
    };
    const refusals: { name: string; headers: Record<string, string> }[] = [
      { name: 'forged Origin', headers: { origin: 'https://attacker.example', cookie: `atlas_session=${cookie.value}` } },
      { name: 'no cookie', headers: { origin } },
      { name: 'tampered cookie', headers: { origin, cookie: `atlas_session=${cookie.value.slice(0, -4)}AAAA` } },
    ];
    for (const r of refusals) {
      const before = await audits();
      const answer = await replay(r.headers);
      expect(await state(), r.name).toEqual(original);
      expect(await audits(), r.name).toBe(before);
      if (r.name === 'forged Origin') expect(answer.status).toBe(403);
      else expect(answer.text, r.name).toContain('Your session has ended: sign in again.');
    }

    // The same bytes with the real cookie and origin do write: the refusals above came from the forgery alone.
    const genuine = await replay({ origin, cookie: `atlas_session=${cookie.value}` });
    expect(genuine.status).toBe(200);
    expect(await state()).toEqual({ value: '47.5', version: original.version + 1 });

    // Expire the session in the database: the same request is refused again.
    await sql`UPDATE session SET expires_at = now() - interval '1 second'`;
    const before = await audits();
    const afterGenuine = await state();
    const expired = await replay({ origin, cookie: `atlas_session=${cookie.value}` });
    expect(expired.text).toContain('Your session has ended: sign in again.');
    expect(await state()).toEqual(afterGenuine);
    expect(await audits()).toBe(before);
  } finally {
    await sql`UPDATE observation SET value = ${original.value}::numeric WHERE ${target}`;
    await sql.end();
  }
});
