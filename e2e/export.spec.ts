import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { expect, test, type Page } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { PNG } from 'pngjs';

const HEADER = 'indicator,unit,reporter,partner,year,value,status,source_title,source_url';

function pixelStats(png: PNG, area?: { x0: number; y0: number; x1: number; y1: number }) {
  const { x0 = 0, y0 = 0, x1 = png.width, y1 = png.height } = area ?? {};
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (png.width * y + x) * 4;
      const alpha = png.data[i + 3]! / 255;
      const grey = 255 - alpha * (255 - (png.data[i]! + png.data[i + 1]! + png.data[i + 2]!) / 3);
      n++;
      sum += grey;
      sumSq += grey * grey;
      if (grey < 128) dark++;
    }
  }
  const mean = sum / n;
  return { variance: sumSq / n - mean * mean, dark };
}

async function downloadFrom(page: Page, figureName: string, button: string) {
  const figure = page.getByRole('figure', { name: figureName });
  const menu = figure.locator('details.export-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: button, exact: true }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: fs.readFileSync(path) };
}

for (const chart of [
  { kind: 'line', name: 'Share of gas imports (%)', slug: 'gas_import_share' },
  { kind: 'bar', name: 'Gas imports (bcm)', slug: 'gas_imports_volume' },
]) {
  test(`@export ${chart.kind} chart: PNG, SVG and CSV downloads stand on their own`, async ({ page }) => {
    await page.goto('/dimensions/gas?partners=RUS,NATO&from=2015&to=2024');
    const figure = page.getByRole('figure', { name: chart.name });

    const png = await downloadFrom(page, chart.name, 'Download PNG');
    expect(png.name).toBe(`${chart.slug}-TUR-RUS_NATO-2015-2024.png`);
    expect(png.body.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const image = PNG.sync.read(png.body);
    expect([image.width, image.height]).toEqual([2400, 1350]);
    expect(pixelStats(image).variance).toBeGreaterThan(100);

    const svg = await downloadFrom(page, chart.name, 'Download SVG');
    expect(svg.name).toMatch(new RegExp(`^${chart.slug}-TUR-.*-2015-2024\\.svg$`));
    const text = svg.body.toString('utf8');
    expect(text).toContain(`<title id="t">${chart.name}</title>`);
    expect(text).toMatch(/Sources?: /);
    expect(text).toContain('Dependency Atlas');
    // No fonts at all: the words are outlines, so the title band still has ink.
    const rendered = PNG.sync.read(new Resvg(text, { font: { loadSystemFonts: false } }).render().asPng());
    expect(rendered.width).toBe(1200);
    expect(pixelStats(rendered, { x0: 0, y0: 0, x1: 600, y1: 80 }).dark).toBeGreaterThan(500);

    const csv = await downloadFrom(page, chart.name, 'Download CSV');
    const csvText = csv.body.toString('utf8');
    expect(csvText.split('\n')[0]).toBe(HEADER);
    const rows = parseCsv(csvText, { columns: true }) as Record<string, string>[];
    await figure.getByText(`Data table: ${chart.name}`).click();
    const drawn = await figure.locator('details.chart-data tbody tr').count();
    expect(rows).toHaveLength(drawn);
    // every year of the range for every partner: a figure with its source, or "no data" with no value (never 0)
    expect(rows).toHaveLength(10 * 2);
    for (const row of rows) {
      expect(row.indicator).toBe(chart.slug);
      if (row.status === 'no data') {
        expect(row.value).toBe('');
        expect(row.source_title).toBe('');
      } else {
        expect(Number(row.value)).not.toBeNaN();
        expect(row.source_title).toMatch(/ · (official|international organisation|major media|other source)\)/);
      }
    }
    expect(rows.filter((r) => r.status === 'no data').length).toBe(await figure.locator('details.chart-data tbody tr.missing').count());
  });
}

test('@export the square size at 3× density, with a transparent background', async ({ page }) => {
  await page.goto('/dimensions/gas?partners=RUS');
  const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
  await figure.locator('details.export-menu summary').click();
  await figure.getByLabel('Size').selectOption('square');
  await figure.getByLabel('Density').selectOption('3');
  await figure.getByLabel('Transparent background').check();
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download PNG' }).click()]);
  const image = PNG.sync.read(fs.readFileSync(await download.path()));
  expect([image.width, image.height]).toEqual([3240, 3240]);
  expect(image.data[3]).toBe(0);
  await expect(figure.getByRole('textbox', { name: 'Embed this chart' })).toHaveValue(/\/api\/charts\/gas_import_share\.png\?partners=RUS&size=square&background=transparent&density=3/);
});

test('@export with JavaScript off, the menu offers plain PNG, SVG and CSV links of the view', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/dimensions/gas?partners=RUS,NATO&from=2015&to=2024');
  const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
  await figure.locator('details.export-menu summary').click();
  await expect(figure.getByRole('button', { name: 'Download PNG' })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), figure.locator('details.export-menu').getByRole('link', { name: 'PNG', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe('gas_import_share-TUR-RUS_NATO-2015-2024.png');
  const image = PNG.sync.read(fs.readFileSync(await download.path()));
  expect([image.width, image.height]).toEqual([2400, 1350]);
  const csv = figure.locator('details.export-menu').getByRole('link', { name: 'CSV', exact: true });
  expect(await csv.getAttribute('href')).toBe('/api/charts/gas_import_share.csv?partners=RUS,NATO&from=2015&to=2024');
  await context.close();
});

test('@export the options are rendered when the menu is first opened, in place of the plain links', async ({ page }) => {
  await page.goto('/dimensions/gas?partners=RUS');
  const menus = page.locator('details.export-menu');
  expect(await menus.count()).toBeGreaterThan(1);
  await expect(page.locator('details.export-menu .export-options')).toHaveCount(0);
  await expect(page.locator('details.export-menu .menu-links')).toHaveCount(await menus.count());
  const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
  await figure.locator('details.export-menu summary').click();
  await expect(figure.getByRole('button', { name: 'Download PNG' })).toBeVisible();
  await expect(figure.locator('.menu-links')).toHaveCount(0);
  await expect(page.locator('details.export-menu .export-options')).toHaveCount(1);
});

test.describe('@export server URLs', () => {
  test('PNG, SVG and CSV with ETag; 304 when unchanged', async ({ request }) => {
    const png = await request.get('/api/charts/gas_import_share.png?partners=RUS,NATO');
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const image = PNG.sync.read(await png.body());
    expect([image.width, image.height]).toEqual([2400, 1350]);
    const etag = png.headers().etag;
    expect(etag).toBeTruthy();
    expect(png.headers()['cache-control']).toContain('must-revalidate');
    const again = await request.get('/api/charts/gas_import_share.png?partners=RUS,NATO', { headers: { 'If-None-Match': etag! } });
    expect(again.status()).toBe(304);

    const svg = await request.get('/api/charts/gas_imports_volume.svg?partners=RUS&size=square');
    expect(svg.status()).toBe(200);
    expect(svg.headers()['content-type']).toContain('image/svg+xml');
    expect(await svg.text()).toContain('width="1080" height="1080"');

    const csv = await request.get('/api/charts/gas_imports_volume.csv?partners=RUS&from=2015&to=2016');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toContain('gas_imports_volume-TUR-RUS-2015-2016.csv');
    const rows = parseCsv(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.partner, r.year, r.value])).toEqual([
      ['RUS', '2015', '26.779'],
      ['RUS', '2016', '24.537'],
    ]);
  });

  test('bad parameters give 400 with a message; an unknown chart gives 404', async ({ request }) => {
    for (const path of ['/api/charts/gas_import_share.png?density=5', '/api/charts/gas_import_share.svg?partners=XXX', '/api/charts/gas_import_share.csv?from=2020&to=2010', '/api/charts/gas_import_share.png?size=huge']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
      expect(((await response.json()) as { error: string }).error.length, path).toBeGreaterThan(5);
    }
    for (const path of ['/api/charts/no_such_chart.png', '/api/charts/gas_import_share.gif']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
    }
  });
});

test('@export the compare chart exports too', async ({ page, request }) => {
  await page.goto('/compare?partners=RUS,USA');
  const png = await downloadFrom(page, 'Dependency score by dimension: Russia, United States (all years)', 'Download PNG');
  expect(png.name).toBe('compare-TUR-RUS_USA-all-all.png');
  expect(PNG.sync.read(png.body).width).toBe(2400);
  const csv = await request.get('/api/charts/compare.csv?partners=RUS,USA');
  const rows = parseCsv(await csv.text(), { columns: true }) as Record<string, string>[];
  expect(rows.find((r) => r.partner === 'RUS' && r.indicator === 'score:gas')).toMatchObject({ year: '2024', value: '41' });
});
