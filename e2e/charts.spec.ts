import { expect, test, type Page } from '@playwright/test';

/** Hover the middle of the plot above year `year`'s tick of the interactive chart in `figure`. */
async function hoverYear(page: Page, figureName: string, year: number) {
  const figure = page.getByRole('figure', { name: figureName });
  const tick = figure.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').filter({ hasText: String(year) });
  const grid = figure.locator('.recharts-cartesian-grid');
  const [t, g] = [await tick.boundingBox(), await grid.boundingBox()];
  if (!t || !g) throw new Error(`no tick ${year} or grid in ${figureName}`);
  await page.mouse.move(t.x + t.width / 2, g.y + g.height / 2);
}

test.describe('@dashboard charts drawn by the server', () => {
  test('with JavaScript off, each chart is an SVG in the HTML with its axes, points, events and legend', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/dimensions/gas?partners=RUS,NATO&from=2015&to=2024');
    const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
    const picture = figure.getByRole('img', { name: /^Line chart of Share of gas imports for Russia, NATO/ });
    await expect(picture).toBeVisible();
    const svg = picture.locator('svg.chart-svg');
    for (const year of ['2016', '2020', '2024']) await expect(svg.locator('text', { hasText: year }).first()).toBeAttached();
    // One dot per drawn figure: as many as the data table has rows that are not "no data".
    await figure.getByText('Data table: Share of gas imports (%)').click();
    const drawn = await figure.locator('details.chart-data tbody tr:not(.missing)').count();
    expect(drawn).toBeGreaterThan(5);
    await expect(svg.locator('circle')).toHaveCount(drawn);
    await expect(picture.locator('.chart-legend li')).toHaveText(['Russia', 'NATO']);
    // The picture fills its column: it is not a fixed-size image.
    const box = (await svg.boundingBox())!;
    const figureBox = (await figure.boundingBox())!;
    expect(box.width).toBeGreaterThan(figureBox.width * 0.7);
    await context.close();
  });

  test('interactivity loads only when a reader comes near: no chart data or Recharts on first load', async ({ page }) => {
    const jsonRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/charts\/[^/]+\.json/.test(r.url())) jsonRequests.push(r.url());
    });
    await page.goto('/dimensions/gas?partners=RUS,NATO');
    await page.waitForLoadState('networkidle');
    const charts = page.locator('.lazy-chart');
    expect(await charts.count()).toBeGreaterThan(3);
    await expect(page.locator('.lazy-chart[data-chart-state="static"]')).toHaveCount(await charts.count());
    await expect(page.locator('.recharts-surface')).toHaveCount(0);
    expect(jsonRequests).toEqual([]);

    // A pointer on the first chart: its data and Recharts load, in the same box (nothing below it moves).
    const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
    const lazy = figure.locator('.lazy-chart');
    const before = (await lazy.boundingBox())!;
    await lazy.hover();
    await expect(lazy).toHaveAttribute('data-chart-state', 'interactive');
    await expect(figure.locator('.recharts-surface')).toBeVisible();
    const after = (await lazy.boundingBox())!;
    expect(Math.abs(after.height - before.height)).toBeLessThanOrEqual(1);
    expect(jsonRequests.some((u) => /\/api\/charts\/gas_import_share\.json\?partners=RUS(%2C|,)NATO/.test(u))).toBe(true);
    // Charts far below are still pictures (bringing the first into view may have brought its neighbour near).
    const last = charts.last();
    await expect(last).toHaveAttribute('data-chart-state', 'static');
    expect(jsonRequests.length).toBeLessThan(await charts.count());

    // A scroll that brings the last chart near the viewport loads that one too.
    await last.scrollIntoViewIfNeeded();
    await expect(last).toHaveAttribute('data-chart-state', 'interactive');
  });

  test('tooltips show each point with its source, flags and the figures not drawn; the legend hides a series', async ({ page }) => {
    await page.goto('/dimensions/tourism?partners=DEU,RUS&from=2015&to=2018');
    const name = 'Visitor arrivals (persons)';
    const figure = page.getByRole('figure', { name });
    await figure.locator('.lazy-chart').hover();
    await expect(figure.locator('.recharts-surface')).toBeVisible();
    await hoverYear(page, name, 2016);
    const tooltip = figure.locator('.chart-tooltip');
    await expect(tooltip).toContainText('2016');
    await expect(tooltip).toContainText('Germany: 3,890,000 persons');
    // Germany 2016 has three reports: the drawn one (first in the file of two equal ranks) and two not drawn.
    const alternatives = tooltip.locator('li').filter({ hasText: 'Germany' }).locator('.tooltip-alternatives');
    await expect(alternatives).toContainText('Not drawn (2)');
    await expect(alternatives).toContainText('3,890,074');
    await expect(alternatives).toContainText('3,980,000');

    const bars = figure.locator('.recharts-bar-rectangle');
    const shown = await bars.count();
    const germany = figure.getByRole('button', { name: 'Germany' });
    await expect(germany).toHaveAttribute('aria-pressed', 'true');
    await germany.click();
    await expect(germany).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(() => bars.count()).toBeLessThan(shown);
    await germany.click();
    await expect.poll(() => bars.count()).toBe(shown);
  });

  test('the chart data route answers JSON for the page, and 400 for a bad view like the other chart files', async ({ request }) => {
    const ok = await request.get('/api/charts/gas_import_share.json?partners=RUS&from=2020&to=2023');
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as { kind: string; domain: number[]; rows: { year: number; meta: Record<string, { source: string }> }[] };
    expect(body.kind).toBe('line');
    expect(body.domain).toEqual([2020, 2023]);
    expect(body.rows.map((r) => r.year)).toEqual([2020, 2021, 2022, 2023]);
    expect(body.rows.some((r) => r.meta.RUS?.source)).toBe(true);
    const bad = await request.get('/api/charts/gas_import_share.json?from=2024&to=2015');
    expect(bad.status()).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('"from" must not be after "to"');
    const compare = await request.get('/api/charts/compare.json?partners=RUS,UKR');
    expect(compare.status()).toBe(200);
    expect(((await compare.json()) as { series: { key: string }[] }).series.map((s) => s.key)).toEqual(['RUS', 'UKR']);
  });
});
