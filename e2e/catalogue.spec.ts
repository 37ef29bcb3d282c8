import { expect, test } from '@playwright/test';
import { E2E_ADMIN } from './accounts';

test.beforeEach(async ({ page }) => {
  await page.goto('/login?next=/admin/sources');
  await page.getByLabel('Email').fill(E2E_ADMIN.email);
  await page.getByLabel('Password').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
});

test('@editing sources: a non-http address is refused; a good source is added, found and edited', async ({ page }) => {
  const title = `E2E source ${Date.now()}`;
  const form = page.getByRole('form', { name: 'Add a source' });
  await page.getByText('Add a source').click();
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.getByLabel('Address (http or https)').fill('ftp://example.org/report.pdf');
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter a full http:// or https:// address');

  await form.getByLabel('Address (http or https)').fill('https://example.org/e2e-report');
  await form.getByLabel('Excerpt (the passage that supports the figure)').fill('Imports <b>fell</b> by a third.');
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(form.getByRole('status')).toContainText(/Added source #\d+\./);

  await page.goto(`/admin/sources?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole('status').filter({ hasText: '1 sources.' })).toBeVisible();
  await page.getByText(title).click();
  const id = /#(\d+)/.exec((await page.locator('summary', { hasText: title }).textContent())!)![1];
  const editor = page.getByRole('form', { name: `Edit source #${id}` });
  await expect(editor.getByLabel(`Excerpt of source #${id}`)).toHaveValue('Imports <b>fell</b> by a third.');
  await editor.getByLabel(`Publisher of source #${id}`).fill('E2E Ministry');
  await editor.getByRole('button', { name: 'Save source' }).click();
  await expect(editor.getByRole('status')).toHaveText(`Saved source #${id}.`);

  await page.goto('/admin/audit?entity=source');
  await expect(page.getByRole('row', { name: new RegExp(`update source #${id}`) })).toContainText('E2E Ministry');
});

test('@editing events: an editor adds a dated range for a partner, and the timeline shows it', async ({ page }) => {
  const title = `E2E pipeline outage ${Date.now()}`;
  await page.goto('/admin/events');
  await page.getByText('Add an event').click();
  const form = page.getByRole('form', { name: 'Add an event' });
  await form.getByLabel('Starts on').fill('2024-03-04');
  await form.getByLabel('Ends on (for a range)').fill('2024-03-01');
  await form.getByLabel('Title', { exact: true }).fill(title);
  await form.locator('select[name=partner]').selectOption('RUS');
  await form.locator('select[name=dimension]').selectOption('gas');
  // the source field suggests from the page's one list of sources
  const sourceId = await page.locator('datalist#event-source-list option').first().getAttribute('value');
  await form.getByLabel('Source id').fill(sourceId!);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form.getByRole('alert')).toContainText('The end is before the start');

  await form.getByLabel('Ends on (for a range)').fill('2024-03-20');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form.getByRole('status')).toContainText(/Added event #\d+\./);

  await page.goto('/timeline');
  await expect(page.getByText(title)).toBeVisible();

  // Delete it again (with a reason), so the other suites see the seed's events only.
  await page.goto('/admin/events');
  await page.locator('summary', { hasText: title }).click();
  const details = page.locator('details', { has: page.locator('summary', { hasText: title }) });
  const id = /#(\d+)/.exec((await details.getByRole('form').first().getAttribute('aria-label'))!)![1];
  const remove = page.getByRole('form', { name: `Delete event #${id}` });
  await remove.getByLabel(`Reason to delete event #${id}`).fill('e2e clean-up');
  await remove.getByRole('button', { name: 'Delete event' }).click();
  await expect(page.locator('summary', { hasText: title })).toHaveCount(0);
  await page.goto('/timeline');
  await expect(page.getByText(title)).toHaveCount(0);
});
