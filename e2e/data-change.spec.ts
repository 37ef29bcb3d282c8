import { expect, test } from '@playwright/test';
import postgres from 'postgres';
import { suiteDatabaseUrl } from './support';

// Reads are cached by data version: a write by anyone (here straight into the database, as another app
// instance or a script would) must show on the next load, without a restart.
test('@dashboard a change in the database shows on the next page load', async ({ page }) => {
  const sql = postgres(suiteDatabaseUrl(), { max: 1, prepare: false, onnotice: () => {} });
  const russiaGas = () => page.getByRole('table', { name: /Dependency matrix/ }).getByRole('row', { name: /^Russia/ }).getByRole('cell').first();
  const where = sql`
    indicator_id = (SELECT id FROM indicator WHERE slug = 'gas_import_share')
    AND partner_id = (SELECT id FROM actor WHERE code = 'RUS') AND year = 2024 AND rank = 0`;
  try {
    await page.goto('/');
    await expect(russiaGas()).toContainText('41%');
    await sql`UPDATE observation SET value = 43.5 WHERE ${where}`;
    await expect
      .poll(async () => {
        await page.reload();
        return russiaGas().textContent();
      }, { timeout: 5000 })
      .toContain('43.5%');
  } finally {
    await sql`UPDATE observation SET value = 41 WHERE ${where}`;
    await sql.end();
  }
  await expect.poll(async () => {
    await page.reload();
    return russiaGas().textContent();
  }, { timeout: 5000 }).toContain('41%');
});
