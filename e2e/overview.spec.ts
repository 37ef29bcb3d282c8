import { expect, test } from '@playwright/test';

test.describe('@smoke overview', () => {
  test('shows the seeded dimensions, partners and latest events from the database', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Turkey: dependence on its partners' })).toBeVisible();
    const dimensions = page.getByRole('list', { name: 'Dimensions' });
    for (const label of ['Gas', 'Oil', 'Grain', 'Tourism', 'Trade', 'Arms', 'Sanctions stance']) {
      await expect(dimensions.getByRole('heading', { name: label, exact: true })).toBeVisible();
    }
    const partners = page.getByRole('table', { name: 'Partners' });
    for (const name of ['Russia', 'Ukraine', 'NATO']) {
      await expect(partners.getByRole('rowheader', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    // Russia has seeded gas values (IEA, EPDK and the founding article): the count is read from the database.
    const russia = partners.getByRole('row', { name: /^Russia/ });
    const gasCell = russia.getByRole('cell').first();
    expect(Number(await gasCell.textContent())).toBeGreaterThan(5);
    await expect(page.getByText('Russia exits the Black Sea Grain Initiative')).toBeVisible();
    await expect(page.getByText(/^\d+ sourced values across 7 dimensions/)).toBeVisible();
  });

  test('health reports the database as ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test('an unknown address gives a helpful 404', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'overview' })).toHaveAttribute('href', '/');
  });
});
