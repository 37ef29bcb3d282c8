import { expect, test, type Page } from '@playwright/test';
import { E2E_ADMIN, E2E_EDITOR, E2E_VIEWER } from './accounts';
import countries from 'i18n-iso-countries';
import { ensureUser } from './support';

async function signIn(page: Page, account: { email: string; password: string }, next = '/admin') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.beforeAll(async () => {
  await ensureUser(E2E_EDITOR, 'editor');
  await ensureUser(E2E_VIEWER, 'viewer');
});

test('@editing a viewer or an anonymous visitor cannot open the admin area', async ({ page }) => {
  await page.goto('/admin/observations');
  await expect(page).toHaveURL(/\/login\?next=%2Fadmin/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signIn(page, E2E_VIEWER, '/admin/observations');
  await expect(page).toHaveURL(/denied=1/);
  await expect(page.getByRole('status')).toContainText(`Signed in as ${E2E_VIEWER.email} (viewer), which may not open that page.`);
});

test('@editing a wrong password is refused with a clear message', async ({ page }) => {
  await signIn(page, { email: E2E_EDITOR.email, password: 'not-the-password' });
  await expect(page.locator('#main').getByRole('alert')).toHaveText('Email or password is wrong.');
});

test('@editing an editor changes a value, sees it on the dashboard and in the audit log, and reverts it', async ({ page }) => {
  await signIn(page, E2E_EDITOR);
  await expect(page).toHaveURL(/\/admin\/observations/);
  const filters = page.getByRole('form', { name: 'Filter observations' });
  await filters.getByLabel('Indicator').selectOption('gas_import_share');
  await filters.getByLabel('Partner').selectOption('RUS');
  await filters.getByRole('button', { name: 'Filter' }).click();
  const label = 'Share of gas imports, Russia, 2024';
  await expect(page.getByLabel(`Value: ${label}`, { exact: true })).toHaveValue('41');
  await page.getByLabel(`Value: ${label}`, { exact: true }).fill('44.4');
  await page.getByLabel(`Reason for the change: ${label}`, { exact: true }).fill('e2e check');
  await page.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  await page.goto('/');
  const russiaGas = page.getByRole('table', { name: /Dependency matrix/ }).getByRole('row', { name: /^Russia/ }).getByRole('cell').first();
  await expect(russiaGas).toContainText('44.4%');

  await page.goto(`/admin/audit?user=${encodeURIComponent(E2E_EDITOR.email)}&entity=observation`);
  const entry = page.getByRole('row').filter({ hasText: 'e2e check' }).first();
  await expect(entry).toContainText('value: 41 → 44.4');
  await entry.getByRole('button', { name: /^Revert observation/ }).click();
  await expect(entry.getByRole('status')).toHaveText('Reverted.');

  await page.goto('/');
  await expect(russiaGas).toContainText('41%');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
});

test('@editing a stale edit is refused with who changed it and when', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  const url = '/admin/observations?indicator=gas_import_share&partner=RUS';
  const label = 'Share of gas imports, Russia, 2023';
  for (const page of [first, second]) {
    await signIn(page, E2E_EDITOR, url);
    await expect(page.getByLabel(`Value: ${label}`, { exact: true })).toHaveValue('42');
  }
  await first.getByLabel(`Value: ${label}`, { exact: true }).fill('42.3');
  await first.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await second.getByLabel(`Value: ${label}`, { exact: true }).fill('40');
  await second.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(second.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(`changed by ${E2E_EDITOR.email} at`);
  await expect(second.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('It is now 42.3');
  // put it back for the other specs
  await first.reload();
  await first.getByLabel(`Value: ${label}`, { exact: true }).fill('42');
  await first.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(first.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});

test('@editing import: a bad file lists its rows and writes nothing; a good one is previewed, then imported', async ({ page }) => {
  await signIn(page, E2E_EDITOR, '/admin/import');
  await expect(page.getByRole('heading', { name: 'Import observations' })).toBeVisible();
  const header = 'dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt';
  const good = 'trade,exports,USD billion,TUR,KGZ,2023,0.9,E2E bulletin,https://example.org/e2e,"exports to Kyrgyzstan 0.9"';
  await page.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n${good.replace(',0.9,', ',lots,')}\n`) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.locator('#main').getByRole('alert')).toContainText('1 bad row of 2');
  await expect(page.getByRole('table', { name: /Rows to fix/ })).toContainText('value is not a number');
  await expect(page.getByRole('button', { name: /^Import \d+ rows/ })).toHaveCount(0);

  await page.getByLabel('CSV file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n${good}\n`) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('table', { name: /Preview: the first 1 of 1 rows/ })).toContainText('KGZ');
  await page.getByRole('button', { name: 'Import 1 rows' }).click();
  await expect(page.locator('#main').getByRole('status').filter({ hasText: 'Imported 1 rows' })).toBeVisible();
  await page.goto('/admin/audit?entity=import');
  await expect(page.getByRole('row').filter({ hasText: 'import import #good.csv' }).first()).toBeVisible();
});

test('@editing import: a 50,000-row file shows a progress bar that advances while it is checked', async ({ page }) => {
  await signIn(page, E2E_EDITOR, '/admin/import');
  await expect(page.getByRole('heading', { name: 'Import observations' })).toBeVisible();
  const lines = ['dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt'];
  for (const partner of Object.keys(countries.getAlpha3Codes())) {
    for (let year = 1900; year <= 2100; year++) lines.push(`trade,exports,USD bn,TUR,${partner},${year},1.5,E2E,https://example.org/p,`);
  }
  // Record every progress text the page shows, as it shows it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('.import-progress [role=status]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByLabel('CSV file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.locator('#main').getByRole('status').filter({ hasText: `${lines.length - 1} rows checked, no errors` })).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  const checking = seen.filter((t) => t.startsWith('Checking:')).map((t) => Number(/(\d+)%/.exec(t)![1]));
  expect(checking.length, seen.join(' | ')).toBeGreaterThanOrEqual(2);
  expect(checking.some((p) => p > 0 && p < 100), seen.join(' | ')).toBe(true);
  expect(checking).toEqual([...checking].sort((a, b) => a - b));
  expect(seen.every((t) => /^(Uploading|Checking): \d{1,3}%/.test(t)), seen.join(' | ')).toBe(true);
  expect(Math.max(...checking)).toBeLessThanOrEqual(100);
  await expect(page.locator('.import-progress')).toHaveCount(0);
});

test('@editing exports: anonymous and viewers are refused, an editor gets the CSV and the JSON backup', async ({ page, request }) => {
  expect((await request.get('/api/export/backup.json')).status()).toBe(401);
  await signIn(page, E2E_VIEWER, '/');
  await expect(page).not.toHaveURL(/\/login/);
  expect((await page.request.get('/api/export/backup.json')).status()).toBe(403);
  await page.context().clearCookies();
  await signIn(page, E2E_EDITOR, '/admin/import');
  await expect(page).toHaveURL(/\/admin\/import/);
  const csv = await page.request.get('/api/export/observations.csv');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split('\n')[0]).toBe('dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt');
  const backup = (await (await page.request.get('/api/export/backup.json')).json()) as { format: string; observations: unknown[] };
  expect(backup.format).toBe('dependency-atlas-backup');
  expect(backup.observations.length).toBeGreaterThanOrEqual(170);
  expect(JSON.stringify(backup)).not.toContain('passwordHash');
});

