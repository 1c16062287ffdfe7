import { expect, test } from '@playwright/test';

test('a visitor searches, filters, opens a mentor and comes back to the same results', async ({ page }) => {
  await page.goto('/mentors');
  const heading = page.locator('#results-heading');
  await expect(heading).toContainText(/\d+ mentors/);

  await page.getByLabel('Search', { exact: true }).fill('Maya Okafor');
  await page.getByLabel('Search', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=Maya\+Okafor/);
  const first = page.locator('main article').first();
  await expect(first.getByRole('link', { name: 'Maya Okafor' })).toBeVisible();

  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('How they like to start').selectOption('grow');
  await expect(page).toHaveURL(/prefers=grow/);
  await page.getByLabel('Has open slots now').check();
  await expect(page).toHaveURL(/accepting=1/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('prefers grow');
  const cards = page.locator('main article');
  await expect(cards.first()).toBeVisible();
  for (const badge of await cards.getByText(/^Prefers (ask|grow)$|^Ask or grow$/).allTextContents()) expect(badge).toBe('Prefers grow');
  const resultsUrl = page.url();
  const names = await cards.locator('h2').allTextContents();

  await cards.first().locator('h2 a').click();
  await expect(page).toHaveURL(/\/u\//);
  await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible();
  await expect(page.getByText('Prefers to let it grow')).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(resultsUrl);
  await expect(page.locator('main article h2')).toHaveText(names);
  await expect(page.getByLabel('Has open slots now')).toBeChecked();
});

test('a search that finds no one suggests loosening it, and nonsense parameters do not break the page', async ({ page }) => {
  const response = await page.goto('/mentors?q=zzzzqqqq&tag=react&prefers=sometimes&page=-3&sort=%00');
  expect(response!.status()).toBe(200);
  await expect(page.getByText('Unknown start preference ignored; use ask, grow or either.')).toBeVisible();
  await expect(page.getByText('No mentor matches all of that.')).toBeVisible();
  await page.getByRole('link', { name: 'Without the search words' }).click();
  await expect(page).toHaveURL(/\/mentors\?tag=react$/);
  await expect(page.locator('main article').first()).toBeVisible();
});

test('pages through the directory without repeating anyone', async ({ page }) => {
  await page.goto('/mentors?sort=newest');
  const firstPage = await page.locator('main article h2').allTextContents();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(/page=2/);
  const secondPage = await page.locator('main article h2').allTextContents();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
});

test('the directory works with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/mentors');
  await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/lang=fr/);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('French');
  await context.close();
});
