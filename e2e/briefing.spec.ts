import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

/** Opens "Download briefing", picks the paper, clicks a format and returns the saved file. */
async function downloadBriefing(page: Page, format: 'PDF' | 'PowerPoint', paper?: 'US Letter') {
  const menu = page.locator('details.briefing-menu');
  await menu.getByText('Download briefing').click();
  if (paper) await menu.getByLabel('Paper').selectOption({ label: paper });
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name: format, exact: true }).click()]);
  await expect(menu.getByRole('status')).toContainText('Saved ');
  return { name: download.suggestedFilename(), body: fs.readFileSync((await download.path())!) };
}

test.describe('@briefing briefing pack', () => {
  test('the overview as a PDF, with progress shown while the server builds it', async ({ page }) => {
    // Hold the answer back a moment, so the reader sees the progress that a slow build shows.
    await page.route('**/api/briefings/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await page.goto('/?partners=RUS,NATO&from=2015&to=2024');
    const menu = page.locator('details.briefing-menu');
    await menu.getByText('Download briefing').click();
    const downloading = page.waitForEvent('download');
    await menu.getByRole('button', { name: 'PDF', exact: true }).click();
    await expect(menu.getByRole('progressbar', { name: 'Building the PDF briefing' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'PowerPoint', exact: true })).toBeDisabled();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('briefing-overview-TUR-RUS_NATO-2015-2024.pdf');
    const body = fs.readFileSync((await download.path())!);
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    await expect(menu.getByRole('status')).toContainText('Saved briefing-overview-TUR-RUS_NATO-2015-2024.pdf');
  });

  test('dimension, partner and compare views: PowerPoint decks and a US Letter PDF', async ({ page }) => {
    await page.goto('/dimensions/gas?partners=RUS');
    const deck = await downloadBriefing(page, 'PowerPoint');
    expect(deck.name).toBe('briefing-dimension-gas-TUR-RUS-all-all.pptx');
    expect(deck.body.subarray(0, 2).toString()).toBe('PK');

    await page.goto('/partners/UKR');
    const letter = await downloadBriefing(page, 'PDF', 'US Letter');
    expect(letter.name).toBe('briefing-partner-UKR-TUR-UKR-all-all-letter.pdf');
    expect(letter.body.toString('latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);

    await page.goto('/compare?partners=RUS,UKR');
    const compare = await downloadBriefing(page, 'PowerPoint');
    expect(compare.name).toBe('briefing-compare-TUR-RUS_UKR-all-all.pptx');
  });

  test('the server URLs: 400 with a message for bad parameters, 404 for unknown views, 304 when unchanged', async ({ request }) => {
    for (const bad of ['/api/briefings/overview.pdf?from=abc', '/api/briefings/overview.pdf?partners=XXX', '/api/briefings/overview.pdf?paper=a5', '/api/briefings/compare.pptx?from=2020&to=2010']) {
      const response = await request.get(bad);
      expect(response.status(), bad).toBe(400);
      expect(((await response.json()) as { error: string }).error.length, bad).toBeGreaterThan(5);
    }
    for (const missing of ['/api/briefings/overview.docx', '/api/briefings/dimensions/nope.pdf', '/api/briefings/partners/ZZZ.pptx', '/api/briefings/timeline.pdf']) {
      expect((await request.get(missing)).status(), missing).toBe(404);
    }
    const first = await request.get('/api/briefings/compare.pdf?partners=RUS,NATO');
    expect(first.status()).toBe(200);
    expect(first.headers()['content-type']).toBe('application/pdf');
    expect(first.headers()['content-disposition']).toBe('attachment; filename="briefing-compare-TUR-RUS_NATO-all-all.pdf"');
    const etag = first.headers()['etag']!;
    expect((await request.get('/api/briefings/compare.pdf?partners=RUS,NATO', { headers: { 'if-none-match': etag } })).status()).toBe(304);
    // The deck of the same view has its own tag.
    const deck = await request.get('/api/briefings/compare.pptx?partners=RUS,NATO');
    expect(deck.headers()['etag']).not.toBe(etag);
  });
});
