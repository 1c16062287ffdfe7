import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** The paths of the post pages the site feed lists, read as XML by the browser's own parser. */
async function feedEntries(page: Page, path = '/feed.xml') {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length) throw new Error('The feed is not well-formed XML');
    if (doc.documentElement.namespaceURI !== 'http://www.w3.org/2005/Atom') throw new Error('Not an Atom feed');
    return [...doc.getElementsByTagName('entry')].map((entry) => ({
      title: entry.getElementsByTagName('title')[0]?.textContent ?? '',
      path: new URL(entry.querySelector('link[rel="alternate"]')?.getAttribute('href') ?? '').pathname,
    }));
  }, xml);
}

/** The newest post's path, from the sitemap: plain text, so it needs no script in the page. */
async function firstPostPath(page: Page) {
  const xml = await (await page.request.get('/sitemap.xml')).text();
  const path = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).find((p) => p.startsWith('/posts/'));
  expect(path, 'the demo data has published posts').toBeDefined();
  return path!;
}

test('the sitemap lists the public pages, a mentor profile and a post', async ({ page }) => {
  const response = await page.request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(paths).toEqual(expect.arrayContaining(['/', '/mentors', '/insights', '/feed', '/u/demo_mentor']));
  expect(paths.some((p) => p.startsWith('/posts/'))).toBe(true);
  expect(xml).toContain('<lastmod>');
  // Nothing private.
  expect(paths.some((p) => /^\/(settings|requests|mentorships|admin)/.test(p))).toBe(false);
});

test('robots.txt keeps crawlers out of private areas and names the sitemap', async ({ page }) => {
  const response = await page.request.get('/robots.txt');
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/^User-Agent: \*$/im);
  for (const path of ['/settings', '/requests', '/mentorships', '/admin', '/api/']) expect(text).toContain(`Disallow: ${path}\n`);
  expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
});

test('the site feed is well-formed Atom with entries that open as posts', async ({ page }) => {
  // A blank page is enough for the browser's XML parser.
  const entries = await feedEntries(page);
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.length).toBeLessThanOrEqual(50);
  const [{ path, title }] = entries as [(typeof entries)[number]];
  expect(path).toMatch(/^\/posts\/[\w-]+$/);
  const response = await page.goto(path);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('a profile page has its title, Open Graph profile, canonical URL and feed link', async ({ page }) => {
  await page.goto('/u/demo_mentor');
  const head = page.locator('head');
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'profile');
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', /@demo_mentor/);
  await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /\S/);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', /^https?:\/\/[^/]+\/u\/demo_mentor$/);
  const feed = head.locator('link[rel="alternate"][type="application/atom+xml"][href$="/u/demo_mentor/feed.xml"]');
  await expect(feed).toHaveCount(1);
  // The site feed stays linked too (Next replaces the layout's alternates, it does not merge them).
  await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);
  await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]:not([href*="/u/"])')).toHaveAttribute('href', /\/feed\.xml$/);
  const entries = await feedEntries(page, new URL((await feed.getAttribute('href'))!).pathname);
  expect(entries.length).toBeGreaterThan(0);

  expect((await page.request.get('/u/nobody_by_this_handle/feed.xml')).status()).toBe(404);
});

test('a post page is an Open Graph article with a canonical URL', async ({ page }) => {
  const path = await firstPostPath(page);
  await page.goto(path);
  const head = page.locator('head');
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(head.locator('meta[property="article:published_time"]')).toHaveAttribute('content', /^\d{4}-\d\d-\d\dT/);
  await expect(head.locator('meta[property="article:author"]')).toHaveAttribute('content', /\/u\/\w+$/);
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${path}$`));
  await expect(page).toHaveTitle(/ · Ask or Grow$/);
});

test('a missing post leaks nothing into the head', async ({ page }) => {
  await page.goto('/posts/no-such-post-zzzzzz');
  await expect(page).toHaveTitle(/not found/i);
  await expect(page.locator('head meta[property="og:type"][content="article"]')).toHaveCount(0);
  await expect(page.locator('head link[rel="canonical"]')).toHaveCount(0);
});

test.describe('dates in the reader’s locale and time zone', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Asia/Tokyo' });

  test('a post’s date is shown as a German reader in Tokyo writes it', async ({ page }) => {
    const path = await firstPostPath(page);
    await page.goto(path);
    const time = page.locator('article header time[datetime]').first();
    const iso = await time.getAttribute('datetime');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT/);
    const expected = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(new Date(iso!));
    await expect(time).toHaveText(expected);
    await new AxeBuilder({ page }).include('article header').analyze().then((r) => {
      expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });
  });
});

test.describe('dates without scripts', () => {
  test.use({ javaScriptEnabled: false, locale: 'de-DE', timezoneId: 'Asia/Tokyo' });

  test('fall back to the server’s UTC text', async ({ page }) => {
    const path = await firstPostPath(page);
    await page.goto(path);
    const time = page.locator('article header time[datetime]').first();
    const iso = await time.getAttribute('datetime');
    const utc = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso!));
    await expect(time).toHaveText(utc);
  });
});