test('@editing hostile text in a note is shown as text, never run', async ({ page }) => {
  await signIn(page, E2E_EDITOR, '/admin/observations?indicator=gas_import_share&partner=RUS');
  const label = 'Share of gas imports, Russia, 2024';
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'; DROP TABLE observation; --`;
  await page.getByLabel(`Note: ${label}`, { exact: true }).fill(hostile);
  await page.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.goto('/dimensions/gas/values?partners=RUS');
  await expect(page.getByRole('table', { name: /every value/ }).getByText(hostile)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.goto('/admin/observations?indicator=gas_import_share&partner=RUS');
  await page.getByLabel(`Note: ${label}`, { exact: true }).fill('');
  await page.getByRole('button', { name: `Save ${label}`, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
});

test('@editing users: an admin adds an editor (password shown once); editors cannot open the page', async ({ page }) => {
  await signIn(page, E2E_EDITOR, '/admin/users');
  await expect(page).toHaveURL(/denied=1/);
  await page.context().clearCookies();
  await signIn(page, E2E_ADMIN, '/admin/users');
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  const email = `e2e-new-${Date.now()}@example.org`;
  const add = page.getByRole('form', { name: 'Add a user' });
  await add.getByLabel('Email').fill(email);
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add.getByRole('status')).toContainText(`Created ${email} (editor). Password, shown once:`);
  await page.reload();
  await expect(page.getByRole('rowheader', { name: email })).toBeVisible();
});

test('@editing indicators: an editor opens the list and the form carries each indicator', async ({ page }) => {
  await signIn(page, E2E_EDITOR, '/admin/indicators');
  await expect(page.getByRole('heading', { name: 'Indicators' })).toBeVisible();
  await page.locator('summary', { hasText: /^Share of gas imports \(/ }).click();
  const form = page.getByRole('form', { name: 'Edit Share of gas imports' });
  await expect(form.getByLabel('Default weight in the score')).toHaveValue('1');
  await expect(form.getByLabel('Published', { exact: true })).toBeChecked();
});
