import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_EDITOR } from './accounts';
import { ensureUser } from './support';

/** Issue #13: a second focal country end to end, through the import page's mapping step (fixture: test/fixtures/hungary). */

const FIXTURE = path.join(process.cwd(), 'test', 'fixtures', 'hungary');

async function signIn(page: Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(E2E_EDITOR.email);
  await page.getByLabel('Password').fill(E2E_EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[/?]/g, '\\$&')));
}

test.beforeAll(async () => {
  await ensureUser(E2E_EDITOR, 'editor');
});

test('@focal another country imports through the mapping step; its overview shows its scores and only its events', async ({ page }) => {
  // Turkey's latest event, to be sure it does not appear in Hungary's views.
  await page.goto('/');
  const turkeyEvent = (await page.locator('section[aria-labelledby="latest-events"] li').first().textContent())?.trim() ?? '';
  expect(turkeyEvent.length).toBeGreaterThan(5);

  await signIn(page, '/admin/import');
  await page.getByLabel('CSV file').setInputFiles(path.join(FIXTURE, 'observations.csv'));
  await page.getByRole('button', { name: 'Check file' }).click();
  const mapping = page.getByRole('table', { name: /Map the file's indicators/ });
  await expect(mapping).toBeVisible();
  await expect(page.getByLabel('Map russian_share_of_gas_imports to')).toHaveValue('gas_import_share');
  await expect(page.getByLabel('Map tourist_arrivals to')).toHaveValue('foreign_arrivals');
  await expect(page.getByLabel('Map exports_to_partner to')).toHaveValue('exports');
  await expect(page.getByLabel('Map guest_nights to')).toHaveValue('new');
  await expect(mapping.getByRole('row', { name: /gas_imports_by_origin/ })).toContainText('mcm, bcm');
  // Nothing is written before the import: the user picks, then checks.
  await page.getByLabel('Map guest_nights to').selectOption('skip');
  await page.getByRole('button', { name: 'Check with this mapping' }).click();
  await expect(page.getByRole('list', { name: 'Mapping used' })).toContainText('tourist_arrivals → foreign_arrivals');
  await expect(page.getByRole('list', { name: 'Mapping used' })).toContainText('guest_nights → skipped');
  await page.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(page.locator('#main').getByRole('status').filter({ hasText: 'Imported 12 rows' })).toBeVisible();

  await page.getByLabel('CSV file').setInputFiles(path.join(FIXTURE, 'events.csv'));
  await page.getByRole('button', { name: 'Check file' }).click();
  await expect(page.getByRole('table', { name: /Preview: the first 2 of 2 events/ })).toContainText('HUN');
  await page.getByRole('button', { name: 'Import 2 events' }).click();
  await expect(page.locator('#main').getByRole('status').filter({ hasText: 'Imported 2 events' })).toBeVisible();

  // The focal selector lists Hungary now that it has data; choosing it gives Hungary's overview.
  await page.goto('/');
  const focal = page.getByLabel('Focal country');
  await expect(focal.locator('option', { hasText: 'Hungary' })).toHaveCount(1);
  await focal.selectOption('HUN');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/focal=HUN/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hungary's dependence on /);
  const matrix = page.getByRole('table', { name: /Dependency matrix/ });
  const russia = matrix.getByRole('row', { name: /^Russia/ });
  await expect(russia.getByRole('cell').nth(0)).toHaveAttribute('data-state', 'score'); // gas
  await expect(russia.getByRole('cell').nth(0)).toContainText('75%Share of gas imports, 2022');
  await expect(russia.getByRole('cell').nth(3)).toHaveAttribute('data-state', 'score'); // tourism
  await expect(russia.getByRole('cell').nth(4)).toHaveAttribute('data-state', 'score'); // trade, from EUR and HUF
  const ukraine = matrix.getByRole('row', { name: /^Ukraine/ });
  await expect(ukraine.getByRole('cell').nth(3)).toHaveAttribute('data-state', 'score');
  // Turkey's "not applicable" (Ukraine oil) is Turkey's, not Hungary's.
  await expect(ukraine.getByRole('cell').nth(1)).toHaveAttribute('data-state', 'none');
  const events = page.locator('section[aria-labelledby="latest-events"]');
  await expect(events).toContainText('Fixture: long-term gas supply contract with Russia');
  await expect(events).not.toContainText(turkeyEvent.slice(0, 40));

  // The trade figure keeps what was published and the exchange rate's source.
  await page.goto('/dimensions/trade/values?focal=HUN');
  await expect(page.getByText('As published: 1500 EUR million, converted at').first()).toBeVisible();
  await expect(page.locator('.fx-rate').first()).toContainText('EUR per USD, 2021');
  await expect(page.locator('.fx-rate').first()).toContainText('World Development Indicators');

  await page.goto('/timeline?focal=HUN');
  await expect(page.getByRole('status')).toHaveText('2 of 2 events');
  await page.goto('/timeline');
  await expect(page.getByText('Fixture: long-term gas supply contract with Russia')).toHaveCount(0);
});
