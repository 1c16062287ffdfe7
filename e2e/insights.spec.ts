import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { formatValue, type Figure } from '../lib/insights';
import { DEMO_PASSWORD, signIn, signUp } from './fixtures';

type Export = { computedAt: string; headline: string; figures: Figure[] };

/** CSV as the export writes it: quoted cells may hold commas and doubled quotes. */
function parseCsv(text: string) {
  const rows: string[][] = [];
  for (const line of text.trimEnd().split('\r\n')) {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        cells.push(cell);
        cell = '';
      }
      else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

/** The page and both exports, read until all three come from the same computation (the cache lasts 30 s). */
async function readAll(page: Page, path: string, query = '') {
  let result: { json: Export; csv: Record<string, string>[] } | undefined;
  await expect(async () => {
    await page.goto(`${path}${query}`);
    const shown = await page.getByTestId('computed-at').getAttribute('datetime');
    const json = (await (await page.request.get(`/api/insights${query}`)).json()) as Export;
    const csv = parseCsv(await (await page.request.get(`/insights.csv${query}`)).text());
    expect(json.computedAt).toBe(shown);
    expect(csv[0]!.computed_at).toBe(shown);
    result = { json, csv };
  }).toPass({ timeout: 20_000 });
  return result!;
}

test('the page shows the headline and every figure the CSV and JSON export, with the same values', async ({ page }) => {
  const { json, csv } = await readAll(page, '/insights');
  await expect(page.getByTestId('headline')).toHaveText(json.headline);
  expect(json.headline.length).toBeGreaterThan(20);
  expect(csv).toHaveLength(json.figures.length);
  expect(json.figures.length).toBe(57); // 19 figures for each of the 3 paths
  for (const [i, f] of json.figures.entries()) {
    const row = csv[i]!;
    expect([row.cohort, row.metric, row.n, row.status]).toEqual([f.cohort, f.metric, String(f.n), f.status]);
    expect(row.value).toBe(f.value === undefined ? '' : String(f.value));
    expect(row.low).toBe(f.low === undefined ? '' : String(f.low));
    const cell = page.locator(`td[data-metric="${f.metric}"][data-cohort="${f.cohort}"]`);
    await expect(cell.locator('[data-part="value"]')).toHaveText(formatValue(f));
    await expect(cell.locator('[data-part="n"]')).toHaveText(`n = ${f.n.toLocaleString('en')}`);
    // A hidden figure (fewer than 5 people) exports no value at all.
    if (f.status === 'hidden') expect([row.value, row.low, row.high].join('')).toBe('');
  }
  // The demo's simulated year gives every path enough to show: some figures are public.
  expect(json.figures.filter((f) => f.status === 'ok').length).toBeGreaterThan(10);
});

test('each chart has a text alternative and a table with its numbers; no accessibility violations in either theme', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/insights');
    const figures = page.locator('main figure');
    await expect(figures).toHaveCount(3);
    for (const figure of await figures.all()) {
      const chart = figure.getByRole('img');
      // A chart, or a sentence saying there is nothing to draw yet.
      if ((await chart.count()) > 0) expect((await chart.getAttribute('aria-label'))!.length).toBeGreaterThan(40);
      else await expect(figure).toContainText('not enough data', { ignoreCase: true });
      await expect(figure.locator('xpath=following-sibling::div[1]//table')).toHaveCount(1);
    }
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('the time window narrows the figures and is kept in the exports', async ({ page }) => {
  const all = await readAll(page, '/insights');
  const recent = await readAll(page, '/insights', '?window=90d');
  await expect(page.getByRole('link', { name: 'Last 90 days' })).toHaveAttribute('aria-current', 'page');
  const count = (e: Export) => e.figures.filter((f) => f.metric === 'mentorships').reduce((s, f) => s + f.n, 0);
  expect(count(recent.json)).toBeLessThan(count(all.json));
  expect(recent.csv.every((r) => r.window === '90d')).toBe(true);
  await expect(page.getByRole('link', { name: 'CSV' })).toHaveAttribute('href', '/insights.csv?window=90d');
});

test('a mentor sees their own figures beside the platform’s; no one else can read them', async ({ page }) => {
  expect((await page.request.get('/api/insights?scope=mine')).status()).toBe(401);
  expect((await page.request.get('/api/insights?scope=everyone')).status()).toBe(400);
  await page.goto('/insights/mine');
  await expect(page).toHaveURL(/\/signin/);

  await signUp(page);
  await page.goto('/insights/mine');
  await expect(page.getByText('appear once you mentor')).toBeVisible();
  expect((await page.request.get('/api/insights?scope=mine')).status()).toBe(403);
  await page.context().clearCookies();

  await signIn(page, 'mentor@example.com', DEMO_PASSWORD);
  await expect(page).not.toHaveURL(/\/signin/);
  await page.goto('/insights/mine');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your insights as a mentor');
  await expect(page.getByRole('columnheader', { name: 'Yours' }).first()).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Platform' }).first()).toBeVisible();
  const mine = (await (await page.request.get('/api/insights?scope=mine')).json()) as Export & { scope: string };
  expect(mine.scope).toBe('mine');
  const platform = (await (await page.request.get('/api/insights')).json()) as Export;
  const total = (e: Export) => e.figures.filter((f) => f.metric === 'conversion').reduce((s, f) => s + f.n, 0);
  expect(total(mine)).toBeGreaterThan(0);
  expect(total(mine)).toBeLessThan(total(platform));
  for (const f of mine.figures.slice(0, 12)) {
    await expect(page.locator(`td[data-scope="mine"][data-metric="${f.metric}"][data-cohort="${f.cohort}"] [data-part="value"]`)).toHaveText(formatValue(f));
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
