import { expect, test } from '@playwright/test';

const DIMENSIONS = ['Gas', 'Oil', 'Grain', 'Tourism', 'Trade', 'Arms', 'Sanctions stance'];

test.describe('@dashboard overview', () => {
  test('the matrix shows Russia, Ukraine and NATO against every dimension with seeded figures', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Turkey's dependence on Russia, Ukraine and NATO");
    const matrix = page.getByRole('table', { name: /Dependency matrix/ });
    await expect(matrix.getByRole('columnheader')).toHaveText(['Partner', ...DIMENSIONS]);
    await expect(matrix.getByRole('rowheader')).toHaveText(['Russia', 'Ukraine', 'NATO']);
    const russia = matrix.getByRole('row', { name: /^Russia/ });
    // EPDK 2024: Russia 41% of gas imports; the cell names the figure, its year and the trend.
    await expect(russia.getByRole('cell').nth(0)).toContainText('41%');
    await expect(russia.getByRole('cell').nth(0)).toContainText('Share of gas imports, 2024');
    await expect(russia.getByRole('cell').nth(0)).toContainText(/down [\d.]+ pts since 2023/);
    // sanctions stance is scored as alignment, with the inputs it had and a low-confidence mark under two
    await expect(russia.getByRole('cell').nth(6)).toHaveAttribute('data-state', 'score');
    await expect(russia.getByRole('cell').nth(6)).toContainText(/Score \d+ · \d of \d inputs?/);
    const ukraine = matrix.getByRole('row', { name: /^Ukraine/ });
    // the four states: Ukraine's gas is a sourced zero (the Statistical Review lists every supplier), its oil does not apply,
    // NATO's oil has no data
    await expect(ukraine.getByRole('cell').nth(0)).toHaveAttribute('data-state', 'zero');
    await expect(ukraine.getByRole('cell').nth(0)).toContainText('0 · sourced zero');
    await expect(ukraine.getByRole('cell').nth(1)).toHaveAttribute('data-state', 'na');
    await expect(ukraine.getByRole('cell').nth(1)).toContainText('Not applicable');
    const nato = matrix.getByRole('row', { name: /^NATO/ });
    await expect(nato.getByRole('cell').nth(1)).toHaveText('No data');
    // NATO's tourism figure is derived from its members, and says how many of all 31 (Turkey left out) it sums.
    await expect(nato.getByRole('cell').nth(3)).toContainText(/sum of \d+ of 31 members with data/);
    await expect(page.getByText(/figures in this view \(\d+%\) come from official or international-organisation sources/)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Key figures' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Latest events' })).toBeVisible();
  });

  test('clicking a cell lands on the dimension view filtered to that partner', async ({ page }) => {
    await page.goto('/');
    const russia = page.getByRole('table', { name: /Dependency matrix/ }).getByRole('row', { name: /^Russia/ });
    await russia.getByRole('cell').nth(2).getByRole('link').click();
    await expect(page).toHaveURL(/\/dimensions\/grain\?partners=RUS$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grain: Turkey and Russia');
    await expect(page.getByRole('figure', { name: 'Wheat imports (million tonnes)' })).toBeVisible();
    const picker = page.locator('.filters .partner-picker summary');
    await expect(picker).toContainText('Russia (1 of');
    await picker.click();
    await expect(page.getByRole('checkbox', { name: 'Russia' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Ukraine' })).not.toBeChecked();
  });

  test('NATO members are shown on demand and the choice is in the URL', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Show NATO members' }).click();
    await expect(page).toHaveURL(/members=1/);
    const matrix = page.getByRole('table', { name: /Dependency matrix/ });
    await expect(matrix.getByRole('rowheader', { name: /United States/ })).toBeVisible();
    await expect(matrix.getByRole('rowheader', { name: /Germany/ })).toBeVisible();
    await page.goBack();
    await expect(matrix.getByRole('rowheader')).toHaveText(['Russia', 'Ukraine', 'NATO']);
  });

  test("a viewer's weights change the score and live in the URL", async ({ page }) => {
    await page.goto('/dimensions/gas?partners=RUS');
    const scores = page.getByRole('table', { name: /Gas dependency score by year/ });
    const before = await scores.getByRole('row', { name: /^Russia/ }).textContent();
    await page.getByText('How the dependency score is computed, and its weights').click();
    await page.getByRole('spinbutton', { name: /^Share of gas imports/ }).fill('0');
    await page.getByRole('button', { name: 'Apply weights' }).click();
    await expect(page).toHaveURL(/w\.gas_import_share=0/);
    const after = await scores.getByRole('row', { name: /^Russia/ }).textContent();
    expect(after).not.toBe(before);
    // 2024 has only the EPDK share: with its weight at 0 there is no 2024 score left.
    await expect(scores.getByRole('columnheader', { name: '2024' })).toHaveCount(0);
    const url = page.url();
    await page.goto(url);
    expect(await scores.getByRole('row', { name: /^Russia/ }).textContent()).toBe(after);
  });

  test('health reports the database as ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
