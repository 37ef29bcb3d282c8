import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('@dashboard views', () => {
  test('a filtered dimension URL opened fresh shows exactly that view, and back/forward work', async ({ page }) => {
    const url = '/dimensions/grain?partners=RUS,UKR&from=2021&to=2022';
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grain: Turkey and Russia, Ukraine');
    const picker = page.locator('.filters .partner-picker summary');
    await expect(picker).toContainText('Russia, Ukraine (2 of');
    await picker.click();
    await expect(page.getByRole('checkbox', { name: 'Ukraine' })).toBeChecked();
    await expect(page.getByLabel('From')).toHaveValue('2021');
    await expect(page.getByLabel('to', { exact: true })).toHaveValue('2022');
    const figure = page.getByRole('figure', { name: 'Share of wheat imports (%)' });
    await expect(figure).toBeVisible();
    await figure.getByText('Data table: Share of wheat imports (%)').click();
    // header, 2 partners × 2 years (a year without a figure is a row marked missing)
    await expect(figure.getByRole('table').getByRole('row')).toHaveCount(5);

    await page.getByLabel('From').selectOption('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/to=2022/);
    await expect(page).not.toHaveURL(/from=2021/);
    await page.goBack();
    await expect(page.getByLabel('From')).toHaveValue('2021');
    await page.goForward();
    await expect(page.getByLabel('From')).toHaveValue('');
  });

  test('the partner choice folded under its summary still goes with the form, and can be changed there', async ({ page }) => {
    await page.goto('/dimensions/grain?partners=RUS,UKR&from=2021');
    const picker = page.locator('.filters details.partner-picker');
    await expect(picker).not.toHaveAttribute('open');
    await page.getByLabel('to', { exact: true }).selectOption('2022');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/to=2022/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grain: Turkey and Russia, Ukraine');
    await picker.locator('summary').click();
    await page.getByRole('checkbox', { name: 'Russia' }).uncheck();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grain: Turkey and Ukraine');
    await expect(page.locator('.filters .partner-picker summary')).toContainText('Ukraine (1 of');
  });

  test('partial-year figures are never drawn as annual points but are listed, flagged', async ({ page }) => {
    await page.goto('/dimensions/tourism?partners=USA,DEU&from=2015&to=2024');
    const figure = page.getByRole('figure', { name: 'Visitor arrivals (persons)' });
    await figure.getByText('Data table: Visitor arrivals (persons)').click();
    const table = figure.getByRole('table');
    // The United States has only part-year figures for 2019: that year is listed as missing, not drawn
    const usa2019 = table.getByRole('row').filter({ hasText: 'United States' }).filter({ hasText: '2019' });
    await expect(usa2019).toHaveClass(/missing/);
    await expect(usa2019).toContainText('No data (not zero)');
    await expect(table.getByRole('row').filter({ hasText: 'United States' }).filter({ hasText: '2023' })).not.toHaveClass(/missing/);
    // The table of every value has its own page, linked from the dimension view with the same query.
    await page.getByRole('link', { name: 'Every tourism value with its flags, source and excerpt' }).click();
    await expect(page).toHaveURL(/\/dimensions\/tourism\/values\?partners=USA(%2C|,)DEU&from=2015&to=2024$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tourism: every value for Turkey and United States, Germany');
    const values = page.getByRole('table', { name: /every value/ });
    const partial = values.getByRole('row').filter({ hasText: '397,185' });
    await expect(partial).toContainText('part of year: January–August 2019');
    // Germany 2016: two reports of the Ministry's figure; the second is kept as an alternative with its own source.
    await expect(values.getByRole('row').filter({ hasText: '3,890,074' })).toContainText('alternative figure');
  });

  test('every chart sits in a figure named by its title with its sources in the caption', async ({ page }) => {
    await page.goto('/dimensions/gas?partners=RUS');
    const figure = page.getByRole('figure', { name: 'Share of gas imports (%)' });
    await expect(figure.locator('figcaption')).toContainText('Sources:');
    await expect(figure.getByTestId('chart-gas_import_share').or(figure)).toBeVisible();
    // Drawn by the server: the line's dots are in the HTML; Recharts takes over when the pointer comes.
    await expect(figure.getByRole('img', { name: /^Line chart of Share of gas imports for Russia/ })).toBeVisible();
    await expect(figure.locator('svg.chart-svg circle').first()).toBeVisible();
    await figure.locator('.lazy-chart').hover();
    await expect(figure.locator('.recharts-line-curve').first()).toBeVisible();
    await expect(figure.getByRole('group', { name: /^Line chart of Share of gas imports for Russia/ })).toBeVisible();
    // The grain deal is drawn as a range on grain charts.
    await page.goto('/dimensions/grain?partners=RUS,UKR');
    await expect(page.getByRole('list', { name: 'Events marked on Wheat imports (million tonnes)' })).toContainText('(range shaded): Black Sea Grain Initiative signed in Istanbul');
  });

  test('partner view: every dimension and the timeline of events', async ({ page }) => {
    await page.goto('/partners/RUS');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Turkey and Russia');
    for (const label of ['Gas', 'Oil', 'Grain', 'Tourism', 'Trade', 'Arms', 'Sanctions stance']) {
      await expect(page.getByRole('heading', { level: 3, name: label, exact: true })).toBeVisible();
    }
    await expect(page.getByRole('figure', { name: 'Share of gas imports (%)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Timeline' })).toBeVisible();
    await expect(page.getByText('First S-400 deliveries to Turkey')).toBeVisible();
    // the panels tell the four states apart, as the matrix does
    await page.goto('/partners/UKR');
    await expect(page.getByRole('article', { name: 'Gas' }).locator('[data-state]')).toHaveAttribute('data-state', 'zero');
    await expect(page.getByRole('article', { name: 'Oil' }).locator('[data-state]')).toContainText('Not applicable.');
  });

  test('compare: chosen partners side by side in a chart and a table', async ({ page }) => {
    await page.goto('/compare?partners=RUS,USA');
    await expect(page.getByRole('figure', { name: /Dependency score by dimension: Russia, United States/ })).toBeVisible();
    const table = page.getByRole('table', { name: 'Scores and headline figures by dimension' });
    await expect(table.getByRole('columnheader')).toHaveText(['Dimension', 'Russia', 'United States']);
    await expect(table.getByRole('row', { name: /^Gas/ })).toContainText('Score 41');
  });

  test('timeline: filter by partner, dimension and years, each event with its source', async ({ page }) => {
    await page.goto('/timeline');
    await expect(page.getByRole('status')).toHaveText('93 of 93 events');
    await page.getByLabel('Partner').selectOption('UKR');
    await page.getByLabel('Dimension').selectOption('arms');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/partner=UKR&dimension=arms/);
    await expect(page.getByRole('status')).toHaveText('6 of 93 events');
    await expect(page.getByRole('listitem').filter({ hasText: 'Ukraine buys six Bayraktar TB2 drones' })).toContainText('Source:');
  });

  test('sources: every source with publisher, tier and what it supports, filtered by tier, publisher and dimension', async ({ page }) => {
    await page.goto('/sources');
    const all = Number((await page.getByRole('status').textContent())!.match(/^(\d+) sources/)![1]);
    expect(all).toBeGreaterThan(500);
    await page.getByLabel('Tier').selectOption('INTL_ORG');
    await page.getByLabel('Dimension').selectOption('arms');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/tier=INTL_ORG&publisher=&dimension=arms|tier=INTL_ORG.*dimension=arms/);
    await expect(page.getByRole('status')).toContainText('100% of those values from official or international-organisation sources');
    const rows = page.getByRole('table', { name: /Sources/ }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    for (const cell of await rows.locator('td:nth-child(3)').allTextContents()) expect(cell).toBe('international organisation');
    await page.goto('/sources?publisher=Reuters');
    for (const cell of await page.getByRole('table', { name: /Sources/ }).getByRole('row').locator('td:nth-child(2)').allTextContents()) expect(cell).toMatch(/Reuters/i);
    await page.goto('/sources?tier=bogus');
    await expect(page.getByRole('status').first()).toContainText('tier is one of');
  });

  test('official sources only: the view says what share official sources back, and scores from those alone when asked', async ({ page }) => {
    await page.goto('/');
    const note = page.locator('.quality-note');
    await expect(note).toContainText(/\d+ of \d+ figures in this view \(\d+%\)/);
    await note.getByRole('link', { name: 'Score from official and international sources only' }).click();
    await expect(page).toHaveURL(/sources=official/);
    await expect(page.locator('.quality-note')).toContainText('Scoring from those sources only.');
    // Russia's arms score rests on SIPRI (an international organisation): it stays; tourism's press figures drop out
    const russia = page.getByRole('table', { name: /Dependency matrix/ }).getByRole('row', { name: /^Russia/ });
    await expect(russia.getByRole('cell').nth(5)).toHaveAttribute('data-state', 'score');
    // the choice survives the filter form
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/sources=official/);
  });

  test('unknown dimension or partner: a 404 that helps', async ({ page }) => {
    for (const path of ['/dimensions/uranium', '/partners/XYZ']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Gas' })).toHaveAttribute('href', '/dimensions/gas');
    }
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  });

  test('bad view parameters are reported and left at their defaults', async ({ page }) => {
    await page.goto('/?from=2024&to=2015&partners=RUS,XXX');
    await expect(page.getByRole('status').first()).toContainText('"from" must not be after "to"');
    await expect(page.getByRole('status').first()).toContainText('No partner with code XXX');
    await expect(page.getByRole('table', { name: /Dependency matrix/ }).getByRole('rowheader')).toHaveText(['Russia']);
  });

  for (const path of ['/', '/?members=1', '/dimensions/gas', '/dimensions/gas/values', '/dimensions/grain?partners=RUS,UKR', '/partners/RUS', '/partners/NATO', '/compare', '/timeline', '/sources?dimension=arms']) {
    test(`@a11y axe: no violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      // Both forms of a chart are checked: the first one made interactive, the others as the server drew them.
      const lazy = page.locator('.lazy-chart').first();
      if ((await lazy.count()) > 0) {
        await lazy.hover();
        await expect(page.locator('.recharts-wrapper').first()).toBeVisible();
        await page.mouse.move(0, 0);
      }
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('on a 360 px phone the page does not scroll sideways (wide tables scroll in their own box)', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    for (const path of ['/', '/dimensions/gas', '/dimensions/gas/values', '/partners/RUS', '/compare', '/timeline', '/sources?dimension=arms']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
